// Issue 13 item 2: snapshot trouble reaches the connection status, which says it while the link
// itself is live — the case where "Live" alone would be untrue.
#include "fakehearthserver.h"
#include "syncfixture.h"

#include "models/connectionstatus.h"
#include "sync/orderssync.h"
#include "sync/pollingfallback.h"

using namespace hearth;
using namespace hearth::test;

class TestSyncStatus final : public QObject
{
    Q_OBJECT

private slots:
    void aFailingSnapshotShowsWhileTheLinkIsLive()
    {
        SyncFixture fixture;
        fixture.http.handler = [](const FakeHttpServer::Request &) { return errorResponse(503); };
        FakeHearthServer link;
        QVERIFY(link.listen());
        fixture.realtime.setEndpoint(link.url(), QStringLiteral("token"));
        OrdersSync sync(&fixture.realtime, &fixture.rest);
        PollingFallback polling(&fixture.realtime, &fixture.rest);
        ConnectionStatus status(&fixture.realtime, &polling);
        QObject::connect(&sync, &OrdersSync::snapshotStateChanged, &status, [&] {
            status.setSyncProblem(sync.isSnapshotOwed() ? sync.snapshotProblem() : QString());
        });

        sync.start();
        fixture.realtime.start();
        QTRY_COMPARE(fixture.realtime.state(), ConnectionState::Live);
        QTRY_VERIFY(!sync.snapshotProblem().isEmpty()); // subscribed without history: snapshot, 503
        QVERIFY(status.stateText() != QStringLiteral("Live"));
        QVERIFY(status.stateText().startsWith(QStringLiteral("Live")));
        QCOMPARE(status.problemText(), sync.snapshotProblem());

        fixture.http.handler = [](const FakeHttpServer::Request &) {
            return snapshotResponse({makeOrder(1)}, QStringLiteral("e1"), 0);
        };
        QTRY_VERIFY_WITH_TIMEOUT(!sync.isSnapshotOwed(), 10000); // the retry lands
        QCOMPARE(status.stateText(), QStringLiteral("Live"));
        QVERIFY(status.problemText().isEmpty());
        fixture.realtime.stop();
    }
};

QTEST_MAIN(TestSyncStatus)
#include "tst_syncstatus.moc"
