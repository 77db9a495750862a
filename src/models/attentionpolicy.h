#pragma once

// Decides when the orders need someone's attention, apart from how it is drawn (chime, tray
// message, a flashing taskbar entry): an order nobody has seen arrives, or one still
// unacknowledged has waited `escalateAfter` since it was last announced. No I/O, no timers, no
// clock of its own — the caller says what changed and what time it is (by the server's clock,
// like the orders' stamps), so every rule is a plain test.
#include "core/order.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <chrono>
#include <functional>

namespace hearth {

struct AttentionDecision
{
    enum class Kind { None, NewOrders, StillWaiting };
    Kind kind = Kind::None;
    QList<int> orderNumbers; // the orders announced, by number

    explicit operator bool() const { return kind != Kind::None; }
    // "New order #142", "3 new orders: #142, #143, #144", "Order #140 is still waiting (12 min)".
    QString text() const;
    QString title() const;
    std::chrono::minutes waited{0}; // StillWaiting: the longest wait among them
};

class AttentionPolicy final
{
public:
    // 0 turns the second announcement off.
    void setEscalateAfter(std::chrono::minutes after) { m_escalateAfter = after; }

    // Orders that arrived or changed through the live stream, a replay or a poll: an open order
    // nobody has acknowledged and that was not known before is announced.
    AttentionDecision ordersChanged(const QList<Order> &orders, const QDateTime &now);
    // Orders as a snapshot or the local cache gives them: known from now on without a sound
    // (a restart must not chime for every waiting order), though an old unacknowledged one is
    // still announced again by check() once it has waited escalateAfter since it came.
    void ordersKnown(const QList<Order> &orders);
    // Unacknowledged orders whose last announcement is escalateAfter ago are announced again.
    AttentionDecision check(const QDateTime &now);
    // Orders that left the list (pruned, another restaurant's, a cleared model) wait for no one.
    void retainOnly(const std::function<bool(const QString &orderId)> &stillListed);

    int waitingCount() const { return int(m_waiting.size()); }

private:
    struct Waiting
    {
        int number = 0;
        QDateTime createdAt;
        QDateTime lastAnnounced;
    };
    // True when the order is new and waiting (to be announced).
    bool track(const Order &order, const QDateTime &announcedAt);

    QHash<QString, Waiting> m_waiting; // open, unacknowledged orders by id
    std::chrono::minutes m_escalateAfter{5};
};

} // namespace hearth
