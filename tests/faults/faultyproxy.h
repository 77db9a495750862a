#pragma once

// A TCP proxy between the client and the real hearth-server that the fault tests control: it
// forwards bytes untouched until told to misbehave the way Wi-Fi, NAT boxes and crashing servers
// do. It reads (never rewrites) the WebSocket frames it forwards, so it can cut one in half,
// hold back the server's `subscribed` answers, send an event frame twice or after the next one,
// and record what the client asked for. Plain HTTP (REST) passes through it too, and it can cut
// an answer short after the server has given it.
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <chrono>

namespace faults {

struct WsFrame;

class FaultyProxy final : public QObject
{
    Q_OBJECT

public:
    struct ClientFrame
    {
        int connection = 0;
        QString op;
        QString channel;
    };

    explicit FaultyProxy(QObject *parent = nullptr);
    ~FaultyProxy() override;
    Q_DISABLE_COPY_MOVE(FaultyProxy)

    // Listens on 127.0.0.1 at a port the OS picks and forwards to `upstream`'s host and port.
    bool listen(const QUrl &upstream);
    // `upstream` with the proxy's port: what the client connects to.
    QUrl url() const;

    // Faults. Each acts on the connections open now, except where it says "next".
    void dropAll();           // RST both sides, as a crash or a pulled cable does
    void cutNextFrame();      // forward half of the next server→client frame, then close both
    void stallAll();          // forward nothing more either way, and close nothing: no FIN
    void halfOpenAll();       // RST the server's side; the client's stays open and silent
    void releaseFrozen();     // RST the client sides left open by stallAll() / halfOpenAll()
    bool setRefusing(bool refusing); // stop listening (connections refused) or listen again
    void delaySubscribed(std::chrono::milliseconds delay, int count = 1); // the next `count`
    // Holds the next `subscribed` until the client sends its next subscribe on that connection:
    // an answer that comes "too late" by the client's own clock, whatever the machine's load.
    void holdSubscribedUntilResent();
    void answerNextUpgradeWith401();
    // Server→client `event` frames of `channel`, counted across connections: every `every`-th
    // one is forwarded twice (0: never). A relay that retransmits.
    void duplicateEvents(int every, const QString &channel = QStringLiteral("orders"));
    // Every `every`-th event frame of `channel` is held back and forwarded right after the next
    // event frame (0: never). Another frame in between, or a quiet moment, releases it in place.
    void reorderEvents(int every, const QString &channel = QStringLiteral("orders"));
    // The next `count` plain HTTP answers to requests whose request line contains `requestLine`
    // (e.g. "GET /api/orders ") are cut: the server has answered, the client gets the first
    // part of it, then both connections are reset.
    void cutHttpAnswers(const QByteArray &requestLine, int count = 1);

    // Observation.
    int connectionsAccepted() const { return m_nextId - 1; }
    int openClientSockets() const;
    QList<qint64> acceptTimesMs;     // since listen(), one per accepted connection
    QList<ClientFrame> clientFrames; // every client→server text frame
    int clientFrameCount(const QString &op, const QString &channel = {}) const;
    int subscribedDelayed() const { return m_subscribedDelayed; }
    qint64 msSinceListen() const { return m_clock.elapsed(); }
    int eventsDuplicated() const { return m_eventsDuplicated; }
    int eventsReordered() const { return m_eventsReordered; }
    int httpAnswersCut() const { return m_httpAnswersCut; }
    int httpAnswersToCut() const { return m_httpCutsLeft; }

signals:
    void clientConnected(int connection);
    void frameCut(int connection);

private:
    struct Link
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray toUpstream;     // client bytes waiting for the upstream connection
        QByteArray clientHead;     // the client's HTTP request head, until complete
        QByteArray clientFrames;   // client frame bytes not yet complete (observation only)
        QByteArray serverHead;     // the server's HTTP response head, until complete
        QByteArray serverFrames;   // server frame bytes not yet complete
        QByteArray held;           // frames held back behind a delayed `subscribed`
        bool clientHeadDone = false;
        bool serverHeadDone = false;
        bool upgrade = false;      // a WebSocket connection (otherwise bytes pass untouched)
        bool holding = false;
        bool releaseOnSubscribe = false; // holding until the client subscribes again
        bool frozen = false;       // stalled or half-open: nothing is forwarded any more
        QByteArray reordered;      // an event frame waiting to follow the next one
        quint64 reorderToken = 0;  // which hold a release timer belongs to
        int answersToCut = 0;      // matching HTTP requests forwarded whose answers are cut
    };

    void onNewConnection();
    void onClientData(int id);
    void onServerData(int id);
    void onClientGone(int id);
    void onUpstreamGone(int id);
    void forwardToUpstream(Link &link, const QByteArray &bytes);
    void observeClientFrames(int id, Link &link, const QByteArray &bytes);
    void forwardServerFrames(int id, Link &link);
    void releaseHeld(int id);
    bool isFaultedEvent(const WsFrame &frame) const;
    void forwardEvent(int id, Link &link, const QByteArray &bytes);
    void releaseReordered(int id, quint64 token);
    void cutHttpAnswer(int id, Link &link, const QByteArray &bytes);
    void answer401(Link &link);
    void reset(QTcpSocket *socket);
    void forgetIfClosed(int id);

    QTcpServer m_server;
    QString m_upstreamHost;
    quint16 m_upstreamPort = 0;
    quint16 m_port = 0;
    QUrl m_upstreamUrl;
    QElapsedTimer m_clock;
    QHash<int, Link> m_links;
    int m_nextId = 1;
    bool m_cutNext = false;
    bool m_reject401Next = false;
    int m_delayCount = 0;
    std::chrono::milliseconds m_delay{0};
    bool m_holdUntilResent = false;
    int m_subscribedDelayed = 0;
    QString m_eventChannel;
    int m_duplicateEvery = 0;
    int m_reorderEvery = 0;
    quint64 m_eventsSeen = 0; // faulted channel's event frames, across connections
    QSet<qint64> m_reorderedSeqs;
    int m_eventsDuplicated = 0;
    int m_eventsReordered = 0;
    QByteArray m_cutRequestLine;
    int m_httpCutsLeft = 0;
    int m_httpAnswersCut = 0;
};

} // namespace faults
