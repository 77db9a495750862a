#include "clientstack.h"

#include "models/connectionstatus.h"
#include "server/eventlog.h"


using namespace hearth;
using namespace hearth::test;
using namespace std::chrono_literals;

class TestIntegrationPolling final : public QObject
{
    Q_OBJECT

private slots:
    void pollsWhileTheSocketIsDownAndStopsWhenItIsBack()
    {
        QTemporaryDir dir;
        server::HearthServer server(testServerOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString restaurant(server::DemoAccounts::restaurantId);
        server.orders()->createRandomOrder(restaurant);

        ClientStack client;
        ConnectionStatus status(&client.realtime, &client.polling);
        client.polling.setPolicy(PollingPolicy{100ms, 100ms, 0.2, 1000ms});
        client.realtime.setReconnectPolicy(ReconnectPolicy{300ms, 1000ms, 5000ms, 0});
        QVERIFY(client.signInTo(server));
        const QString token = client.signIn.session().token;
        // REST reaches the server, the WebSocket does not: the Wi-Fi case where the socket dies
        // but short requests still get through (or a proxy that blocks upgrades).
        client.realtime.setEndpoint(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(refusedLoopbackPort())), token);
        QSignalSpy pollingChanged(&client.polling, &PollingFallback::pollingChanged);
        client.go();

        QTRY_VERIFY_WITH_TIMEOUT(client.polling.isPolling(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(client.model.rowCount(), 1, 5000); // the first poll is a snapshot
        // "Polling" once a poll has succeeded, not merely because polling started.
        QTRY_COMPARE_WITH_TIMEOUT(status.transport(), ConnectionStatus::Transport::Polling, 5000);
        QVERIFY(status.stateText().startsWith(QStringLiteral("Polling")));

        const Order second = server.orders()->createRandomOrder(restaurant);
        QVERIFY(server.orders()->setStatus(restaurant, second.id, OrderStatus::Acknowledged).ok());
        QVERIFY(server.orders()->setStatus(restaurant, second.id, OrderStatus::Preparing).ok());
        QTRY_VERIFY_WITH_TIMEOUT(client.model.orderById(second.id)
                                     && client.model.orderById(second.id)->status == OrderStatus::Preparing,
                                 5000);
        const qint64 polledUpTo = client.realtime.syncPosition(QStringLiteral("orders")).seq;
        QVERIFY(polledUpTo >= 4);
        QVERIFY(client.polling.pollsMade() >= 2);

        // The socket comes back: polling stops at once and the stream resumes from the
        // watermark polling reached, without a snapshot.
        client.realtime.setEndpoint(server.webSocketUrl(), token);
        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.state(), ConnectionState::Live, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!client.polling.isPolling(), 1000);
        QCOMPARE(status.transport(), ConnectionStatus::Transport::Live);
        QCOMPARE(pollingChanged.size(), 2);
        const int pollsWhenLive = client.polling.pollsMade();

        const Order third = server.orders()->createRandomOrder(restaurant);
        QTRY_VERIFY_WITH_TIMEOUT(client.model.orderById(third.id), 5000);
        QCOMPARE(client.deliveredSeqs.first(), polledUpTo + 1);
        QCOMPARE(client.realtime.stats().snapshotsRequested, 0);
        QCOMPARE(client.polling.pollsMade(), pollsWhenLive);

        QString why;
        QVERIFY2(modelMatchesServer(client.model, server, &why), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestIntegrationPolling)
#include "tst_integration_polling.moc"
