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
    m_lastTick.start();
    m_tick.start(m_interval / 2);
}

void Heartbeat::stop()
{
    m_tick.stop();
}

void Heartbeat::onTick()
{
    // Due every interval/2; later than a whole interval means this thread was not running its
    // event loop, and whatever the server sent meanwhile has not been read yet.
    const bool stalled = m_lastTick.restart() > m_interval.count();
    if (m_lastInbound.elapsed() >= 2 * m_interval.count() && !stalled) {
        stop();
        emit stale();
        return;
    }
    emit pingDue();
}

} // namespace hearth
