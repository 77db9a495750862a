// OrdersPersistence on its own: what it restores, and that it never saves a position the orders
// do not really reach (issue 13 item 3: a gap must survive neither a 401 nor a restart).
#include "syncfixture.h"

#include "sync/orderspersistence.h"
#include "sync/orderssync.h"

#include <QTemporaryDir>

using namespace hearth;
using namespace hearth::test;

namespace {

struct Stack : SyncFixture
{
    OrdersSync sync{&realtime, &rest};
    OrdersPersistence persistence{&sync, &realtime};
    QSignalSpy loaded{&sync, &OrdersSync::snapshotLoaded};

    bool waitForRequests(qsizetype count) { return QTest::qWaitFor([&] { return http.requests.size() >= count; }, 10000); }
};

} // namespace

class TestOrdersPersistence final : public QObject
{
    Q_OBJECT

private slots:
    void aSnapshotAndLaterChangesAreRestoredWithTheirPosition()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("orders.sqlite"));
        {
            Stack stack;
            QVERIFY(stack.persistence.open(path).isEmpty());
            stack.sync.start();
            stack.requireSnapshot(10);
            QVERIFY(stack.waitForRequests(1));
            QVERIFY(stack.http.answer(0, snapshotResponse({makeOrder(1), makeOrder(2)}, QStringLiteral("e1"), 10)));
            QTRY_COMPARE(stack.loaded.size(), 1);
            stack.realtime.setSyncPosition(QStringLiteral("orders"), SyncPosition{QStringLiteral("e1"), 12});
            emit stack.realtime.ordersChanged({makeOrder(3)});
            stack.persistence.flush();
        }
        Stack restarted;
        const CachedOrders cached = restarted.persistence.open(path);
        QCOMPARE(cached.orders.size(), 3);
        QCOMPARE(cached.position, (SyncPosition{QStringLiteral("e1"), 12}));
        QCOMPARE(restarted.realtime.syncPosition(QStringLiteral("orders")), cached.position);
    }

    // The integration flake (issue 13, tst_integration_cache `cached.position.seq >= 5`): the
    // snapshot's reply arrives after the orders that streamed in during its load. They are merged
    // into it, so the cached orders reach the stream's position, not just the older watermark,
    // and no upsert follows to save that position.
    void aSnapshotLandingAfterStreamedChangesSavesWhereTheStreamStands()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("orders.sqlite"));
        {
            Stack stack;
            QVERIFY(stack.persistence.open(path).isEmpty());
            stack.sync.start();
            stack.requireSnapshot(0);
            QVERIFY(stack.waitForRequests(1));
            // The snapshot was taken at seq 0; five orders stream in before its reply.
            stack.realtime.setSyncPosition(QStringLiteral("orders"), SyncPosition{QStringLiteral("e1"), 5});
            emit stack.realtime.ordersChanged({makeOrder(1), makeOrder(2), makeOrder(3)});
            emit stack.realtime.ordersChanged({makeOrder(4), makeOrder(5)});
            QVERIFY(stack.http.answer(0, snapshotResponse({}, QStringLiteral("e1"), 0)));
            QTRY_COMPARE(stack.loaded.size(), 1);
            stack.persistence.flush();
        }
        Stack restarted;
        const CachedOrders cached = restarted.persistence.open(path);
        QCOMPARE(cached.orders.size(), 5);
        QCOMPARE(cached.position, (SyncPosition{QStringLiteral("e1"), 5}));
    }

    void whileASnapshotIsOwedNoPositionIsSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("orders.sqlite"));
        {
            Stack stack;
            stack.persistence.open(path);
            stack.sync.start();
            stack.requireSnapshot(10);
            QVERIFY(stack.waitForRequests(1));
            QVERIFY(stack.http.answer(0, snapshotResponse({makeOrder(1)}, QStringLiteral("e1"), 10)));
            QTRY_COMPARE(stack.loaded.size(), 1);

            // The link broke beyond replay; the stream goes on after seq 50 while the snapshot
            // that would cover 11..50 ends in a 401.
            stack.realtime.setSyncPosition(QStringLiteral("orders"), SyncPosition{QStringLiteral("e1"), 50});
            stack.requireSnapshot(50);
            QVERIFY(stack.waitForRequests(2));
            emit stack.realtime.ordersChanged({makeOrder(2)}); // streamed after the gap
            QVERIFY(stack.http.answer(1, errorResponse(401)));
            QTRY_VERIFY(!stack.sync.isLoadingSnapshot());
            emit stack.realtime.ordersChanged({makeOrder(3)}); // still streaming, signed out
            stack.persistence.flush();
        }
        Stack restarted;
        const CachedOrders cached = restarted.persistence.open(path);
        QCOMPARE(cached.orders.size(), 3); // the orders are real and shown...
        QVERIFY(!cached.position.isValid()); // ...but the next start loads a snapshot
        QVERIFY(!restarted.realtime.syncPosition(QStringLiteral("orders")).isValid());
    }
};

QTEST_MAIN(TestOrdersPersistence)
#include "tst_orderspersistence.moc"
