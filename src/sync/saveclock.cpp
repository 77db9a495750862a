#include "sync/saveclock.h"

#include <algorithm>

namespace hearth {

SystemSaveClock::SystemSaveClock()
{
    m_clock.start();
    m_timer.setSingleShot(true);
    // 800 ms is what a person notices; a coarse timer may be 5 % late.
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { fire(); });
}

void SystemSaveClock::wakeAt(qint64 atMs)
{
    m_timer.start(int(std::clamp<qint64>(atMs - nowMs(), 0, 24 * 3600 * 1000)));
}

} // namespace hearth
