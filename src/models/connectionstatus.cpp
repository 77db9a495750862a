#include "models/connectionstatus.h"

#include "realtime/realtimeservice.h"
#include "sync/pollingfallback.h"

namespace hearth {

ConnectionStatus::ConnectionStatus(RealtimeService *service, PollingFallback *polling, QObject *parent)
    : QObject(parent), m_service(service), m_polling(polling)
{
    connect(m_polling, &PollingFallback::pollingChanged, this, &ConnectionStatus::changed);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ConnectionStatus::changed);
    m_tick.start();
    connect(m_service, &RealtimeService::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Live)
            m_cachedSince = {}; // the resync starts now: replay or snapshot
        emit changed();
    });
    connect(m_service, &RealtimeService::roundTripMeasured, this, &ConnectionStatus::changed);
    connect(m_service, &RealtimeService::errorOccurred, this, &ConnectionStatus::changed);
}

ConnectionState ConnectionStatus::state() const
{
    return m_service->state();
}

ConnectionStatus::Transport ConnectionStatus::transport() const
{
    if (state() == ConnectionState::Live)
        return Transport::Live;
    return m_polling->isPolling() ? Transport::Polling : Transport::Offline;
}

QString ConnectionStatus::reconnectText() const
{
    switch (state()) {
    case ConnectionState::Connecting: return tr("connecting…");
    case ConnectionState::WaitingToRetry: {
        const qint64 seconds = (QDateTime::currentDateTimeUtc().msecsTo(m_service->nextRetryAt()) + 999) / 1000;
        return seconds > 0 ? tr("reconnecting in %n s", "countdown", int(seconds)) : tr("reconnecting…");
    }
    default: return {};
    }
}

QString ConnectionStatus::stateText() const
{
    if (transport() == Transport::Polling) {
        const QString reconnect = reconnectText();
        return reconnect.isEmpty() ? tr("Polling") : tr("Polling · %1", "polling, then the reconnect countdown").arg(reconnect);
    }
    switch (state()) {
    case ConnectionState::Live:
        return m_syncProblem.isEmpty() ? tr("Live") : tr("Live · orders incomplete", "connected, but a reload of the orders keeps failing");
    case ConnectionState::Connecting: return tr("Connecting…");
    case ConnectionState::WaitingToRetry: {
        QString text = reconnectText();
        text[0] = text.at(0).toUpper();
        return text;
    }
    case ConnectionState::Offline: return tr("Offline");
    case ConnectionState::SignedOut: return tr("Signed out");
    }
    return {};
}

QString ConnectionStatus::transportText() const
{
    switch (transport()) {
    case Transport::Live: return tr("live");
    case Transport::Polling: return tr("polling");
    case Transport::Offline: return tr("offline");
    }
    return {};
}

QString ConnectionStatus::roundTripText() const
{
    const std::optional<qint64> rtt = m_service->roundTripMs();
    return rtt ? tr("%1 ms", "round-trip time").arg(*rtt) : QString();
}

QString ConnectionStatus::lastEventText() const
{
    const QDateTime last = m_service->lastEventAt();
    if (!last.isValid())
        return tr("no events yet");
    return describeAge(last.secsTo(QDateTime::currentDateTimeUtc()));
}

QString ConnectionStatus::freshnessText() const
{
    if (m_cachedSince.isValid())
        return tr("Saved orders from %1", "age of the locally cached orders")
            .arg(describeAge(m_cachedSince.secsTo(QDateTime::currentDateTimeUtc())));
    return tr("Last event: %1").arg(lastEventText());
}

void ConnectionStatus::setShowingCachedData(const QDateTime &savedAt)
{
    m_cachedSince = state() == ConnectionState::Live ? QDateTime() : savedAt;
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
