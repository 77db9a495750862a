#include "sync/widgetfields.h"

#include <QRegularExpression>

namespace hearth::WidgetFields {

using namespace Qt::StringLiterals;

QString nameKey()
{
    return u"name"_s;
}

QJsonObject fromWidgetJson(const QJsonObject &widget)
{
    QJsonObject fields = widget.value("settings"_L1).toObject();
    fields.insert(nameKey(), widget.value("name"_L1));
    return fields;
}

QJsonObject toUpdateBody(const QJsonObject &fields)
{
    QJsonObject settings = fields;
    settings.remove(nameKey());
    QJsonObject body{{u"settings"_s, settings}};
    if (fields.contains(nameKey()))
        body.insert(nameKey(), fields.value(nameKey()));
    return body;
}

QString keyOfErrorPath(const QString &path)
{
    QString rest = path;
    if (rest.startsWith("settings."_L1))
        rest = rest.mid(9);
    else if (rest == "settings"_L1)
        return {};
    const qsizetype end = rest.indexOf(QRegularExpression(u"[.\\[]"_s));
    return end < 0 ? rest : rest.left(end);
}

} // namespace hearth::WidgetFields
