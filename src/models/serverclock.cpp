#include "models/serverclock.h"

namespace hearth {

ServerClock::ServerClock() : m_clientClock([] { return QDateTime::currentDateTimeUtc(); }) {}

void ServerClock::observe(const QDateTime &serverTimestamp)
{
    if (!serverTimestamp.isValid())
        return;
    const qint64 lowerBound = m_clientClock().msecsTo(serverTimestamp);
    if (!m_boundMs || lowerBound > *m_boundMs)
        m_boundMs = lowerBound;
}

void ServerClock::observeFresh(const QDateTime &serverTimestamp)
{
    if (!serverTimestamp.isValid())
        return;
    m_sawFresh = true;
    observe(serverTimestamp);
}

qint64 ServerClock::offsetMs() const
{
    // Until something arrives live, only a server ahead of us is known; assume no offset else.
    const qint64 bound = m_boundMs.value_or(0);
    return m_sawFresh ? bound : qMax<qint64>(0, bound);
}

QDateTime ServerClock::now() const
{
    return m_clientClock().addMSecs(offsetMs());
}

} // namespace hearth
