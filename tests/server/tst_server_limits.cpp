// The limits of docs/protocol.md "Limits": client frame rate, REST changes per token, dead
// clients found by pings, and sockets closed when their session ends. Intervals are shortened
// through ServerOptions; the only waits without a condition assert that nothing happens.
#include "testsupport.h"

#include "server/demoaccounts.h"
#include "server/framelimiter.h"
#include "server/orderservice.h"
#include "server/restratelimiter.h"
#include "server/tokenbucket.h"

#include <QTcpSocket>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

const QString restaurant(DemoAccounts::restaurantId);

QString op(const QJsonObject &frame)
{
    return frame.value(QLatin1StringView("op")).toString();
}

QJsonObject subscribeFrame()
{
    return {{QStringLiteral("op"), QStringLiteral("subscribe")}, {QStringLiteral("channel"), QStringLiteral("orders")}};
}

// A WebSocket client that completes the handshake and then plays dead: it never answers a
// ping, as a PC whose network vanished would not. It records whether pings arrived.
class SilentPeer final
{
public:
    bool open(const QUrl &url, const QString &token)
    {
        m_socket.connectToHost(url.host(), quint16(url.port()));
        if (!m_socket.waitForConnected(5000))
            return false;
        m_socket.write("GET /ws HTTP/1.1\r\nHost: " + url.host().toLatin1() + ':' + QByteArray::number(url.port())
                       + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                         "Authorization: Bearer "
                       + token.toLatin1() + "\r\n\r\n");
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_received += m_socket.readAll(); });
        return QTest::qWaitFor([this] { return m_received.contains("\r\n\r\n"); }, 5000)
            && m_received.startsWith("HTTP/1.1 101");
    }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // 0x89: a final ping frame from the server (unmasked, opcode 9).
    bool gotPing() const { return m_received.contains(char(0x89)); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class TestServerLimits final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void tokenBucketArithmetic()
    {
        TokenBucket bucket(10, 3, 0); // 10 per second, 3 at once
        QVERIFY(bucket.isFull(0));
        QVERIFY(bucket.take(0) && bucket.take(0) && bucket.take(0));
        QVERIFY(!bucket.take(0));
        QCOMPARE(bucket.msUntilAvailable(0), 100);
        QCOMPARE(bucket.msUntilAvailable(40), 60);
        QVERIFY(!bucket.take(99));
        QVERIFY(bucket.take(100));
        QVERIFY(!bucket.isFull(300));
        QVERIFY(bucket.isFull(400));
        QVERIFY(bucket.take(10000) && bucket.take(10000) && bucket.take(10000) && !bucket.take(10000));

        TokenBucket unlimited(0, 1, 0);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(unlimited.take(0));
        QCOMPARE(unlimited.msUntilAvailable(0), 0);
    }

    void frameLimiterTellsOnceASecondAndClosesAFlood()
    {
        FrameLimiter limiter(FrameLimits{10, 5, 20}, 0);
        using Verdict = FrameLimiter::Verdict;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(limiter.admit(0), Verdict::Accept);
        QCOMPARE(limiter.admit(0), Verdict::DropAndNotify);
        QCOMPARE(limiter.admit(50), Verdict::Drop);
        QCOMPARE(limiter.admit(100), Verdict::Accept); // one token back after 100 ms
        QCOMPARE(limiter.admit(100), Verdict::Drop);
        // The client keeps going (two frames per token), so the bucket never refills: one flood.
        for (qint64 t = 200; t < 1000; t += 100) {
            QCOMPARE(limiter.admit(t), Verdict::Accept);
            QCOMPARE(limiter.admit(t), Verdict::Drop);
        }
        QCOMPARE(limiter.admit(1000), Verdict::Accept);
        QCOMPARE(limiter.admit(1000), Verdict::DropAndNotify); // still the same flood: a reminder a second later
        QCOMPARE(limiter.droppedInFlood(), 12);
        for (int i = 0; i < 8; ++i)
            QVERIFY(limiter.admit(1000) != Verdict::DropAndClose);
        QCOMPARE(limiter.admit(1000), Verdict::DropAndClose); // drop 21 without a pause
        // A pause long enough to refill the bucket ends the flood: a later burst starts afresh.
        FrameLimiter calm(FrameLimits{10, 5, 20}, 0);
        for (int i = 0; i < 25; ++i)
            calm.admit(0);
        QCOMPARE(calm.droppedInFlood(), 20);
        QCOMPARE(calm.admit(500), Verdict::Accept);
        QCOMPARE(calm.droppedInFlood(), 0);
        QCOMPARE(FrameLimiter(FrameLimits{0, 1, 1}, 0).admit(0), Verdict::Accept); // rate 0: no limit
    }

    void restLimiterKeepsOneBucketPerSession()
    {
        RestRateLimiter limiter;
        limiter.setLimits(2, 2);
        QVERIFY(!limiter.admit("a", 0) && !limiter.admit("a", 0));
        QCOMPARE(limiter.admit("a", 0).value_or(-1), 500);
        QVERIFY(!limiter.admit("b", 0)); // another session has its own share
        QVERIFY(!limiter.admit("a", 500));
        for (int i = 0; i < RestRateLimiter::pruneThreshold + 10; ++i)
            QVERIFY(!limiter.admit(QByteArray::number(i), 10000));
        QVERIFY(limiter.trackedSessions() <= RestRateLimiter::pruneThreshold + 10);
        QVERIFY(!limiter.admit("late", 20000)); // the idle ones were forgotten to make room
        QVERIFY(limiter.trackedSessions() < 20);
    }

    void framesOverTheRateAreDroppedAndTold()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("frames.db"));
        options.clientFrames = FrameLimits{1, 5, 50}; // a burst of 5, then one a second
        startServer(options);
        const QString token = signIn();
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), token));
        QCOMPARE(op(client.next()), QStringLiteral("welcome"));
        for (int i = 0; i < 8; ++i)
            client.send(subscribeFrame());

        int subscribed = 0;
        QJsonObject notice;
        while (subscribed + (notice.isEmpty() ? 0 : 1) < 6) {
            const QJsonObject frame = client.next();
            QVERIFY2(!frame.isEmpty(), "an answer is missing");
            if (op(frame) == u"subscribed")
                ++subscribed;
            else if (op(frame) == u"error")
                notice = frame;
        }
        QCOMPARE(subscribed, 5);
        QCOMPARE(notice.value(QLatin1StringView("code")).toString(), QStringLiteral("rate_limited"));
        QCOMPARE(notice.value(QLatin1StringView("reconnect")).toBool(false), true);
        QVERIFY(!notice.value(QLatin1StringView("message")).toString().isEmpty());
        QCOMPARE(m_server->stats().rateLimitedFrames, 3);

        // Still open and subscribed: the stream goes on.
        m_server->orders()->createRandomOrder(restaurant);
        QCOMPARE(op(client.next()), QStringLiteral("event"));
        QVERIFY(client.isConnected());
        QCOMPARE(client.unread(), 0);
    }

    void aSustainedFloodIsClosed()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("flood.db"));
        options.clientFrames = FrameLimits{1, 5, 20};
        startServer(options);
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), signIn()));
        QCOMPARE(op(client.next()), QStringLiteral("welcome"));
        for (int i = 0; i < 100; ++i)
            client.send({{QStringLiteral("op"), QStringLiteral("dance")}});
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(client.socket()->closeReason(), QStringLiteral("rate limit exceeded"));
        QJsonObject last;
        while (client.unread() > 0)
            last = client.next();
        QCOMPARE(last.value(QLatin1StringView("code")).toString(), QStringLiteral("rate_limited"));
        QTRY_COMPARE(m_server->stats().connections, 0);
        QVERIFY(m_server->stats().rateLimitedFrames >= 21);
    }

    void restChangesAreLimitedPerToken()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("rest.db"));
        options.restMutationsPerSecond = 0.5; // one every 2 s after a burst of 3
        options.restMutationBurst = 3;
        startServer(options);
        const QString token = signIn();
        const Order order = m_server->orders()->createRandomOrder(restaurant);
        const QString path = QStringLiteral("/api/orders/%1/acknowledge").arg(order.id);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http->post(path, {}, token).status, 200);
        const HttpResult limited = m_http->patch(QStringLiteral("/api/orders/%1").arg(order.id),
                                                 QByteArray(R"({"status":"preparing"})"), token);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString(),
                 QStringLiteral("rate_limited"));
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 2, limited.header("Retry-After").constData());
        QCOMPARE(m_server->orders()->find(restaurant, order.id)->status, OrderStatus::Acknowledged); // not applied

        for (int i = 0; i < 10; ++i) // reading is not limited
            QCOMPARE(m_http->get(QStringLiteral("/api/orders"), token).status, 200);
        const QString otherSession = signIn(); // the same user on another PC has a share of its own
        QCOMPARE(m_http->post(path, {}, otherSession).status, 200);
    }

    void deadClientsAreDropped()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("dead.db"));
        options.heartbeatMs = 200;
        startServer(options);
        const QString token = signIn();
        SilentPeer dead;
        QElapsedTimer silence; // started before the peer last spoke: a lower bound only
        silence.start();
        QVERIFY(dead.open(m_server->httpUrl(), token));
        QTRY_COMPARE(m_server->stats().connections, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!dead.isConnected(), 20000);
        QVERIFY(dead.gotPing());
        QVERIFY2(silence.elapsed() >= 400, qPrintable(QString::number(silence.elapsed()))); // not before 2×
        QCOMPARE(m_server->stats().connections, 0);
    }

    void clientsThatAnswerPingsStay()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("alive.db"));
        options.heartbeatMs = 200;
        startServer(options);
        WsClient client; // QWebSocket answers pings by itself, and this one sends nothing at all
        QVERIFY(client.open(m_server->webSocketUrl(), signIn()));
        QCOMPARE(op(client.next()), QStringLiteral("welcome"));
        // Six answered pings span three times the silence limit: a client that only answers
        // pings is alive. (Waiting on the server's figure, not on the clock.)
        QTRY_VERIFY_WITH_TIMEOUT(m_server->stats().pongsReceived >= 6, 20000);
        QVERIFY(client.isConnected());
        QCOMPARE(m_server->stats().connections, 1);
        QCOMPARE(client.unread(), 0);
    }

    void aSocketClosesWhenItsSessionExpires()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("expiry.db"));
        options.tokenLifetimeMs = 4000; // long enough to sign in and subscribe on a loaded machine
        startServer(options);
        const QString token = signIn();
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), token));
        QCOMPARE(op(client.next()), QStringLiteral("welcome"));
        QVERIFY(!client.subscribe(QStringLiteral("orders")).isEmpty());

        const QJsonObject error = client.nextOp(QStringLiteral("error"), 30000);
        QCOMPARE(error.value(QLatin1StringView("code")).toString(), QStringLiteral("unauthorized"));
        QCOMPARE(error.value(QLatin1StringView("reconnect")).toBool(true), false);
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY(client.socket()->closeReason().startsWith(QStringLiteral("unauthorized")));
        QCOMPARE(m_http->get(QStringLiteral("/api/orders"), token).status, 401);
        WsClient again;
        QVERIFY(again.open(m_server->webSocketUrl(), token));
        QCOMPARE(again.next().value(QLatin1StringView("code")).toString(), QStringLiteral("unauthorized"));
    }

private:
    void startServer(const ServerOptions &options)
    {
        m_server = std::make_unique<HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server->httpUrl());
    }

    QString signIn()
    {
        return m_http->login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
};

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_server_limits.moc"
