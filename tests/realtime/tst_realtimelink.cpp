// RealtimeService's link: reconnects, backoff, liveness, server advice, sign-out, giving up.
#include "fakehearthserver.h"
#include "rawwebsocketpeer.h"
#include "servicetesthelpers.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace hearth;
using namespace testing;
using namespace Qt::StringLiterals;

namespace {

// A port on which nothing listens: connections to it are refused at once.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestRealtimeLink final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeHearthServer> m_server;

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHearthServer>();
        QVERIFY(m_server->listen());
    }

    void cleanup() { m_server.reset(); }

    void reconnectsAfterTheServerClosesAndResumesWithSince()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(recorder.snapshots.size(), 1);
        m_server->publishOrders(3);
        QTRY_COMPARE(recorder.events.size(), 3);

        // The wait lasts 20 ms, too short to catch by polling: what the service says while it
        // waits is taken as it starts waiting.
        int attemptWhileWaiting = -1;
        QDateTime waitingSince;
        QDateTime retryAt;
        QString errorWhileWaiting;
        QObject watcher; // after the captured locals, so the connection dies first
        connect(service.get(), &RealtimeService::stateChanged, &watcher, [&](ConnectionState state) {
            if (state != ConnectionState::WaitingToRetry || attemptWhileWaiting >= 0)
                return;
            attemptWhileWaiting = service->retryAttempt();
            waitingSince = QDateTime::currentDateTimeUtc();
            retryAt = service->nextRetryAt();
            errorWhileWaiting = service->lastError();
        });
        m_server->closeCurrent();
        QTRY_VERIFY(attemptWhileWaiting >= 0);
        QCOMPARE(attemptWhileWaiting, 1);
        QVERIFY(retryAt.isValid());
        QVERIFY(retryAt <= waitingSince.addMSecs(20));
        QVERIFY(!errorWhileWaiting.isEmpty());
        m_server->publishOrders(2); // happens while the client is away

        QTRY_COMPARE(m_server->connectionCount(), 2);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QTRY_COMPARE(recorder.events.size(), 5);
        QCOMPARE(recorder.seqs(u"orders"_s), range(1, 5));
        QCOMPARE(m_server->subscribes().size(), 2);
        QCOMPARE(*m_server->subscribes().at(1).since, (SyncPosition{u"e1"_s, 3}));
        QCOMPARE(recorder.snapshots.size(), 1); // replayed, so no second snapshot
        QCOMPARE(m_server->authorizations.at(1), QByteArray("Bearer tok"));
        QVERIFY(service->lastError().isEmpty()); // cleared once live again
        const RealtimeStats stats = service->stats();
        QCOMPARE(stats.socketsOpened, 2);
        QCOMPARE(stats.reconnects, 1);
        QTRY_COMPARE(service->stats().openSockets, 1); // the old socket is really gone
    }

    void aServerWithANewEpochTriggersASnapshotAfterReconnecting()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(recorder.snapshots.size(), 1);
        m_server->publishOrders(3);
        QTRY_COMPARE(recorder.events.size(), 3);

        m_server->closeCurrent();
        m_server->resetLog(u"e2"_s); // the server came back with a fresh database
        m_server->publishOrders(1);
        QTRY_COMPARE(recorder.snapshots.size(), 2);
        QCOMPARE(*m_server->subscribes().at(1).since, (SyncPosition{u"e1"_s, 3}));
        QCOMPARE(recorder.snapshots.at(1).second, (SyncPosition{u"e2"_s, 1}));
        QCOMPARE(service->serverEpoch(), u"e2"_s);
        m_server->publishOrders(2); // seq 2 and 3 of e2: new events, not duplicates of e1's
        QTRY_COMPARE(recorder.events.size(), 5);
        QCOMPARE(recorder.seqs(u"orders"_s), (QList<qint64>{1, 2, 3, 2, 3}));
        QCOMPARE(service->syncPosition(u"orders"_s), (SyncPosition{u"e2"_s, 3}));
        QCOMPARE(service->stats().duplicatesDropped, 0);
    }

    void backoffGrowsAndResetsOnlyAfterAHealthyLink()
    {
        m_server->closeAfterWelcomeMs = 0; // a server that drops everyone at once
        auto service = makeService(m_server->url());
        ReconnectPolicy policy = service->reconnectPolicy();
        policy.initialDelay = 10ms;
        policy.maxDelay = 40ms;
        policy.healthyAfter = 300ms;
        service->setReconnectPolicy(policy);
        service->start();
        QTRY_VERIFY(service->retryAttempt() >= 4);
        QVERIFY(service->stats().reconnects >= 3);

        m_server->closeAfterWelcomeMs = 500; // now links stay live longer than healthyAfter
        QTRY_COMPARE_WITH_TIMEOUT(service->retryAttempt(), 1, 5000);
    }

    void givesUpAfterMaxAttempts()
    {
        const QUrl url(u"ws://127.0.0.1:%1/ws"_s.arg(closedPort()));
        auto service = makeService(url);
        ReconnectPolicy policy = service->reconnectPolicy();
        policy.maxAttempts = 2;
        service->setReconnectPolicy(policy);
        Recorder recorder(service.get());
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Offline);
        QVERIFY(recorder.errors.constFirst().contains("Can't reach the server at ws://127.0.0.1:"_L1));
        QVERIFY(service->lastError().contains("2 attempts"_L1));
        QCOMPARE(service->stats().socketsOpened, 3);
        QCOMPARE(service->stats().reconnects, 2);
        QVERIFY(!service->nextRetryAt().isValid());

        service->reconnectNow(); // the user insists: a fresh round
        QCOMPARE(service->state(), ConnectionState::Connecting);
        QTRY_COMPARE(service->state(), ConnectionState::Offline);
        QCOMPARE(service->stats().socketsOpened, 6);
    }

    void reconnectNowSkipsTheWait()
    {
        const quint16 port = closedPort();
        auto service = makeService(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port)));
        ReconnectPolicy policy = service->reconnectPolicy();
        policy.initialDelay = 60000ms;
        policy.maxDelay = 60000ms;
        service->setReconnectPolicy(policy);
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::WaitingToRetry);
        QVERIFY(service->nextRetryAt() > QDateTime::currentDateTimeUtc().addSecs(30));

        FakeHearthServer late; // the server comes up on that port while we wait a minute
        QVERIFY(late.listen(port));
        service->reconnectNow();
        QCOMPARE(service->state(), ConnectionState::Connecting);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(service->stats().socketsOpened, 2);
        QCOMPARE(service->retryAttempt(), 1); // skipping a wait is not a healthy link
    }

    void aNewAddressWhileWaitingConnectsThereAtOnce()
    {
        const QUrl url(u"ws://127.0.0.1:%1/ws"_s.arg(closedPort()));
        auto service = makeService(url);
        ReconnectPolicy policy = service->reconnectPolicy();
        policy.initialDelay = 60000ms;
        policy.maxDelay = 60000ms;
        service->setReconnectPolicy(policy);
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::WaitingToRetry);
        service->setEndpoint(m_server->url(), u"tok"_s);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(service->stats().socketsOpened, 2);
    }

    void reconnectNowRestartsAHangingAttempt()
    {
        RawWebSocketPeer peer(RawWebSocketPeer::Mode::NeverAnswer);
        QVERIFY(peer.listen());
        auto service = makeService(peer.url());
        ReconnectPolicy policy = service->reconnectPolicy();
        policy.connectTimeout = 60000ms;
        service->setReconnectPolicy(policy);
        service->start();
        QTRY_COMPARE(peer.connectionCount(), 1);
        service->reconnectNow();
        QTRY_COMPARE(peer.connectionCount(), 2);
        QCOMPARE(service->state(), ConnectionState::Connecting);
        QTRY_COMPARE(service->stats().openSockets, 1);
    }

    void aReceiverMayStopTheServiceFromErrorOccurred()
    {
        auto service = makeService(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(closedPort())));
        RealtimeService *raw = service.get();
        connect(raw, &RealtimeService::errorOccurred, raw, [raw] { raw->stop(); });
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Offline);
        QVERIFY(!service->nextRetryAt().isValid());
        QSignalSpy states(raw, &RealtimeService::stateChanged);
        QVERIFY(!states.wait(200)); // no retry was left armed behind the receiver's back
        QCOMPARE(service->stats().socketsOpened, 1);
    }

    void serverReconnectAdviceIsHonoured()
    {
        auto service = makeService(m_server->url());
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QElapsedTimer elapsed;
        elapsed.start();
        m_server->send(ReconnectAdvice{300ms}); // random source 1.0: exactly 300 ms
        QTRY_COMPARE(service->state(), ConnectionState::WaitingToRetry);
        QCOMPARE(service->retryAttempt(), 0); // advice is not a failure
        QTRY_COMPARE(m_server->connectionCount(), 2);
        QVERIFY2(elapsed.elapsed() >= 290, qPrintable(QString::number(elapsed.elapsed())));
        QTRY_COMPARE(service->state(), ConnectionState::Live);
    }

    void pongsMeasureTheRoundTripAndKeepTheLinkAlive()
    {
        auto service = makeService(m_server->url());
        service->setHeartbeatOverride(100ms);
        QSignalSpy rtt(service.get(), &RealtimeService::roundTripMeasured);
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        // Far longer than 2 × heartbeat without a single frame: only pongs keep it alive.
        QTRY_VERIFY_WITH_TIMEOUT(rtt.count() >= 6, 5000);
        QVERIFY(service->roundTripMs().has_value());
        QCOMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(service->stats().staleLinks, 0);
        QVERIFY(service->stats().pongsReceived >= 6);
    }

    void aStalledEventLoopDoesNotCallAHealthyLinkDead()
    {
        auto service = makeService(m_server->url());
        service->setHeartbeatOverride(100ms); // stale after 200 ms without a frame
        Recorder recorder(service.get());
        QSignalSpy rtt(service.get(), &RealtimeService::roundTripMeasured);
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(recorder.snapshots.size(), 1);
        QTRY_VERIFY(rtt.count() >= 1);

        // The server keeps talking while this thread is busy for longer than 2 × heartbeat
        // (a slow paint, a modal dialog's layout, a swapped-out page): the frames wait in the
        // socket, unread. The link is healthy; only the event loop was not looking.
        m_server->publishOrders(5);
        QVERIFY(m_server->current()->flush());
        QTest::qSleep(350); // the stall itself, not a wait for something
        QTRY_COMPARE(recorder.events.size(), 5);

        // A few heartbeats later: the same socket, never judged stale.
        const qsizetype pongs = rtt.count();
        QTRY_VERIFY_WITH_TIMEOUT(rtt.count() >= pongs + 4, 5000);
        const RealtimeStats stats = service->stats();
        QCOMPARE(stats.staleLinks, 0);
        QCOMPARE(stats.socketsOpened, 1);
        QCOMPARE(m_server->connectionCount(), 1);
        QCOMPARE(service->state(), ConnectionState::Live);
    }

    void aStallDoesNotHideADeadLink()
    {
        RawWebSocketPeer peer(RawWebSocketPeer::Mode::WelcomeThenSilence);
        peer.welcomeFrame = R"({"op":"welcome","session":"s","epoch":"e1","heartbeat_ms":100})";
        QVERIFY(peer.listen());
        auto service = makeService(peer.url());
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QTest::qSleep(350); // a stall, and nothing waits in the socket behind it
        QTRY_VERIFY(service->stats().staleLinks >= 1);
        QTRY_VERIFY(peer.connectionCount() >= 2);
    }

    void aSilentLinkIsStaleAndReplaced()
    {
        RawWebSocketPeer peer(RawWebSocketPeer::Mode::WelcomeThenSilence);
        peer.welcomeFrame = R"({"op":"welcome","session":"s","epoch":"e1","heartbeat_ms":100})";
        QVERIFY(peer.listen());
        auto service = makeService(peer.url());
        Recorder recorder(service.get()); // the 20 ms wait is seen as it starts, not polled for
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QTRY_VERIFY(recorder.states.contains(ConnectionState::WaitingToRetry));
        QTRY_VERIFY(peer.connectionCount() >= 2);
        const RealtimeStats stats = service->stats();
        QVERIFY(stats.staleLinks >= 1);
        QVERIFY(stats.pingsSent >= 1);
        QCOMPARE(stats.pongsReceived, 0);
    }

    void aHandshakeThatNeverCompletesTimesOut()
    {
        RawWebSocketPeer peer(RawWebSocketPeer::Mode::NeverAnswer);
        QVERIFY(peer.listen());
        auto service = makeService(peer.url());
        ReconnectPolicy policy = service->reconnectPolicy();
        policy.connectTimeout = 150ms;
        service->setReconnectPolicy(policy);
        Recorder recorder(service.get());
        service->start();
        QTRY_VERIFY(recorder.states.contains(ConnectionState::WaitingToRetry));
        QVERIFY(recorder.errors.constFirst().contains("taking too long"_L1));
        QTRY_VERIFY(peer.connectionCount() >= 2);
    }

    void aFailedTlsHandshakeIsReportedAndRetried()
    {
        QTcpServer plain; // speaks no TLS: the handshake fails, and nothing is ignored to pass it
        QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
        connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
            QTcpSocket *socket = plain.nextPendingConnection();
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        });
        auto service = makeService(QUrl(u"wss://127.0.0.1:%1/ws"_s.arg(plain.serverPort())));
        Recorder recorder(service.get());
        service->start();
        QTRY_VERIFY(recorder.states.contains(ConnectionState::WaitingToRetry));
        QVERIFY2(recorder.errors.constFirst().contains("secure connection"_L1),
                 qPrintable(recorder.errors.constFirst()));
        service->stop();
    }

    void anUnauthorizedFrameSignsOutForGood()
    {
        m_server->rejectAsUnauthorized = true;
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        QSignalSpy connections(m_server.get(), &FakeHearthServer::clientConnected);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"server error"_s));
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::SignedOut);
        QVERIFY(recorder.errors.constLast().contains("sign in again"_L1));
        QVERIFY(!service->nextRetryAt().isValid());
        QVERIFY(!connections.wait(300)); // no retry
        QCOMPARE(m_server->connectionCount(), 1);

        service->reconnectNow(); // the same token would be refused again
        service->start();
        QCOMPARE(service->state(), ConnectionState::SignedOut);

        m_server->rejectAsUnauthorized = false;
        service->setEndpoint(m_server->url(), u"fresh-token"_s);
        service->reconnectNow();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(m_server->authorizations.constLast(), QByteArray("Bearer fresh-token"));
    }

    void aPolicyCloseForAnUnauthorizedTokenSignsOut()
    {
        auto service = makeService(m_server->url());
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        m_server->closeCurrent(QWebSocketProtocol::CloseCodePolicyViolated, u"unauthorized"_s);
        QTRY_COMPARE(service->state(), ConnectionState::SignedOut);
        QVERIFY(service->lastErrorDetails().contains("1008"_L1));
        QSignalSpy connections(m_server.get(), &FakeHearthServer::clientConnected);
        QVERIFY(!connections.wait(200));
    }

    void aHandshakeRefusedWith401SignsOut()
    {
        RawWebSocketPeer peer(RawWebSocketPeer::Mode::Reject401);
        QVERIFY(peer.listen());
        auto service = makeService(peer.url());
        Recorder recorder(service.get());
        QSignalSpy connections(&peer, &RawWebSocketPeer::clientConnected);
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::SignedOut);
        QVERIFY(service->lastErrorDetails().contains("401"_L1));
        QVERIFY(!connections.wait(300));
        QCOMPARE(peer.connectionCount(), 1);
    }

    void stopClosesAndStaysOffline()
    {
        auto service = makeService(m_server->url());
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QSignalSpy connections(m_server.get(), &FakeHearthServer::clientConnected);
        QWebSocket *serverSide = m_server->current();
        QSignalSpy closed(serverSide, &QWebSocket::disconnected);
        service->stop();
        QCOMPARE(service->state(), ConnectionState::Offline);
        QTRY_COMPARE(closed.count(), 1);
        QVERIFY(!connections.wait(200));
        QTRY_COMPARE(service->stats().openSockets, 0);
    }

    void aNewAddressWhileRunningReconnectsThere()
    {
        FakeHearthServer other;
        QVERIFY(other.listen());
        auto service = makeService(m_server->url());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        service->setEndpoint(other.url(), u"tok"_s);
        QTRY_COMPARE(other.connectionCount(), 1);
        QTRY_COMPARE(other.subscribes().size(), 1);
        QTRY_COMPARE(service->stats().openSockets, 1);
    }
};

QTEST_GUILESS_MAIN(TestRealtimeLink)
#include "tst_realtimelink.moc"
