#pragma once

// SQL for orders, always scoped by restaurant. `last_seq` is the seq of the orders-channel
// event that last touched a row: a REST delta is then a plain range query.
#include "core/order.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hearth::server {

class Database;

class OrderRepository final
{
public:
    explicit OrderRepository(Database *database);

    bool insert(const QString &restaurantId, const Order &order, qint64 lastSeq);
    bool update(const QString &restaurantId, const Order &order, qint64 lastSeq);
    std::optional<Order> find(const QString &restaurantId, const QString &orderId) const;
    int nextNumber(const QString &restaurantId) const;

    // Open orders plus those closed since `closedSince`, oldest first.
    QList<Order> openAndClosedSince(const QString &restaurantId, const QDateTime &closedSince,
                                    std::optional<OrderStatus> status) const;
    // Orders touched by an event with seq > `seq`, oldest first.
    QList<Order> changedSince(const QString &restaurantId, qint64 seq,
                              std::optional<OrderStatus> status) const;
    QList<Order> openOrders(const QString &restaurantId) const;

private:
    QList<Order> select(const QString &whereClause, const QVariantList &values) const;

    Database *m_database;
};

} // namespace hearth::server
