#pragma once

// Everything the Inventory page needs, on top of an OrdersClient's REST client, socket, sign-in
// and polling decision (one connection for every channel): the inventory channel's sync,
// polling, the local cache, and the writes — stock counts by staff, thresholds and menu
// availability by managers — each checked locally first (InventoryRules), sent with If-Match
// and an Idempotency-Key, and answered by the entity as the server now has it. It holds no
// model: InventoryModel::follow() and MenuAvailabilityModel::follow() connect them.
#include "api/apitypes.h"
#include "core/inventoryrules.h"
#include "sync/inventorysync.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace hearth {

class InventoryPolling;
class OrdersClient;
class WidgetsCache;

// The outcome of a write, for the page: what went wrong in the words of the server (or the local
// check), and the field it is about.
struct InventoryWriteResult
{
    bool ok = false;
    InventoryRules::StockProblem problem = InventoryRules::StockProblem::None; // a local refusal
    ApiError error;       // a server refusal or failure (when problem is None and !ok)
    bool conflict = false; // someone else changed it first; the current numbers are shown now
};

class InventoryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryClient)

public:
    explicit InventoryClient(OrdersClient &orders, QObject *parent = nullptr);
    ~InventoryClient() override;

    // The last known stock and menu of one server and restaurant (two small files): shown at
    // once, offline too. Empty paths close them.
    void openStore(const QString &itemsPath, const QString &menuPath);
    void closeStore();

    void start();
    void stop();
    bool isAvailable() const { return m_sync.isAvailable(); }

    // Staff and managers count stock; managers also move thresholds and change the menu.
    bool canAdjustStock() const;
    bool canManage() const;

    QList<InventoryItem> items() const;
    QList<MenuItem> menu() const;
    std::optional<InventoryItem> item(const QString &itemId) const;
    std::optional<MenuItem> menuItem(const QString &menuItemId) const;

    // New absolute numbers (what is not given stays). Refused at once, without a request, when
    // they break InventoryRules; answered through writeFinished().
    InventoryWriteResult adjust(const QString &itemId, std::optional<qint64> stock, std::optional<qint64> damaged,
                                std::optional<qint64> threshold = std::nullopt);
    // A menu item's availability and weekdays (empty: every day).
    bool setMenuItem(const QString &menuItemId, std::optional<bool> available, std::optional<QList<int>> days);

    InventorySync &sync() { return m_sync; }
    InventoryPolling &polling() { return *m_polling; }

signals:
    void inventoryReplaced(const QList<hearth::InventoryItem> &items, const QList<hearth::MenuItem> &menu);
    void inventoryUpdated(const QList<hearth::InventoryItem> &items, const QList<hearth::MenuItem> &menu);
    void writeFinished(const QString &entityId, const hearth::InventoryWriteResult &result);
    void problemChanged(const QString &message);

private:
    void onReplaced(const QList<InventoryItem> &items, const QList<MenuItem> &menu, const SyncPosition &position);
    void onUpdated(const QList<InventoryItem> &items, const QList<MenuItem> &menu);
    void finishWrite(const QString &entityId, const ApiError *error);
    void setProblem(const QString &message);

    OrdersClient &m_orders;
    InventorySync m_sync;
    std::unique_ptr<InventoryPolling> m_polling;
    std::unique_ptr<WidgetsCache> m_itemsCache; // a cache of versioned JSON by id, as for widgets
    std::unique_ptr<WidgetsCache> m_menuCache;
    QHash<QString, InventoryItem> m_items;
    QHash<QString, MenuItem> m_menu;
    QList<QString> m_itemOrder; // as the server lists them
    QList<QString> m_menuOrder;
    QString m_problem;
    bool m_started = false;
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::InventoryWriteResult)
