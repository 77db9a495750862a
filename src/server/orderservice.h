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

#include <chrono>
#include <functional>
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
    std::optional<qint64> totalCents; // default: the items plus the charges (a delivery always has its fee)
    OrderCharges charges;              // a delivery without a fee gets deliveryFeeCents
    QString customerPhone;
    QString deliveryAddress;
    QString table;
    std::optional<int> promisedMinutes; // ready (or at the door) this long after it was placed
};

enum class OrderError {
    None,
    NotFound,
    InvalidTransition,
    NotRecallable, // no change to recall: none, too old, or already recalled
    Conflict,      // a stale action whose move is no longer possible; `order` is the current one
    InvalidInput,
    Storage,
};

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
inline constexpr QLatin1StringView recalled{"order.recalled"};
inline constexpr QLatin1StringView reopened{"order.reopened"};
} // namespace OrderEvents

// What staff do to an order, with the version their screen showed (If-Match), if they said.
struct OrderAction
{
    enum class Kind { Acknowledge, SetStatus, Recall, Reopen };
    Kind kind = Kind::Acknowledge;
    OrderStatus status = OrderStatus::New; // for SetStatus
    std::optional<qint64> seenVersion;
    QString by; // who made it (a display name), for the order's history
};

// Records the answer to a change in the change's own transaction (the idempotency key's answer);
// false when it could not, which rolls the change back.
using OrderAnswerRecorder = std::function<bool(const OrderResult &result)>;

class OrderService final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 deliveryFeeCents = 399;
    // How long, by the server's clock, the last status change of an order may be recalled.
    static constexpr std::chrono::seconds recallWindow{120};
    // How long after completion an order may be reopened (it is in the snapshot that long).
    static constexpr std::chrono::hours reopenWindow{24};

    OrderService(Database *database, OrderRepository *orders, EventLog *events, QObject *parent = nullptr);

    // `at` backdates the change (the demo seeder replays a service already under way); it must
    // not precede the order's previous change. Invalid: now.
    OrderResult createOrder(const QString &restaurantId, const NewOrder &draft, const QDateTime &at = {});
    // A plausible order from the demo menu (the simulator's and the tests' source of orders),
    // of the dishes `orderable` allows (all without it); none (an empty id) when it allows none.
    Order createRandomOrder(const QString &restaurantId,
                            const std::function<bool(const QString &dishName)> &orderable = {});
    // Idempotent: an already acknowledged open order is returned unchanged, without an event.
    OrderResult acknowledge(const QString &restaurantId, const QString &orderId);
    // Validated with hearth::canTransition; entering `acknowledged` also stamps acknowledged_at.
    OrderResult setStatus(const QString &restaurantId, const QString &orderId, OrderStatus status,
                          const QDateTime &at = {}, const QString &by = {});

    // A staff action (docs/protocol.md, "Order actions"). With a seen version older than the
    // order's: a move that is still possible is made, one whose result the order already has
    // answers the order unchanged, and one that is no longer possible is a Conflict carrying
    // the current order. Recall undoes the order's last status change within recallWindow, once;
    // Reopen takes a completed order back to ready. Each change is its own event.
    OrderResult apply(const QString &restaurantId, const QString &orderId, const OrderAction &action,
                      const OrderAnswerRecorder &record = {});

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
                       QLatin1StringView eventType, bool isNew, const OrderAnswerRecorder &record = {});
    OrderResult apply(const QString &restaurantId, const QString &orderId, const OrderAction &action,
                      const QDateTime &at, const OrderAnswerRecorder &record);

    Database *m_database;
    OrderRepository *m_orders;
    EventLog *m_events;
};

} // namespace hearth::server
