#pragma once

// The rules of orders: what may change, in which order, and that every change is recorded.
// Each change bumps the order's version and appends an `orders` event in the same transaction;
// once committed, eventAppended() hands the event to whoever broadcasts it.
#include "core/order.h"
#include "server/storedevent.h"

#include <QLatin1StringView>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace hearth::server {

class Database;
class EventLog;
class OrderRepository;
class SqlTransaction;

// What a caller supplies for a new order; the service assigns id, number, status and times.
struct NewOrder
{
    OrderType type = OrderType::Pickup;
    QString customerName;
    QList<OrderItem> items;
    QString notes;
    std::optional<qint64> totalCents; // default: the items plus the delivery fee, if any
};

enum class OrderError { None, NotFound, InvalidTransition, InvalidInput, Storage };

struct OrderResult
{
    Order order;
    OrderError error = OrderError::None;
    QString message; // plain English, for the error body and the log

    bool ok() const { return error == OrderError::None; }
};

// A snapshot or delta with its watermark: it holds the effect of every event up to `seq`.
struct OrderListing
{
    QList<Order> orders;
    QString epoch;
    qint64 seq = 0;
    bool ok = false;
};

namespace OrderEvents {
inline constexpr QLatin1StringView channel{"orders"};
inline constexpr QLatin1StringView created{"order.created"};
inline constexpr QLatin1StringView updated{"order.updated"};
inline constexpr QLatin1StringView statusChanged{"order.status_changed"};
inline constexpr QLatin1StringView acknowledged{"order.acknowledged"};
} // namespace OrderEvents

class OrderService final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 deliveryFeeCents = 399;

    OrderService(Database *database, OrderRepository *orders, EventLog *events, QObject *parent = nullptr);

    // `at` backdates the change (the demo seeder replays a service already under way); it must
    // not precede the order's previous change. Invalid: now.
    OrderResult createOrder(const QString &restaurantId, const NewOrder &draft, const QDateTime &at = {});
    // A plausible order from the demo menu (the simulator's and the tests' source of orders).
    Order createRandomOrder(const QString &restaurantId);
    // Idempotent: an already acknowledged open order is returned unchanged, without an event.
    OrderResult acknowledge(const QString &restaurantId, const QString &orderId);
    // Validated with hearth::canTransition; entering `acknowledged` also stamps acknowledged_at.
    OrderResult setStatus(const QString &restaurantId, const QString &orderId, OrderStatus status,
                          const QDateTime &at = {});

    std::optional<Order> find(const QString &restaurantId, const QString &orderId) const;
    QList<Order> openOrders(const QString &restaurantId) const;
    // Open orders and those closed in the last 24 hours.
    OrderListing snapshot(const QString &restaurantId, std::optional<OrderStatus> status = {}) const;
    // Orders changed by events after `since`.
    OrderListing changesSince(const QString &restaurantId, qint64 since,
                              std::optional<OrderStatus> status = {}) const;

signals:
    void eventAppended(const hearth::server::StoredEvent &event);

private:
    OrderResult commit(SqlTransaction *transaction, const QString &restaurantId, Order order,
                       QLatin1StringView eventType, bool isNew);
    OrderResult change(const QString &restaurantId, const QString &orderId, OrderStatus status,
                       bool idempotentAcknowledge, const QDateTime &at);

    Database *m_database;
    OrderRepository *m_orders;
    EventLog *m_events;
};

} // namespace hearth::server
