#include "server/websocketsession.h"

#include "core/jsonreader.h"
#include "core/logging.h"
#include "server/channelcatalog.h"
#include "server/eventsource.h"
#include "server/presenceregistry.h"
#include "server/protocolframes.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

#include <algorithm>
#include <limits>

namespace hearth::server {

namespace {

// Beyond this Qt itself drops the connection: the soft limit above answers politely, this one
// keeps a hostile client from making the server buffer an unbounded message.
constexpr quint64 hardMessageLimit = 1024 * 1024;
// A closing handshake the peer never completes must not keep the connection forever.
constexpr int closeTimeoutMs = 5000;

} // namespace

WebSocketSession::WebSocketSession(std::unique_ptr<QWebSocket> socket, QTcpSocket *transport,
                                   SessionEnvironment environment, QObject *parent)
    : QObject(parent),
      m_socket(std::move(socket)),
      m_transport(transport),
      m_environment(std::move(environment)),
      m_id(QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_frameLimiter(m_environment.frameLimits, TrafficCounters::nowMs()),
      m_expiryTimer(new QTimer(this)),
      m_lastHeardMs(TrafficCounters::nowMs())
{
    m_socket->setMaxAllowedIncomingMessageSize(hardMessageLimit);
    // Precise: a coarse timer may fire 5 % late, which is over half an hour of a 12-hour session.
    m_expiryTimer->setSingleShot(true);
    m_expiryTimer->setTimerType(Qt::PreciseTimer);
    connect(m_expiryTimer, &QTimer::timeout, this, &WebSocketSession::onSessionExpired);
    connect(m_socket.get(), &QWebSocket::pong, this, [this] {
        m_lastHeardMs = TrafficCounters::nowMs();
        m_environment.counters->countPong();
    });
    // Any bytes count as a sign of life, also the client's own pings (QWebSocket answers those
    // without telling us) and frames still being assembled.
    if (m_transport) {
        connect(m_transport.data(), &QTcpSocket::readyRead, this, [this] { m_lastHeardMs = TrafficCounters::nowMs(); });
        connect(m_transport.data(), &QTcpSocket::bytesWritten, this, &WebSocketSession::onBytesWritten);
        // Events are small frames: Nagle would hold each behind the peer's delayed ACK (40 ms).
        m_transport->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_environment.socketSendBufferBytes > 0)
            m_transport->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, m_environment.socketSendBufferBytes);
    }
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &WebSocketSession::onTextMessage);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &WebSocketSession::onBinaryMessage);
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        if (m_finished)
            return;
        m_finished = true;
        emit finished();
    });
}

WebSocketSession::~WebSocketSession()
{
    m_socket.reset();
    if (m_transport) {
        if (m_transport->state() != QAbstractSocket::UnconnectedState)
            m_transport->abort();
        m_transport->deleteLater();
    }
}

QTcpSocket *WebSocketSession::transport() const
{
    return m_transport.data();
}

void WebSocketSession::start(const AuthContext &context, int heartbeatMs)
{
    m_context = context;
    m_authenticated = true;
    qCInfo(lcServer).noquote() << "websocket" << m_id << "open for" << context.username << "restaurant"
                               << context.restaurantId;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    send(Frames::welcome(m_id, m_environment.epoch, heartbeatMs, now));
    m_lastHeardMs = TrafficCounters::nowMs();
    if (context.expiresAt.isValid())
        m_expiryTimer->start(int(std::clamp<qint64>(now.msecsTo(context.expiresAt), 0, std::numeric_limits<int>::max())));
}

void WebSocketSession::onSessionExpired()
{
    // The session may have slid on (a refresh): then this only re-arms the timer.
    checkSession();
}

bool WebSocketSession::checkSession()
{
    if (m_closing || !m_authenticated)
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::optional<QDateTime> expiry = m_environment.sessionExpiry
        ? m_environment.sessionExpiry(m_context.sessionKey)
        : (m_context.expiresAt.isValid() && m_context.expiresAt <= now ? std::nullopt
                                                                       : std::optional<QDateTime>(m_context.expiresAt));
    if (!expiry) {
        const bool expired = m_context.expiresAt.isValid() && m_context.expiresAt <= now;
        qCInfo(lcServer).noquote() << "websocket" << m_id << "closed: the session of" << m_context.username
                                   << (expired ? "has expired" : "has ended");
        endSession(expired ? QStringLiteral("expired") : QStringLiteral("ended"));
        return false;
    }
    if (*expiry != m_context.expiresAt) {
        m_context.expiresAt = *expiry;
        m_expiryTimer->start(int(std::clamp<qint64>(now.msecsTo(*expiry), 0, std::numeric_limits<int>::max())));
    }
    return true;
}

void WebSocketSession::endSession(const QString &reason)
{
    if (m_closing)
        return;
    // Clients read "unauthorized" (frame code and close reason) as: do not reconnect, ask for a sign-in.
    send(Frames::error(Frames::ErrorCode::unauthorized, QStringLiteral("signed out: %1").arg(reason), false));
    closeWith(int(QWebSocketProtocol::CloseCodePolicyViolated), QStringLiteral("unauthorized: %1").arg(reason).left(100));
}

void WebSocketSession::ping()
{
    if (!m_closing)
        m_socket->ping();
}

bool WebSocketSession::admitFrame()
{
    m_lastHeardMs = TrafficCounters::nowMs();
    const FrameLimiter::Verdict verdict = m_frameLimiter.admit(m_lastHeardMs);
    if (verdict == FrameLimiter::Verdict::Accept)
        return true;
    m_environment.counters->countRateLimitedFrame(m_context.restaurantId);
    // `reconnect: true`: the connection stays usable, and a client that reconnects later is welcome.
    if (verdict == FrameLimiter::Verdict::DropAndNotify) {
        qCInfo(lcServer).noquote() << "websocket" << m_id << "of" << m_context.username
                                   << "is over its frame rate; dropping frames";
        send(Frames::error(Frames::ErrorCode::rateLimited,
                           QStringLiteral("more than %1 frames per second: frames are being dropped")
                               .arg(m_environment.frameLimits.framesPerSecond),
                           true));
    } else if (verdict == FrameLimiter::Verdict::DropAndClose) {
        qCInfo(lcServer).noquote() << "websocket" << m_id << "of" << m_context.username << "closed after"
                                   << m_frameLimiter.droppedInFlood() << "frames over its rate";
        send(Frames::error(Frames::ErrorCode::rateLimited,
                           QStringLiteral("too many frames for too long: closing the connection"), true));
        closeWith(int(QWebSocketProtocol::CloseCodePolicyViolated), QStringLiteral("rate limit exceeded"));
    }
    return false;
}

void WebSocketSession::reject(const QString &message)
{
    qCInfo(lcServer).noquote() << "websocket" << m_id << "rejected:" << message;
    send(Frames::error(Frames::ErrorCode::unauthorized, message, false));
    closeWith(int(QWebSocketProtocol::CloseCodePolicyViolated), QStringLiteral("unauthorized"));
}

void WebSocketSession::shutdown(int reconnectAfterMs)
{
    if (m_closing)
        return;
    send(Frames::reconnect(reconnectAfterMs));
    closeWith(int(QWebSocketProtocol::CloseCodeGoingAway), QStringLiteral("server stopping"));
}

void WebSocketSession::abort()
{
    m_closing = true;
    m_socket->abort();
    if (!m_finished) { // abort() on an already closed socket emits nothing
        m_finished = true;
        emit finished();
    }
}

void WebSocketSession::closeWith(int code, const QString &reason)
{
    if (m_closing)
        return; // one close frame; the first reason stands
    m_closing = true;
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    QTimer::singleShot(closeTimeoutMs, this, &WebSocketSession::abort);
}

void WebSocketSession::send(const QString &frame)
{
    m_socket->sendTextMessage(frame);
    if (m_closing || m_environment.sendLimitBytes <= 0)
        return;
    const qint64 unsent = unsentBytes();
    if (unsent > m_environment.sendLimitBytes)
        dropSlowReader(unsent);
}

qint64 WebSocketSession::unsentBytes() const
{
    // Qt 6.4 leaves us the TCP socket under the WebSocket (see compat::upgradedTcpSocket);
    // without it there is nothing to measure, and no cap.
    return m_transport ? m_transport->bytesToWrite() : 0;
}

bool WebSocketSession::replayMustWait() const
{
    return m_environment.sendLimitBytes > 0 && unsentBytes() > m_environment.sendLimitBytes / 2;
}

void WebSocketSession::onBytesWritten()
{
    if (m_waitingForReader && !replayMustWait()) {
        m_waitingForReader = false;
        schedulePump();
    }
}

void WebSocketSession::dropSlowReader(qint64 unsent)
{
    // Whatever is queued stays bounded from here: a closing session is sent nothing more, and
    // the close timeout drops the socket with its queue if the client never reads it.
    m_environment.counters->countSlowReaderDropped();
    qCInfo(lcServer).noquote() << "websocket" << m_id << "of" << m_context.username << "dropped:" << unsent
                               << "bytes unsent (a slow or stalled reader)";
    closeWith(int(QWebSocketProtocol::CloseCodePolicyViolated),
              QStringLiteral("slow reader: more than %1 bytes unsent").arg(m_environment.sendLimitBytes));
}

void WebSocketSession::deliver(const StoredEvent &event, const QString &frame)
{
    if (m_closing || !m_authenticated || event.restaurantId != m_context.restaurantId)
        return;
    const auto it = m_subscriptions.find(event.channel);
    if (it == m_subscriptions.end() || !it->live || event.seq <= it->cursor)
        return;
    if (event.seq != it->cursor + 1) {
        it->live = false; // the log has what we skipped; take it from there, in order
        schedulePump();
        return;
    }
    send(frame);
    it->cursor = event.seq;
    m_environment.counters->countEventsSent(m_context.restaurantId, 1, TrafficCounters::nowMs());
}

void WebSocketSession::onTextMessage(const QString &message)
{
    if (m_closing || !m_authenticated || !admitFrame())
        return;
    // UTF-8 is never shorter than UTF-16 code units, so the cheap check comes first.
    if (message.size() > maxFrameBytes) {
        rejectFrame(QStringLiteral("frame larger than %1 bytes").arg(maxFrameBytes), true);
        return;
    }
    const QByteArray utf8 = message.toUtf8();
    if (utf8.size() > maxFrameBytes) {
        rejectFrame(QStringLiteral("frame larger than %1 bytes").arg(maxFrameBytes), true);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        rejectFrame(QStringLiteral("frame is not a JSON object"), true);
        return;
    }
    const QJsonObject frame = document.object();
    const QString op = frame.value(QLatin1StringView("op")).toString();
    if (op == u"subscribe")
        handleSubscribe(frame);
    else if (op == u"unsubscribe")
        handleUnsubscribe(frame);
    else if (op == u"presence")
        handlePresence(frame);
    else if (op.isEmpty())
        rejectFrame(QStringLiteral("frame has no \"op\""), true);
    else
        rejectFrame(QStringLiteral("unknown op \"%1\"").arg(op), false);
}

void WebSocketSession::onBinaryMessage(const QByteArray &message)
{
    Q_UNUSED(message);
    if (!m_closing && m_authenticated && admitFrame())
        rejectFrame(QStringLiteral("binary frames are not part of the protocol"), true);
}

void WebSocketSession::rejectFrame(const QString &message, bool malformed, const QString &channel)
{
    if (malformed)
        m_environment.counters->countMalformedFrame(m_context.restaurantId);
    qCInfo(lcServer).noquote() << "websocket" << m_id << "bad frame:" << message;
    send(Frames::error(Frames::ErrorCode::badRequest, message, false, channel));
}

void WebSocketSession::handleSubscribe(const QJsonObject &frame)
{
    if (!checkSession())
        return; // a session that ended meanwhile reads nothing more
    FieldErrors errors;
    JsonReader reader(frame, &errors);
    const QString channel = reader.requiredString(QLatin1StringView("channel"));
    if (!errors.isEmpty()) {
        rejectFrame(describeErrors(errors), false);
        return;
    }
    const std::optional<Role> readRole = m_environment.channels->readRole(channel);
    if (!readRole) {
        rejectFrame(QStringLiteral("unknown channel \"%1\"").arg(channel), false, channel);
        return;
    }
    if (!roleAtLeast(m_context.role, *readRole)) {
        send(Frames::error(Frames::ErrorCode::forbidden,
                           QStringLiteral("the %1 role may not read %2").arg(roleToWire(m_context.role), channel),
                           false, channel));
        return;
    }
    std::optional<qint64> sinceSeq;
    QString sinceEpoch;
    const QJsonValue since = frame.value(QLatin1StringView("since"));
    if (!since.isUndefined() && !since.isNull()) {
        if (!since.isObject()) {
            rejectFrame(QStringLiteral("since must be an object {epoch, seq}"), false, channel);
            return;
        }
        JsonReader sinceReader(since.toObject(), &errors, QStringLiteral("since"));
        sinceEpoch = sinceReader.requiredString(QLatin1StringView("epoch"));
        sinceSeq = sinceReader.requiredInteger(QLatin1StringView("seq"), 0, std::numeric_limits<qint64>::max() / 2);
        if (!errors.isEmpty()) {
            rejectFrame(describeErrors(errors), false, channel);
            return;
        }
    }

    const EventSource *events = m_environment.channels->source(channel);
    const qint64 head = events ? events->headSeq(m_context.restaurantId, channel) : -1;
    if (head < 0) {
        send(Frames::error(Frames::ErrorCode::badRequest, QStringLiteral("the event log is unavailable"), true,
                           channel));
        return;
    }
    // Each source has its own epoch: presence's log lives in memory and starts anew with the server.
    const QString epoch = events->epoch();
    const bool recovered = sinceSeq && sinceEpoch == epoch
        && events->canReplayFrom(m_context.restaurantId, channel, *sinceSeq);
    const auto existing = m_subscriptions.find(channel);
    if (existing != m_subscriptions.end()) {
        // The same subscribe repeated does not restart the stream: everything after `start`
        // has been sent on this connection or is on its way, in order, so only a `since` before
        // it needs a replay. (5 000 subscribes asking for the whole log were 5 000 replays.)
        // A client whose position moved on and that asks from a seq already sent has seen a gap
        // (a frame lost or reordered on the way): it gets the replay it asks for, once.
        const bool movedOn = recovered && *sinceSeq > existing->askedSince && *sinceSeq < existing->cursor;
        if (recovered && (*sinceSeq < existing->start || movedOn)) {
            existing->start = std::min(existing->start, *sinceSeq);
            existing->cursor = *sinceSeq;
            existing->live = false;
        }
        if (recovered)
            existing->askedSince = std::max(existing->askedSince, *sinceSeq);
        send(Frames::subscribed(channel, epoch, head, recovered));
        qCDebug(lcServer).noquote() << "websocket" << m_id << "subscribed again" << channel << "cursor"
                                    << existing->cursor;
        if (!existing->live)
            schedulePump();
        return;
    }
    Subscription &subscription = m_subscriptions[channel];
    subscription.start = subscription.cursor = recovered ? *sinceSeq : head;
    subscription.askedSince = recovered ? *sinceSeq : -1;
    subscription.live = subscription.cursor == head;
    send(Frames::subscribed(channel, epoch, head, recovered));
    qCDebug(lcServer).noquote() << "websocket" << m_id << "subscribed" << channel << "head" << head
                                << (recovered ? "replay from" : "no replay") << subscription.cursor;
    if (!subscription.live)
        pump(); // the first batch at once; the rest one batch per event-loop turn
}

void WebSocketSession::handleUnsubscribe(const QJsonObject &frame)
{
    FieldErrors errors;
    JsonReader reader(frame, &errors);
    const QString channel = reader.requiredString(QLatin1StringView("channel"));
    if (!errors.isEmpty()) {
        rejectFrame(describeErrors(errors), false);
        return;
    }
    if (!m_environment.channels->contains(channel)) {
        rejectFrame(QStringLiteral("unknown channel \"%1\"").arg(channel), false, channel);
        return;
    }
    m_subscriptions.remove(channel);
    send(Frames::unsubscribed(channel));
}

void WebSocketSession::handlePresence(const QJsonObject &frame)
{
    if (!m_environment.presence) {
        rejectFrame(QStringLiteral("this server keeps no presence"), false);
        return;
    }
    QString problem;
    const std::optional<PresenceUpdate> update = PresenceUpdate::fromFrame(frame, &problem);
    if (update)
        problem = m_environment.presence->apply(m_context, m_id, *update);
    // Counted like any unusable frame, so that a client sending garbage shows in the stats.
    if (!problem.isEmpty())
        rejectFrame(problem, true, QString(PresenceEvents::channel));
}

void WebSocketSession::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QTimer::singleShot(0, this, &WebSocketSession::pump);
}

void WebSocketSession::pump()
{
    m_pumpScheduled = false;
    if (m_closing)
        return;
    bool more = false;
    for (auto it = m_subscriptions.begin(); it != m_subscriptions.end(); ++it) {
        if (it->live)
            continue;
        const EventSource *events = m_environment.channels->source(it.key());
        const QList<StoredEvent> batch =
            events ? events->readAfter(m_context.restaurantId, it.key(), it->cursor, replayBatch) : QList<StoredEvent>{};
        qsizetype sent = 0;
        for (const StoredEvent &event : batch) {
            // A replay goes as fast as the client reads: bytesWritten resumes it.
            if (replayMustWait() || m_closing)
                break;
            send(Frames::event(event));
            it->cursor = event.seq;
            ++sent;
        }
        m_environment.counters->countEventsSent(m_context.restaurantId, sent, TrafficCounters::nowMs());
        if (m_closing)
            return;
        if (sent < batch.size()) {
            m_waitingForReader = true;
            return; // onBytesWritten() schedules the next round
        }
        // Reads and broadcasts share this thread, so a short batch means the cursor is at the
        // head right now: from here on the broadcasts carry the stream.
        if (batch.size() < replayBatch)
            it->live = true;
        else
            more = true;
    }
    if (more)
        schedulePump();
}

} // namespace hearth::server
