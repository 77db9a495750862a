#include "sync/widgetfields.h"

#include "core/widgetcodec.h"

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

QJsonObject fromWidget(const WidgetConfig &widget)
{
    QJsonObject fields = WidgetCodec::settingsToJson(widget.kind, widget.settings);
    fields.insert(nameKey(), widget.name);
    return fields;
}

WidgetConfig applied(const WidgetConfig &widget, const QJsonObject &fields)
{
    WidgetConfig result = widget;
    if (fields.isEmpty())
        return result;
    const QJsonValue name = fields.value(nameKey());
    if (name.isString())
        result.name = name.toString();
    const QJsonObject server = WidgetCodec::settingsToJson(widget.kind, widget.settings);
    const QStringList keys = WidgetCodec::settingKeys(widget.kind);
    for (const QString &key : keys) {
        const QJsonValue value = fields.value(key);
        if (value.isUndefined() || value == server.value(key))
            continue;
        // One key at a time, so one invalid value does not hide the valid others.
        Decoded<WidgetSettings> one = WidgetCodec::settingsFromJson(widget.kind, QJsonObject{{key, value}},
                                                                   result.settings);
        if (one.ok())
            result.settings = *one.value;
    }
    return result;
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
