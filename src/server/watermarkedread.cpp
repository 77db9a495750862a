#include "server/watermarkedread.h"

#include "server/database.h"
#include "server/eventlog.h"

namespace hearth::server {

Watermark readWatermarked(Database *database, const EventLog *events, const QString &restaurantId,
                          QLatin1StringView channel, const std::function<void()> &readRows)
{
    Watermark watermark;
    // One read transaction: the watermark and the rows come from the same state of the database.
    SqlTransaction transaction(database->connection());
    if (!transaction.isActive())
        return watermark;
    watermark.seq = events->headSeq(restaurantId, QString(channel));
    readRows();
    watermark.epoch = database->epoch();
    watermark.ok = watermark.seq >= 0 && transaction.commit();
    return watermark;
}

} // namespace hearth::server
