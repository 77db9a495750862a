#include "realtime/suspenddetector.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>

namespace hearth {

namespace {

qint64 systemMonotonicMs()
{
    // QElapsedTimer reads CLOCK_MONOTONIC on Linux, which does not advance during suspend.
    static const QElapsedTimer origin = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return origin.elapsed();
}

} // namespace

SuspendDetector::SuspendDetector(QObject *parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &SuspendDetector::check);
}

void SuspendDetector::setClocks(Clocks clocks)
{
    m_clocks = std::move(clocks);
    takeReadings();
}

void SuspendDetector::setTiming(std::chrono::milliseconds tick, std::chrono::milliseconds threshold)
{
    m_tick = std::max(tick, std::chrono::milliseconds(1));
    m_threshold = std::max(threshold, std::chrono::milliseconds(1));
    if (m_timer.isActive())
        m_timer.start(m_tick);
}

void SuspendDetector::start()
{
    takeReadings();
    m_timer.start(m_tick);
}

void SuspendDetector::stop()
{
    m_timer.stop();
}

void SuspendDetector::check()
{
    const qint64 wall = wallNow();
    const qint64 monotonic = monotonicNow();
    const qint64 wallAdvance = wall - m_lastWall;
    const qint64 monotonicAdvance = monotonic - m_lastMonotonic;
    m_lastWall = wall;
    m_lastMonotonic = monotonic;
    // Wall time the monotonic clock did not see passed asleep; a tick far later than it was due
    // means the same where the monotonic clock counts sleep. A wall clock set back by the user
    // or NTP yields a negative difference and is ignored; one set forward costs one reconnect.
    const qint64 unseen = wallAdvance - monotonicAdvance;
    const qint64 late = monotonicAdvance - qint64(m_tick.count());
    const qint64 jump = std::max(unseen, late);
    if (jump > qint64(m_threshold.count()))
        emit resumed(std::chrono::milliseconds(jump));
}

qint64 SuspendDetector::wallNow() const
{
    return m_clocks.wallMs ? m_clocks.wallMs() : QDateTime::currentMSecsSinceEpoch();
}

qint64 SuspendDetector::monotonicNow() const
{
    return m_clocks.monotonicMs ? m_clocks.monotonicMs() : systemMonotonicMs();
}

void SuspendDetector::takeReadings()
{
    m_lastWall = wallNow();
    m_lastMonotonic = monotonicNow();
}

} // namespace hearth
