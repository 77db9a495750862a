#pragma once

// The far end of hearth-bench: a Hearth protocol v1 server in its own thread that answers one
// subscription with a prepared stream of order events — all at once (a burst) or paced — and
// remembers when it sent each one, so the client side can measure throughput and latency.
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <vector>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QWebSocket;
class QWebSocketServer;
QT_END_NAMESPACE

namespace hearth::bench {

// Monotonic nanoseconds shared by both threads of the benchmark.
qint64 nowNs();
// CPU time the calling thread has run, in nanoseconds; -1 where the system cannot tell.
qint64 threadCpuNs();

struct FeedPlan
{
    int events = 10000;
    int ordersTouched = 2500;   // events cycle over this many orders: inserts first, then updates
    int eventsPerSecond = 0;    // 0: as fast as the socket takes them
};

// The Hearth v1 event frame of event `seq` (about 430 bytes): it touches order number
// ((seq - 1) % touched) + 1, "bench-<number>", whose version counts its touches. Written by hand
// (snprintf) so a million of them cost the feeder little and need not be held in memory.
QString eventFrame(int seq, int touched);
// The same order as Action Cable (Hafaloha profile) and Phoenix (Supabase profile) frames.
QString actionCableFrame(int seq, int touched);
QString phoenixFrame(int seq, int touched);

class BurstFeeder final : public QObject
{
    Q_OBJECT

public:
    explicit BurstFeeder(FeedPlan plan);
    ~BurstFeeder() override;

    bool start(); // listens on 127.0.0.1 in its own thread
    QUrl url() const { return m_url; }
    static QString epoch();
    // When event `seq` (1-based) left the server, in nowNs(); 0 until it did.
    qint64 sentAtNs(qint64 seq) const { return m_sentAtNs.at(size_t(seq)).load(); }

private:
    void listen();
    void onNewConnection();
    void onTextMessage(QWebSocket *socket, const QString &frame);
    void sendNext(QWebSocket *socket);
    void sendBurst(QWebSocket *socket);

    FeedPlan m_plan;
    std::vector<std::atomic<qint64>> m_sentAtNs;
    QThread m_thread;
    QTcpServer *m_listener = nullptr;         // lives in m_thread; hands sockets to m_server
    QWebSocketServer *m_server = nullptr;     // lives in m_thread
    QUrl m_url;
    int m_next = 0;
    QPointer<QTcpSocket> m_tcp; // under the subscriber's QWebSocket: bytesToWrite bounds memory
};

} // namespace hearth::bench
