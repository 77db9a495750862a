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

// An order's last status change, kept so that it can be recalled for a short while.
struct StatusChange
{
    OrderStatus from = OrderStatus::New;
    OrderStatus to = OrderStatus::New;
    QDateTime at;        // the server's clock
    qint64 version = 0;  // the order's version the change produced
};

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

    std::optional<StatusChange> lastStatusChange(const QString &restaurantId, const QString &orderId) const;
    bool setLastStatusChange(const QString &restaurantId, const QString &orderId, const StatusChange &change);
    bool forgetLastStatusChange(const QString &restaurantId, const QString &orderId);

private:
    QList<Order> select(const QString &whereClause, const QVariantList &values) const;

    Database *m_database;
};

} // namespace hearth::server
