#pragma once

// Valid orders for the store tests, with every field set so a round trip checks them all.
#include "core/order.h"

#include <QList>
#include <QString>

#include <algorithm>

namespace hearth::test {

inline Order makeOrder(int number, qint64 version = 1, OrderStatus status = OrderStatus::New,
                       const QDateTime &updatedAt = {})
{
    Order order;
    order.id = QStringLiteral("ord-%1").arg(number);
    order.number = number;
    order.status = status;
    order.type = number % 3 == 0 ? OrderType::Delivery : OrderType::Pickup;
    order.customerName = QStringLiteral("Guest %1 \u00e9\u00e8").arg(number);
    order.items = {OrderItem{QStringLiteral("Soup"), 1, 650},
                   OrderItem{QStringLiteral("Bread"), number % 4 + 1, 120}};
    order.notes = number % 2 == 0 ? QStringLiteral("no \"onions\"\nplease") : QString();
    order.totalCents = 650 + 120 * (number % 4 + 1);
    order.createdAt = QDateTime(QDate(2026, 11, 20), QTime(18, 0, 0, 123), Qt::UTC).addSecs(number * 60);
    order.updatedAt = updatedAt.isValid() ? updatedAt : order.createdAt.addSecs(version);
    if (status != OrderStatus::New)
        order.acknowledgedAt = order.createdAt.addMSecs(30'500);
    order.version = version;
    return order;
}

inline QList<Order> makeOrders(int first, int count, qint64 version = 1)
{
    QList<Order> orders;
    orders.reserve(count);
    for (int number = first; number < first + count; ++number)
        orders.append(makeOrder(number, version));
    return orders;
}

// The cache returns orders in no particular order.
inline QList<Order> sortedById(QList<Order> orders)
{
    std::sort(orders.begin(), orders.end(), [](const Order &a, const Order &b) { return a.id < b.id; });
    return orders;
}

} // namespace hearth::test
