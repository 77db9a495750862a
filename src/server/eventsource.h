#pragma once

// What a WebSocket subscription reads a channel's history from: the durable EventLog (orders,
// widgets) or an in-memory log (presence, whose state dies with the server). Sessions replay and
// compare epochs through this, so a channel's storage is its own business.
#include "server/storedevent.h"

#include <QList>
#include <QString>

namespace hearth::server {

class EventSource
{
public:
    static constexpr int maxBatch = 1000;

    virtual ~EventSource() = default;

    // Sequence numbers are comparable only within one epoch of a source.
    virtual QString epoch() const = 0;
    // The newest seq of the channel (0 when none); -1 when the source cannot be read.
    virtual qint64 headSeq(const QString &restaurantId, const QString &channel) const = 0;
    // The lowest seq still stored; headSeq + 1 when the channel holds none.
    virtual qint64 oldestRetainedSeq(const QString &restaurantId, const QString &channel) const = 0;
    // True when every event after `afterSeq` is still stored and afterSeq is not in the future.
    virtual bool canReplayFrom(const QString &restaurantId, const QString &channel, qint64 afterSeq) const = 0;
    // Events with seq > afterSeq, oldest first, at most `limit` (capped at maxBatch).
    virtual QList<StoredEvent> readAfter(const QString &restaurantId, const QString &channel, qint64 afterSeq,
                                         int limit) const = 0;

protected:
    EventSource() = default;
    EventSource(const EventSource &) = default;
    EventSource &operator=(const EventSource &) = default;
};

} // namespace hearth::server
