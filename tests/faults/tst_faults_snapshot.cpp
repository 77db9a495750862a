// Issue 13: a snapshot forced WHILE orders keep streaming. The link is cut for longer than the
// server's event log keeps history, so the resume cannot be replayed: the client loads a
// snapshot over REST while the load goes on changing orders and the new link streams them. At
// the end every order must be exactly the server's — none missing, none extra, none behind.
#include "faultrig.h"

#include <QtTest>

using namespace hearth;
using namespace hearth::test;

class TestFaultsSnapshot final : public QObject
{
    Q_OBJECT

private slots:
    void aSnapshotLoadsWhileOrdersKeepStreaming()
    {
        FaultRig rig([](server::ServerOptions &options) { options.eventRetention = 20; });
        QVERIFY(rig.start());
        ClientStack client;
        QVERIFY(rig.connect(client));
        int changesDuringLoads = 0;
        QObject::connect(&client.sync, &OrdersSync::ordersUpdated, &client.model, [&] {
            if (client.sync.isLoadingSnapshot())
                ++changesDuringLoads;
        });
        QSignalSpy snapshots(&client.sync, &OrdersSync::snapshotLoaded);

        for (int round = 0; round < 3; ++round) {
            QVERIFY(rig.runLoadFor(client, 30));
            // Cut the link and keep it down while the load goes on, beyond the log's retention.
            QVERIFY(rig.proxy.setRefusing(true));
            rig.proxy.dropAll();
            const qint64 headAtCut = rig.head();
            QVERIFY(QTest::qWaitFor([&] { return rig.head() >= headAtCut + 60; }, 20000));
            rig.server.eventLog()->prune();
            QVERIFY(rig.proxy.setRefusing(false));
            // Back: the resume is refused, a snapshot loads; the load never stops meanwhile.
            QVERIFY(QTest::qWaitFor([&] { return snapshots.size() > round; }, 20000));
            QVERIFY(rig.runLoadFor(client, 30));
        }

        QString why;
        QVERIFY2(settlesOnTheServer(rig, client, &why), qPrintable(why));
        QCOMPARE(client.realtime.stats().openSockets, 1);
        QVERIFY(client.realtime.stats().snapshotsRequested >= 3);
        qInfo("3 snapshots under load: %d batches applied while a snapshot loaded, %d orders, %d changes made",
              changesDuringLoads, client.model.rowCount(), rig.load.changesMade());
    }
};

QTEST_MAIN(TestFaultsSnapshot)
#include "tst_faults_snapshot.moc"
