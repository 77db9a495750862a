#include "server/inventoryservice.h"

#include "core/inventorycodec.h"
#include "core/inventoryrules.h"
#include "core/logging.h"
#include "core/menucodec.h"
#include "server/database.h"
#include "server/eventlog.h"
#include "server/inventoryrepository.h"
#include "server/menurepository.h"
#include "server/watermarkedread.h"

#include <algorithm>

namespace hearth::server {

namespace {

template <typename T>
InventoryResult<T> failure(InventoryError error, QString message, T current = {})
{
    InventoryResult<T> result;
    result.error = error;
    result.message = std::move(message);
    result.item = std::move(current);
    return result;
}

template <typename T>
InventoryResult<T> unavailable()
{
    return failure<T>(InventoryError::Storage, QStringLiteral("the database is not available"));
}

// The If-Match version was not the current one: 409 with what is there now.
template <typename T>
InventoryResult<T> staleVersion(T current, qint64 expectedVersion)
{
    QString message = QStringLiteral("%1 is at version %2, not %3: someone else changed it first")
                          .arg(current.name)
                          .arg(current.version)
                          .arg(expectedVersion);
    return failure(InventoryError::Conflict, std::move(message), std::move(current));
}

// Whether one more portion can be made from what is on the shelf.
bool soldOut(const MenuItem &menuItem, const QHash<QString, qint64> &available)
{
    return std::any_of(menuItem.ingredients.cbegin(), menuItem.ingredients.cend(),
                       [&available](const MenuIngredient &ingredient) {
                           return available.value(ingredient.itemId, 0) < ingredient.quantity;
                       });
}

} // namespace

InventoryService::InventoryService(Database *database, InventoryRepository *items, MenuRepository *menu,
                                   EventLog *events, QObject *parent)
    : QObject(parent), m_database(database), m_items(items), m_menu(menu), m_events(events)
{
}

std::optional<StoredEvent> InventoryService::append(const QString &restaurantId, QLatin1StringView type,
                                                    const QJsonObject &data)
{
    std::optional<StoredEvent> event = m_events->append(restaurantId, QString(InventoryEvents::channel),
                                                        QString(type), data, QDateTime::currentDateTimeUtc());
    if (event)
        m_pending.append(*event);
    return event;
}

bool InventoryService::finish(SqlTransaction *transaction)
{
    if (!transaction->commit()) {
        abandon();
        return false;
    }
    // Broadcast only what is durable: a client must never see an event a restart would undo.
    const QList<StoredEvent> events = std::exchange(m_pending, {});
    for (const StoredEvent &event : events)
        emit eventAppended(event);
    m_events->pruneIfDue();
    return true;
}

void InventoryService::abandon()
{
    m_pending.clear();
}

StockResult InventoryService::addItem(const QString &restaurantId, InventoryItem item)
{
    const InventoryRules::StockProblem problem = InventoryRules::check(item.stock, item.damaged, item.threshold);
    if (problem != InventoryRules::StockProblem::None)
        return failure<InventoryItem>(InventoryError::InvalidInput, InventoryRules::describe(problem));
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return unavailable<InventoryItem>();
    if (m_items->find(restaurantId, item.id))
        return failure<InventoryItem>(InventoryError::Conflict, QStringLiteral("item %1 exists").arg(item.id));
    item.version = 1;
    const std::optional<StoredEvent> event =
        append(restaurantId, InventoryEvents::updated, InventoryCodec::toJson(item));
    if (!event || !m_items->insert(restaurantId, item, event->seq) || !finish(&transaction)) {
        abandon();
        return failure<InventoryItem>(InventoryError::Storage, QStringLiteral("the item could not be saved"));
    }
    StockResult result;
    result.item = std::move(item);
    result.changed = true;
    return result;
}

MenuResult InventoryService::addMenuItem(const QString &restaurantId, MenuItem item)
{
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return unavailable<MenuItem>();
    if (m_menu->find(restaurantId, item.id))
        return failure<MenuItem>(InventoryError::Conflict, QStringLiteral("menu item %1 exists").arg(item.id));
    item.version = 1;
    normalizeDays(&item.days);
    QHash<QString, qint64> available;
    for (const InventoryItem &stock : m_items->all(restaurantId))
        available.insert(stock.id, stock.available());
    item.soldOut = soldOut(item, available);
    if (!storeMenuItem(restaurantId, item, true) || !finish(&transaction)) {
        abandon();
        return failure<MenuItem>(InventoryError::Storage, QStringLiteral("the menu item could not be saved"));
    }
    MenuResult result;
    result.item = std::move(item);
    result.changed = true;
    return result;
}

StockResult InventoryService::adjust(const QString &restaurantId, const QString &itemId, const StockChange &change,
                                     const InventoryAnswerRecorder<InventoryItem> &record)
{
    // Read inside the write transaction, so the version check and the change see one state.
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return unavailable<InventoryItem>();
    std::optional<InventoryItem> current = m_items->find(restaurantId, itemId);
    if (!current)
        return failure<InventoryItem>(InventoryError::NotFound, QStringLiteral("there is no inventory item %1").arg(itemId));
    if (change.expectedVersion && *change.expectedVersion != current->version)
        return staleVersion(std::move(*current), *change.expectedVersion);
    InventoryItem after = *current;
    after.stock = change.stock.value_or(after.stock);
    after.damaged = change.damaged.value_or(after.damaged);
    after.threshold = change.threshold.value_or(after.threshold);
    const InventoryRules::StockProblem problem = InventoryRules::check(after.stock, after.damaged, after.threshold);
    if (problem != InventoryRules::StockProblem::None) {
        StockResult result = failure(InventoryError::InvalidInput, InventoryRules::describe(problem), *current);
        result.field = InventoryRules::fieldOf(problem);
        return result;
    }
    StockResult result;
    if (after.stock == current->stock && after.damaged == current->damaged && after.threshold == current->threshold) {
        // The shelf already holds these numbers (a retry, two PCs counting alike): no event.
        result.item = std::move(*current);
        if (record && (!record(result) || !transaction.commit()))
            return failure<InventoryItem>(InventoryError::Storage, QStringLiteral("the answer could not be recorded"));
        return result;
    }
    ++after.version;
    result.item = after;
    result.changed = true;
    if (!store(restaurantId, *current, after) || (record && !record(result)) || !finish(&transaction)) {
        abandon();
        return failure<InventoryItem>(InventoryError::Storage, QStringLiteral("the item could not be saved"));
    }
    qCInfo(lcServer).noquote() << "inventory" << after.id << "stock" << after.stock << "damaged" << after.damaged
                               << "threshold" << after.threshold << "version" << after.version;
    return result;
}

bool InventoryService::store(const QString &restaurantId, const InventoryItem &before, const InventoryItem &after)
{
    std::optional<StoredEvent> event = append(restaurantId, InventoryEvents::updated, InventoryCodec::toJson(after));
    if (!event)
        return false;
    // Once per crossing: the alert is for the moment it ran low, not for every sale while low.
    if (InventoryRules::crossing(before, after) == InventoryRules::Crossing::BecameLow) {
        event = append(restaurantId, InventoryEvents::lowStock, InventoryCodec::toJson(after));
        if (!event)
            return false;
    }
    if (!m_items->update(restaurantId, after, event->seq))
        return false;
    if (before.available() == after.available())
        return true;
    // The menu items this line feeds may have run out, or come back.
    QHash<QString, qint64> available;
    for (const InventoryItem &stock : m_items->all(restaurantId))
        available.insert(stock.id, stock.available());
    const QList<MenuItem> menu = m_menu->all(restaurantId);
    for (MenuItem item : menu) {
        if (!item.usesItem(after.id))
            continue;
        const bool out = soldOut(item, available);
        if (out == item.soldOut)
            continue;
        item.soldOut = out;
        ++item.version;
        if (!storeMenuItem(restaurantId, item, false))
            return false;
    }
    return true;
}

bool InventoryService::storeMenuItem(const QString &restaurantId, const MenuItem &item, bool isNew)
{
    const std::optional<StoredEvent> event = append(restaurantId, InventoryEvents::menuChanged, MenuCodec::toJson(item));
    return event && (isNew ? m_menu->insert(restaurantId, item, event->seq) : m_menu->update(restaurantId, item, event->seq));
}

MenuResult InventoryService::setAvailability(const QString &restaurantId, const QString &menuItemId,
                                             const MenuChange &change, const InventoryAnswerRecorder<MenuItem> &record)
{
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return unavailable<MenuItem>();
    std::optional<MenuItem> current = m_menu->find(restaurantId, menuItemId);
    if (!current)
        return failure<MenuItem>(InventoryError::NotFound, QStringLiteral("there is no menu item %1").arg(menuItemId));
    if (change.expectedVersion && *change.expectedVersion != current->version)
        return staleVersion(std::move(*current), *change.expectedVersion);
    MenuItem after = *current;
    after.available = change.available.value_or(after.available);
    if (change.days) {
        after.days = *change.days;
        if (!normalizeDays(&after.days)) {
            MenuResult result = failure(InventoryError::InvalidInput, QStringLiteral("days must be weekdays"), *current);
            result.field = QStringLiteral("days");
            return result;
        }
    }
    MenuResult result;
    if (after.available == current->available && after.days == current->days) {
        result.item = std::move(*current);
        if (record && (!record(result) || !transaction.commit()))
            return failure<MenuItem>(InventoryError::Storage, QStringLiteral("the answer could not be recorded"));
        return result;
    }
    ++after.version;
    result.item = after;
    result.changed = true;
    if (!storeMenuItem(restaurantId, after, false) || (record && !record(result)) || !finish(&transaction)) {
        abandon();
        return failure<MenuItem>(InventoryError::Storage, QStringLiteral("the menu item could not be saved"));
    }
    qCInfo(lcServer).noquote() << "menu item" << after.id << (after.available ? "offered" : "withdrawn") << "version"
                               << after.version;
    return result;
}

bool InventoryService::consume(const QString &restaurantId, const QString &menuItemName, qint64 portions)
{
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return false;
    const std::optional<MenuItem> dish = m_menu->findByName(restaurantId, menuItemName);
    if (!dish || dish->ingredients.isEmpty())
        return false;
    bool drawn = false;
    for (const MenuIngredient &ingredient : dish->ingredients) {
        const std::optional<InventoryItem> before = m_items->find(restaurantId, ingredient.itemId);
        if (!before || before->stock == 0)
            continue;
        InventoryItem after = *before;
        // Damaged units are not cooked with: the usable ones go first, the shelf never below zero.
        after.stock = std::max<qint64>(after.damaged, after.stock - ingredient.quantity * portions);
        if (after.stock == before->stock)
            continue;
        ++after.version;
        if (!store(restaurantId, *before, after)) {
            abandon();
            return false;
        }
        drawn = true;
    }
    if (!drawn)
        return false;
    if (!finish(&transaction))
        return false;
    return true;
}

StockResult InventoryService::restock(const QString &restaurantId, const QString &itemId, qint64 units)
{
    const std::optional<InventoryItem> current = findItem(restaurantId, itemId);
    if (!current)
        return failure<InventoryItem>(InventoryError::NotFound, QStringLiteral("there is no inventory item %1").arg(itemId));
    StockChange change;
    change.stock = std::min(InventoryRules::maxUnits, current->stock + std::max<qint64>(units, 0));
    return adjust(restaurantId, itemId, change);
}

std::optional<InventoryItem> InventoryService::findItem(const QString &restaurantId, const QString &itemId) const
{
    return m_items->find(restaurantId, itemId);
}

std::optional<MenuItem> InventoryService::findMenuItem(const QString &restaurantId, const QString &menuItemId) const
{
    return m_menu->find(restaurantId, menuItemId);
}

InventoryListing InventoryService::snapshot(const QString &restaurantId) const
{
    InventoryListing listing;
    const Watermark watermark = readWatermarked(m_database, m_events, restaurantId, InventoryEvents::channel, [&] {
        listing.items = m_items->all(restaurantId);
        listing.menu = m_menu->all(restaurantId);
    });
    listing.epoch = watermark.epoch;
    listing.seq = watermark.seq;
    listing.ok = watermark.ok;
    return listing;
}

InventoryListing InventoryService::changesSince(const QString &restaurantId, qint64 since) const
{
    InventoryListing listing;
    const Watermark watermark = readWatermarked(m_database, m_events, restaurantId, InventoryEvents::channel, [&] {
        listing.items = m_items->changedSince(restaurantId, since);
        listing.menu = m_menu->changedSince(restaurantId, since);
    });
    listing.epoch = watermark.epoch;
    listing.seq = watermark.seq;
    listing.ok = watermark.ok;
    return listing;
}

bool InventoryService::isFresh(const QString &restaurantId) const
{
    return m_events->headSeq(restaurantId, QString(InventoryEvents::channel)) == 0;
}

} // namespace hearth::server
