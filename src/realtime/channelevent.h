#pragma once

// One event of one channel, as every wire protocol delivers it once its adapter has decoded it.
#include "core/order.h"
#include "core/ordercodec.h"

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

    // The hot paths validate an order event's payload into `order` and leave `data` empty:
    // building a QJsonObject per event cost more than the rest of decoding. HearthAdapter's fast
    // decoder reads it straight from the frame and keeps the frame's bytes in `frame` (shared,
    // not copied); the Action Cable and Phoenix adapters map the foreign entity into it. Either
    // way payload() still gives the JSON to whoever wants it (hearthctl watch).
    std::optional<Order> order = std::nullopt;
    QByteArray frame = {};

    // Whether an event of this channel and type carries an order (RealtimeService applies those).
    static bool carriesOrder(const QString &channel, const QString &type)
    {
        return channel == QLatin1StringView("orders") && type.startsWith(QLatin1StringView("order."));
    }

    // The payload as JSON, whichever decoder made the event.
    QJsonObject payload() const
    {
        if (!data.isEmpty())
            return data;
        if (!frame.isEmpty())
            return QJsonDocument::fromJson(frame).object().value(QLatin1StringView("data")).toObject();
        if (order)
            return OrderCodec::toJson(*order);
        return data;
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
