#pragma once

// The arithmetic of stock that the server enforces and the dashboard checks before it asks:
// whole units, nothing negative, damaged units are part of the stock. And when an item crosses
// its low-stock line, so that an alert is raised once per crossing rather than on every change.
#include "core/inventoryitem.h"

namespace hearth::InventoryRules {

// A billion units of anything on one shelf is a data error, not a big delivery.
inline constexpr qint64 maxUnits = 1'000'000'000;

enum class StockProblem {
    None,
    NegativeStock,
    NegativeDamaged,
    DamagedAboveStock,
    NegativeThreshold,
    TooLarge,
};

// Whether `stock`, `damaged` and `threshold` may be an item's numbers.
StockProblem check(qint64 stock, qint64 damaged, qint64 threshold);
// Plain English for the server's error bodies and logs (the dashboard words its own, translated).
QString describe(StockProblem problem);
// The wire's field a problem is about: "stock", "damaged" or "threshold".
QString fieldOf(StockProblem problem);

enum class Crossing { None, BecameLow, Recovered };

// From `before` to `after` (the same item): did the available units fall to the threshold or
// below, or climb back above it? Staying low is no crossing.
Crossing crossing(const InventoryItem &before, const InventoryItem &after);

} // namespace hearth::InventoryRules
