// Issue 13: the proxy itself misbehaves with the server's event frames while orders stream — it
// sends some twice (a relay that retransmits) or swaps adjacent ones (a relay that reorders).
// Every event must still be applied exactly once, in seq order: a duplicate is dropped by its
// seq, and a seq that arrives early is a gap, recovered by a replay from the last one applied.
#include "faultrig.h"

using namespace hearth;
using namespace hearth::test;

class TestFaultsFrames final : public QObject
{
    Q_OBJECT

private slots:
    void duplicatedEventFramesAreAppliedOnce()
    {
        FaultRig rig;
        QVERIFY(rig.start());
        ClientStack client;
        QVERIFY(rig.connect(client));
        const qint64 from = rig.head() + 1;
        const qint64 snapshotsBefore = client.realtime.stats().snapshotsRequested;
        rig.proxy.duplicateEvents(3);
        QVERIFY(rig.runLoadFor(client, 150));

        QString why;
        QVERIFY2(settlesExactlyOnce(rig, client, &why, from), qPrintable(why));
        QVERIFY2(modelMatchesServer(client.model, rig.server, &why), qPrintable(why));
        const RealtimeStats stats = client.realtime.stats();
        QVERIFY(rig.proxy.eventsDuplicated() >= 50);
        QCOMPARE(stats.duplicatesDropped, qint64(rig.proxy.eventsDuplicated()));
        QCOMPARE(stats.snapshotsRequested, snapshotsBefore); // nothing was missing
        QCOMPARE(stats.openSockets, 1);
        report("duplicated frames", client);
    }

    void reorderedEventFramesAreAppliedOnceInOrder()
    {
        FaultRig rig;
        QVERIFY(rig.start());
        ClientStack client;
        QVERIFY(rig.connect(client));
        const qint64 from = rig.head() + 1;
        const qint64 snapshotsBefore = client.realtime.stats().snapshotsRequested;
        rig.proxy.reorderEvents(7);
        QVERIFY(rig.runLoadFor(client, 150));

        QString why;
        QVERIFY2(settlesExactlyOnce(rig, client, &why, from), qPrintable(why));
        QVERIFY2(modelMatchesServer(client.model, rig.server, &why), qPrintable(why));
        const RealtimeStats stats = client.realtime.stats();
        QVERIFY(rig.proxy.eventsReordered() >= 10);
        // Each swap shows as a gap, recovered by a replay on the same socket, not by a snapshot.
        QVERIFY(stats.gapsDetected >= 10);
        QCOMPARE(stats.snapshotsRequested, snapshotsBefore);
        QCOMPARE(stats.openSockets, 1);
        report("reordered frames", client);
        qInfo("%d frames swapped, %lld gaps detected", rig.proxy.eventsReordered(), stats.gapsDetected);
    }

    void duplicatedAndReorderedTogether()
    {
        FaultRig rig;
        QVERIFY(rig.start());
        ClientStack client;
        QVERIFY(rig.connect(client));
        const qint64 from = rig.head() + 1;
        rig.proxy.duplicateEvents(4);
        rig.proxy.reorderEvents(9);
        QVERIFY(rig.runLoadFor(client, 200));

        QString why;
        QVERIFY2(settlesExactlyOnce(rig, client, &why, from), qPrintable(why));
        QVERIFY2(modelMatchesServer(client.model, rig.server, &why), qPrintable(why));
        QVERIFY(rig.proxy.eventsDuplicated() > 0);
        QVERIFY(rig.proxy.eventsReordered() > 0);
        report("duplicated and reordered frames", client);
    }
};

QTEST_MAIN(TestFaultsFrames)
#include "tst_faults_frames.moc"
