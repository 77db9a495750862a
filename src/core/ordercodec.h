#pragma once

// JSON for orders, as on Hearth's wire (docs/protocol.md). Decoding validates every field and
// reports each bad one; it never throws and never returns a half-built order.
#include "core/jsonreader.h"
#include "core/order.h"

#include <QJsonObject>

namespace hearth::OrderCodec {

QJsonObject toJson(const Order &order);
Decoded<Order> fromJson(const QJsonObject &json);
// The "history" array alone (the server keeps it in its own column).
QJsonArray historyToJson(const QList<OrderStatusChange> &history);
// At most this many steps are kept; a longer history keeps its first and its latest.
inline constexpr qsizetype maxHistoryEntries = 100;

QJsonArray toJsonArray(const QList<Order> &orders);
// Decodes every element; a single bad element fails the whole list (a snapshot must be whole).
Decoded<QList<Order>> fromJsonArray(const QJsonArray &json);

} // namespace hearth::OrderCodec
