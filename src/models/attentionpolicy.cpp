#include "models/attentionpolicy.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace hearth {

namespace {

QString numbers(const QList<int> &orderNumbers)
{
    QStringList parts;
    for (int number : orderNumbers)
        parts << QCoreApplication::translate("hearth::AttentionPolicy", "#%1", "order number").arg(number);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString AttentionDecision::title() const
{
    switch (kind) {
    case Kind::NewOrders: return QCoreApplication::translate("hearth::AttentionPolicy", "New order");
    case Kind::StillWaiting: return QCoreApplication::translate("hearth::AttentionPolicy", "Order still waiting");
    case Kind::None: break;
    }
    return {};
}

QString AttentionDecision::text() const
{
    const int count = int(orderNumbers.size());
    switch (kind) {
    case Kind::NewOrders:
        return count == 1 ? QCoreApplication::translate("hearth::AttentionPolicy", "New order %1").arg(numbers(orderNumbers))
                          : QCoreApplication::translate("hearth::AttentionPolicy", "%1 new orders: %2").arg(count).arg(numbers(orderNumbers));
    case Kind::StillWaiting:
        return count == 1
            ? QCoreApplication::translate("hearth::AttentionPolicy", "Order %1 is still waiting to be acknowledged (%2 min)")
                  .arg(numbers(orderNumbers)).arg(waited.count())
            : QCoreApplication::translate("hearth::AttentionPolicy", "%1 orders are still waiting to be acknowledged: %2")
                  .arg(count).arg(numbers(orderNumbers));
    case Kind::None: break;
    }
    return {};
}

bool AttentionPolicy::track(const Order &order, const QDateTime &announcedAt)
{
    if (!order.isOpen() || order.isAcknowledged()) {
        m_waiting.remove(order.id); // seen to, or gone
        return false;
    }
    if (m_waiting.contains(order.id))
        return false;
    m_waiting.insert(order.id, Waiting{order.number, order.createdAt, announcedAt});
    return true;
}

AttentionDecision AttentionPolicy::ordersChanged(const QList<Order> &orders, const QDateTime &now)
{
    AttentionDecision decision;
    for (const Order &order : orders) {
        if (track(order, now))
            decision.orderNumbers << order.number;
    }
    if (!decision.orderNumbers.isEmpty()) {
        decision.kind = AttentionDecision::Kind::NewOrders;
        std::sort(decision.orderNumbers.begin(), decision.orderNumbers.end());
    }
    return decision;
}

void AttentionPolicy::ordersKnown(const QList<Order> &orders)
{
    // What a snapshot no longer holds is not waiting for anyone here.
    QHash<QString, Waiting> previous;
    previous.swap(m_waiting);
    for (const Order &order : orders) {
        if (!order.isOpen() || order.isAcknowledged())
            continue;
        const auto known = previous.constFind(order.id);
        // Counted from its arrival: one that has already waited long is announced at the next check.
        m_waiting.insert(order.id, known != previous.cend() ? *known : Waiting{order.number, order.createdAt, order.createdAt});
    }
}

void AttentionPolicy::retainOnly(const std::function<bool(const QString &)> &stillListed)
{
    m_waiting.removeIf([&stillListed](const auto &entry) { return !stillListed(entry.key()); });
}

AttentionDecision AttentionPolicy::check(const QDateTime &now)
{
    AttentionDecision decision;
    if (m_escalateAfter.count() <= 0)
        return decision;
    const qint64 after = std::chrono::duration_cast<std::chrono::seconds>(m_escalateAfter).count();
    for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
        if (!it->lastAnnounced.isValid() || it->lastAnnounced.secsTo(now) < after)
            continue;
        it->lastAnnounced = now;
        decision.orderNumbers << it->number;
        if (it->createdAt.isValid())
            decision.waited = std::max(decision.waited, std::chrono::minutes(qMax<qint64>(0, it->createdAt.secsTo(now) / 60)));
    }
    if (!decision.orderNumbers.isEmpty()) {
        decision.kind = AttentionDecision::Kind::StillWaiting;
        std::sort(decision.orderNumbers.begin(), decision.orderNumbers.end());
    }
    return decision;
}

} // namespace hearth
