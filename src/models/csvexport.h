#pragma once

// Turns what a table shows into CSV (RFC 4180: commas, double quotes doubled, CRLF line ends):
// the header, then each row's display text, in the view's order and with only the columns the
// view shows — what the filters show is what is exported. A cell that a spreadsheet would take
// for a formula (=, +, @, or - before a non-digit) gets a leading apostrophe: a customer name
// must never run as a formula on the manager's PC.
#include <QList>
#include <QString>

class QAbstractItemModel;

namespace hearth {

class CsvExport final
{
public:
    static QString field(const QString &text);
    // `columns`: logical column numbers in the order they are shown (hidden ones left out).
    static QString fromModel(const QAbstractItemModel &model, const QList<int> &columns);
};

} // namespace hearth
