#pragma once

// The store room of the demo service: every simulated order draws its dishes' ingredients down
// (InventoryService::consume, which also marks a dish sold out when an ingredient runs out), and
// now and then a delivery restocks a line that ran low. Runs while the order simulation does, at
// its speed; everything goes through InventoryService, so each step is a real event.
#include "server/storedevent.h"

#include <QObject>
#include <QRandomGenerator>
#include <QString>

class QTimer;

namespace hearth::server {

class InventoryService;
class OrderService;

class InventorySimulator final : public QObject
{
    Q_OBJECT

public:
    InventorySimulator(OrderService *orders, InventoryService *inventory, QString restaurantId,
                       QObject *parent = nullptr);

    // Follows the order simulation: active while orders are simulated, deliveries `speed` times
    // more often than in real time.
    void setActive(bool active, double speed = 1.0);
    bool isActive() const { return m_active; }
    int deliveriesMade() const { return m_deliveries; }
    // One round of deliveries now (tests, and the timer).
    void deliver();

private:
    void onOrderEvent(const StoredEvent &event);

    OrderService *m_orders;
    InventoryService *m_inventory;
    QString m_restaurantId;
    QTimer *m_deliveryTimer;
    QRandomGenerator m_random;
    bool m_active = false;
    int m_deliveries = 0;
};

} // namespace hearth::server
