#include "models/connectionstatus.h"

#include "realtime/realtimeservice.h"
#include "sync/pollingfallback.h"

namespace hearth {

namespace {

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace

ConnectionStatus::ConnectionStatus(RealtimeService *service, PollingFallback *polling, QObject *parent)
    : QObject(parent), m_service(service), m_polling(polling), m_lastState(service->state()), m_downSince(now())
{
    connect(m_polling, &PollingFallback::pollingChanged, this, &ConnectionStatus::changed);
    connect(m_polling, &PollingFallback::pollFailed, this, &ConnectionStatus::changed);
    connect(m_polling, &PollingFallback::pollSucceeded, this, [this] {
        m_cachedSince = {}; // the polled orders replaced what the cache had
        emit changed();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionStatus::changed);
    m_tick.start();
    connect(m_service, &RealtimeService::stateChanged, this, &ConnectionStatus::onStateChanged);
    connect(m_service, &RealtimeService::roundTripMeasured, this, &ConnectionStatus::changed);
    connect(m_service, &RealtimeService::errorOccurred, this, &ConnectionStatus::changed);
}

void ConnectionStatus::onStateChanged(ConnectionState state)
{
    const ConnectionState previous = std::exchange(m_lastState, state);
    if (state == ConnectionState::Live) {
        m_cachedSince = {}; // the resync starts now: replay or snapshot
    } else if (previous == ConnectionState::Live) {
        m_downSince = m_liveUntil = now();
    } else if (state == ConnectionState::Connecting
               && (previous == ConnectionState::Offline || previous == ConnectionState::SignedOut)) {
        // A fresh start (signed in, or "Reconnect now" after giving up): give it its own time
        // before calling it offline, and let only the polls from now on speak.
        m_downSince = now();
    }
    emit changed();
}

ConnectionState ConnectionStatus::state() const
{
    return m_service->state();
}

ConnectionStatus::Health ConnectionStatus::health() const
{
    const ConnectionState link = state();
    if (link == ConnectionState::Live)
        return Health::Live;
    if (m_signInNeeded || link == ConnectionState::SignedOut)
        return Health::SignedOut;
    const qint64 staleMs = m_staleAfter.count();
    // Only polls answered since the link went down count; an earlier round says nothing now.
    const QDateTime polledAt = m_polling->lastPollAt();
    if (m_polling->isPolling() && polledAt.isValid() && polledAt >= m_downSince) {
        if (m_polling->lastPollSucceeded() && m_polling->lastSuccessAt().msecsTo(now()) <= staleMs)
            return Health::Polling;
        return Health::Offline; // refused, unreachable, or the next answer is overdue
    }
    if (link == ConnectionState::Offline)
        return Health::Offline; // stopped, or gave up retrying
    return m_downSince.msecsTo(now()) > staleMs ? Health::Offline : Health::Reconnecting;
}

ConnectionStatus::Transport ConnectionStatus::transport() const
{
    switch (health()) {
    case Health::Live: return Transport::Live;
    case Health::Polling: return Transport::Polling;
    case Health::Reconnecting:
    case Health::Offline:
    case Health::SignedOut: break;
    }
    return Transport::Offline;
}

QString ConnectionStatus::reconnectText() const
{
    switch (state()) {
    case ConnectionState::Connecting: return tr("connecting…");
    case ConnectionState::WaitingToRetry: {
        const qint64 seconds = (now().msecsTo(m_service->nextRetryAt()) + 999) / 1000;
        return seconds > 0 ? tr("reconnecting in %n s", "countdown", int(seconds)) : tr("reconnecting…");
    }
    default: return {};
    }
}

QString ConnectionStatus::stateText() const
{
    switch (health()) {
    case Health::Live:
        return m_syncProblem.isEmpty()
            ? tr("Live")
            : tr("Live · orders incomplete", "connected, but a reload of the orders keeps failing");
    case Health::Polling: {
        const QString reconnect = reconnectText();
        return reconnect.isEmpty() ? tr("Polling")
                                   : tr("Polling · %1", "polling, then the reconnect countdown").arg(reconnect);
    }
    case Health::Reconnecting: {
        if (state() == ConnectionState::Connecting)
            return tr("Connecting…");
        QString text = reconnectText();
        text[0] = text.at(0).toUpper();
        return text;
    }
    case Health::Offline: return tr("Offline — orders are not updating");
    case Health::SignedOut: return tr("Signed out");
    }
    return {};
}

QString ConnectionStatus::transportText() const
{
    switch (health()) {
    case Health::Live: return tr("live updates", "how the orders reach this computer");
    case Health::Polling: return tr("checking every few seconds", "how the orders reach this computer");
    case Health::Reconnecting: return tr("reconnecting", "how the orders reach this computer");
    case Health::Offline: return tr("offline", "how the orders reach this computer");
    case Health::SignedOut: return tr("signed out", "how the orders reach this computer");
    }
    return {};
}

QString ConnectionStatus::roundTripText() const
{
    // A round trip measured on a link that is gone says nothing about the next one.
    const std::optional<qint64> rtt = m_service->roundTripMs();
    return rtt && state() == ConnectionState::Live ? describeRoundTrip(*rtt) : QString();
}

QString ConnectionStatus::describeRoundTrip(qint64 milliseconds)
{
    // Qt measures pongs in whole milliseconds: 0 means "within the millisecond", not "instant".
    return milliseconds < 1 ? tr("< 1 ms", "round-trip time under a millisecond")
                            : tr("%1 ms", "round-trip time").arg(milliseconds);
}

QString ConnectionStatus::lastEventText() const
{
    const QDateTime last = m_service->lastEventAt();
    if (!last.isValid())
        return tr("none yet", "no order event received yet");
    return describeAge(last.secsTo(now()));
}

QDateTime ConnectionStatus::lastGoodDataAt() const
{
    if (state() == ConnectionState::Live)
        return now();
    const QDateTime polled = m_polling->lastSuccessAt();
    if (!m_liveUntil.isValid())
        return polled;
    return polled.isValid() && polled > m_liveUntil ? polled : m_liveUntil;
}

QString ConnectionStatus::freshnessText() const
{
    switch (health()) {
    case Health::Live: return tr("Last order change: %1", "age of the last order event").arg(lastEventText());
    case Health::Polling:
        return tr("Last checked: %1", "age of the last successful poll")
            .arg(describeAge(m_polling->lastSuccessAt().secsTo(now())));
    case Health::Reconnecting:
    case Health::Offline:
    case Health::SignedOut: break;
    }
    const QDateTime good = lastGoodDataAt();
    if (m_cachedSince.isValid() && (!good.isValid() || good < m_cachedSince))
        return tr("Saved orders from %1", "age of the locally cached orders")
            .arg(describeAge(m_cachedSince.secsTo(now())));
    if (!good.isValid())
        return tr("No orders received yet");
    return tr("Last update: %1", "age of the last data known to be current").arg(describeAge(good.secsTo(now())));
}

QString ConnectionStatus::retryText() const
{
    if (health() != Health::Offline || state() != ConnectionState::WaitingToRetry)
        return {};
    const qint64 seconds = (now().msecsTo(m_service->nextRetryAt()) + 999) / 1000;
    return seconds > 0 ? tr("Next try in %n s", "countdown to the next reconnect", int(seconds)) : QString();
}

void ConnectionStatus::setShowingCachedData(const QDateTime &savedAt)
{
    m_cachedSince = state() == ConnectionState::Live ? QDateTime() : savedAt;
    emit changed();
}

void ConnectionStatus::setSignInNeeded(bool needed)
{
    if (needed == m_signInNeeded)
        return;
    m_signInNeeded = needed;
    emit changed();
}

QString ConnectionStatus::problemText() const
{
    if (state() == ConnectionState::Live)
        return m_syncProblem;
    const QString linkError = m_service->lastError();
    return linkError.isEmpty() ? m_syncProblem : linkError;
}

void ConnectionStatus::setSyncProblem(const QString &message)
{
    if (message == m_syncProblem)
        return;
    m_syncProblem = message;
    emit changed();
}

bool ConnectionStatus::canReconnectNow() const
{
    if (health() == Health::SignedOut)
        return false; // nothing to reconnect with: "Sign in…" instead
    const ConnectionState current = state();
    return current == ConnectionState::WaitingToRetry || current == ConnectionState::Offline;
}

void ConnectionStatus::reconnectNow()
{
    m_service->reconnectNow();
}

QString ConnectionStatus::describeAge(qint64 seconds)
{
    if (seconds < 2)
        return tr("just now");
    if (seconds < 60)
        return tr("%n s ago", "age in seconds", int(seconds));
    if (seconds < 3600)
        return tr("%n min ago", "age in minutes", int(seconds / 60));
    return tr("%n h ago", "age in hours", int(seconds / 3600));
}

} // namespace hearth
