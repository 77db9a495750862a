#include "realtime/subscribewatchdog.h"

#include <QStringList>

#include <algorithm>
#include <limits>

namespace hearth {

SubscribeWatchdog::SubscribeWatchdog(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SubscribeWatchdog::onTimeout);
}

void SubscribeWatchdog::setPolicy(const SubscribePolicy &policy)
{
    m_policy = policy;
    m_policy.confirmTimeout = std::max(m_policy.confirmTimeout, std::chrono::milliseconds(1));
    m_policy.resends = std::max(m_policy.resends, 0);
}

void SubscribeWatchdog::watch(const QString &channel)
{
    m_entries.insert(channel, Entry{QDeadlineTimer(m_policy.confirmTimeout), 0});
    arm();
}

void SubscribeWatchdog::forget(const QString &channel)
{
    if (m_entries.remove(channel) > 0)
        arm();
}

void SubscribeWatchdog::clear()
{
    m_entries.clear();
    m_timer.stop();
}

void SubscribeWatchdog::onTimeout()
{
    QStringList due;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->deadline.hasExpired())
            due.append(it.key());
    }
    std::sort(due.begin(), due.end()); // a stable order for the receivers
    for (const QString &channel : std::as_const(due)) {
        // A receiver may have cleared everything (an expiry renews the link).
        const auto it = m_entries.find(channel);
        if (it == m_entries.end())
            continue;
        if (it->resends < m_policy.resends) {
            const int resend = ++it->resends;
            it->deadline = QDeadlineTimer(m_policy.confirmTimeout);
            emit resendDue(channel, resend);
        } else {
            m_entries.erase(it);
            emit expired(channel);
        }
    }
    arm();
}

void SubscribeWatchdog::arm()
{
    if (m_entries.isEmpty()) {
        m_timer.stop();
        return;
    }
    qint64 soonest = std::numeric_limits<qint64>::max();
    for (const Entry &entry : std::as_const(m_entries))
        soonest = std::min(soonest, entry.deadline.remainingTime());
    // A timer that fires a little early finds nothing due and simply re-arms for the rest.
    m_timer.start(std::chrono::milliseconds(std::max<qint64>(soonest, 0)));
}

} // namespace hearth
