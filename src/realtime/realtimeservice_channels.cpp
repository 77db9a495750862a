// RealtimeService, third part: what the application asks of the link — channels, client frames,
// stats — and the watchdogs that keep it honest: unconfirmed subscribes, a computer that slept,
// a network that came back. realtimeservice.cpp holds the link's lifecycle.
#include "realtime/realtimeservice.h"

#include "core/logging.h"
#include "realtime/eventbatcher.h"
#include "realtime/inboundqueue.h"
#include "realtime/hearthprotocol.h"
#include "realtime/linkerrors.h"
#include "realtime/networkwatch.h"
#include "realtime/protocoladapter.h"
#include "realtime/suspenddetector.h"

#include <QWebSocket>

namespace hearth {

namespace {

using namespace std::chrono_literals;

ChannelStats::State channelState(SubscriptionRegistry::Link link)
{
    switch (link) {
    case SubscriptionRegistry::Link::Idle: return ChannelStats::State::Idle;
    case SubscriptionRegistry::Link::Pending: return ChannelStats::State::Subscribing;
    case SubscriptionRegistry::Link::Active: return ChannelStats::State::Subscribed;
    case SubscriptionRegistry::Link::Failed: return ChannelStats::State::Failed;
    }
    return ChannelStats::State::Idle;
}

} // namespace

void RealtimeService::wireResilience()
{
    connect(m_watchdog, &SubscribeWatchdog::resendDue, this, &RealtimeService::onSubscribeResendDue);
    connect(m_watchdog, &SubscribeWatchdog::expired, this, &RealtimeService::onSubscribeExpired);
    connect(m_suspendDetector, &SuspendDetector::resumed, this, &RealtimeService::onResumed);
    connect(m_networkWatch, &NetworkWatch::networkReturned, this, &RealtimeService::onNetworkReturned);
}

void RealtimeService::setSubscribePolicy(const SubscribePolicy &policy)
{
    m_watchdog->setPolicy(policy);
}

void RealtimeService::subscribe(const QString &channel)
{
    if (!HearthProtocol::isValidChannelName(channel)) {
        qCWarning(lcRealtime) << "refusing to subscribe to invalid channel name" << channel;
        return;
    }
    if (m_registry.addRef(channel)) {
        qCDebug(lcRealtime) << "subscribing to" << channel;
        sendSubscribe(channel);
    }
}

void RealtimeService::unsubscribe(const QString &channel)
{
    if (m_registry.refCount(channel) == 0) {
        qCWarning(lcRealtime) << "unsubscribe from" << channel << "without a subscription";
        return;
    }
    const SubscriptionRegistry::Link link = m_registry.link(channel);
    if (!m_registry.release(channel))
        return;
    m_watchdog->forget(channel);
    if (link == SubscriptionRegistry::Link::Active && m_socket && m_welcomed) {
        qCDebug(lcRealtime) << "unsubscribing from" << channel;
        sendText(m_adapter->unsubscribeFrame(channel));
    } else if (link == SubscriptionRegistry::Link::Pending) {
        // An unsubscribe could overtake nothing, but it would leave the answer in flight to
        // start a stream nobody wants: it goes out when that answer arrives.
        qCDebug(lcRealtime) << "unsubscribing from" << channel << "once its subscribe is answered";
    }
}

bool RealtimeService::carriesChannel(const QString &channel) const
{
    return m_adapter->carries(channel);
}

int RealtimeService::subscriberCount(const QString &channel) const
{
    return m_registry.refCount(channel);
}

QStringList RealtimeService::subscribedChannels() const
{
    return m_registry.wantedChannels();
}

void RealtimeService::setSyncPosition(const QString &channel, const SyncPosition &position)
{
    if (!position.isValid()) {
        qCWarning(lcRealtime) << "ignoring a sync position without epoch for" << channel;
        return;
    }
    if (m_registry.setPosition(channel, position) && m_socket && m_welcomed) {
        qCInfo(lcRealtime) << "resubscribing" << channel << "from its new epoch";
        sendSubscribe(channel);
    }
}

SyncPosition RealtimeService::syncPosition(const QString &channel) const
{
    return m_registry.position(channel);
}

SyncPosition RealtimeService::deliveredPosition(const QString &channel) const
{
    SyncPosition position = m_registry.position(channel);
    const qint64 firstPending = m_batcher->firstPendingSeq(channel);
    if (firstPending != ChannelEvent::unsequenced && firstPending - 1 < position.seq)
        position.seq = firstPending - 1;
    return position;
}

bool RealtimeService::sendFrame(const QString &frame)
{
    // After an inbound overflow the socket is closed while the queue is still applied: what is
    // written then waits for the next link.
    if (m_socket && m_welcomed && !m_overflowed) {
        sendText(frame);
        ++m_stats.outgoingSent;
        return true;
    }
    if (m_outgoing.push(frame))
        return true;
    const LinkError error = describeOutgoingOverflow(m_outgoing.size(), m_outgoing.overflows());
    // Logged and listed for support, but not the status bar's news: the link state is the same.
    if (m_outgoing.overflows() == 1 || m_outgoing.overflows() % 100 == 0)
        qCWarning(lcRealtime).noquote() << error.details;
    m_errorHistory.add(error.message, error.details);
    return false;
}

void RealtimeService::flushOutgoing()
{
    if (m_outgoing.isEmpty())
        return;
    const QList<QString> frames = m_outgoing.takeAll();
    qCInfo(lcRealtime) << "sending" << frames.size() << "frames written while offline";
    for (const QString &frame : frames)
        sendText(frame);
    m_stats.outgoingSent += frames.size();
}

RealtimeStats RealtimeService::stats() const
{
    RealtimeStats stats = m_stats;
    stats.openSockets = int(findChildren<QWebSocket *>(QString(), Qt::FindDirectChildrenOnly).size());
    stats.subscriptions = int(m_registry.wantedChannels().size());
    stats.batchesEmitted = m_batcher->batchesEmitted();
    stats.networkMonitored = m_networkWatch->isAvailable();
    stats.inboundQueued = m_inbound->size();
    stats.inboundSlices = m_inbound->slicesRun();
    stats.outgoingQueued = m_outgoing.size();
    stats.outgoingOverflows = m_outgoing.overflows();
    stats.eventsPerSecond = m_eventRate.perSecond(1s);
    stats.eventsPerSecond10s = m_eventRate.perSecond(10s);
    stats.recentErrors = m_errorHistory.entries();
    const QStringList channels = m_registry.wantedChannels();
    for (const QString &channel : channels) {
        stats.channels.append(ChannelStats{channel, m_registry.refCount(channel),
                                           channelState(m_registry.link(channel)),
                                           m_registry.position(channel), m_registry.failure(channel)});
    }
    return stats;
}

void RealtimeService::sendSubscribe(const QString &channel)
{
    if (!m_socket || !m_welcomed)
        return; // subscriptions are state: all of them are sent when the next link is welcomed
    if (m_registry.link(channel) == SubscriptionRegistry::Link::Failed || !carriesChannel(channel))
        return;
    m_registry.markPending(channel);
    m_watchdog->watch(channel);
    sendText(m_adapter->subscribeFrame(channel, m_registry.resumePoint(channel)));
}

void RealtimeService::sendText(const QString &frame)
{
    // An adapter answers with an empty frame when nothing needs to go out.
    if (m_socket && !frame.isEmpty())
        m_socket->sendTextMessage(frame);
}

void RealtimeService::onSubscribeResendDue(const QString &channel, int resend)
{
    if (!m_socket || !m_welcomed || m_registry.link(channel) != SubscriptionRegistry::Link::Pending)
        return;
    qCInfo(lcRealtime) << "no answer to the subscribe to" << channel << "- sending it again ("
                       << resend << "of" << m_watchdog->policy().resends << ")";
    ++m_stats.subscribeResends;
    sendText(m_adapter->subscribeFrame(channel, m_registry.resumePoint(channel)));
}

void RealtimeService::onSubscribeExpired(const QString &channel)
{
    if (!m_socket)
        return;
    ++m_stats.subscribeTimeouts;
    const SubscribePolicy &policy = m_watchdog->policy();
    linkLost(describeSubscribeTimeout(channel, policy.resends + 1,
                                      policy.confirmTimeout * (policy.resends + 1)));
}

void RealtimeService::handleChannelError(const ServerError &message)
{
    const QString &channel = message.channel;
    // Nobody wants the channel any more; its subscribe was refused, so nothing is owed either.
    if (m_registry.dropOwedUnsubscribe(channel))
        return;
    if (message.code == ServerErrorCode::channelLost) {
        if (!m_registry.isWanted(channel))
            return;
        // A channel that crashes again at every join must not be joined in a loop; the other
        // channels of the socket carry on meanwhile. The rejoin's subscribe is bounded by the
        // watchdog as any subscribe; a new socket joins every channel itself.
        const std::chrono::milliseconds delay = m_rejoins.lost(channel);
        qCInfo(lcRealtime) << "the server lost" << channel << "- joining it again in" << delay.count() << "ms";
        m_registry.markPending(channel);
        const quint64 generation = m_generation;
        QTimer::singleShot(delay, this, [this, channel, generation] {
            if (isCurrent(generation) && m_registry.isWanted(channel)
                && m_registry.link(channel) == SubscriptionRegistry::Link::Pending)
                sendSubscribe(channel);
        });
        return;
    }
    const bool forbidden = message.code == ServerErrorCode::forbidden;
    const bool rejected = message.code == ServerErrorCode::badRequest && !message.reconnect;
    if (!forbidden && !rejected) {
        // Rate limited, or a passing trouble on the server: the watchdog sends the subscribe
        // again, and renews the link if that does not help either.
        qCInfo(lcRealtime) << "transient error on" << channel << "- the subscribe will be retried";
        return;
    }
    m_watchdog->forget(channel);
    const LinkError error = forbidden
        ? describeChannelRefusal(channel, message.code, message.message)
        : describeChannelRejected(channel, message.code, message.message);
    if (m_registry.isWanted(channel)) {
        m_registry.markFailed(channel, error.message);
        ++m_stats.channelsRejected;
    }
    const bool news = recordError(error);
    emit channelFailed(channel, error.message);
    if (news)
        emit errorOccurred(error.message);
}

void RealtimeService::onResumed(std::chrono::milliseconds asleepFor)
{
    if (!m_running)
        return;
    ++m_stats.suspendsDetected;
    qCInfo(lcRealtime) << "the computer was asleep for about" << asleepFor.count() / 1000
                       << "s - renewing the link";
    // Whatever the socket says, the server has probably dropped it long ago; and a pending
    // retry was computed for a network that may no longer be the same.
    renewLinkNow(describeResumed(asleepFor));
}

void RealtimeService::onNetworkReturned()
{
    if (m_state != ConnectionState::WaitingToRetry || !m_running)
        return;
    qCInfo(lcRealtime) << "the network is back - retrying now";
    ++m_stats.networkReturns;
    ++m_stats.reconnects;
    m_retryTimer.stop();
    m_nextRetryAt = {};
    openSocket();
}

} // namespace hearth
