// RealtimeService, second half: what the current socket reports — frames, pongs, errors,
// closes, silence — and what each means. realtimeservice.cpp holds the link's lifecycle.
#include "realtime/realtimeservice.h"

#include "core/logging.h"
#include "core/ordercodec.h"
#include "realtime/inboundqueue.h"
#include "realtime/eventbatcher.h"
#include "realtime/heartbeat.h"
#include "realtime/linkerrors.h"
#include "realtime/protocoladapter.h"

#include <QWebSocket>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

// Bad frames can arrive by the thousand; the counters keep the full tally, the log a sample.
bool shouldLogSample(qint64 count)
{
    return count <= 10 || count % 1000 == 0;
}

} // namespace

void RealtimeService::onConnected()
{
    const QString chosen = m_socket->subprotocol();
    if (!m_adapter->acceptsSubprotocol(chosen)) {
        // The server speaks another version of the protocol: no retry can change that.
        haltWithoutRetry({tr("The server at %1 speaks another version of its live protocol than "
                             "this Hearth. Ask whoever looks after the server; Hearth will not "
                             "retry by itself.")
                              .arg(displayAddress(m_url)),
                          u"server chose subprotocol \"%1\"; %2 cannot speak it"_s.arg(
                              chosen.left(60), m_adapter->name())});
        return;
    }
    qCDebug(lcRealtime) << "handshake complete, waiting for welcome";
    if (const std::optional<WelcomeMessage> welcome = m_adapter->welcomeOnOpen())
        handle(*welcome);
}

void RealtimeService::onTextMessage(const QString &text)
{
    // The link was marked alive when the frame arrived (any frame, even one we then drop).
    ++m_stats.framesReceived;
    // UTF-16 code units never outnumber UTF-8 bytes: an oversize frame is caught before the
    // conversion and the parse it would cost.
    if (text.size() > m_maxFrameBytes) {
        m_stats.bytesReceived += text.size();
        ++m_stats.oversizedFrames;
        if (shouldLogSample(++m_stats.malformedFrames))
            qCWarning(lcRealtime) << "dropped a frame of at least" << text.size()
                                  << "bytes; the limit is" << m_maxFrameBytes;
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    m_stats.bytesReceived += utf8.size();
    Decoded<ServerMessage> decoded = m_adapter->decode(utf8, m_maxFrameBytes);
    if (!decoded.ok()) {
        if (utf8.size() > m_maxFrameBytes)
            ++m_stats.oversizedFrames;
        if (shouldLogSample(++m_stats.malformedFrames))
            qCWarning(lcRealtime).noquote() << "dropped a malformed frame:" << decoded.errorString();
        return;
    }
    std::visit([this](auto &&message) { handle(std::forward<decltype(message)>(message)); },
               std::move(*decoded.value));
}

void RealtimeService::onSocketError(QAbstractSocket::SocketError error)
{
    const quint64 generation = m_generation;
    m_inbound->drain();
    if (!isCurrent(generation))
        return;
    const QString errorString = m_socket->errorString();
    // A token refused at the handshake will be refused again: do not retry it.
    if (!m_welcomed && handshakeHttpStatus(errorString) == 401) {
        signOut(u"handshake refused: %1"_s.arg(errorString));
        return;
    }
    linkLost(describeSocketError(error, errorString, m_url, m_welcomed));
}

void RealtimeService::onDisconnected()
{
    // What arrived before the close is applied before it — unless a frame among it already
    // ended this socket.
    const quint64 generation = m_generation;
    m_inbound->drain();
    if (!isCurrent(generation))
        return;
    const QWebSocketProtocol::CloseCode code = m_socket->closeCode();
    const QString reason = m_socket->closeReason();
    if (code == QWebSocketProtocol::CloseCodePolicyViolated
        && reason.contains("unauthori"_L1, Qt::CaseInsensitive)) {
        signOut(u"closed with code %1: %2"_s.arg(int(code)).arg(reason));
        return;
    }
    if (!m_welcomed && m_socket->error() != QAbstractSocket::UnknownSocketError) {
        linkLost(describeSocketError(m_socket->error(), m_socket->errorString(), m_url, false));
        return;
    }
    linkLost(describeClose(code, reason, m_url));
}

void RealtimeService::onPong(quint64 elapsedMs)
{
    if (m_adapter->pongProvesLiveness())
        m_heartbeat->markAlive();
    ++m_stats.pongsReceived;
    m_roundTripMs = qint64(elapsedMs);
    emit roundTripMeasured(qint64(elapsedMs));
}

void RealtimeService::onStale()
{
    if (!m_socket)
        return;
    ++m_stats.staleLinks;
    linkLost(describeStale(2 * m_heartbeat->interval()));
}

void RealtimeService::onInboundOverflow(quint64 generation)
{
    if (!isCurrent(generation) || m_overflowed)
        return;
    // The queue refused a frame, so this socket's stream has a hole: close it now, so the server
    // stops sending what would only be refused. What was taken in is still applied — in the
    // queue's usual slices: applying a full queue (130 000 frames in the 1 M burst) in one call
    // blocked the GUI for seconds. Once it is empty, the link is dropped and the next one resumes
    // after the last applied event, so nothing is lost (onInboundDrained).
    ++m_stats.inboundOverflows;
    m_overflowed = std::pair(m_inbound->size(), m_inbound->bytesQueued());
    m_heartbeat->stop();   // nothing will arrive any more; that is not a dead link
    m_watchdog->clear();
    m_connectTimer.stop();
    m_socket->disconnect(this); // its close must not drain the queue in one go
    m_socket->abort();
    if (m_inbound->size() == 0)
        onInboundDrained();
}

void RealtimeService::onInboundDrained()
{
    // Still set: no frame among those applied ended the link (discardSocket() clears it).
    if (!m_overflowed || !m_socket)
        return;
    const auto [frames, bytes] = *std::exchange(m_overflowed, std::nullopt);
    // A link that delivered a whole queue's worth of events was healthy however briefly it
    // lived: the next is a first attempt (a short jittered wait), and bursts that overflow again
    // and again never exhaust the retries. The backoff's growth would only idle the catch-up.
    m_backoff.reset();
    linkLost(describeInboundOverflow(frames, bytes));
}

void RealtimeService::onConnectTimeout()
{
    if (m_socket && !m_welcomed)
        linkLost(describeConnectTimeout(m_url, m_backoff.policy().connectTimeout));
}

void RealtimeService::handle(const WelcomeMessage &message)
{
    if (m_welcomed) {
        qCWarning(lcRealtime) << "ignored a second welcome on the same connection";
        return;
    }
    m_welcomed = true;
    m_connectTimer.stop();
    if (!m_serverEpoch.isEmpty() && m_serverEpoch != message.epoch)
        qCInfo(lcRealtime) << "the server's event log was reset: epoch" << message.epoch;
    m_serverEpoch = message.epoch;
    m_session = message.session;
    m_heartbeat->start(m_heartbeatOverride.value_or(message.heartbeat));
    m_liveSince.start();
    m_nextRetryAt = {};
    clearError();
    // Subscribe before announcing Live, so a receiver of stateChanged that subscribes to
    // another channel finds the link ready and does not send a duplicate. Frames written while
    // offline follow the subscriptions they may refer to.
    for (const QString &channel : m_registry.channelsToSubscribe())
        sendSubscribe(channel);
    flushOutgoing();
    setState(ConnectionState::Live);
}

void RealtimeService::handle(const SubscribedMessage &message)
{
    // Events batched before this point belong before whatever the answer changes (the position
    // may move to the server's head, a snapshot may be asked for): receivers that read the
    // position with a batch must see the one it was accepted under.
    m_batcher->flush();
    const SubscriptionRegistry::SubscribedOutcome outcome = m_registry.applySubscribed(message);
    if (!outcome.accepted) {
        qCDebug(lcRealtime) << "subscription to" << message.channel << "is no longer wanted";
        if (outcome.unsubscribeNow)
            sendText(m_adapter->unsubscribeFrame(message.channel));
        return;
    }
    m_watchdog->forget(message.channel);
    m_rejoins.joined(message.channel);
    if (!outcome.snapshotRequired) {
        qCDebug(lcRealtime) << "resumed" << message.channel << "from seq"
                            << m_registry.position(message.channel).seq << "up to"
                            << message.position.seq;
        return;
    }
    qCInfo(lcRealtime) << "the server cannot replay" << message.channel
                       << "- a snapshot is needed; stream continues after seq"
                       << message.position.seq;
    ++m_stats.snapshotsRequested;
    emit snapshotRequired(message.channel, outcome.serverPosition);
}

void RealtimeService::handle(const UnsubscribedMessage &message)
{
    qCDebug(lcRealtime) << "unsubscribed from" << message.channel;
}

void RealtimeService::handle(ChannelEvent &&event)
{
    ++m_stats.eventsReceived;
    m_eventRate.add();
    m_lastEventAt = QDateTime::currentDateTimeUtc();
    switch (m_registry.classify(event)) {
    case SubscriptionRegistry::Verdict::Accept:
        break;
    case SubscriptionRegistry::Verdict::Duplicate:
        ++m_stats.duplicatesDropped;
        return;
    case SubscriptionRegistry::Verdict::Ignore:
        ++m_stats.eventsIgnored;
        return;
    case SubscriptionRegistry::Verdict::Gap:
        ++m_stats.gapsDetected;
        qCInfo(lcRealtime) << "gap in" << event.channel << "- expected seq"
                           << m_registry.position(event.channel).seq + 1 << "got" << event.seq
                           << "; resubscribing";
        sendSubscribe(event.channel);
        return;
    }
    if (event.order) {
        // Validated by the adapter on the way in: nothing left to check. Where the order is the
        // event's only form of its payload (the Action Cable and Phoenix adapters), it stays in
        // the event for payload(); the fast decoder's frame has it otherwise.
        if (event.frame.isEmpty()) {
            m_batcher->addOrder(*event.order);
        } else {
            m_batcher->addOrder(std::move(*event.order));
            event.order.reset();
        }
    } else if (ChannelEvent::carriesOrder(event.channel, event.type)) {
        Decoded<Order> order = OrderCodec::fromJson(event.data);
        if (!order.ok()) {
            // The seq has advanced all the same: the event happened, we just cannot use it,
            // and treating the next one as a gap would only replay this one again.
            if (shouldLogSample(++m_stats.invalidPayloads))
                qCWarning(lcRealtime).noquote()
                    << "dropped" << event.type << "seq" << event.seq << ":" << order.errorString();
            return;
        }
        m_batcher->addOrder(std::move(*order.value));
    }
    m_batcher->addEvent(std::move(event));
}

void RealtimeService::handle(const ServerError &message)
{
    qCWarning(lcRealtime) << "server error" << message.code << message.message
                          << (message.channel.isEmpty() ? QString() : message.channel);
    if (message.code == ServerErrorCode::unauthorized) {
        signOut(u"server error %1: %2"_s.arg(message.code, message.message));
        return;
    }
    if (!message.channel.isEmpty()) {
        handleChannelError(message);
        return;
    }
    if (!message.reconnect)
        haltWithoutRetry(describeServerRefusal(message.code, message.message));
    // Anything else (rate_limited, bad_request) leaves the link as it is.
}

void RealtimeService::handle(const ReconnectAdvice &message)
{
    // The server is going away and spreads its clients' returns: not a failure of ours, so no
    // attempt is counted, but a healthy link still resets the count.
    m_backoff.linkEnded(liveDuration());
    discardSocket(true);
    const LinkError error = describeServerAdvice(message.after);
    const bool news = recordError(error);
    if (m_running)
        scheduleRetry(m_backoff.jitter(message.after));
    else
        setState(ConnectionState::Offline);
    if (news)
        emit errorOccurred(error.message);
}

void RealtimeService::handle(const IgnoredMessage &message)
{
    if (message.why == IgnoredMessage::Why::KeepAlive)
        return; // its receipt marked the link alive, which is all a keep-alive is for
    ++m_stats.eventsIgnored;
    qCDebug(lcRealtime).noquote() << "ignored a frame:" << message.detail;
}

} // namespace hearth
