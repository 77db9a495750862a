#pragma once

// Every WebSocket connection of the server: authenticates each right after the handshake, fans
// new events out to the sessions subscribed to their restaurant's channel, and closes them all
// politely (reconnect advice, then 1001) or abruptly (for fault tests).
#include "server/channelcatalog.h"
#include "server/storedevent.h"
#include "server/websocketsession.h"

#include <QList>
#include <QNetworkRequest>
#include <QObject>

#include <memory>

class QTcpSocket;
class QTimer;
class QWebSocket;

namespace hearth::server {

class AuthService;
class EventLog;
class PresenceRegistry;

class WebSocketHub final : public QObject
{
    Q_OBJECT

public:
    WebSocketHub(AuthService *auth, EventLog *events, QObject *parent = nullptr);
    ~WebSocketHub() override;

    ChannelCatalog &channels() { return m_channels; }
    const ChannelCatalog &channels() const { return m_channels; }
    void setEpoch(const QString &epoch) { m_epoch = epoch; }
    // Also how often every client is pinged; one silent for twice as long is dropped.
    void setHeartbeatMs(int heartbeatMs);
    void setFrameLimits(const FrameLimits &limits) { m_frameLimits = limits; }
    void setSendLimits(qint64 bufferLimitBytes, int socketSendBufferBytes)
    {
        m_sendLimitBytes = bufferLimitBytes;
        m_socketSendBufferBytes = socketSendBufferBytes;
    }
    // Takes the sessions' presence frames and learns of every connection that closes.
    void setPresence(PresenceRegistry *presence) { m_presence = presence; }

    // Takes a freshly upgraded socket; `transport` as for WebSocketSession.
    void accept(std::unique_ptr<QWebSocket> socket, QTcpSocket *transport);
    // Sends a committed event to every session that follows its restaurant's channel.
    void publish(const StoredEvent &event);

    // Closes every socket of a sign-in session that ended here (logout, revocation).
    void endSession(const QByteArray &sessionKey, const QString &reason);
    // Closes the sockets of a user whose account was disabled.
    void endUser(qint64 userId, const QString &reason);

    // Reconnect advice and a close to every open session; they finish when the peers answer.
    void shutdown(int reconnectAfterMs);
    // Drops every connection without a close frame, as a crash or a cable pull would.
    void abortAllConnections();
    // Drops the sessions whose closing handshake has not finished yet.
    void abortClosing();

    // Empty restaurantId: over the whole server.
    int connectionCount(const QString &restaurantId = {}) const;
    int closingCount() const;
    int replaysWaiting() const;
    int subscriptionCount(const QString &restaurantId = {}) const;
    const TrafficCounters &counters() const { return m_counters; }
    bool ownsTransport(const QTcpSocket *transport) const;

    // The bearer token of a handshake: `Authorization: Bearer T`, or the subprotocol
    // `hearth.bearer.<base64url(T)>` offered next to `hearth.v1` by clients that cannot set headers.
    static QString handshakeToken(const QNetworkRequest &request);

signals:
    // The last closing session is gone (after shutdown() or abortClosing()).
    void closingFinished();

private:
    void onSessionFinished(WebSocketSession *session);
    void onLivenessTick();

    AuthService *m_auth;
    EventLog *m_events;
    ChannelCatalog m_channels;
    TrafficCounters m_counters;
    PresenceRegistry *m_presence = nullptr;
    QString m_epoch;
    int m_heartbeatMs = 15000;
    FrameLimits m_frameLimits;
    qint64 m_sendLimitBytes = 0;
    int m_socketSendBufferBytes = 0;
    QTimer *m_livenessTimer;
    qint64 m_lastTickMs = -1; // when onLivenessTick() last ran, on TrafficCounters' clock
    QList<WebSocketSession *> m_sessions;
};

} // namespace hearth::server
