#pragma once

// Exports what the orders table shows — its rows in the order on screen, its visible columns in
// their on-screen order — as a CSV file (UTF-8 with a byte-order mark, so spreadsheet programs
// read the accents and the currency signs right).
#include <QList>
#include <QString>

class QTableView;

namespace hearth {

class ViewCsvWriter final
{
public:
    static QList<int> shownColumns(const QTableView &view);
    static QString csv(const QTableView &view);
    // False with a sentence when the file cannot be written.
    static bool write(const QTableView &view, const QString &path, QString *error);
};

} // namespace hearth
