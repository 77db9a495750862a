#pragma once

// Small valid orders for model tests.
#include "core/order.h"

namespace hearth::test {

inline Order makeOrder(int number, OrderStatus status = OrderStatus::New, qint64 version = 1)
{
    Order order;
    order.id = QStringLiteral("ord-%1").arg(number);
    order.number = number;
    order.status = status;
    order.type = OrderType::Pickup;
    order.customerName = QStringLiteral("Guest %1").arg(number);
    order.items = {OrderItem{QStringLiteral("Soup"), 1, 650}};
    order.totalCents = 650;
    order.createdAt = QDateTime(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC).addSecs(number * 60);
    order.updatedAt = order.createdAt;
    if (status != OrderStatus::New)
        order.acknowledgedAt = order.createdAt.addSecs(30);
    order.version = version;
    return order;
}

} // namespace hearth::test
