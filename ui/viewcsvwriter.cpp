#include "ui/viewcsvwriter.h"

#include "models/csvexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QHeaderView>
#include <QSaveFile>
#include <QTableView>

namespace hearth {

QList<int> ViewCsvWriter::shownColumns(const QTableView &view)
{
    const QHeaderView *header = view.horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    return columns;
}

QString ViewCsvWriter::csv(const QTableView &view)
{
    return CsvExport::fromModel(*view.model(), shownColumns(view));
}

bool ViewCsvWriter::write(const QTableView &view, const QString &path, QString *error)
{
    QSaveFile file(path); // all or nothing: a half-written export is worse than none
    QByteArray bytes("\xEF\xBB\xBF");
    bytes += csv(view).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("hearth::ViewCsvWriter", "The orders could not be saved to %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace hearth
