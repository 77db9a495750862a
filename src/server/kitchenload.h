#pragma once

// How busy the kitchen is, and what an ordering widget does about it. The load figure counts the
// items of open orders still in the kitchen (new, acknowledged, preparing) and adds two for every
// such order waiting more than 20 minutes: a queue of old tickets weighs more than a fresh rush.
// KitchenGovernor turns the figure into a widget's state with hysteresis — it climbs at once (the
// kitchen is protected the moment it passes a threshold) but comes down only when the load has
// fallen to three quarters of the threshold and the state has held for a minute, so a load
// wobbling around a threshold never flaps the website between open and paused. No I/O here.
#include "core/order.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hearth::server {

struct KitchenLoad
{
    int openOrders = 0;          // in the kitchen: new, acknowledged or preparing
    int itemsInPreparation = 0;  // their items, by quantity
    int ordersWaitingLong = 0;   // of them, waiting more than waitingLongMinutes
    qint64 oldestAgeSeconds = 0;
    int figure = 0;              // itemsInPreparation + 2 × ordersWaitingLong

    static constexpr int waitingLongMinutes = 20;
    static KitchenLoad measure(const QList<Order> &openOrders, const QDateTime &now);
};

enum class KitchenState { Normal, Busy, Paused };
enum class KitchenOverride { Auto, Open, Paused }; // the manager's: follow the load, or not

QString kitchenStateToWire(KitchenState state);
std::optional<KitchenState> kitchenStateFromWire(const QString &name);
QString kitchenOverrideToWire(KitchenOverride value);
std::optional<KitchenOverride> kitchenOverrideFromWire(const QString &name);

// A manager's settings for one ordering widget; a threshold of 0 is off.
struct KitchenThresholds
{
    int busyAt = 0;       // at or above: the quoted lead time stretches
    int pauseAt = 0;      // at or above: online ordering pauses by itself
    int baseMinutes = 20; // the lead time quoted when the kitchen is not busy
};

class KitchenGovernor final
{
public:
    static constexpr double resumeFraction = 0.75;
    static constexpr qint64 minimumHoldMs = 60 * 1000;

    KitchenGovernor() = default;
    KitchenGovernor(KitchenState state, qint64 sinceMs) : m_state(state), m_sinceMs(sinceMs) {}

    KitchenState state() const { return m_state; }
    qint64 sinceMs() const { return m_sinceMs; }
    // Moves with `load` at `nowMs`; true when the state changed.
    bool update(int load, const KitchenThresholds &thresholds, qint64 nowMs);
    // The lead time to quote in `state`: the base, half as long again when busy, double when paused.
    static int quotedMinutes(KitchenState state, const KitchenThresholds &thresholds);

private:
    KitchenState m_state = KitchenState::Normal;
    qint64 m_sinceMs = 0;
};

} // namespace hearth::server
