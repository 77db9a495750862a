#pragma once

// "A service already under way" for demos: fills a restaurant that has no orders yet with the
// last 25 minutes of a dinner service, so a dashboard opened on it is busy from the first
// second — orders completed, one cancelled, one ready at the pass, one in the oven, one just
// acknowledged and two nobody has looked at yet. Every step goes through OrderService with its
// time in the past, so the event log, the timestamps and the versions are those of a real
// evening, and the simulator carries the open orders on from where the script leaves them.
#include <QDateTime>
#include <QRandomGenerator>
#include <QString>

namespace hearth::server {

class OrderService;

namespace DemoService {

inline constexpr int scriptedOrders = 9;

// Seeds when the restaurant's orders channel is still empty; otherwise does nothing. False
// (with a message) only when the database refused a change.
bool seedIfFresh(OrderService *orders, const QString &restaurantId, const QDateTime &now,
                 QRandomGenerator &random, QString *errorMessage = nullptr);

} // namespace DemoService

} // namespace hearth::server
