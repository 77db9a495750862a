#pragma once

// One entry of the append-only event log: what the WebSocket sends as an `event` frame.
#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace hearth::server {

struct StoredEvent
{
    QString restaurantId;
    QString channel;
    qint64 seq = 0;      // per restaurant and channel, from 1, without gaps
    QString type;        // "order.created", …
    QByteArray data;     // compact JSON object, serialized once when appended
    QDateTime ts;
};

} // namespace hearth::server

Q_DECLARE_METATYPE(hearth::server::StoredEvent)
