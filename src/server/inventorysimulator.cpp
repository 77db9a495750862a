#include "server/inventorysimulator.h"

#include "core/logging.h"
#include "core/ordercodec.h"
#include "server/inventoryservice.h"
#include "server/orderservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

namespace hearth::server {

namespace {

// A supplier comes by about every 90 s of demo time and brings what ran low, most of the time.
constexpr int deliveryIntervalMs = 90'000;
constexpr int deliveryChancePercent = 70;

} // namespace

InventorySimulator::InventorySimulator(OrderService *orders, InventoryService *inventory, QString restaurantId,
                                       QObject *parent)
    : QObject(parent),
      m_orders(orders),
      m_inventory(inventory),
      m_restaurantId(std::move(restaurantId)),
      m_deliveryTimer(new QTimer(this)),
      m_random(QRandomGenerator::global()->generate())
{
    connect(m_deliveryTimer, &QTimer::timeout, this, &InventorySimulator::deliver);
    connect(m_orders, &OrderService::eventAppended, this, &InventorySimulator::onOrderEvent);
}

void InventorySimulator::setActive(bool active, double speed)
{
    m_active = active;
    if (!active) {
        m_deliveryTimer->stop();
        return;
    }
    m_deliveryTimer->start(std::max(1000, int(deliveryIntervalMs / std::max(speed, 0.01))));
}

void InventorySimulator::onOrderEvent(const StoredEvent &event)
{
    if (!m_active || event.restaurantId != m_restaurantId || event.type != OrderEvents::created)
        return;
    const Decoded<Order> order = OrderCodec::fromJson(QJsonDocument::fromJson(event.data).object());
    if (!order.ok())
        return;
    for (const OrderItem &item : order.value->items)
        m_inventory->consume(m_restaurantId, item.name, item.quantity);
}

void InventorySimulator::deliver()
{
    const InventoryListing listing = m_inventory->snapshot(m_restaurantId);
    if (!listing.ok)
        return;
    for (const InventoryItem &item : listing.items) {
        if (!item.isLow() || int(m_random.bounded(100)) >= deliveryChancePercent)
            continue;
        // Enough for a few hours: three to five times the threshold, and the damaged units go back.
        const qint64 target = item.threshold * (3 + qint64(m_random.bounded(3))) + qint64(m_random.bounded(6));
        StockChange change;
        change.stock = std::max(target, item.available());
        change.damaged = 0;
        if (m_inventory->adjust(m_restaurantId, item.id, change).ok()) {
            ++m_deliveries;
            qCInfo(lcServer).noquote() << "demo delivery:" << item.name << "now" << *change.stock;
        }
    }
}

} // namespace hearth::server
