#include "clientstack.h"

#include "server/eventlog.h"

#include <QTemporaryDir>

#include <algorithm>

using namespace hearth;
using namespace hearth::test;
using namespace std::chrono_literals;

namespace {

server::ServerOptions quickServerOptions(const QTemporaryDir &dir)
{
    server::ServerOptions options = testServerOptions(dir);
    options.heartbeatMs = 2000;
    options.reconnectAfterMs = 300;
    return options;
}

qint64 serverHead(server::HearthServer &server)
{
    return server.eventLog()->headSeq(QString(server::DemoAccounts::restaurantId),
                                      QString(server::OrderEvents::channel));
}

void createOrdersWhileTheClientIsAway(server::HearthServer &server, int count)
{
    for (int i = 0; i < count; ++i)
        server.orders()->createRandomOrder(QString(server::DemoAccounts::restaurantId));
}

} // namespace

class TestIntegrationOrders final : public QObject
{
    Q_OBJECT

private slots:
    void ordersStreamIntoTheModel()
    {
        QTemporaryDir dir;
        server::HearthServer server(quickServerOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString restaurant(server::DemoAccounts::restaurantId);
        server.orders()->createRandomOrder(restaurant); // before the client: comes by snapshot

        ClientStack client;
        QVERIFY(client.signInTo(server));
        QSignalSpy snapshot(&client.sync, &OrdersSync::snapshotLoaded);
        client.go();
        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.state(), ConnectionState::Live, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(snapshot.size(), 1, 10000);
        QCOMPARE(client.model.rowCount(), 1);

        const Order created = server.orders()->createRandomOrder(restaurant);
        QTRY_COMPARE_WITH_TIMEOUT(client.model.rowCount(), 2, 5000);
        QVERIFY(client.model.orderById(created.id));
        QVERIFY(server.orders()->setStatus(restaurant, created.id, OrderStatus::Acknowledged).ok());
        QTRY_COMPARE_WITH_TIMEOUT(client.model.orderById(created.id)->status, OrderStatus::Acknowledged, 5000);
        QCOMPARE(client.deliveredSeqs, (QList<qint64>{2, 3}));
    }

    void restartMidStreamDeliversEveryEventExactlyOnce()
    {
        QTemporaryDir dir;
        server::HearthServer server(quickServerOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString epoch = server.epoch();

        ClientStack client;
        // A wide enough wait that the server moves on while the client is away.
        client.realtime.setReconnectPolicy(ReconnectPolicy{200ms, 600ms, 5000ms, 0});
        QVERIFY(client.signInTo(server));
        QSignalSpy snapshot(&client.sync, &OrdersSync::snapshotLoaded);
        client.go();
        client.polling.setEnabled(false); // this test is about the socket's own resume
        QVERIFY(snapshot.wait(10000));

        ServiceLoad load(&server);
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.deliveredSeqs.size() >= 150, 20000);

        // 1. The server goes away and comes back on the same port and database.
        server.stop();
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.epoch(), epoch);
        // Changes the client cannot have seen: it is disconnected until the event loop runs.
        createOrdersWhileTheClientIsAway(server, 20);
        const qint64 headAtRestart = serverHead(server);
        QTRY_VERIFY_WITH_TIMEOUT(client.deliveredSeqs.size() > headAtRestart + 100, 20000);

        // 2. The link drops without a close frame while the server keeps changing orders.
        server.abortAllConnections();
        createOrdersWhileTheClientIsAway(server, 20);
        const qint64 headAtDrop = serverHead(server);
        QTRY_VERIFY_WITH_TIMEOUT(client.deliveredSeqs.size() > headAtDrop + 100, 20000);

        load.stop();
        const qint64 head = serverHead(server);
        QTRY_COMPARE_WITH_TIMEOUT(client.deliveredSeqs.isEmpty() ? 0 : client.deliveredSeqs.last(), head, 10000);

        // Every event of the channel, once each, in order.
        QCOMPARE(client.deliveredSeqs.size(), head);
        for (qsizetype i = 0; i < client.deliveredSeqs.size(); ++i)
            QCOMPARE(client.deliveredSeqs.at(i), i + 1);
        QVERIFY(client.realtime.stats().reconnects >= 2);
        QCOMPARE(client.realtime.stats().snapshotsRequested, 1); // replay sufficed both times

        QString why;
        QVERIFY2(modelMatchesServer(client.model, server, &why), qPrintable(why));
        qInfo("%lld events, %d reconnects, %lld duplicates dropped", head,
              client.realtime.stats().reconnects, client.realtime.stats().duplicatesDropped);
    }

    void aBadTokenIsTerminalWithoutARetryStorm()
    {
        QTemporaryDir dir;
        server::HearthServer server(quickServerOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        RealtimeService realtime;
        realtime.setReconnectPolicy(ReconnectPolicy{20ms, 50ms, 5000ms, 0});
        realtime.setEndpoint(server.webSocketUrl(), QStringLiteral("not-a-real-token"));
        realtime.subscribe(QStringLiteral("orders"));
        realtime.start();
        QTRY_COMPARE_WITH_TIMEOUT(realtime.state(), ConnectionState::SignedOut, 10000);
        QVERIFY(!realtime.lastError().isEmpty());
        QVERIFY(!realtime.lastError().contains(QStringLiteral("not-a-real-token")));

        // Many backoff periods later there has still been only the one attempt.
        QTest::qWait(1000);
        QCOMPARE(realtime.state(), ConnectionState::SignedOut);
        QCOMPARE(realtime.stats().socketsOpened, 1);
        QCOMPARE(server.stats().connections, 0);
    }
};

QTEST_GUILESS_MAIN(TestIntegrationOrders)
#include "tst_integration_orders.moc"
