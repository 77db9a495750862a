#include "core/menuitem.h"

#include <QLatin1StringView>

#include <algorithm>
#include <array>

namespace hearth {

namespace {

constexpr std::array<QLatin1StringView, 7> dayNames{
    QLatin1StringView("mon"), QLatin1StringView("tue"), QLatin1StringView("wed"), QLatin1StringView("thu"),
    QLatin1StringView("fri"), QLatin1StringView("sat"), QLatin1StringView("sun")};

} // namespace

bool MenuItem::usesItem(const QString &itemId) const
{
    return std::any_of(ingredients.cbegin(), ingredients.cend(),
                       [&itemId](const MenuIngredient &ingredient) { return ingredient.itemId == itemId; });
}

int weekdayFromWire(const QString &name)
{
    for (std::size_t i = 0; i < dayNames.size(); ++i) {
        if (name == dayNames.at(i))
            return int(i) + 1;
    }
    return 0;
}

QString weekdayToWire(int weekday)
{
    if (weekday < 1 || weekday > 7)
        return {};
    return QString(dayNames.at(std::size_t(weekday - 1)));
}

bool normalizeDays(QList<int> *days)
{
    if (std::any_of(days->cbegin(), days->cend(), [](int day) { return day < 1 || day > 7; }))
        return false;
    std::sort(days->begin(), days->end());
    days->erase(std::unique(days->begin(), days->end()), days->end());
    return true;
}

} // namespace hearth
