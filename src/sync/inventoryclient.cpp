#include "sync/inventoryclient.h"

#include "api/apicodec.h"
#include "core/inventorycodec.h"
#include "core/logging.h"
#include "core/menucodec.h"
#include "store/widgetscache.h"
#include "sync/inventorypolling.h"
#include "sync/ordersclient.h"

#include <QUuid>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

template<typename T>
void remember(QHash<QString, T> *known, QList<QString> *order, const T &entity)
{
    if (!known->contains(entity.id))
        order->append(entity.id);
    known->insert(entity.id, entity);
}

template<typename T>
QList<T> inOrder(const QHash<QString, T> &known, const QList<QString> &order)
{
    QList<T> list;
    list.reserve(order.size());
    for (const QString &id : order) {
        const auto it = known.constFind(id);
        if (it != known.cend())
            list.append(*it);
    }
    return list;
}

template<typename T>
QList<T> decodeAll(const QList<QJsonObject> &json, Decoded<T> (*decode)(const QJsonObject &))
{
    QList<T> list;
    for (const QJsonObject &object : json) {
        Decoded<T> entity = decode(object);
        if (entity.ok())
            list.append(std::move(*entity.value));
    }
    return list;
}

} // namespace

InventoryClient::InventoryClient(OrdersClient &orders, QObject *parent)
    : QObject(parent),
      m_orders(orders),
      m_sync(&orders.realtime(), &orders.rest()),
      m_polling(std::make_unique<InventoryPolling>(&orders.polling(), &m_sync, &orders.realtime(), &orders.rest()))
{
    qRegisterMetaType<InventoryWriteResult>();
    connect(&m_sync, &InventorySync::inventoryReplaced, this, &InventoryClient::onReplaced);
    connect(&m_sync, &InventorySync::inventoryUpdated, this, &InventoryClient::onUpdated);
    connect(&m_sync, &InventorySync::snapshotFailed, this, &InventoryClient::setProblem);
    connect(&m_sync, &InventorySync::snapshotLoaded, this, [this] { setProblem({}); });
}

InventoryClient::~InventoryClient()
{
    stop();
}

void InventoryClient::openStore(const QString &itemsPath, const QString &menuPath)
{
    const bool otherFiles = !m_itemsCache || m_itemsCache->databasePath() != itemsPath;
    if (otherFiles && m_itemsCache) {
        // Another server or restaurant: nothing of the previous one may stay on screen.
        stop();
        m_items.clear();
        m_menu.clear();
        m_itemOrder.clear();
        m_menuOrder.clear();
        emit inventoryReplaced({}, {});
    }
    m_itemsCache.reset();
    m_menuCache.reset();
    if (itemsPath.isEmpty() || menuPath.isEmpty())
        return;
    m_itemsCache = std::make_unique<WidgetsCache>(itemsPath);
    m_menuCache = std::make_unique<WidgetsCache>(menuPath);
    connect(m_itemsCache.get(), &WidgetsCache::writeFailed, this, &InventoryClient::setProblem);
    connect(m_menuCache.get(), &WidgetsCache::writeFailed, this, &InventoryClient::setProblem);
    const CachedWidgets cachedItems = m_itemsCache->load();
    const CachedWidgets cachedMenu = m_menuCache->load();
    const QList<InventoryItem> items = decodeAll<InventoryItem>(cachedItems.widgets, &InventoryCodec::fromJson);
    const QList<MenuItem> menu = decodeAll<MenuItem>(cachedMenu.widgets, &MenuCodec::fromJson);
    if (items.isEmpty() && menu.isEmpty())
        return;
    m_items.clear();
    m_menu.clear();
    m_itemOrder.clear();
    m_menuOrder.clear();
    for (const InventoryItem &item : items)
        remember(&m_items, &m_itemOrder, item);
    for (const MenuItem &item : menu)
        remember(&m_menu, &m_menuOrder, item);
    // The two files are written one after the other: the content is complete up to the lower
    // of their positions, and only when both are of one log.
    const SyncPosition &a = cachedItems.position;
    const SyncPosition &b = cachedMenu.position;
    if (a.isValid() && b.isValid() && a.epoch == b.epoch && !m_sync.isSnapshotOwed())
        m_orders.realtime().setSyncPosition(InventorySync::channelName(), a.seq <= b.seq ? a : b);
    qCInfo(lcSync) << "restored" << items.size() << "stock lines and" << menu.size()
                   << "menu items from the local cache";
    emit inventoryReplaced(items, menu);
}

void InventoryClient::closeStore()
{
    m_itemsCache.reset();
    m_menuCache.reset();
}

void InventoryClient::start()
{
    m_started = true;
    m_sync.start();
}

void InventoryClient::stop()
{
    m_started = false;
    m_sync.stop();
}

bool InventoryClient::canAdjustStock() const
{
    return m_orders.signIn().isSignedIn() && m_orders.rest().speaksHearthApi();
}

bool InventoryClient::canManage() const
{
    return canAdjustStock() && m_orders.signIn().session().role == "manager"_L1;
}

QList<InventoryItem> InventoryClient::items() const
{
    return inOrder(m_items, m_itemOrder);
}

QList<MenuItem> InventoryClient::menu() const
{
    return inOrder(m_menu, m_menuOrder);
}

std::optional<InventoryItem> InventoryClient::item(const QString &itemId) const
{
    const auto it = m_items.constFind(itemId);
    return it == m_items.cend() ? std::nullopt : std::optional<InventoryItem>(*it);
}

std::optional<MenuItem> InventoryClient::menuItem(const QString &menuItemId) const
{
    const auto it = m_menu.constFind(menuItemId);
    return it == m_menu.cend() ? std::nullopt : std::optional<MenuItem>(*it);
}

InventoryWriteResult InventoryClient::adjust(const QString &itemId, std::optional<qint64> stock,
                                             std::optional<qint64> damaged, std::optional<qint64> threshold)
{
    InventoryWriteResult refused;
    const std::optional<InventoryItem> current = item(itemId);
    if (!current) {
        refused.error.kind = ApiError::Kind::NotFound;
        refused.error.message = tr("This item is no longer in the inventory.");
        return refused;
    }
    refused.problem = InventoryRules::check(stock.value_or(current->stock), damaged.value_or(current->damaged),
                                            threshold.value_or(current->threshold));
    if (refused.problem != InventoryRules::StockProblem::None)
        return refused;
    QJsonObject body;
    if (stock)
        body.insert(u"stock"_s, *stock);
    if (damaged)
        body.insert(u"damaged"_s, *damaged);
    if (threshold)
        body.insert(u"threshold"_s, *threshold);
    m_orders.rest().adjustInventory(itemId, current->version, body, newKey(), this,
                                    [this, itemId](const ApiResult<InventoryItem> &result) {
                                        if (result.ok()) {
                                            m_sync.applyChanges({*result.value}, {});
                                            finishWrite(itemId, nullptr);
                                            return;
                                        }
                                        if (const auto now = ApiCodec::conflictCurrentInventoryItem(result.error))
                                            m_sync.applyChanges({*now}, {});
                                        finishWrite(itemId, &result.error);
                                    });
    InventoryWriteResult sent;
    sent.ok = true;
    return sent;
}

bool InventoryClient::setMenuItem(const QString &menuItemId, std::optional<bool> available,
                                  std::optional<QList<int>> days)
{
    const std::optional<MenuItem> current = menuItem(menuItemId);
    if (!current || (!available && !days))
        return false;
    QJsonObject body;
    if (available)
        body.insert(u"available"_s, *available);
    if (days)
        body.insert(u"days"_s, MenuCodec::daysToJson(*days));
    m_orders.rest().updateMenuItem(menuItemId, current->version, body, newKey(), this,
                                   [this, menuItemId](const ApiResult<MenuItem> &result) {
                                       if (result.ok()) {
                                           m_sync.applyChanges({}, {*result.value});
                                           finishWrite(menuItemId, nullptr);
                                           return;
                                       }
                                       if (const auto now = ApiCodec::conflictCurrentMenuItem(result.error))
                                           m_sync.applyChanges({}, {*now});
                                       finishWrite(menuItemId, &result.error);
                                   });
    return true;
}

void InventoryClient::finishWrite(const QString &entityId, const ApiError *error)
{
    InventoryWriteResult result;
    result.ok = !error;
    if (error) {
        result.error = *error;
        result.conflict = error->kind == ApiError::Kind::Conflict;
    }
    emit writeFinished(entityId, result);
}

void InventoryClient::onReplaced(const QList<InventoryItem> &items, const QList<MenuItem> &menu,
                                 const SyncPosition &position)
{
    m_items.clear();
    m_menu.clear();
    m_itemOrder.clear();
    m_menuOrder.clear();
    QList<QJsonObject> itemsJson;
    QList<QJsonObject> menuJson;
    for (const InventoryItem &item : items) {
        remember(&m_items, &m_itemOrder, item);
        itemsJson.append(InventoryCodec::toJson(item));
    }
    for (const MenuItem &item : menu) {
        remember(&m_menu, &m_menuOrder, item);
        menuJson.append(MenuCodec::toJson(item));
    }
    if (m_itemsCache) {
        m_itemsCache->replaceAll(itemsJson, position);
        m_menuCache->replaceAll(menuJson, position);
    }
    emit inventoryReplaced(items, menu);
}

void InventoryClient::onUpdated(const QList<InventoryItem> &items, const QList<MenuItem> &menu)
{
    QList<InventoryItem> newItems;
    QList<MenuItem> newMenu;
    QList<QJsonObject> itemsJson;
    QList<QJsonObject> menuJson;
    for (const InventoryItem &item : items) {
        const auto known = m_items.constFind(item.id);
        if (known != m_items.cend() && known->version >= item.version)
            continue; // an echo or a replay of what is known already
        remember(&m_items, &m_itemOrder, item);
        newItems.append(item);
        itemsJson.append(InventoryCodec::toJson(item));
    }
    for (const MenuItem &item : menu) {
        const auto known = m_menu.constFind(item.id);
        if (known != m_menu.cend() && known->version >= item.version)
            continue;
        remember(&m_menu, &m_menuOrder, item);
        newMenu.append(item);
        menuJson.append(MenuCodec::toJson(item));
    }
    if (newItems.isEmpty() && newMenu.isEmpty())
        return;
    if (m_itemsCache) {
        // While a snapshot is owed the stream's position is ahead of what is known; and only what
        // was handed out counts (an event still in this turn's batch is not in these rows).
        const SyncPosition position = m_sync.isSnapshotOwed()
            ? SyncPosition()
            : m_orders.realtime().deliveredPosition(InventorySync::channelName());
        m_itemsCache->upsert(itemsJson, position);
        m_menuCache->upsert(menuJson, position);
    }
    emit inventoryUpdated(newItems, newMenu);
}

void InventoryClient::setProblem(const QString &message)
{
    if (message == m_problem)
        return;
    m_problem = message;
    emit problemChanged(message);
}

} // namespace hearth
