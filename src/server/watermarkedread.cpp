#include "server/watermarkedread.h"

#include "server/database.h"
#include "server/eventlog.h"

#include <utility>

namespace hearth::server {

namespace {

std::function<void()> &interleavedWrite()
{
    static std::function<void()> write;
    return write;
}

} // namespace

void interleaveNextWatermarkedRead(std::function<void()> write)
{
    interleavedWrite() = std::move(write);
}

Watermark readWatermarked(Database *database, const EventLog *events, const QString &restaurantId,
                          QLatin1StringView channel, const std::function<void()> &readRows)
{
    Watermark watermark;
    // One read transaction on one snapshot: the watermark and the rows come from the same state
    // of the database, whatever other instances commit in between.
    SqlTransaction transaction(database->connection(), SqlTransaction::Snapshot::Consistent);
    if (!transaction.isActive())
        return watermark;
    watermark.seq = events->headSeq(restaurantId, QString(channel));
    if (interleavedWrite())
        std::exchange(interleavedWrite(), {})();
    readRows();
    watermark.epoch = database->epoch();
    watermark.ok = watermark.seq >= 0 && transaction.commit();
    return watermark;
}

} // namespace hearth::server
