#include "server/demoinventory.h"

#include "core/logging.h"
#include "server/inventoryservice.h"

namespace hearth::server::DemoInventory {

namespace {

struct Line
{
    const char16_t *id;
    const char16_t *name;
    const char16_t *unit;
    qint64 stock;
    qint64 damaged;
    qint64 threshold;
};

// Counts for a quiet weekday morning; a few lines start near their threshold.
constexpr Line lines[] = {
    {u"dough", u"Pizza dough", u"balls", 40, 0, 12},
    {u"mozzarella", u"Mozzarella", u"portions", 36, 2, 10},
    {u"tomato", u"Tomato sauce", u"portions", 70, 0, 15},
    {u"salami", u"Spicy salami", u"portions", 14, 0, 6},
    {u"cheeses", u"Four-cheese mix", u"portions", 6, 1, 5},
    {u"truffle", u"Truffle paste", u"portions", 4, 0, 4}, // low from the start: order more
    {u"mushrooms", u"Mushrooms", u"portions", 30, 3, 8},
    {u"romaine", u"Romaine lettuce", u"heads", 12, 1, 4},
    {u"burrata", u"Burrata", u"pieces", 5, 0, 3},
    {u"pasta", u"Dried pasta", u"portions", 80, 0, 20},
    {u"lasagne", u"Lasagne trays", u"portions", 10, 0, 4},
    {u"eggs", u"Eggs", u"pcs", 48, 4, 12},
    {u"guanciale", u"Guanciale", u"portions", 20, 0, 6},
    {u"rice", u"Arborio rice", u"portions", 30, 0, 8},
    {u"chicken", u"Chicken breast", u"pcs", 12, 0, 5},
    {u"bread", u"Ciabatta", u"loaves", 10, 0, 3},
    {u"mascarpone", u"Mascarpone", u"portions", 14, 0, 5},
    {u"cream", u"Cream", u"portions", 24, 2, 6},
    {u"lemons", u"Lemons", u"pcs", 30, 2, 10},
    {u"water", u"Sparkling water", u"bottles", 36, 0, 12},
    {u"coffee", u"Espresso beans", u"shots", 160, 0, 40},
    {u"wine", u"House red", u"glasses", 30, 0, 8},
};

struct Use
{
    const char16_t *itemId;
    qint64 quantity;
};

struct Dish
{
    const char16_t *id;
    const char16_t *name; // as DemoData orders it
    std::initializer_list<Use> uses;
    std::initializer_list<int> days; // none: every day
    bool available;
};

const Dish dishes[] = {
    {u"margherita", u"Margherita", {{u"dough", 1}, {u"tomato", 1}, {u"mozzarella", 1}}, {}, true},
    {u"diavola", u"Diavola", {{u"dough", 1}, {u"tomato", 1}, {u"mozzarella", 1}, {u"salami", 1}}, {}, true},
    {u"quattro-formaggi", u"Quattro Formaggi", {{u"dough", 1}, {u"cheeses", 1}}, {}, true},
    {u"funghi-tartufo", u"Funghi e Tartufo", {{u"dough", 1}, {u"mushrooms", 1}, {u"truffle", 1}}, {4, 5, 6}, true},
    {u"caesar", u"Caesar Salad", {{u"romaine", 1}, {u"eggs", 1}, {u"bread", 1}}, {}, true},
    {u"burrata", u"Burrata & Tomatoes", {{u"burrata", 1}, {u"tomato", 1}}, {}, false},
    {u"lasagne", u"Lasagne al Forno", {{u"lasagne", 1}}, {5, 6, 7}, true},
    {u"carbonara", u"Spaghetti Carbonara", {{u"pasta", 1}, {u"eggs", 2}, {u"guanciale", 1}}, {}, true},
    {u"arrabbiata", u"Penne Arrabbiata", {{u"pasta", 1}, {u"tomato", 1}}, {}, true},
    {u"risotto", u"Risotto ai Funghi", {{u"rice", 1}, {u"mushrooms", 1}, {u"cream", 1}}, {}, true},
    {u"milanese", u"Chicken Milanese", {{u"chicken", 1}, {u"eggs", 1}, {u"lemons", 1}}, {}, true},
    {u"garlic-bread", u"Garlic Bread", {{u"bread", 1}}, {}, true},
    {u"tiramisu", u"Tiramisu", {{u"mascarpone", 1}, {u"eggs", 1}, {u"coffee", 1}}, {}, true},
    {u"panna-cotta", u"Panna Cotta", {{u"cream", 1}}, {}, true},
    {u"lemonade", u"Lemonade", {{u"lemons", 2}}, {}, true},
    {u"sparkling-water", u"Sparkling Water", {{u"water", 1}}, {}, true},
    {u"espresso", u"Espresso", {{u"coffee", 1}}, {}, true},
    {u"house-red", u"House Red (glass)", {{u"wine", 1}}, {}, true},
};

} // namespace

bool seedIfFresh(InventoryService *inventory, const QString &restaurantId, QString *errorMessage)
{
    const auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    if (!inventory->isFresh(restaurantId))
        return true;
    for (const Line &line : lines) {
        InventoryItem item;
        item.id = QString::fromUtf16(line.id);
        item.name = QString::fromUtf16(line.name);
        item.unit = QString::fromUtf16(line.unit);
        item.stock = line.stock;
        item.damaged = line.damaged;
        item.threshold = line.threshold;
        const StockResult result = inventory->addItem(restaurantId, item);
        if (!result.ok())
            return fail(QStringLiteral("cannot seed the demo inventory: %1").arg(result.message));
    }
    for (const Dish &dish : dishes) {
        MenuItem item;
        item.id = QString::fromUtf16(dish.id);
        item.name = QString::fromUtf16(dish.name);
        item.available = dish.available;
        item.days = QList<int>(dish.days.begin(), dish.days.end());
        for (const Use &use : dish.uses)
            item.ingredients.append(MenuIngredient{QString::fromUtf16(use.itemId), use.quantity});
        const MenuResult result = inventory->addMenuItem(restaurantId, item);
        if (!result.ok())
            return fail(QStringLiteral("cannot seed the demo menu: %1").arg(result.message));
    }
    qCInfo(lcServer) << "seeded the demo restaurant's inventory and menu";
    return true;
}

} // namespace hearth::server::DemoInventory
