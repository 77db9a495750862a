#pragma once

// What every channel's REST listing does (orders, widgets, inventory): read the channel's head
// seq and the rows in one read transaction, so the rows hold the effect of every event up to
// that watermark and of none after it, and stamp the result with the log's epoch.
#include <QLatin1StringView>
#include <QString>

#include <functional>

namespace hearth::server {

class Database;
class EventLog;

struct Watermark
{
    QString epoch;
    qint64 seq = 0;
    bool ok = false; // false: the database could not be read; the rows are not to be served
};

// Runs `readRows` inside the transaction that also reads the channel's watermark.
Watermark readWatermarked(Database *database, const EventLog *events, const QString &restaurantId,
                          QLatin1StringView channel, const std::function<void()> &readRows);

// For tests only: `write` runs (once) between the watermark and the rows, where another
// instance's write can commit in a real service (tst_server_snapshotread). Empty: nothing runs.
void interleaveNextWatermarkedRead(std::function<void()> write);

} // namespace hearth::server
