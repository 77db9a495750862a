#include "realtime/realtimeservice.h"

#include "core/logging.h"
#include "realtime/eventbatcher.h"
#include "realtime/inboundqueue.h"
#include "realtime/hearthprotocol.h"
#include "realtime/heartbeat.h"
#include "realtime/linkerrors.h"
#include "realtime/networkwatch.h"
#include "realtime/protocoladapter.h"
#include "realtime/suspenddetector.h"

#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

// QWebSocket closes the whole connection when a message exceeds its own limit; ours must only
// drop the frame, so Qt's limit is set far above ours and serves as a memory guard only.
constexpr quint64 socketMessageGuardBytes = 64 * 1024 * 1024;
// What the kernel holds for us at most (Linux doubles it): ~1 200 order frames per read, a few ms
// of work. Measured in the 1 M burst: 64 KiB stalls as long and applies a third slower.
constexpr int socketReceiveBufferBytes = 256 * 1024;
// A polite close waits for the server's close frame, but never longer than this.
constexpr std::chrono::milliseconds politeCloseGrace{1000};

// Bounds what one event-loop turn takes in from the network: the kernel's receive buffer of the
// TCP socket under the QWebSocket. Unbounded (loopback grows it to megabytes), one read took in
// thousands of frames, each converted and queued inside one call, and stalled the GUI for tens of
// ms in a burst; bounded, a client that applies more slowly than the server sends leaves the rest
// with the server, TCP slows it down, and the inbound queue rarely fills. QWebSocket's own read
// buffer cannot be used for this: Qt 6.4 never completes a frame larger than it. QWebSocket
// does not expose its QTcpSocket; where it is not its child, nothing changes.
void capReceiveWindow(QWebSocket *socket)
{
    // Only once connected: before, the QTcpSocket has no descriptor and drops the option.
    if (auto *tcp = socket->findChild<QAbstractSocket *>(QString(), Qt::FindDirectChildrenOnly))
        tcp->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, socketReceiveBufferBytes);
}

QString safeAddress(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toDisplayString();
}

} // namespace

RealtimeService::RealtimeService(QObject *parent)
    : QObject(parent),
      m_adapter(std::make_unique<HearthAdapter>()),
      m_batcher(new EventBatcher(this)),
      m_inbound(new InboundQueue(
          [this](quint64 generation, const QString &text) {
              if (isCurrent(generation))
                  onTextMessage(text);
          },
          this)),
      m_heartbeat(new Heartbeat(this)),
      m_watchdog(new SubscribeWatchdog(this)),
      m_suspendDetector(new SuspendDetector(this)),
      m_networkWatch(new NetworkWatch(this)),
      m_maxFrameBytes(HearthProtocol::defaultMaxFrameBytes)
{
    m_retryTimer.setSingleShot(true);
    // Precise: a coarse timer may fire 5 % early, before a server's after_ms or the countdown on screen.
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    m_connectTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RealtimeService::onRetryTimer);
    connect(&m_connectTimer, &QTimer::timeout, this, &RealtimeService::onConnectTimeout);
    connect(m_heartbeat, &Heartbeat::pingDue, this, [this] {
        if (m_socket) {
            m_socket->ping();
            ++m_stats.pingsSent;
            if (const QString beat = m_adapter->heartbeatFrame(); m_welcomed && !beat.isEmpty())
                sendText(beat);
            if (m_adapter->heartbeatMissed())
                onStale(); // the server broadcasts but no longer hears us
        }
    });
    connect(m_heartbeat, &Heartbeat::stale, this, &RealtimeService::onStale);
    // Queued: the overflow is noticed inside the socket's own signal, where it must not be aborted.
    connect(m_inbound, &InboundQueue::overflowed, this, &RealtimeService::onInboundOverflow,
            Qt::QueuedConnection);
    connect(m_inbound, &InboundQueue::drained, this, &RealtimeService::onInboundDrained);
    // What a slice decoded reaches the models within the slice's budget (InboundQueue).
    m_inbound->setSliceFinisher([this] { m_batcher->flush(); });
    connect(m_batcher, &EventBatcher::channelEventsReady, this,
            [this](const QString &channel, const QList<ChannelEvent> &events) {
                m_stats.eventsDelivered += events.size();
                emit channelEvents(channel, events);
            });
    connect(m_batcher, &EventBatcher::ordersReady, this, &RealtimeService::ordersChanged);
    wireResilience();
}

RealtimeService::~RealtimeService()
{
    // The socket is our child and dies after this body; it must not call back into a half-gone
    // service while it closes.
    if (m_socket)
        m_socket->disconnect(this);
}

void RealtimeService::setEndpoint(const QUrl &webSocketUrl, const QString &token)
{
    const bool urlChanged = webSocketUrl != m_url;
    const bool tokenChanged = token != m_token;
    QStringList refused;
    if (tokenChanged) {
        m_token = token;
        m_tokenRenewed = !token.isEmpty();
        // Another account may read what this one was refused; asked again at the next link.
        refused = m_registry.clearFailures();
    }
    m_url = webSocketUrl;
    // A backend that takes the token per channel (Supabase's access_token, refreshed hourly as
    // its JWTs expire) gets the new one on the open socket, as realtime-js does: no reconnect,
    // no snapshot reload, and the server re-checks each channel under the new token.
    if (tokenChanged && !urlChanged && !token.isEmpty() && m_running && m_socket && m_welcomed) {
        if (const std::optional<QStringList> frames = m_adapter->tokenRefreshFrames(token)) {
            qCInfo(lcRealtime) << "token refreshed on the open link for" << frames->size() << "channels";
            for (const QString &frame : *frames)
                sendText(frame);
            for (const QString &channel : std::as_const(refused))
                sendSubscribe(channel); // refused under the old token (expired): joined again
            return;
        }
    }
    // A new token may be another user or restaurant: the live socket was authorised as the old
    // one and would go on streaming its events, so the link is renewed under the new identity.
    if ((urlChanged || (tokenChanged && !token.isEmpty())) && m_running) {
        qCInfo(lcRealtime) << "endpoint or credentials changed for" << safeAddress(m_url) << "- reconnecting";
        m_retryTimer.stop();
        m_nextRetryAt = {};
        m_backoff.reset();
        openSocket();
    }
}

void RealtimeService::setReconnectPolicy(const ReconnectPolicy &policy)
{
    m_backoff.setPolicy(policy);
}

void RealtimeService::setRandomSource(Backoff::RandomSource random)
{
    m_backoff.setRandomSource(std::move(random));
}

void RealtimeService::setHeartbeatOverride(std::optional<std::chrono::milliseconds> interval)
{
    m_heartbeatOverride = interval;
    if (m_heartbeatOverride && m_heartbeat->isActive())
        m_heartbeat->start(*m_heartbeatOverride);
}

void RealtimeService::setInboundLimits(const InboundLimits &limits)
{
    m_inbound->setLimits(limits);
}

void RealtimeService::setInboundSliceBudget(std::chrono::milliseconds budget)
{
    m_inbound->setSliceBudget(budget);
}

void RealtimeService::setMaxFrameBytes(qint64 bytes)
{
    m_maxFrameBytes = bytes > 0 ? bytes : HearthProtocol::defaultMaxFrameBytes;
}

void RealtimeService::setProtocolAdapter(std::unique_ptr<ProtocolAdapter> adapter)
{
    if (adapter)
        m_adapter = std::move(adapter);
}

void RealtimeService::start()
{
    if (m_running)
        return;
    if (m_state == ConnectionState::SignedOut && !m_tokenRenewed) {
        qCInfo(lcRealtime) << "not starting: signed out until a new token is set";
        return;
    }
    if (!m_url.isValid() || m_url.isEmpty()) {
        qCWarning(lcRealtime) << "not starting: no endpoint set";
        return;
    }
    m_running = true;
    m_backoff.reset();
    m_networkWatch->start();
    if (!m_suspendDetector->isActive())
        m_suspendDetector->start();
    openSocket();
}

void RealtimeService::stop()
{
    // Events already accepted (their seqs counted) are delivered now rather than on the next
    // turn: after stop() returns nothing may land in a model that has moved on (a sign-out,
    // another restaurant). Dropping them instead would lose them on a resume.
    m_batcher->flush();
    m_running = false;
    m_retryTimer.stop();
    m_nextRetryAt = {};
    m_suspendDetector->stop();
    m_outgoing.clear(); // written for this session; not for whoever starts the next one
    discardSocket(true);
    if (m_state != ConnectionState::SignedOut)
        setState(ConnectionState::Offline);
}

void RealtimeService::reconnectNow()
{
    // A live link needs no help (a dead one is found by the heartbeat); a hanging attempt does.
    if (m_state == ConnectionState::Live)
        return;
    if (m_state == ConnectionState::SignedOut && !m_tokenRenewed) {
        qCInfo(lcRealtime) << "reconnect ignored: signed out until a new token is set";
        return;
    }
    if (!m_url.isValid() || m_url.isEmpty())
        return;
    // Skipping a wait keeps the attempt count; starting over after giving up resets it.
    if (m_state == ConnectionState::Offline || m_state == ConnectionState::SignedOut)
        m_backoff.reset();
    m_running = true;
    m_retryTimer.stop();
    m_nextRetryAt = {};
    if (!m_suspendDetector->isActive())
        m_suspendDetector->start();
    openSocket();
}

void RealtimeService::openSocket()
{
    discardSocket(true);
    const quint64 generation = ++m_generation;
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    ++m_stats.socketsOpened;
    socket->setMaxAllowedIncomingMessageSize(
        std::min(QWebSocket::maxIncomingMessageSize(),
                 std::max(socketMessageGuardBytes, quint64(m_maxFrameBytes) * 2)));

    // Every handler first checks that its socket is still the current one: a replaced socket's
    // late signals must never touch the state of its successor.
    connect(socket, &QWebSocket::connected, this, [this, socket, generation] {
        capReceiveWindow(socket); // its TCP socket exists now
        if (isCurrent(generation))
            onConnected();
    });
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, generation](const QString &text) {
                // Alive on receipt: a frame waiting in the inbound queue proves the link as
                // much as a handled one, and a burst can keep frames waiting for a while.
                if (isCurrent(generation))
                    m_heartbeat->markAlive();
                m_inbound->push(generation, text);
            });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, generation](const QByteArray &data) {
                if (!isCurrent(generation))
                    return;
                m_heartbeat->markAlive();
                ++m_stats.framesReceived;
                m_stats.bytesReceived += data.size();
                if (++m_stats.malformedFrames <= 10)
                    qCWarning(lcRealtime) << "dropped a binary frame of" << data.size() << "bytes";
            });
    connect(socket, &QWebSocket::pong, this,
            [this, generation](quint64 elapsedMs, const QByteArray &) {
                if (isCurrent(generation))
                    onPong(elapsedMs);
            });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, generation](QAbstractSocket::SocketError error) {
                if (isCurrent(generation))
                    onSocketError(error);
            });
    connect(socket, &QWebSocket::disconnected, this, [this, generation] {
        if (isCurrent(generation))
            onDisconnected();
    });
    connect(socket, &QWebSocket::sslErrors, this, [](const QList<QSslError> &errors) {
        // Certificate verification stays on: the handshake fails and error() follows.
        for (const QSslError &error : errors)
            qCWarning(lcRealtime) << "TLS error:" << error.errorString();
    });

    m_welcomed = false;
    m_connectTimer.start(m_backoff.policy().connectTimeout);
    setState(ConnectionState::Connecting);
    qCInfo(lcRealtime) << "connecting to" << safeAddress(m_url) << "with" << m_adapter->name()
                       << "- connection" << m_stats.socketsOpened;
    m_adapter->resetConnection();
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols(m_adapter->subprotocols(m_token));
    socket->open(m_adapter->handshakeRequest(m_url, m_token), handshake);
}

void RealtimeService::discardSocket(bool polite)
{
    m_connectTimer.stop();
    m_heartbeat->stop();
    m_watchdog->clear();
    m_registry.resetLinks();
    m_welcomed = false;
    // Frames of the old socket would be dropped by their generation anyway; do not keep them.
    m_inbound->clear();
    m_overflowed.reset();
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    ++m_generation;
    socket->disconnect(this);
    if (polite && socket->state() == QAbstractSocket::ConnectedState) {
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(politeCloseGrace, socket, &QObject::deleteLater);
        socket->close(QWebSocketProtocol::CloseCodeNormal, u"client closing"_s);
    } else {
        socket->abort();
        socket->deleteLater();
    }
}

void RealtimeService::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    qCInfo(lcRealtime) << "state" << connectionStateName(m_state) << "->"
                       << connectionStateName(state);
    m_state = state;
    emit stateChanged(state);
}

bool RealtimeService::recordError(const LinkError &error)
{
    qCInfo(lcRealtime).noquote() << "link problem:" << error.details;
    m_errorHistory.add(error.message, error.details);
    m_lastErrorDetails = error.details;
    if (error.message == m_lastError)
        return false;
    m_lastError = error.message;
    return true;
}

void RealtimeService::clearError()
{
    m_lastError.clear();
    m_lastErrorDetails.clear();
}

std::chrono::milliseconds RealtimeService::liveDuration() const
{
    return std::chrono::milliseconds(m_welcomed && m_liveSince.isValid() ? m_liveSince.elapsed() : 0);
}

void RealtimeService::onRetryTimer()
{
    if (!m_running)
        return;
    m_nextRetryAt = {};
    ++m_stats.reconnects;
    openSocket();
}

void RealtimeService::renewLinkNow(const LinkError &reason)
{
    // For a link that is probably dead and a moment when waiting helps nobody: the computer
    // just woke up, or the network just came back. A skipped wait is not a healthy link, so
    // the attempt count stays.
    m_backoff.linkEnded(liveDuration());
    m_retryTimer.stop();
    m_nextRetryAt = {};
    discardSocket(false);
    const bool news = recordError(reason);
    ++m_stats.reconnects;
    openSocket();
    if (news)
        emit errorOccurred(reason.message);
}

void RealtimeService::linkLost(const LinkError &error)
{
    m_backoff.linkEnded(liveDuration());
    discardSocket(false);
    if (m_running && m_backoff.exhausted()) {
        haltWithoutRetry(describeGaveUp(m_backoff.attempt(), error.details));
        return;
    }
    const bool news = recordError(error);
    if (m_running)
        scheduleRetry(m_backoff.nextDelay());
    else
        setState(ConnectionState::Offline);
    if (news)
        emit errorOccurred(error.message);
}

void RealtimeService::scheduleRetry(std::chrono::milliseconds delay)
{
    qCInfo(lcRealtime) << "next attempt in" << delay.count() << "ms; attempt"
                       << m_backoff.attempt();
    m_nextRetryAt = QDateTime::currentDateTimeUtc().addMSecs(delay.count());
    m_retryTimer.start(delay);
    setState(ConnectionState::WaitingToRetry);
}

void RealtimeService::signOut(const QString &details)
{
    m_batcher->flush(); // as in stop(): nothing of this session lands after it ended
    m_running = false;
    m_tokenRenewed = false;
    m_retryTimer.stop();
    m_nextRetryAt = {};
    m_suspendDetector->stop();
    m_outgoing.clear();
    discardSocket(false);
    const LinkError error = describeSignedOut(details);
    const bool news = recordError(error);
    setState(ConnectionState::SignedOut);
    if (news)
        emit errorOccurred(error.message);
}

void RealtimeService::haltWithoutRetry(const LinkError &error)
{
    m_running = false;
    m_retryTimer.stop();
    m_nextRetryAt = {};
    discardSocket(true);
    const bool news = recordError(error);
    setState(ConnectionState::Offline);
    if (news)
        emit errorOccurred(error.message);
}

} // namespace hearth
