#pragma once

// One event of one channel, as every wire protocol delivers it once its adapter has decoded it.
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace hearth {

struct ChannelEvent
{
    // Protocols without sequence numbers (Action Cable, Phoenix) deliver events with seq 0: they
    // are applied as they come, and the entity versions make repeats harmless.
    static constexpr qint64 unsequenced = 0;

    QString channel;
    qint64 seq = unsequenced; // strictly increasing per channel within one server epoch
    QString type;         // "order.created", "inventory.low_stock", …
    QJsonObject data;     // the payload; typed decoding happens per channel
    QDateTime timestamp;  // when the server emitted it (UTC)

    friend bool operator==(const ChannelEvent &a, const ChannelEvent &b)
    {
        return a.channel == b.channel && a.seq == b.seq && a.type == b.type && a.data == b.data
            && a.timestamp == b.timestamp;
    }
    friend bool operator!=(const ChannelEvent &a, const ChannelEvent &b) { return !(a == b); }
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::ChannelEvent)
