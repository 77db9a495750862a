#include "server/websockethub.h"

#include "core/logging.h"
#include "server/authservice.h"
#include "server/eventlog.h"
#include "server/orderservice.h"
#include "server/presenceregistry.h"
#include "server/protocolframes.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <utility>

namespace hearth::server {

WebSocketHub::WebSocketHub(AuthService *auth, EventLog *events, QObject *parent)
    : QObject(parent), m_auth(auth), m_events(events), m_livenessTimer(new QTimer(this))
{
    m_channels.add(QString(OrderEvents::channel), Role::Staff, m_events);
    m_livenessTimer->setInterval(m_heartbeatMs);
    connect(m_livenessTimer, &QTimer::timeout, this, &WebSocketHub::onLivenessTick);
}

void WebSocketHub::setHeartbeatMs(int heartbeatMs)
{
    m_heartbeatMs = std::max(1, heartbeatMs);
    m_livenessTimer->setInterval(m_heartbeatMs);
}

WebSocketHub::~WebSocketHub()
{
    // Sessions before anything else: each deletes its QWebSocket before the TCP socket under it.
    const QList<WebSocketSession *> sessions = std::exchange(m_sessions, {});
    qDeleteAll(sessions);
}

void WebSocketHub::accept(std::unique_ptr<QWebSocket> socket, QTcpSocket *transport)
{
    const QString token = handshakeToken(socket->request());
    auto *session = new WebSocketSession(std::move(socket), transport,
                                         SessionEnvironment{&m_channels, &m_counters, m_presence, m_epoch, m_frameLimits,
                                                            m_sendLimitBytes, m_socketSendBufferBytes,
                                                            [this](const QByteArray &key) {
                                                                return m_auth->sessionExpiry(key);
                                                            }},
                                         this);
    m_sessions.append(session);
    if (!m_livenessTimer->isActive()) {
        m_lastTickMs = -1;
        m_livenessTimer->start();
    }
    connect(session, &WebSocketSession::finished, this, [this, session] { onSessionFinished(session); });

    // The 6.4 HTTP server upgrades before we see the request, so a bad token is refused on the
    // open socket: an error frame the client can read, then 1008 (see docs/protocol.md).
    const std::optional<AuthContext> context = m_auth->authenticate(token);
    if (!context) {
        session->reject(token.isEmpty() ? QStringLiteral("no bearer token in the handshake")
                                        : QStringLiteral("the token is unknown or expired"));
        return;
    }
    session->start(*context, m_heartbeatMs);
}

void WebSocketHub::publish(const StoredEvent &event)
{
    if (m_sessions.isEmpty())
        return;
    const QString frame = Frames::event(event); // built once, however many sessions follow
    for (WebSocketSession *session : std::as_const(m_sessions))
        session->deliver(event, frame);
}

void WebSocketHub::endSession(const QByteArray &sessionKey, const QString &reason)
{
    const QList<WebSocketSession *> sessions = m_sessions;
    for (WebSocketSession *session : sessions) {
        if (session->isAuthenticated() && session->sessionKey() == sessionKey)
            session->endSession(reason);
    }
}

void WebSocketHub::endUser(qint64 userId, const QString &reason)
{
    const QList<WebSocketSession *> sessions = m_sessions;
    for (WebSocketSession *session : sessions) {
        if (session->isAuthenticated() && session->userId() == userId)
            session->endSession(reason);
    }
}

void WebSocketHub::shutdown(int reconnectAfterMs)
{
    const QList<WebSocketSession *> sessions = m_sessions;
    for (WebSocketSession *session : sessions)
        session->shutdown(reconnectAfterMs);
    qCInfo(lcServer) << "websockets closing:" << sessions.size();
    if (closingCount() == 0)
        emit closingFinished();
}

void WebSocketHub::abortAllConnections()
{
    const QList<WebSocketSession *> sessions = m_sessions;
    qCInfo(lcServer) << "websockets aborted:" << sessions.size();
    for (WebSocketSession *session : sessions)
        session->abort();
}

void WebSocketHub::abortClosing()
{
    const QList<WebSocketSession *> sessions = m_sessions;
    for (WebSocketSession *session : sessions) {
        if (session->isClosing())
            session->abort();
    }
}

void WebSocketHub::onSessionFinished(WebSocketSession *session)
{
    if (!m_sessions.removeOne(session))
        return;
    const bool wasClosing = session->isClosing();
    if (m_presence && session->isAuthenticated())
        m_presence->removeSession(session->restaurantId(), session->id());
    qCDebug(lcServer).noquote() << "websocket" << session->id() << "finished";
    session->deleteLater();
    if (m_sessions.isEmpty())
        m_livenessTimer->stop(); // an idle server wakes nobody up
    if (wasClosing && closingCount() == 0)
        emit closingFinished();
}

void WebSocketHub::onLivenessTick()
{
    // A peer that vanished without a FIN (power cut, Wi-Fi gone, a NAT that forgot the flow)
    // leaves a socket TCP alone would keep for hours; unanswered pings find it.
    const qint64 now = TrafficCounters::nowMs();
    const qint64 limitMs = 2 * qint64(m_heartbeatMs);
    // A late tick means this thread was busy (a long request, a stalled machine): the pongs may
    // be waiting unread in the sockets, so this round only pings and the next one judges.
    const bool late = m_lastTickMs >= 0 && now - m_lastTickMs > qint64(m_heartbeatMs) * 3 / 2;
    m_lastTickMs = now;
    const QList<WebSocketSession *> sessions = m_sessions;
    for (WebSocketSession *session : sessions) {
        if (!session->isAuthenticated() || session->isClosing())
            continue;
        const qint64 silentMs = session->silentForMs(now);
        if (!late && silentMs > limitMs) {
            qCInfo(lcServer).noquote() << "websocket" << session->id() << "silent for" << silentMs
                                       << "ms; dropped";
            session->abort();
            continue;
        }
        // A session may end where this process cannot see it (`hearth-server users disable`,
        // another instance): each tick asks, so its sockets close within a heartbeat.
        if (!session->checkSession())
            continue;
        session->ping();
    }
}

int WebSocketHub::connectionCount(const QString &restaurantId) const
{
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(), [&restaurantId](const WebSocketSession *session) {
        return session->isAuthenticated() && !session->isClosing()
            && (restaurantId.isEmpty() || session->restaurantId() == restaurantId);
    }));
}

int WebSocketHub::closingCount() const
{
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
                             [](const WebSocketSession *session) { return session->isClosing(); }));
}

int WebSocketHub::replaysWaiting() const
{
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(),
                             [](const WebSocketSession *session) { return session->isWaitingForReader(); }));
}

int WebSocketHub::subscriptionCount(const QString &restaurantId) const
{
    int count = 0;
    for (const WebSocketSession *session : m_sessions) {
        if (!session->isClosing() && (restaurantId.isEmpty() || session->restaurantId() == restaurantId))
            count += session->subscriptionCount();
    }
    return count;
}

bool WebSocketHub::ownsTransport(const QTcpSocket *transport) const
{
    return std::any_of(m_sessions.cbegin(), m_sessions.cend(),
                       [transport](const WebSocketSession *session) { return session->transport() == transport; });
}

QString WebSocketHub::handshakeToken(const QNetworkRequest &request)
{
    const QString fromHeader = AuthService::bearerToken(request.rawHeader(QByteArrayLiteral("Authorization")));
    if (!fromHeader.isEmpty())
        return fromHeader;
    constexpr QByteArrayView prefix("hearth.bearer.");
    const QList<QByteArray> protocols = request.rawHeader(QByteArrayLiteral("Sec-WebSocket-Protocol")).split(',');
    for (const QByteArray &entry : protocols) {
        const QByteArray protocol = entry.trimmed();
        if (!protocol.startsWith(prefix))
            continue;
        const auto decoded = QByteArray::fromBase64Encoding(
            protocol.mid(prefix.size()), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            return QString::fromUtf8(*decoded);
    }
    return {};
}

} // namespace hearth::server
