// What the connection-status model says, checked against a real PollingFallback and a real
// hearth-server on loopback: "Polling" only while polls succeed, "Offline" as soon as nothing
// reaches the server, and no round trip shown without a link.
#include "clientstack.h"

#include "models/connectionstatus.h"

using namespace hearth;
using namespace hearth::test;
using namespace std::chrono_literals;

namespace {

const QString offlineText = QStringLiteral("Offline — orders are not updating");

} // namespace

class TestIntegrationStatus final : public QObject
{
    Q_OBJECT

private slots:
    // Nothing listens on the server's port: the socket retries, every poll is refused, and the
    // bar must not claim to be polling.
    void aDeadServerIsOfflineNotPolling()
    {
        const quint16 deadPort = refusedLoopbackPort();
        ClientStack client;
        ConnectionStatus status(&client.realtime, &client.polling);
        client.polling.setPolicy(PollingPolicy{100ms, 100ms, 0.2, 1000ms});
        client.realtime.setReconnectPolicy(ReconnectPolicy{30000ms, 60000ms, 5000ms, 0});
        client.realtime.setRandomSource([] { return 0.5; }); // the wait is ~15 s: a countdown shows
        client.rest.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(deadPort)));
        client.rest.setToken(QStringLiteral("token"));
        client.realtime.setEndpoint(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(deadPort)),
                                    QStringLiteral("token"));
        QSignalSpy pollFailed(&client.polling, &PollingFallback::pollFailed);
        client.go();

        QTRY_VERIFY_WITH_TIMEOUT(pollFailed.size() >= 2, 10000);
        QCOMPARE(client.realtime.state(), ConnectionState::WaitingToRetry);
        QCOMPARE(status.stateText(), offlineText);
        QCOMPARE(status.transport(), ConnectionStatus::Transport::Offline);
        QCOMPARE(status.roundTripText(), QString());
    }

    // A poll that neither succeeds nor fails (a network that drops packets): once nothing has
    // succeeded for the stale time, the verdict is Offline without waiting for the timeout.
    void aHangingPollIsOfflineOnceNothingSucceededForAWhile()
    {
        QTcpServer blackHole; // accepts, never answers
        QVERIFY(blackHole.listen(QHostAddress::LocalHost, 0));
        ClientStack client;
        ConnectionStatus status(&client.realtime, &client.polling);
        status.setStaleAfter(3000ms);
        client.polling.setPolicy(PollingPolicy{100ms, 100ms, 0.2, 1000ms});
        client.realtime.setReconnectPolicy(ReconnectPolicy{30000ms, 60000ms, 5000ms, 0});
        client.realtime.setRandomSource([] { return 0.5; });
        client.rest.setTimeout(60000ms);
        client.rest.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(blackHole.serverPort())));
        client.rest.setToken(QStringLiteral("token"));
        client.realtime.setEndpoint(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(refusedLoopbackPort())),
                                    QStringLiteral("token"));
        QSignalSpy pollFailed(&client.polling, &PollingFallback::pollFailed);
        client.go();

        QTRY_VERIFY_WITH_TIMEOUT(client.polling.isPolling(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(blackHole.hasPendingConnections(), 5000);
        QCOMPARE(status.health(), ConnectionStatus::Health::Reconnecting); // too early to say more
        QVERIFY(status.stateText().startsWith(QStringLiteral("Reconnecting")));
        QTRY_COMPARE_WITH_TIMEOUT(status.health(), ConnectionStatus::Health::Offline, 5000);
        QCOMPARE(status.stateText(), offlineText);
        QVERIFY(pollFailed.isEmpty()); // the verdict came from the clock, not a failure
        QCOMPARE(status.freshnessText(), QStringLiteral("No orders received yet"));
    }

    void roundTripsWithinAMillisecondAreNotZero()
    {
        QCOMPARE(ConnectionStatus::describeRoundTrip(0), QStringLiteral("< 1 ms"));
        QCOMPARE(ConnectionStatus::describeRoundTrip(1), QStringLiteral("1 ms"));
        QCOMPARE(ConnectionStatus::describeRoundTrip(42), QStringLiteral("42 ms"));
    }

    // A real server, killed and restarted: Live → Polling (REST only) → Offline (killed) →
    // Polling (back) → Live.
    void theBarFollowsTheServerItCanReach()
    {
        QTemporaryDir dir;
        server::HearthServer server(testServerOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString restaurant(server::DemoAccounts::restaurantId);
        server.orders()->createRandomOrder(restaurant);

        ClientStack client;
        ConnectionStatus status(&client.realtime, &client.polling);
        client.polling.setPolicy(PollingPolicy{100ms, 100ms, 0.2, 400ms});
        client.realtime.setReconnectPolicy(ReconnectPolicy{30000ms, 60000ms, 5000ms, 0});
        client.realtime.setHeartbeatOverride(200ms);
        QVERIFY(client.signInTo(server));
        const QString token = client.signIn.session().token;
        QSignalSpy roundTrips(&client.realtime, &RealtimeService::roundTripMeasured);
        client.go();

        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.state(), ConnectionState::Live, 10000);
        QCOMPARE(status.stateText(), QStringLiteral("Live"));
        QTRY_VERIFY_WITH_TIMEOUT(!roundTrips.isEmpty(), 5000);
        // Loopback answers within the millisecond: never "0 ms".
        const qint64 rtt = *client.realtime.roundTripMs();
        QCOMPARE(status.roundTripText(), rtt == 0 ? QStringLiteral("< 1 ms") : QStringLiteral("%1 ms").arg(rtt));

        // The socket cannot get through, REST can: polls succeed, so "Polling" is the truth.
        client.realtime.setEndpoint(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(refusedLoopbackPort())), token);
        QTRY_VERIFY_WITH_TIMEOUT(status.stateText().startsWith(QStringLiteral("Polling")), 5000);
        QCOMPARE(status.transport(), ConnectionStatus::Transport::Polling);
        QCOMPARE(status.roundTripText(), QString()); // no link, no round trip

        // The server dies: polls are refused from now on.
        QSignalSpy pollFailed(&client.polling, &PollingFallback::pollFailed);
        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!pollFailed.isEmpty(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(status.stateText(), offlineText, 2000);
        QCOMPARE(status.health(), ConnectionStatus::Health::Offline);
        QCOMPARE(status.transport(), ConnectionStatus::Transport::Offline);
        QVERIFY2(status.retryText().startsWith(QStringLiteral("Next try in")), qPrintable(status.retryText()));
        QCOMPARE(status.roundTripText(), QString());
        // With the age of the last good data.
        QVERIFY2(status.freshnessText().contains(QStringLiteral("just now"))
                     || status.freshnessText().contains(QStringLiteral("ago")),
                 qPrintable(status.freshnessText()));
        QVERIFY(client.polling.isPolling()); // it keeps trying underneath

        // Back on the same port: the next successful poll is "Polling" again.
        QVERIFY2(server.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(status.stateText().startsWith(QStringLiteral("Polling")), 10000);

        client.realtime.setEndpoint(server.webSocketUrl(), token);
        QTRY_COMPARE_WITH_TIMEOUT(status.stateText(), QStringLiteral("Live"), 10000);
    }
};

QTEST_GUILESS_MAIN(TestIntegrationStatus)
#include "tst_integration_status.moc"
