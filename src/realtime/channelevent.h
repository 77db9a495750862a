#pragma once

// One event of one channel, as every wire protocol delivers it once its adapter has decoded it.
#include "core/order.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

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

    // The hot path (HearthAdapter's fast decoder) validates an order event's payload into `order`
    // straight from the frame and leaves `data` empty: building a QJsonObject per event cost more
    // than the rest of decoding. `frame` keeps the frame's bytes (shared, not copied), so
    // payload() can still give the JSON to whoever wants it (hearthctl watch).
    std::optional<Order> order = std::nullopt;
    QByteArray frame = {};

    // The payload as JSON, whichever decoder made the event.
    QJsonObject payload() const
    {
        if (!data.isEmpty() || frame.isEmpty())
            return data;
        return QJsonDocument::fromJson(frame).object().value(QLatin1StringView("data")).toObject();
    }

    friend bool operator==(const ChannelEvent &a, const ChannelEvent &b)
    {
        return a.channel == b.channel && a.seq == b.seq && a.type == b.type
            && a.timestamp == b.timestamp && a.payload() == b.payload();
    }
    friend bool operator!=(const ChannelEvent &a, const ChannelEvent &b) { return !(a == b); }
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::ChannelEvent)
