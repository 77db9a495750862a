#include "core/inventoryrules.h"

#include <QString>

namespace hearth::InventoryRules {

StockProblem check(qint64 stock, qint64 damaged, qint64 threshold)
{
    if (stock < 0)
        return StockProblem::NegativeStock;
    if (damaged < 0)
        return StockProblem::NegativeDamaged;
    if (threshold < 0)
        return StockProblem::NegativeThreshold;
    if (stock > maxUnits || threshold > maxUnits)
        return StockProblem::TooLarge;
    if (damaged > stock)
        return StockProblem::DamagedAboveStock;
    return StockProblem::None;
}

QString describe(StockProblem problem)
{
    switch (problem) {
    case StockProblem::None: return {};
    case StockProblem::NegativeStock: return QStringLiteral("stock cannot be negative");
    case StockProblem::NegativeDamaged: return QStringLiteral("damaged cannot be negative");
    case StockProblem::DamagedAboveStock: return QStringLiteral("damaged cannot be more than the stock");
    case StockProblem::NegativeThreshold: return QStringLiteral("the low-stock threshold cannot be negative");
    case StockProblem::TooLarge: return QStringLiteral("more than %1 units is not a plausible count").arg(maxUnits);
    }
    return {};
}

QString fieldOf(StockProblem problem)
{
    switch (problem) {
    case StockProblem::NegativeDamaged:
    case StockProblem::DamagedAboveStock: return QStringLiteral("damaged");
    case StockProblem::NegativeThreshold: return QStringLiteral("threshold");
    default: break;
    }
    return QStringLiteral("stock");
}

Crossing crossing(const InventoryItem &before, const InventoryItem &after)
{
    if (!before.isLow() && after.isLow())
        return Crossing::BecameLow;
    if (before.isLow() && !after.isLow())
        return Crossing::Recovered;
    return Crossing::None;
}

} // namespace hearth::InventoryRules
