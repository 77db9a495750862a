#pragma once

// One client's WebSocket: reads its frames, keeps its channel subscriptions, and streams events
// to it. A subscription is either catching up (reading the EventLog in batches, one batch per
// event-loop turn) or live (taking broadcasts). Both paths advance one cursor, so the switch
// from replay to live can neither lose nor repeat an event: while catching up, broadcasts are
// ignored because the log will yield them; once live, a broadcast that does not follow the
// cursor sends the subscription back to the log.
#include "server/framelimiter.h"
#include "server/role.h"
#include "server/storedevent.h"
#include "server/trafficcounters.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;
class QTimer;
class QWebSocket;

namespace hearth::server {

class ChannelCatalog;
class PresenceRegistry;

struct SessionEnvironment
{
    const ChannelCatalog *channels = nullptr; // each channel's read role and event source
    TrafficCounters *counters = nullptr;
    PresenceRegistry *presence = nullptr;     // takes the client's presence frames
    QString epoch;                            // announced in `welcome`
    FrameLimits frameLimits;                  // per-connection client frame rate
    qint64 sendLimitBytes = 0;                // unsent bytes held for the client; 0: no cap
    int socketSendBufferBytes = 0;            // SO_SNDBUF; 0: the OS's
    // The current expiry of a sign-in session (by AuthContext::sessionKey); nothing when it has
    // ended (signed out, revoked, expired, user disabled). Unset: sessions are not re-checked.
    std::function<std::optional<QDateTime>(const QByteArray &sessionKey)> sessionExpiry;
};

class WebSocketSession final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype maxFrameBytes = 64 * 1024;
    static constexpr int replayBatch = 500;

    // `transport` is the TCP socket under `socket` when the HTTP server left it to us to delete.
    WebSocketSession(std::unique_ptr<QWebSocket> socket, QTcpSocket *transport, SessionEnvironment environment,
                     QObject *parent = nullptr);
    ~WebSocketSession() override;

    // Exactly one of these two, right after the handshake.
    void start(const AuthContext &context, int heartbeatMs);
    void reject(const QString &message);

    void deliver(const StoredEvent &event, const QString &frame);
    // A WebSocket ping; the peer's pong (Qt sends it by itself) counts as a sign of life.
    void ping();
    // Since the last frame or pong from the client (or the start), on TrafficCounters' clock.
    qint64 silentForMs(qint64 nowMs) const { return nowMs - m_lastHeardMs; }
    // Advises the client when to come back, then closes (1001 going away).
    void shutdown(int reconnectAfterMs);
    void abort();
    // The sign-in session behind this socket ended: an `unauthorized` error frame saying
    // "signed out: <reason>", then 1008 "unauthorized: <reason>".
    void endSession(const QString &reason);
    // Asks whether the sign-in session still lives (and follows a sliding expiry); ends the
    // socket when it does not. True while it lives.
    bool checkSession();

    QString id() const { return m_id; }
    QString restaurantId() const { return m_context.restaurantId; }
    QByteArray sessionKey() const { return m_context.sessionKey; }
    qint64 userId() const { return m_context.userId; }
    bool isAuthenticated() const { return m_authenticated; }
    bool isClosing() const { return m_closing; }
    // A replay is paused until the client reads what is already queued for it.
    bool isWaitingForReader() const { return m_waitingForReader; }
    int subscriptionCount() const { return int(m_subscriptions.size()); }
    QTcpSocket *transport() const;

signals:
    // The connection is gone; the owner may delete the session.
    void finished();

private:
    struct Subscription
    {
        qint64 cursor = 0; // the last seq sent (or known to the client)
        qint64 start = 0;  // everything after it has been or is being streamed on this connection
        qint64 askedSince = -1; // the `since` of the last subscribe (-1: none)
        bool live = false;
    };

    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    // Counts the frame against the rate limit; false when it must be dropped.
    bool admitFrame();
    void onSessionExpired();
    void handleSubscribe(const QJsonObject &frame);
    void handleUnsubscribe(const QJsonObject &frame);
    void handlePresence(const QJsonObject &frame);
    void rejectFrame(const QString &message, bool malformed, const QString &channel = {});
    void schedulePump();
    void pump();
    void send(const QString &frame);
    // Bytes written to the socket that the peer has not taken yet (those the kernel holds aside).
    qint64 unsentBytes() const;
    bool replayMustWait() const;
    void onBytesWritten();
    void dropSlowReader(qint64 unsent);
    void closeWith(int code, const QString &reason);

    std::unique_ptr<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_transport;
    SessionEnvironment m_environment;
    QString m_id;
    AuthContext m_context;
    QHash<QString, Subscription> m_subscriptions;
    FrameLimiter m_frameLimiter;
    QTimer *m_expiryTimer;
    qint64 m_lastHeardMs;
    bool m_authenticated = false;
    bool m_closing = false;
    bool m_pumpScheduled = false;
    bool m_waitingForReader = false;
    bool m_finished = false;
};

} // namespace hearth::server
