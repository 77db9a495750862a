#pragma once

// A believable service for demos: new orders arrive at random (a Poisson process at the given
// rate, the first one right away) and every open order moves through the kitchen on its own,
// in compressed time: acknowledged after 10–40 s unless staff did it, then preparing, ready
// and completed within a few minutes; about 3 % are cancelled instead. Everything goes through
// OrderService, so each step is a real event. Staff actions are respected: the next step always
// starts from the order's current status.
#include "server/storedevent.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QObject>
#include <QRandomGenerator>
#include <QString>

#include <functional>

class QTimer;

namespace hearth::server {

class OrderService;

class OrderSimulator final : public QObject
{
    Q_OBJECT

public:
    OrderSimulator(OrderService *orders, QString restaurantId, QObject *parent = nullptr);

    // > 0 starts (or retunes) the simulation and adopts the open orders; 0 stops it.
    void setRate(double ordersPerMinute);
    void stop() { setRate(0); }
    // Runs the kitchen `factor` times faster than real time (demos, tests); arrivals keep the rate.
    void setSpeed(double factor);
    bool isActive() const { return m_ordersPerMinute > 0; }
    // Guests order only what the website offers: not the dishes this names (asked at each arrival).
    void setUnorderableDishes(std::function<QSet<QString>()> unorderable) { m_unorderable = std::move(unorderable); }
    double rate() const { return m_ordersPerMinute; }
    int trackedOrders() const { return int(m_plans.size()); }

private:
    struct Plan
    {
        qint64 dueMs = 0;     // on m_clock
        bool cancel = false;  // this order will be cancelled at its next step
    };

    void onArrival();
    void onTick();
    void onEvent(const StoredEvent &event);
    void scheduleNextArrival();
    void adopt(const QString &orderId, int statusStage, bool isNew);
    qint64 delayForStage(int statusStage);

    OrderService *m_orders;
    QString m_restaurantId;
    QTimer *m_arrivalTimer;
    QTimer *m_tickTimer;
    QElapsedTimer m_clock;
    QRandomGenerator m_random;
    QHash<QString, Plan> m_plans;
    double m_ordersPerMinute = 0;
    double m_speed = 1.0;
    std::function<QSet<QString>()> m_unorderable;
};

} // namespace hearth::server
