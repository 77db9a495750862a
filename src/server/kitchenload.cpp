#include "server/kitchenload.h"

#include <QLatin1StringView>

#include <cmath>

namespace hearth::server {

KitchenLoad KitchenLoad::measure(const QList<Order> &openOrders, const QDateTime &now)
{
    KitchenLoad load;
    for (const Order &order : openOrders) {
        if (order.status != OrderStatus::New && order.status != OrderStatus::Acknowledged
            && order.status != OrderStatus::Preparing)
            continue;
        ++load.openOrders;
        for (const OrderItem &item : order.items)
            load.itemsInPreparation += std::max(0, item.quantity);
        const qint64 age = std::max<qint64>(0, order.createdAt.secsTo(now));
        load.oldestAgeSeconds = std::max(load.oldestAgeSeconds, age);
        if (age > waitingLongMinutes * 60)
            ++load.ordersWaitingLong;
    }
    load.figure = load.itemsInPreparation + 2 * load.ordersWaitingLong;
    return load;
}

QString kitchenStateToWire(KitchenState state)
{
    switch (state) {
    case KitchenState::Normal: return QStringLiteral("normal");
    case KitchenState::Busy: return QStringLiteral("busy");
    case KitchenState::Paused: return QStringLiteral("paused");
    }
    return {};
}

std::optional<KitchenState> kitchenStateFromWire(const QString &name)
{
    for (KitchenState state : {KitchenState::Normal, KitchenState::Busy, KitchenState::Paused}) {
        if (kitchenStateToWire(state) == name)
            return state;
    }
    return std::nullopt;
}

QString kitchenOverrideToWire(KitchenOverride value)
{
    switch (value) {
    case KitchenOverride::Auto: return QStringLiteral("auto");
    case KitchenOverride::Open: return QStringLiteral("open");
    case KitchenOverride::Paused: return QStringLiteral("paused");
    }
    return {};
}

std::optional<KitchenOverride> kitchenOverrideFromWire(const QString &name)
{
    for (KitchenOverride value : {KitchenOverride::Auto, KitchenOverride::Open, KitchenOverride::Paused}) {
        if (kitchenOverrideToWire(value) == name)
            return value;
    }
    return std::nullopt;
}

bool KitchenGovernor::update(int load, const KitchenThresholds &thresholds, qint64 nowMs)
{
    const bool pauses = thresholds.pauseAt > 0;
    const bool stretches = thresholds.busyAt > 0;
    const auto below = [load](int threshold) { return load <= std::floor(threshold * resumeFraction); };
    KitchenState next = m_state;
    // Up at once.
    if (pauses && load >= thresholds.pauseAt)
        next = KitchenState::Paused;
    else if (stretches && load >= thresholds.busyAt && m_state == KitchenState::Normal)
        next = KitchenState::Busy;
    // Down only well below, and not before the state has held a while.
    const bool held = nowMs - m_sinceMs >= minimumHoldMs;
    if (next == m_state && held) {
        if (m_state == KitchenState::Paused && (!pauses || below(thresholds.pauseAt)))
            next = stretches && !below(thresholds.busyAt) ? KitchenState::Busy : KitchenState::Normal;
        else if (m_state == KitchenState::Busy && (!stretches || below(thresholds.busyAt)))
            next = KitchenState::Normal;
    }
    if (next == m_state)
        return false;
    m_state = next;
    m_sinceMs = nowMs;
    return true;
}

int KitchenGovernor::quotedMinutes(KitchenState state, const KitchenThresholds &thresholds)
{
    const int base = std::max(1, thresholds.baseMinutes);
    switch (state) {
    case KitchenState::Normal: return base;
    case KitchenState::Busy: return int(std::ceil(base * 1.5 / 5.0) * 5); // in whole five minutes
    case KitchenState::Paused: return base * 2;
    }
    return base;
}

} // namespace hearth::server
