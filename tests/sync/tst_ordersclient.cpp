// OrdersClient's own rules. Its destructor stops everything, and stopping announces state
// changes; during destruction nobody may hear them: a receiver may already be half gone (issue
// 13: `~ClientStack` → `stop()` → `stateChanged` reached a lambda whose captured local was gone,
// a stack-use-after-scope under ASan).
#include "sync/ordersclient.h"

#include <QTcpServer>
#include <QtTest>

using namespace hearth;

class TestOrdersClient final : public QObject
{
    Q_OBJECT

private slots:
    void destructionRunsNoReceiver()
    {
        QTcpServer listener; // accepts, never answers: the link stays in Connecting
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        QObject receiver; // outlives the client, so a call would be counted, not a crash
        int calls = 0;
        {
            OrdersClient client;
            client.realtime().setEndpoint(
                QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(listener.serverPort())), QStringLiteral("token"));
            client.start();
            QVERIFY(client.sync().isStarted());
            QVERIFY(client.realtime().state() != ConnectionState::Offline);
            const auto count = [&calls] { ++calls; };
            QObject::connect(&client.realtime(), &RealtimeService::stateChanged, &receiver, count);
            QObject::connect(&client.realtime(), &RealtimeService::ordersChanged, &receiver, count);
            QObject::connect(&client.sync(), &OrdersSync::snapshotStateChanged, &receiver, count);
            QObject::connect(&client.polling(), &PollingFallback::pollingChanged, &receiver, count);
        }
        QCOMPARE(calls, 0);
    }

    void stopStillAnnouncesItsChanges()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        OrdersClient client;
        client.realtime().setEndpoint(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(listener.serverPort())),
                                      QStringLiteral("token"));
        client.start();
        QSignalSpy states(&client.realtime(), &RealtimeService::stateChanged);
        client.stop();
        QVERIFY(!states.isEmpty()); // an explicit stop() is heard as before
        QCOMPARE(client.realtime().state(), ConnectionState::Offline);
    }
};

QTEST_MAIN(TestOrdersClient)
#include "tst_ordersclient.moc"
