// Issue 13: REST through the fault proxy. The server answers a snapshot or a poll, and the answer
// is cut short on its way (both connections reset after part of it): the client must see a
// failure, ask again, and end with exactly the server's orders — while orders keep changing.
#include "faultrig.h"

using namespace hearth;
using namespace hearth::test;

class TestFaultsRest final : public QObject
{
    Q_OBJECT

private slots:
    void aSnapshotWhoseAnswerIsCutIsLoadedAgain()
    {
        FaultRig rig([](server::ServerOptions &options) { options.eventRetention = 20; });
        QVERIFY(rig.start());
        ClientStack client;
        QVERIFY(rig.connect(client)); // its first snapshot came through the REST proxy
        QVERIFY(rig.runLoadFor(client, 30));
        QSignalSpy failed(&client.sync, &OrdersSync::errorOccurred);
        QSignalSpy loaded(&client.sync, &OrdersSync::snapshotLoaded);
        rig.restProxy.cutHttpAnswers("GET /api/orders ", 2); // snapshots only, not deltas

        // The link is down for longer than the log keeps history: the resume needs a snapshot.
        QVERIFY(rig.proxy.setRefusing(true));
        rig.proxy.dropAll();
        const qint64 headAtCut = rig.head();
        QVERIFY(QTest::qWaitFor([&] { return rig.head() >= headAtCut + 60; }, 20000));
        rig.server.eventLog()->prune();
        QVERIFY(rig.proxy.setRefusing(false));

        QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 30000));
        QCOMPARE(rig.restProxy.httpAnswersCut(), 2);
        // Both cut answers belonged to snapshot requests, and a snapshot loaded after them: the
        // load was retried. Whether each cut shows as an error depends on timing — a request that
        // a newer break superseded has its reply ignored by design (OrdersSync::onSnapshotRequired),
        // cut or not — so the count is reported below, not asserted (it made this test flaky).
        QVERIFY(rig.runLoadFor(client, 30));
        QString why;
        QVERIFY2(settlesOnTheServer(rig, client, &why), qPrintable(why));
        QVERIFY2(modelMatchesServer(client.model, rig.server, &why), qPrintable(why));
        qInfo("snapshot answers cut: %d, snapshot failures seen: %lld, orders: %d",
              rig.restProxy.httpAnswersCut(), qint64(failed.size()), client.model.rowCount());
    }

    void pollsWhoseAnswersAreCutCatchUp()
    {
        FaultRig rig;
        QVERIFY(rig.start());
        ClientStack client;
        QVERIFY(rig.connect(client));
        PollingPolicy policy;
        policy.startAfter = std::chrono::milliseconds(100);
        policy.interval = std::chrono::milliseconds(200);
        policy.maxInterval = std::chrono::milliseconds(800);
        client.polling.setPolicy(policy);
        client.polling.setEnabled(true);
        QVERIFY(rig.runLoadFor(client, 30));
        QSignalSpy pollFailed(&client.polling, &PollingFallback::pollFailed);
        rig.restProxy.cutHttpAnswers("GET /api/orders?since=", 3);

        // The socket goes and stays away: only polls bring the changes now.
        QVERIFY(rig.proxy.setRefusing(true));
        rig.proxy.dropAll();
        rig.load.start();
        QVERIFY(QTest::qWaitFor(
            [&] { return rig.restProxy.httpAnswersCut() == 3 && client.polling.pollsMade() >= 8; }, 30000));
        rig.load.stop();
        QString why;
        const bool caughtUp = QTest::qWaitFor(
            [&] {
                QString ignored;
                return modelMatchesServer(client.model, rig.server, &ignored);
            },
            20000);
        if (!caughtUp)
            modelMatchesServer(client.model, rig.server, &why);
        QVERIFY2(caughtUp, qPrintable(why));
        QVERIFY(client.realtime.state() != ConnectionState::Live); // polls did it, not the socket
        QVERIFY(!pollFailed.isEmpty());
        qInfo("poll answers cut: %d, polls made: %d, poll failures seen: %lld",
              rig.restProxy.httpAnswersCut(), client.polling.pollsMade(), qint64(pollFailed.size()));
    }
};

QTEST_MAIN(TestFaultsRest)
#include "tst_faults_rest.moc"
