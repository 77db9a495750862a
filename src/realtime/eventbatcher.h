#pragma once

// Coalesces accepted events into one emission per event-loop turn, so a burst of 10 000 frames
// reaches the models as a handful of batches instead of 10 000 signals.
#include "core/order.h"
#include "realtime/channelevent.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace hearth {

class EventBatcher final : public QObject
{
    Q_OBJECT

public:
    explicit EventBatcher(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(EventBatcher)

    void addEvent(ChannelEvent event);
    void addOrder(Order order);
    bool isEmpty() const { return m_channels.isEmpty() && m_orders.isEmpty(); }
    // The seq of the oldest event of `channel` still waiting here, or 0 (none, or unsequenced).
    qint64 firstPendingSeq(const QString &channel) const;
    // Emits what is pending now; used before a signal that must not overtake earlier events.
    void flush();
    qint64 batchesEmitted() const { return m_batches; }

signals:
    void channelEventsReady(const QString &channel, const QList<hearth::ChannelEvent> &events);
    void ordersReady(const QList<hearth::Order> &orders);

private:
    void arm();

    QTimer m_timer;
    QStringList m_channels; // channels with pending events, in order of their first event
    QHash<QString, QList<ChannelEvent>> m_events;
    QList<Order> m_orders;
    qint64 m_batches = 0;
};

} // namespace hearth
