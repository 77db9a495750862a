#include "realtime/heartbeat.h"

#include <algorithm>

namespace hearth {

Heartbeat::Heartbeat(QObject *parent) : QObject(parent)
{
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &Heartbeat::onTick);
}

void Heartbeat::start(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(2));
    m_lastInbound.start();
    m_tick.start(m_interval / 2);
}

void Heartbeat::stop()
{
    m_tick.stop();
}

void Heartbeat::onTick()
{
    if (m_lastInbound.elapsed() >= 2 * m_interval.count()) {
        stop();
        emit stale();
        return;
    }
    emit pingDue();
}

} // namespace hearth
