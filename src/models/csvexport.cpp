#include "models/csvexport.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace hearth {

QString CsvExport::field(const QString &text)
{
    QString value = text;
    if (!value.isEmpty()) {
        const QChar first = value.front();
        const bool formula = first == u'=' || first == u'+' || first == u'@' || first == u'\t' || first == u'\r'
            || (first == u'-' && (value.size() == 1 || !value.at(1).isDigit()));
        if (formula)
            value.prepend(u'\'');
    }
    const bool quote = value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r')
        || (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()));
    if (!quote)
        return value;
    value.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + value + u'"';
}

QString CsvExport::fromModel(const QAbstractItemModel &model, const QList<int> &columns)
{
    QString csv;
    QStringList cells;
    for (int column : columns)
        cells << field(model.headerData(column, Qt::Horizontal).toString());
    csv += cells.join(u',') + QStringLiteral("\r\n");
    for (int row = 0; row < model.rowCount(); ++row) {
        cells.clear();
        for (int column : columns)
            cells << field(model.index(row, column).data().toString());
        csv += cells.join(u',') + QStringLiteral("\r\n");
    }
    return csv;
}

} // namespace hearth
