#include "server/ordersimulator.h"

#include "core/logging.h"
#include "server/orderservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace hearth::server {

namespace {

constexpr int tickMs = 500;
constexpr int cancelPercent = 3;

// Seconds from entering a status to the next step: [min, max] per status, in flow order.
struct Range { int minSeconds; int maxSeconds; };
constexpr Range stageDelays[] = {
    {10, 40},  // new → acknowledged (if nobody at the PC did it)
    {5, 20},   // acknowledged → preparing
    {60, 180}, // preparing → ready
    {20, 90},  // ready → completed (picked up, delivered, served)
};

int stageOf(OrderStatus status)
{
    switch (status) {
    case OrderStatus::New: return 0;
    case OrderStatus::Acknowledged: return 1;
    case OrderStatus::Preparing: return 2;
    case OrderStatus::Ready: return 3;
    case OrderStatus::Completed:
    case OrderStatus::Cancelled: break;
    }
    return -1;
}

} // namespace

OrderSimulator::OrderSimulator(OrderService *orders, QString restaurantId, QObject *parent)
    : QObject(parent),
      m_orders(orders),
      m_restaurantId(std::move(restaurantId)),
      m_arrivalTimer(new QTimer(this)),
      m_tickTimer(new QTimer(this)),
      m_random(QRandomGenerator::global()->generate())
{
    m_arrivalTimer->setSingleShot(true);
    m_tickTimer->setInterval(tickMs);
    connect(m_arrivalTimer, &QTimer::timeout, this, &OrderSimulator::onArrival);
    connect(m_tickTimer, &QTimer::timeout, this, &OrderSimulator::onTick);
    connect(m_orders, &OrderService::eventAppended, this, &OrderSimulator::onEvent);
    m_clock.start();
}

void OrderSimulator::setRate(double ordersPerMinute)
{
    const bool wasActive = isActive();
    m_ordersPerMinute = std::isfinite(ordersPerMinute) ? std::max(0.0, ordersPerMinute) : 0.0;
    if (!isActive()) {
        m_arrivalTimer->stop();
        m_tickTimer->stop();
        m_plans.clear();
        if (wasActive)
            qCInfo(lcServer) << "simulation stopped";
        return;
    }
    if (!wasActive) {
        const QList<Order> open = m_orders->openOrders(m_restaurantId);
        for (const Order &order : open)
            adopt(order.id, stageOf(order.status), false);
        m_tickTimer->start();
        m_arrivalTimer->start(0); // the first guest walks in right away
        qCInfo(lcServer) << "simulating" << m_ordersPerMinute << "orders per minute;" << open.size()
                         << "open orders adopted";
    } else {
        scheduleNextArrival();
    }
}

void OrderSimulator::setSpeed(double factor)
{
    m_speed = std::isfinite(factor) ? std::clamp(factor, 0.01, 1000.0) : 1.0;
    m_tickTimer->setInterval(std::clamp(int(tickMs / m_speed), 10, tickMs));
}

void OrderSimulator::scheduleNextArrival()
{
    // Exponential gaps make a Poisson process: bursts and lulls, like a real dinner service.
    const double meanMs = 60000.0 / m_ordersPerMinute;
    const double uniform = std::max(1e-9, 1.0 - m_random.generateDouble());
    const double gapMs = std::clamp(-std::log(uniform) * meanMs, 50.0, 30.0 * 60.0 * 1000.0);
    m_arrivalTimer->start(int(gapMs));
}

void OrderSimulator::onArrival()
{
    const QSet<QString> unorderable = m_unorderable ? m_unorderable() : QSet<QString>();
    // The new order is adopted through onEvent.
    m_orders->createRandomOrder(m_restaurantId, [&unorderable](const QString &dish) { return !unorderable.contains(dish); });
    scheduleNextArrival();
}

void OrderSimulator::onEvent(const StoredEvent &event)
{
    if (!isActive() || event.restaurantId != m_restaurantId || event.type != OrderEvents::created)
        return;
    // Any new order of the restaurant joins the service, whoever created it.
    const QJsonObject order = QJsonDocument::fromJson(event.data).object();
    adopt(order.value(QLatin1StringView("id")).toString(), 0, true);
}

void OrderSimulator::adopt(const QString &orderId, int statusStage, bool isNew)
{
    if (orderId.isEmpty() || statusStage < 0)
        return;
    Plan plan;
    plan.cancel = isNew && int(m_random.bounded(100u)) < cancelPercent;
    plan.dueMs = m_clock.elapsed() + delayForStage(statusStage);
    m_plans.insert(orderId, plan);
}

qint64 OrderSimulator::delayForStage(int statusStage)
{
    const Range range = stageDelays[std::clamp(statusStage, 0, 3)];
    const int seconds = range.minSeconds + int(m_random.bounded(quint32(range.maxSeconds - range.minSeconds + 1)));
    return qint64(seconds * 1000.0 / m_speed);
}

void OrderSimulator::onTick()
{
    const qint64 now = m_clock.elapsed();
    QList<QString> due;
    for (auto it = m_plans.cbegin(); it != m_plans.cend(); ++it) {
        if (it->dueMs <= now)
            due.append(it.key());
    }
    for (const QString &orderId : std::as_const(due)) {
        const Plan plan = m_plans.value(orderId);
        const std::optional<Order> order = m_orders->find(m_restaurantId, orderId);
        if (!order || !order->isOpen()) {
            m_plans.remove(orderId);
            continue;
        }
        const std::optional<OrderStatus> next = plan.cancel ? std::optional(OrderStatus::Cancelled)
                                                            : nextStatus(order->status);
        // Named in the order's history as what it is, so nobody takes it for a colleague.
        const OrderResult result = m_orders->setStatus(m_restaurantId, orderId, *next, {}, QStringLiteral("Kitchen (simulated)"));
        if (!result.ok() || !result.order.isOpen()) {
            m_plans.remove(orderId);
            continue;
        }
        m_plans[orderId] = Plan{now + delayForStage(stageOf(result.order.status)), false};
    }
}

} // namespace hearth::server
