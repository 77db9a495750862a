// The realtime link through a proxy that fails it the ways restaurants' networks and servers do,
// while the server keeps changing orders. After each fault the model must equal the server's
// orders and every event of the channel must have arrived exactly once.
#include "faultrig.h"

#include <QElapsedTimer>

using namespace hearth;
using namespace hearth::test;

namespace {

void createOrders(server::HearthServer &server, int count)
{
    for (int i = 0; i < count; ++i)
        server.orders()->createRandomOrder(QString(server::DemoAccounts::restaurantId));
}

} // namespace

class TestFaultsLink final : public QObject
{
    Q_OBJECT

private slots:
    void serverKilledAndRestarted()
    {
        FaultRig rig;
        QVERIFY(rig.start());
        ClientStack client;
        QVERIFY(rig.connect(client));
        QVERIFY(rig.runLoadFor(client, 100));

        // A crash: every connection reset, the port closed, then the same server comes back.
        const int acceptedBefore = rig.proxy.connectionsAccepted();
        rig.server.abortAllConnections();
        rig.proxy.dropAll();
        rig.server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(rig.proxy.connectionsAccepted() >= acceptedBefore + 2, 10000);
        QVERIFY(client.realtime.state() != ConnectionState::Live);
        QVERIFY(!client.realtime.lastError().isEmpty());
        QVERIFY(rig.server.start());
        createOrders(rig.server, 20); // before the client can be back
        QVERIFY(rig.runLoadFor(client, 100));

        // Then the path to it refuses connections for a while; the kitchen keeps going.
        rig.proxy.dropAll();
        QVERIFY(rig.proxy.setRefusing(true));
        const int socketsBefore = client.realtime.stats().socketsOpened;
        QTRY_VERIFY_WITH_TIMEOUT(client.realtime.stats().socketsOpened >= socketsBefore + 2, 10000);
        createOrders(rig.server, 20);
        QVERIFY(rig.proxy.setRefusing(false));
        QVERIFY(rig.runLoadFor(client, 100));

        QString why;
        QVERIFY2(settlesExactlyOnce(rig, client, &why), qPrintable(why));
        const RealtimeStats stats = client.realtime.stats();
        QVERIFY(stats.reconnects >= 4);
        QCOMPARE(stats.snapshotsRequested, 1); // replay covered both outages
        QCOMPARE(rig.server.stats().connections, 1);
        report("killed and restarted", client);
    }

    void connectionDroppedMidFrame()
    {
        FaultRig rig;
        QVERIFY(rig.start());
        ClientStack client;
        QVERIFY(rig.connect(client));
        QVERIFY(rig.runLoadFor(client, 100));

        QSignalSpy cut(&rig.proxy, &faults::FaultyProxy::frameCut);
        rig.proxy.cutNextFrame();
        QVERIFY(cut.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.stats().socketsOpened, 2, 5000);
        QVERIFY(rig.runLoadFor(client, 100));

        QString why;
        QVERIFY2(settlesExactlyOnce(rig, client, &why), qPrintable(why));
        const RealtimeStats stats = client.realtime.stats();
        QCOMPARE(stats.reconnects, 1);
        QCOMPARE(stats.malformedFrames, 0); // half a frame is never handed over as a frame
        QCOMPARE(stats.snapshotsRequested, 1);
        report("dropped mid-frame", client);
    }

    void linkStalledWithoutFin()
    {
        FaultRig rig;
        QVERIFY(rig.start());
        ClientStack client;
        client.realtime.setHeartbeatOverride(200ms); // stale after 400 ms of silence
        QVERIFY(rig.connect(client));
        QVERIFY(rig.runLoadFor(client, 100));

        // The state may pass through "waiting" and back to "live" between two looks of a
        // QTRY loop: the first change is caught as it happens.
        QElapsedTimer silence;
        qint64 noticedAfter = -1;
        // The connection dies with `watcher`, before the locals it captures: ~ClientStack stops
        // the link, which still announces Offline.
        QObject watcher;
        connect(&client.realtime, &RealtimeService::stateChanged, &watcher, [&](ConnectionState state) {
            if (noticedAfter < 0 && state != ConnectionState::Live)
                noticedAfter = silence.elapsed();
        });
        silence.start();
        rig.proxy.stallAll();
        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.stats().staleLinks, 1, 5000);
        QVERIFY2(noticedAfter >= 350, qPrintable(QString::number(noticedAfter)));
        const QList<RecentError> errors = client.realtime.stats().recentErrors;
        QVERIFY(errors.constLast().message.contains(QStringLiteral("stopped answering")));
        // Nothing was closed: the server still holds the stalled connection, and only the
        // client's own liveness check could tell.
        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.state(), ConnectionState::Live, 5000);
        QCOMPARE(rig.server.stats().connections, 2);
        QVERIFY(rig.runLoadFor(client, 100));

        rig.proxy.releaseFrozen();
        QString why;
        QVERIFY2(settlesExactlyOnce(rig, client, &why), qPrintable(why));
        QTRY_COMPARE(rig.server.stats().connections, 1);
        QCOMPARE(client.realtime.stats().reconnects, 1);
        QCOMPARE(client.realtime.stats().snapshotsRequested, 1);
        qInfo("stall noticed after %lld ms", noticedAfter);
        report("stalled without FIN", client);
    }

    void halfOpenSocket()
    {
        FaultRig rig;
        QVERIFY(rig.start());
        ClientStack client;
        client.realtime.setHeartbeatOverride(200ms);
        QVERIFY(rig.connect(client));
        QVERIFY(rig.runLoadFor(client, 100));

        // The server's side is gone, the client's socket still looks open and says nothing.
        rig.proxy.halfOpenAll();
        QTRY_COMPARE_WITH_TIMEOUT(rig.server.stats().connections, 0, 5000);
        QCOMPARE(client.realtime.state(), ConnectionState::Live); // nothing told the client
        QCOMPARE(rig.proxy.openClientSockets(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.stats().staleLinks, 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.server.stats().connections, 1, 5000);
        QVERIFY(rig.runLoadFor(client, 100));

        rig.proxy.releaseFrozen();
        QString why;
        QVERIFY2(settlesExactlyOnce(rig, client, &why), qPrintable(why));
        QCOMPARE(client.realtime.stats().reconnects, 1);
        report("half-open socket", client);
    }

    void serverReconnectAdviceIsHonoured()
    {
        FaultRig rig([](server::ServerOptions &options) { options.reconnectAfterMs = 1000; });
        QVERIFY(rig.start());
        ClientStack client;
        client.realtime.setRandomSource([] { return 0.6; }); // the "random" wait: 600 ms
        QVERIFY(rig.connect(client));
        QVERIFY(rig.runLoadFor(client, 100));

        // The wait the client schedules, read as it starts waiting: never more than after_ms.
        // (How long it really waits also depends on this thread, which runs the server and the
        // load too: only the lower bound is measured below.)
        qint64 scheduledMs = -1;
        QString errorWhileWaiting;
        int attemptWhileWaiting = -1;
        QObject watcher; // dies before the locals it fills in
        connect(&client.realtime, &RealtimeService::stateChanged, &watcher, [&](ConnectionState state) {
            if (state != ConnectionState::WaitingToRetry || scheduledMs >= 0)
                return;
            scheduledMs = QDateTime::currentDateTimeUtc().msecsTo(client.realtime.nextRetryAt());
            errorWhileWaiting = client.realtime.lastError();
            attemptWhileWaiting = client.realtime.retryAttempt();
        });
        const int acceptedBefore = rig.proxy.connectionsAccepted();
        const qint64 stoppedAt = rig.proxy.msSinceListen();
        rig.server.stop(); // advice {"op":"reconnect","after_ms":1000}, then a close
        QVERIFY(rig.server.start());
        QTRY_VERIFY_WITH_TIMEOUT(scheduledMs >= 0, 5000);
        QVERIFY2(scheduledMs <= 1000, qPrintable(QString::number(scheduledMs)));
        QVERIFY(errorWhileWaiting.contains(QStringLiteral("restarting")));
        QCOMPARE(attemptWhileWaiting, 0); // advice is not a failure
        QTRY_COMPARE_WITH_TIMEOUT(rig.proxy.connectionsAccepted(), acceptedBefore + 1, 5000);
        const qint64 waited = rig.proxy.acceptTimesMs.constLast() - stoppedAt;
        // Not before the drawn share of after_ms.
        QVERIFY2(waited >= 600, qPrintable(QString::number(waited)));
        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.state(), ConnectionState::Live, 5000);
        QVERIFY(rig.runLoadFor(client, 100));

        QString why;
        QVERIFY2(settlesExactlyOnce(rig, client, &why), qPrintable(why));
        QCOMPARE(client.realtime.stats().reconnects, 1);
        qInfo("reconnected %lld ms after the server's advice (after_ms 1000, draw 0.6)", waited);
        report("reconnect advice", client);
    }
};

QTEST_GUILESS_MAIN(TestFaultsLink)
#include "tst_faults_link.moc"
