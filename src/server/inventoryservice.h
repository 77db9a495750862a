#pragma once

// The rules of stock and menu availability on the `inventory` channel. Every change bumps the
// entity's version and appends its events in the same transaction as the rows (and a caller's
// answer recorder, the idempotency record of the request): `inventory.updated` for a stock line,
// `inventory.low_stock` once when its available units fall to the threshold (not again while it
// stays low), `menu.availability_changed` for a menu item — also when stock makes it sold out or
// orderable again. Events are broadcast only once committed.
#include "core/inventoryitem.h"
#include "core/menuitem.h"
#include "server/storedevent.h"

#include <QLatin1StringView>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace hearth::server {

class Database;
class EventLog;
class InventoryRepository;
class MenuRepository;
class SqlTransaction;

namespace InventoryEvents {
inline constexpr QLatin1StringView channel{"inventory"};
inline constexpr QLatin1StringView updated{"inventory.updated"};
inline constexpr QLatin1StringView lowStock{"inventory.low_stock"};
inline constexpr QLatin1StringView menuChanged{"menu.availability_changed"};
} // namespace InventoryEvents

enum class InventoryError { None, NotFound, Conflict, InvalidInput, Storage };

template <typename T>
struct InventoryResult
{
    T item;                 // after the change; on Conflict the entity as it is now
    InventoryError error = InventoryError::None;
    QString message;        // plain English, for the error body and the log
    QString field;          // InvalidInput: the wire field at fault
    bool changed = false;   // false: nothing to do; the current entity is answered, nothing recorded

    bool ok() const { return error == InventoryError::None; }
};
using StockResult = InventoryResult<InventoryItem>;
using MenuResult = InventoryResult<MenuItem>;

template <typename T>
using InventoryAnswerRecorder = std::function<bool(const InventoryResult<T> &result)>;

// New absolute numbers for a stock line; what is not given stays.
struct StockChange
{
    std::optional<qint64> stock;
    std::optional<qint64> damaged;
    std::optional<qint64> threshold;
    std::optional<qint64> expectedVersion; // If-Match
};

struct MenuChange
{
    std::optional<bool> available;
    std::optional<QList<int>> days; // empty: every day
    std::optional<qint64> expectedVersion;
};

// A snapshot or delta of both entity kinds with the channel's watermark.
struct InventoryListing
{
    QList<InventoryItem> items;
    QList<MenuItem> menu;
    QString epoch;
    qint64 seq = 0;
    bool ok = false;
};

class InventoryService final : public QObject
{
    Q_OBJECT

public:
    InventoryService(Database *database, InventoryRepository *items, MenuRepository *menu, EventLog *events,
                     QObject *parent = nullptr);

    // Seeding: a new stock line or menu item (an id already there is refused).
    StockResult addItem(const QString &restaurantId, InventoryItem item);
    MenuResult addMenuItem(const QString &restaurantId, MenuItem item);

    // Staff counting the shelf or writing off damaged units; managers also move the threshold.
    StockResult adjust(const QString &restaurantId, const QString &itemId, const StockChange &change,
                       const InventoryAnswerRecorder<InventoryItem> &record = {});
    MenuResult setAvailability(const QString &restaurantId, const QString &menuItemId, const MenuChange &change,
                               const InventoryAnswerRecorder<MenuItem> &record = {});

    // The kitchen made `portions` of the menu item called `menuItemName`: its ingredients are
    // drawn down (never below zero). False when there is no such menu item or nothing to draw.
    bool consume(const QString &restaurantId, const QString &menuItemName, qint64 portions = 1);
    // A delivery: `units` more of the item.
    StockResult restock(const QString &restaurantId, const QString &itemId, qint64 units);

    std::optional<InventoryItem> findItem(const QString &restaurantId, const QString &itemId) const;
    std::optional<MenuItem> findMenuItem(const QString &restaurantId, const QString &menuItemId) const;
    InventoryListing snapshot(const QString &restaurantId) const;
    InventoryListing changesSince(const QString &restaurantId, qint64 since) const;
    // Whether the restaurant's inventory channel has ever had an event.
    bool isFresh(const QString &restaurantId) const;

signals:
    void eventAppended(const hearth::server::StoredEvent &event);

private:
    // Writes `after` with its events and the sold-out state of the menu items it feeds; the
    // events go to `pending`, broadcast by finish().
    bool store(const QString &restaurantId, const InventoryItem &before, const InventoryItem &after);
    bool storeMenuItem(const QString &restaurantId, const MenuItem &item, bool isNew);
    std::optional<StoredEvent> append(const QString &restaurantId, QLatin1StringView type, const QJsonObject &data);
    bool finish(SqlTransaction *transaction);
    void abandon();

    Database *m_database;
    InventoryRepository *m_items;
    MenuRepository *m_menu;
    EventLog *m_events;
    QList<StoredEvent> m_pending; // appended in the open transaction, not yet broadcast
};

} // namespace hearth::server
