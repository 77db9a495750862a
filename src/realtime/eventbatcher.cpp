#include "realtime/eventbatcher.h"

namespace hearth {

EventBatcher::EventBatcher(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &EventBatcher::flush);
}

void EventBatcher::arm()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void EventBatcher::addEvent(ChannelEvent event)
{
    auto it = m_events.find(event.channel);
    if (it == m_events.end()) {
        m_channels.append(event.channel);
        it = m_events.insert(event.channel, {});
    }
    it->append(std::move(event));
    arm();
}

qint64 EventBatcher::firstPendingSeq(const QString &channel) const
{
    const auto pending = m_events.constFind(channel);
    return pending == m_events.cend() || pending->isEmpty() ? ChannelEvent::unsequenced
                                                              : pending->constFirst().seq;
}

void EventBatcher::addOrder(Order order)
{
    m_orders.append(std::move(order));
    arm();
}

void EventBatcher::flush()
{
    m_timer.stop();
    if (isEmpty())
        return;
    // Take everything first: a receiver may feed the service again (or spin an event loop)
    // while we emit, and must find an empty batch rather than half of this one.
    const QStringList channels = std::exchange(m_channels, {});
    QHash<QString, QList<ChannelEvent>> events = std::exchange(m_events, {});
    const QList<Order> orders = std::exchange(m_orders, {});
    ++m_batches;
    for (const QString &channel : channels)
        emit channelEventsReady(channel, events.value(channel));
    if (!orders.isEmpty())
        emit ordersReady(orders);
}

} // namespace hearth
