#include "store/orderswritebatch.h"
#include "storefixtures.h"

#include <QtTest>

using namespace hearth;
using namespace hearth::test;

namespace {

const SyncPosition first{QStringLiteral("e1"), 10};
const SyncPosition second{QStringLiteral("e1"), 20};

} // namespace

class TestWriteBatch final : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty()
    {
        OrdersWriteBatch batch;
        QVERIFY(batch.isEmpty());
        batch.append(OrdersWriteBatch());
        QVERIFY(batch.isEmpty());
    }

    void anUpsertWithoutOrdersStillCarriesItsPosition()
    {
        OrdersWriteBatch batch;
        batch.append(OrdersWriteBatch::upserting({}, first));
        QVERIFY(!batch.isEmpty());
        QCOMPARE(batch.position(), first);
    }

    void upsertsKeepTheHigherVersionAndTheLaterPosition()
    {
        OrdersWriteBatch batch = OrdersWriteBatch::upserting({makeOrder(1, 3), makeOrder(2, 1)}, first);
        batch.append(OrdersWriteBatch::upserting({makeOrder(1, 2), makeOrder(2, 4), makeOrder(3, 1)}, second));
        QVERIFY(!batch.replacesAll());
        QCOMPARE(batch.orders().size(), 3);
        QCOMPARE(batch.orders().value(QStringLiteral("ord-1")), makeOrder(1, 3));
        QCOMPARE(batch.orders().value(QStringLiteral("ord-2")), makeOrder(2, 4));
        QCOMPARE(batch.position(), second);
    }

    // A stream with no position of its own yet must not move the one queued before it.
    void anUpsertWithoutAPositionKeepsTheEarlierOne()
    {
        OrdersWriteBatch batch = OrdersWriteBatch::upserting({makeOrder(1, 1)}, first);
        batch.append(OrdersWriteBatch::upsertingAtSavedPosition({makeOrder(1, 2)}));
        QCOMPARE(batch.position(), first);
        QCOMPARE(batch.orders().value(QStringLiteral("ord-1")), makeOrder(1, 2));

        const OrdersWriteBatch alone = OrdersWriteBatch::upsertingAtSavedPosition({makeOrder(2, 1)});
        QVERIFY(!alone.position().has_value());
    }

    void duplicatesInOneCallKeepTheHigherVersion()
    {
        const OrdersWriteBatch batch =
            OrdersWriteBatch::upserting({makeOrder(1, 2), makeOrder(1, 5), makeOrder(1, 4)}, first);
        QCOMPARE(batch.orders().size(), 1);
        QCOMPARE(batch.orders().value(QStringLiteral("ord-1")).version, 5);
    }

    void aReplacementSupersedesEverythingBefore()
    {
        OrdersWriteBatch batch = OrdersWriteBatch::upserting({makeOrder(1, 9)}, first);
        batch.append(OrdersWriteBatch::replacing({makeOrder(2, 1)}, second));
        QVERIFY(batch.replacesAll());
        QCOMPARE(batch.orders().keys(), QList<QString>{QStringLiteral("ord-2")});
        QCOMPARE(batch.position(), second);
    }

    void upsertsAfterAReplacementFoldIntoIt()
    {
        OrdersWriteBatch batch = OrdersWriteBatch::replacing({makeOrder(1, 2), makeOrder(2, 2)}, first);
        batch.append(OrdersWriteBatch::upserting({makeOrder(1, 3), makeOrder(2, 1), makeOrder(3, 1)}, second));
        QVERIFY(batch.replacesAll());
        QCOMPARE(batch.orders().size(), 3);
        QCOMPARE(batch.orders().value(QStringLiteral("ord-1")).version, 3);
        QCOMPARE(batch.orders().value(QStringLiteral("ord-2")).version, 2);
        QCOMPARE(batch.position(), second);
    }

    void aFailedBatchGoesBeneathNewerOnes()
    {
        // The worker re-queues a failed batch by appending what arrived meanwhile to it.
        OrdersWriteBatch failed = OrdersWriteBatch::replacing({makeOrder(1, 1), makeOrder(2, 1)}, first);
        failed.append(OrdersWriteBatch::upserting({makeOrder(2, 2)}, second));
        QVERIFY(failed.replacesAll());
        QCOMPARE(failed.orders().value(QStringLiteral("ord-2")).version, 2);
        QCOMPARE(failed.position(), second);

        OrdersWriteBatch failedUpsert = OrdersWriteBatch::upserting({makeOrder(1, 1)}, first);
        failedUpsert.append(OrdersWriteBatch::replacing({makeOrder(2, 1)}, second));
        QCOMPARE(failedUpsert.orders().keys(), QList<QString>{QStringLiteral("ord-2")});
    }

    void foldingIsBoundedByDistinctOrders()
    {
        OrdersWriteBatch batch;
        for (int round = 1; round <= 100; ++round)
            batch.append(OrdersWriteBatch::upserting(makeOrders(1, 50, round), {QStringLiteral("e1"), round}));
        QCOMPARE(batch.orders().size(), 50);
        QCOMPARE(batch.orders().value(QStringLiteral("ord-7")).version, 100);
        QCOMPARE(batch.position()->seq, 100);
    }
};

QTEST_GUILESS_MAIN(TestWriteBatch)
#include "tst_store_writebatch.moc"
