#include "store/durablefile.h"

#include "core/logging.h"

#include <QDir>
#include <QSqlQuery>

namespace hearth::DurableFile {

bool open(CacheDatabase &database, QString *reason)
{
    bool ok = database.open();
    if (!ok && database.lastFault() == SqliteFault::Broken) {
        qCWarning(lcStore) << "outbox" << QDir::toNativeSeparators(database.path())
                           << "is not usable:" << database.lastError().text() << "- moved aside";
        database.moveAside();
        ok = database.open();
    }
    if (!ok) {
        if (reason)
            *reason = database.lastError().text();
        return false;
    }
    QSqlQuery query(database.database());
    // A commit reaches the disk before the write returns: the entry exists nowhere else.
    if (!query.exec(QStringLiteral("PRAGMA synchronous = FULL"))) {
        if (reason)
            *reason = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace hearth::DurableFile
