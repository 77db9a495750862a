// InventorySync on its own, by the rules of docs/sync-pattern.md: every state of a snapshot load
// (loading, retry, 401, stop/start, a reload while loading, a lagging answer, another epoch,
// a receiver that asks again from inside the signal), with the REST answers in the test's hands.
#include "syncfixture.h"

#include "core/inventorycodec.h"
#include "core/menucodec.h"
#include "models/inventorymodel.h"
#include "models/menuavailabilitymodel.h"
#include "realtime/channelevent.h"
#include "sync/inventorysync.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>

using namespace hearth;
using namespace hearth::test;
using namespace Qt::StringLiterals;

namespace {

InventoryItem line(const QString &id, qint64 stock, qint64 version = 1)
{
    InventoryItem item;
    item.id = id;
    item.name = id;
    item.stock = stock;
    item.threshold = 2;
    item.version = version;
    return item;
}

MenuItem dish(const QString &id, bool available, qint64 version = 1)
{
    MenuItem item;
    item.id = id;
    item.name = id;
    item.available = available;
    item.version = version;
    return item;
}

FakeHttpServer::Response inventoryResponse(const QList<InventoryItem> &items, const QList<MenuItem> &menu,
                                           const QString &epoch, qint64 seq)
{
    QJsonArray itemsJson;
    for (const InventoryItem &item : items)
        itemsJson.append(InventoryCodec::toJson(item));
    QJsonArray menuJson;
    for (const MenuItem &item : menu)
        menuJson.append(MenuCodec::toJson(item));
    const QJsonObject body{{u"items"_s, itemsJson}, {u"menu"_s, menuJson}, {u"epoch"_s, epoch}, {u"seq"_s, seq}};
    return FakeHttpServer::Response::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ChannelEvent itemEvent(const InventoryItem &item, qint64 seq, const QString &type = u"inventory.updated"_s)
{
    return ChannelEvent{u"inventory"_s, seq, type, InventoryCodec::toJson(item), QDateTime::currentDateTimeUtc()};
}

ChannelEvent menuEvent(const MenuItem &item, qint64 seq)
{
    return ChannelEvent{u"inventory"_s, seq, u"menu.availability_changed"_s, MenuCodec::toJson(item),
                        QDateTime::currentDateTimeUtc()};
}

struct Stack : SyncFixture
{
    InventorySync sync{&realtime, &rest};
    InventoryModel items;
    MenuAvailabilityModel menu;
    QAbstractItemModelTester itemsTester{&items, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester menuTester{&menu, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QSignalSpy replaced{&sync, &InventorySync::inventoryReplaced};
    QSignalSpy loaded{&sync, &InventorySync::snapshotLoaded};

    Stack()
    {
        QObject::connect(&sync, &InventorySync::inventoryReplaced, &items,
                         [this](const QList<InventoryItem> &i, const QList<MenuItem> &m) {
                             items.replaceAll(i);
                             menu.replaceAll(m);
                         });
        QObject::connect(&sync, &InventorySync::inventoryUpdated, &items,
                         [this](const QList<InventoryItem> &i, const QList<MenuItem> &m) {
                             items.upsert(i);
                             menu.upsert(m);
                         });
        sync.start();
    }

    void requireInventorySnapshot(qint64 serverSeq, const QString &epoch = u"e1"_s)
    {
        emit realtime.snapshotRequired(InventorySync::channelName(), SyncPosition{epoch, serverSeq});
    }

    void stream(const QList<ChannelEvent> &events) { emit realtime.channelEvents(InventorySync::channelName(), events); }

    bool waitForRequests(qsizetype count) { return QTest::qWaitFor([&] { return http.requests.size() >= count; }, 10000); }
};

} // namespace

class TestInventorySync final : public QObject
{
    Q_OBJECT

private slots:
    void aSnapshotReplacesStockAndMenuAndSetsThePosition()
    {
        Stack stack;
        stack.requireInventorySnapshot(10);
        QVERIFY(stack.sync.isLoadingSnapshot());
        QVERIFY(stack.waitForRequests(1));
        QCOMPARE(stack.http.requests.constFirst().path, QByteArrayLiteral("/api/inventory"));
        QVERIFY(!stack.http.requests.constFirst().query.contains("since"));
        QVERIFY(stack.http.answer(0, inventoryResponse({line(u"a"_s, 5), line(u"b"_s, 1)}, {dish(u"pizza"_s, true)},
                                                       u"e1"_s, 10)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QCOMPARE(stack.items.rowCount(), 2);
        QCOMPARE(stack.menu.rowCount(), 1);
        QVERIFY(!stack.sync.isSnapshotOwed());
        QCOMPARE(stack.realtime.syncPosition(InventorySync::channelName()), (SyncPosition{u"e1"_s, 10}));
    }

    void streamedChangesApplyAtOnceAndSurviveAnOlderSnapshot()
    {
        Stack stack;
        stack.requireInventorySnapshot(10);
        QVERIFY(stack.waitForRequests(1));
        stack.stream({itemEvent(line(u"a"_s, 3, 4), 11), itemEvent(line(u"a"_s, 3, 4), 12, u"inventory.low_stock"_s),
                      menuEvent(dish(u"pizza"_s, false, 3), 13)});
        QCOMPARE(stack.items.rowById(u"a"_s)->version, 4); // at once, not after the snapshot
        QVERIFY(!stack.menu.rowById(u"pizza"_s)->available);
        QVERIFY(stack.http.answer(0, inventoryResponse({line(u"a"_s, 5, 2), line(u"b"_s, 1)}, {dish(u"pizza"_s, true, 2)},
                                                       u"e1"_s, 10)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QCOMPARE(stack.items.rowById(u"a"_s)->stock, 3);
        QVERIFY(!stack.menu.rowById(u"pizza"_s)->available);
        const auto replacedItems = stack.replaced.constFirst().at(0).value<QList<InventoryItem>>();
        QCOMPARE(replacedItems.size(), 2);
        QCOMPARE(replacedItems.constFirst().version, 4);
    }

    void aMalformedEventIsDroppedAlone()
    {
        Stack stack;
        stack.stream({ChannelEvent{u"inventory"_s, 1, u"inventory.updated"_s, QJsonObject{{u"id"_s, u"x"_s}}, {}},
                      itemEvent(line(u"a"_s, 3), 2)});
        QCOMPARE(stack.items.rowCount(), 1);
        // Other channels are not this class's business.
        emit stack.realtime.channelEvents(u"orders"_s, {itemEvent(line(u"z"_s, 3), 1)});
        QCOMPARE(stack.items.rowCount(), 1);
    }

    void aFailingSnapshotIsReportedAndRetried()
    {
        Stack stack;
        QSignalSpy failed(&stack.sync, &InventorySync::snapshotFailed);
        stack.requireInventorySnapshot(10);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, errorResponse(500)));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(!stack.sync.snapshotProblem().isEmpty());
        QVERIFY(stack.sync.isLoadingSnapshot());
        QVERIFY(stack.waitForRequests(2)); // the retry, after its backoff
        QVERIFY(stack.http.answer(1, inventoryResponse({line(u"a"_s, 5)}, {}, u"e1"_s, 10)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QVERIFY(stack.sync.snapshotProblem().isEmpty());
    }

    void a401KeepsTheSnapshotOwedUntilOneLands()
    {
        Stack stack;
        stack.requireInventorySnapshot(10);
        QVERIFY(stack.waitForRequests(1));
        stack.stream({itemEvent(line(u"k"_s, 9, 2), 11)});
        QVERIFY(stack.http.answer(0, errorResponse(401)));
        QTRY_VERIFY(!stack.sync.isLoadingSnapshot());
        QVERIFY(stack.sync.isSnapshotOwed());
        QCOMPARE(stack.http.requests.size(), 1); // no retry with a dead session
        stack.sync.start(); // signed in again
        QVERIFY(stack.waitForRequests(2));
        QVERIFY(stack.http.answer(1, inventoryResponse({line(u"a"_s, 5)}, {}, u"e1"_s, 10)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QVERIFY(stack.items.rowById(u"k"_s)); // what streamed in meanwhile was kept
        QVERIFY(!stack.sync.isSnapshotOwed());
    }

    void aLaggingSnapshotIsLoadedAgain()
    {
        Stack stack;
        stack.requireInventorySnapshot(20);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, inventoryResponse({line(u"a"_s, 5)}, {}, u"e1"_s, 15))); // a replica behind
        QVERIFY(stack.waitForRequests(2));
        QCOMPARE(stack.loaded.size(), 0);
        QVERIFY(stack.sync.isSnapshotOwed());
        QVERIFY(stack.http.answer(1, inventoryResponse({line(u"a"_s, 4, 2)}, {}, u"e1"_s, 20)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QCOMPARE(stack.items.rowById(u"a"_s)->stock, 4);
    }

    void aNewBreakWhileLoadingSupersedesTheLoad()
    {
        Stack stack;
        stack.requireInventorySnapshot(10);
        QVERIFY(stack.waitForRequests(1));
        stack.requireInventorySnapshot(30);
        QVERIFY(stack.waitForRequests(2));
        QVERIFY(stack.http.answer(0, inventoryResponse({line(u"old"_s, 1)}, {}, u"e1"_s, 10)));
        QVERIFY(stack.http.answer(1, inventoryResponse({line(u"new"_s, 1)}, {}, u"e1"_s, 30)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QVERIFY(stack.items.rowById(u"new"_s));
        QVERIFY(!stack.items.rowById(u"old"_s)); // the older answer was ignored
    }

    void anotherEpochDropsWhatWasKept()
    {
        Stack stack;
        stack.requireInventorySnapshot(10, u"e1"_s);
        QVERIFY(stack.waitForRequests(1));
        stack.stream({itemEvent(line(u"ghost"_s, 1, 9), 11)});
        // The server was replaced by one with a fresh database meanwhile.
        QVERIFY(stack.http.answer(0, inventoryResponse({line(u"a"_s, 5)}, {}, u"e2"_s, 3)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        const auto replacedItems = stack.replaced.constFirst().at(0).value<QList<InventoryItem>>();
        QCOMPARE(replacedItems.size(), 1);
        QVERIFY(!stack.items.rowById(u"ghost"_s));
    }

    void stopThenStartBeginsClean()
    {
        Stack stack;
        stack.requireInventorySnapshot(10);
        QVERIFY(stack.waitForRequests(1));
        stack.sync.stop();
        QVERIFY(!stack.sync.isLoadingSnapshot());
        QVERIFY(!stack.sync.isSnapshotOwed());
        stack.stream({itemEvent(line(u"late"_s, 1), 11)}); // a late batch of the old session
        QCOMPARE(stack.items.rowCount(), 0);

        stack.sync.start();
        stack.requireInventorySnapshot(3);
        QVERIFY(stack.waitForRequests(2)); // a new request, not a flag waiting for the old one
        QVERIFY(stack.http.answer(0, inventoryResponse({line(u"old"_s, 1)}, {}, u"e1"_s, 10)));
        QVERIFY(stack.http.answer(1, inventoryResponse({line(u"new"_s, 1)}, {}, u"e1"_s, 3)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QCOMPARE(stack.replaced.size(), 1);
        QCOMPARE(stack.items.rowCount(), 1);
        QVERIFY(stack.items.rowById(u"new"_s));
    }

    void aReceiverMayAskAgainFromInsideTheSignal()
    {
        Stack stack;
        bool askedAgain = false;
        QObject::connect(&stack.sync, &InventorySync::snapshotLoaded, &stack.sync, [&] {
            if (askedAgain)
                return;
            askedAgain = true;
            QVERIFY(!stack.sync.isLoadingSnapshot()); // settled before the signal left
            stack.sync.requestSnapshot();
        });
        stack.requireInventorySnapshot(10);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, inventoryResponse({line(u"a"_s, 5)}, {}, u"e1"_s, 10)));
        QVERIFY(stack.waitForRequests(2));
        QVERIFY(stack.sync.isLoadingSnapshot());
        QVERIFY(stack.http.answer(1, inventoryResponse({line(u"a"_s, 6, 2)}, {}, u"e1"_s, 11)));
        QTRY_COMPARE(stack.loaded.size(), 2);
        QCOMPARE(stack.items.rowById(u"a"_s)->stock, 6);
    }
};

QTEST_GUILESS_MAIN(TestInventorySync)
#include "tst_inventorysync.moc"
