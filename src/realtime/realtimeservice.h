#pragma once

// The application's one realtime link: a single WebSocket for every channel, restored by itself
// after every failure, with per-channel (epoch, seq) tracking so no event is lost or applied
// twice, and batched typed signals so a burst costs the models a handful of updates. The wire
// protocol sits behind a ProtocolAdapter; this class only knows typed messages.
#include "core/order.h"
#include "core/syncposition.h"
#include "realtime/backoff.h"
#include "realtime/channelevent.h"
#include "realtime/connectionstate.h"
#include "realtime/errorhistory.h"
#include "realtime/eventrate.h"
#include "realtime/inboundqueue.h"
#include "realtime/outgoingbuffer.h"
#include "realtime/realtimestats.h"
#include "realtime/rejoinbackoff.h"
#include "realtime/servermessage.h"
#include "realtime/subscribewatchdog.h"
#include "realtime/subscriptionregistry.h"

#include <QAbstractSocket>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace hearth {

class EventBatcher;
class Heartbeat;
class NetworkWatch;
class ProtocolAdapter;
class SuspendDetector;
struct LinkError;

class RealtimeService final : public QObject
{
    Q_OBJECT

public:
    explicit RealtimeService(QObject *parent = nullptr);
    ~RealtimeService() override;
    Q_DISABLE_COPY_MOVE(RealtimeService)

    // The token is sent as "Authorization: Bearer" at the handshake and never logged. A new
    // address or a new (non-empty) token while running reconnects at once: the live socket was
    // authorised as whoever held the old token, and must not stream on for the new one.
    void setEndpoint(const QUrl &webSocketUrl, const QString &token);
    QUrl endpoint() const { return m_url; }
    // Whether the backend has this channel (a profile may leave some out); subscribing to one it
    // has not is kept as a wish and never sent, so no answer is waited for.
    bool carriesChannel(const QString &channel) const;
    void setReconnectPolicy(const ReconnectPolicy &policy);
    ReconnectPolicy reconnectPolicy() const { return m_backoff.policy(); }
    void setRandomSource(Backoff::RandomSource random); // for deterministic tests
    // Overrides the server's heartbeat_ms (tests, diagnostics); nullopt follows the server.
    void setHeartbeatOverride(std::optional<std::chrono::milliseconds> interval);
    void setMaxFrameBytes(qint64 bytes); // default 1 MiB; larger frames are dropped and counted
    qint64 maxFrameBytes() const { return m_maxFrameBytes; }
    // Takes effect at the next connection. The default speaks Hearth protocol v1.
    void setProtocolAdapter(std::unique_ptr<ProtocolAdapter> adapter);
    // How long a subscribe may go unconfirmed, and how often it is sent again before the link
    // is renewed.
    void setSubscribePolicy(const SubscribePolicy &policy);
    // How soon a channel the server lost (Phoenix phx_error) is joined again, per channel.
    RejoinBackoff &rejoinBackoff() { return m_rejoins; }
    SubscribePolicy subscribePolicy() const { return m_watchdog->policy(); }
    void setOutgoingLimits(const OutgoingLimits &limits) { m_outgoing.setLimits(limits); }
    // How many received frames may wait to be applied before the link is dropped and resumed.
    void setInboundLimits(const InboundLimits &limits);
    // How long one turn of the event loop may spend on received frames, decoding them and
    // applying them to the models (default 6 ms; InboundQueue).
    void setInboundSliceBudget(std::chrono::milliseconds budget);
    // The operating system's view of the network and the sleep detector, for tests (which play
    // the operating system and the clocks) and diagnostics.
    NetworkWatch *networkWatch() const { return m_networkWatch; }
    SuspendDetector *suspendDetector() const { return m_suspendDetector; }

    void start();        // connects; reconnects by itself until stop() or SignedOut
    void stop();
    // Skips the wait, or restarts a hanging attempt; a live link is left alone. After SignedOut
    // it works only once a new token was set; after giving up it starts a fresh round.
    void reconnectNow();

    void subscribe(const QString &channel);   // ref-counted; one server subscription per channel
    void unsubscribe(const QString &channel); // the server hears of it when the last one leaves
    int subscriberCount(const QString &channel) const;
    QStringList subscribedChannels() const;
    // After a REST snapshot (or from the local cache): resume the channel from its watermark.
    void setSyncPosition(const QString &channel, const SyncPosition &position);
    SyncPosition syncPosition(const QString &channel) const;
    // Where the events handed to receivers reach: syncPosition() moves on as soon as an event is
    // accepted, while it may wait in this turn's batch. What is saved for a restart to resume
    // from must be this one, or a crash before the batch lands skips its events for good.
    SyncPosition deliveredPosition(const QString &channel) const;
    // User-facing, when the server refused the channel (see channelFailed()); empty otherwise.
    QString channelError(const QString &channel) const { return m_registry.failure(channel); }

    // A client→server frame of the current protocol, for features beyond subscriptions (which
    // are state and restored by themselves). Sent at once when live; otherwise queued and sent
    // in order once live again. False when the queue is full: the frame was not kept.
    bool sendFrame(const QString &frame);

    ConnectionState state() const { return m_state; }
    std::optional<qint64> roundTripMs() const { return m_roundTripMs; }
    QDateTime lastEventAt() const { return m_lastEventAt; }
    QDateTime nextRetryAt() const { return m_nextRetryAt; }
    int retryAttempt() const { return m_backoff.attempt(); }
    QString lastError() const { return m_lastError; }               // user-facing
    QString lastErrorDetails() const { return m_lastErrorDetails; } // technical
    QString serverEpoch() const { return m_serverEpoch; }
    // The current (or last) connection's welcome.session: tells this client's own presence apart.
    QString sessionId() const { return m_session; }
    RealtimeStats stats() const;

signals:
    void stateChanged(hearth::ConnectionState state);
    // Deduplicated, in seq order, batched per event-loop turn.
    void channelEvents(const QString &channel, const QList<hearth::ChannelEvent> &events);
    // Decoded from `orders` events, batched; events whose order does not decode are dropped.
    void ordersChanged(const QList<hearth::Order> &orders);
    // The server cannot replay this channel: load a snapshot, then call setSyncPosition().
    // The live stream continues after serverPosition meanwhile.
    void snapshotRequired(const QString &channel, const hearth::SyncPosition &serverPosition);
    void roundTripMeasured(qint64 milliseconds);
    // User-facing; emitted when the message changes (a link failing the same way on every retry
    // is announced once). lastError() holds the current one, lastErrorDetails() the technical.
    void errorOccurred(const QString &message);
    // The server refused a channel (forbidden, or one it does not serve). It is not asked for
    // again until new credentials are set or its subscribers leave and come back; the other
    // channels carry on.
    void channelFailed(const QString &channel, const QString &message);

private:
    bool isCurrent(quint64 generation) const { return generation == m_generation && m_socket; }
    void openSocket();
    void discardSocket(bool polite);
    void setState(ConnectionState state);
    // Records an error for lastError(); true when it is news and errorOccurred() is due. Callers
    // emit only once their state change is complete, so a receiver that calls straight back into
    // the service (stop(), reconnectNow()) finds it consistent.
    bool recordError(const LinkError &error);
    void clearError();
    void wireResilience(); // the watchdog, sleep detector and network watch (channels file)

    void onConnected(); // the handshake is done: check the subprotocol, maybe welcome
    void onTextMessage(const QString &text);
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onPong(quint64 elapsedMs);
    void onStale();
    void onConnectTimeout();
    void onInboundOverflow(quint64 generation);
    void onInboundDrained();
    void onRetryTimer();
    void onSubscribeResendDue(const QString &channel, int resend);
    void onSubscribeExpired(const QString &channel);
    void onResumed(std::chrono::milliseconds asleepFor);
    void onNetworkReturned();

    void handle(const WelcomeMessage &message);
    void handle(const SubscribedMessage &message);
    void handle(const UnsubscribedMessage &message);
    void handle(ChannelEvent &&event);
    void handle(const ServerError &message);
    void handle(const ReconnectAdvice &message);
    void handle(const IgnoredMessage &message);

    void sendSubscribe(const QString &channel);
    void sendText(const QString &frame);
    void handleChannelError(const ServerError &message);
    void flushOutgoing();
    // Drops the current socket (if any) and connects again at once, without a backoff wait.
    void renewLinkNow(const LinkError &reason);
    // The link failed: tear it down and schedule the next attempt (or give up).
    void linkLost(const LinkError &error);
    void scheduleRetry(std::chrono::milliseconds delay);
    void signOut(const QString &details);
    void haltWithoutRetry(const LinkError &error);
    std::chrono::milliseconds liveDuration() const;

    std::unique_ptr<ProtocolAdapter> m_adapter;
    SubscriptionRegistry m_registry;
    Backoff m_backoff;
    EventBatcher *m_batcher;
    InboundQueue *m_inbound; // frames wait here so a burst is applied in slices
    Heartbeat *m_heartbeat;
    SubscribeWatchdog *m_watchdog;
    SuspendDetector *m_suspendDetector;
    NetworkWatch *m_networkWatch;
    OutgoingBuffer m_outgoing;
    EventRate m_eventRate;
    ErrorHistory m_errorHistory;
    RejoinBackoff m_rejoins;
    QTimer m_retryTimer;
    QTimer m_connectTimer;
    QElapsedTimer m_liveSince;

    QUrl m_url;
    QString m_token;
    bool m_tokenRenewed = false; // a token arrived since the last sign-out
    bool m_running = false;      // start() was called and neither stop() nor a terminal error since
    qint64 m_maxFrameBytes;
    std::optional<std::chrono::milliseconds> m_heartbeatOverride;

    QWebSocket *m_socket = nullptr;
    quint64 m_generation = 0;    // bumped per socket; stale signals compare and bail out
    bool m_welcomed = false;
    // Set from an inbound overflow until the frames taken in before it are applied: the socket
    // is already closed, and the link is dropped (and resumed) once the queue is empty.
    // What the queue held then (frames, bytes), for the error.
    std::optional<std::pair<qsizetype, qint64>> m_overflowed;

    ConnectionState m_state = ConnectionState::Offline;
    QString m_serverEpoch;
    QString m_session;
    std::optional<qint64> m_roundTripMs;
    QDateTime m_lastEventAt;
    QDateTime m_nextRetryAt;
    QString m_lastError;
    QString m_lastErrorDetails;
    RealtimeStats m_stats;
};

} // namespace hearth
