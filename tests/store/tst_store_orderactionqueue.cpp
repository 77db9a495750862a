// OrderActionQueue: every append is on disk when it returns, in order, keys kept across
// reopening; actions queued in memory before the file opened go behind the file's; a broken file
// is moved aside; a file that cannot be opened leaves a working queue in memory.
#include "store/orderactionqueue.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

QueuedOrderAction action(const QString &orderId, QueuedOrderAction::Kind kind, OrderStatus status, qint64 seen)
{
    QueuedOrderAction entry;
    entry.orderId = orderId;
    entry.orderNumber = 7;
    entry.kind = kind;
    entry.status = status;
    entry.seenVersion = seen;
    return entry;
}

} // namespace

class TestStoreOrderActionQueue final : public QObject
{
    Q_OBJECT

private slots:
    void appendsSurviveReopeningInOrderWithTheirKeys()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"actions.sqlite"_s);
        QList<QueuedOrderAction> stored(3);
        {
            OrderActionQueue queue(path);
            QVERIFY(queue.open());
            QVERIFY(queue.isDurable());
            QSignalSpy depth(&queue, &OrderActionQueue::depthChanged);
            QVERIFY(queue.append(action(u"a"_s, QueuedOrderAction::Kind::Acknowledge, OrderStatus::Acknowledged, 1), &stored[0]));
            QVERIFY(queue.append(action(u"b"_s, QueuedOrderAction::Kind::Move, OrderStatus::Cancelled, 4), &stored[1]));
            QVERIFY(queue.append(action(u"a"_s, QueuedOrderAction::Kind::Recall, OrderStatus::New, 2), &stored[2]));
            QCOMPARE(depth.size(), 3);
            QVERIFY(!stored[0].idempotencyKey.isEmpty());
            QVERIFY(stored[0].idempotencyKey != stored[1].idempotencyKey);
            QVERIFY(stored[0].sequence < stored[1].sequence && stored[1].sequence < stored[2].sequence);
            stored[1].attempts = 2;
            QVERIFY(queue.update(stored[1]));
        } // no close, no flush: what append() returned is on disk
        OrderActionQueue reopened(path);
        QVERIFY(reopened.open());
        QCOMPARE(reopened.entries(), stored);
        QCOMPARE(reopened.entriesFor(u"a"_s).size(), 2);
        QCOMPARE(reopened.head()->orderId, u"a"_s);
        QVERIFY(reopened.remove(stored[0].sequence));
        OrderActionQueue third(path);
        QVERIFY(third.open());
        QCOMPARE(third.depth(), 2);
        QCOMPARE(third.head()->attempts, 2);
        // New entries go behind those of the earlier run.
        QueuedOrderAction later;
        QVERIFY(third.append(action(u"c"_s, QueuedOrderAction::Kind::Reopen, OrderStatus::Ready, 9), &later));
        QVERIFY(later.sequence > stored[2].sequence);
    }

    void actionsQueuedInMemoryJoinTheFileBehindItsOwn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"actions.sqlite"_s);
        {
            OrderActionQueue earlier(path);
            QVERIFY(earlier.open());
            QVERIFY(earlier.append(action(u"old"_s, QueuedOrderAction::Kind::Acknowledge, OrderStatus::Acknowledged, 1)));
        }
        OrderActionQueue queue(path);
        QVERIFY(!queue.append(action(u"new"_s, QueuedOrderAction::Kind::Acknowledge, OrderStatus::Acknowledged, 1)));
        QCOMPARE(queue.depth(), 1); // in memory before open()
        QVERIFY(queue.open());
        QCOMPARE(queue.depth(), 2);
        QCOMPARE(queue.entries().at(0).orderId, u"old"_s);
        QCOMPARE(queue.entries().at(1).orderId, u"new"_s);
        OrderActionQueue again(path);
        QVERIFY(again.open());
        QCOMPARE(again.depth(), 2);

        // An action moved from another queue (memory → file) keeps its key and attempts: it may
        // have been applied already, and only the same key makes the retry harmless.
        QueuedOrderAction sent = action(u"sent"_s, QueuedOrderAction::Kind::Acknowledge, OrderStatus::Acknowledged, 1);
        sent.idempotencyKey = u"key-already-used"_s;
        sent.attempts = 1;
        QueuedOrderAction moved;
        QVERIFY(again.append(sent, &moved));
        QCOMPARE(moved.idempotencyKey, u"key-already-used"_s);
        QCOMPARE(moved.attempts, 1);
    }

    void aBrokenFileIsMovedAsideAndAnUnusableOneLeavesAMemoryQueue()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"actions.sqlite"_s);
        QFile junk(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        OrderActionQueue queue(path);
        QVERIFY(queue.open());
        QVERIFY(QFile::exists(path + u".broken"_s));
        QCOMPARE(queue.depth(), 0);

        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        OrderActionQueue nowhere(dir.filePath(u"file/actions.sqlite"_s)); // a folder that is a file
        QSignalSpy failed(&nowhere, &OrderActionQueue::writeFailed);
        QVERIFY(!nowhere.open());
        QCOMPARE(failed.size(), 1);
        QVERIFY(!nowhere.isDurable());
        QVERIFY(!nowhere.append(action(u"a"_s, QueuedOrderAction::Kind::Acknowledge, OrderStatus::Acknowledged, 1)));
        QCOMPARE(nowhere.depth(), 1); // still queued, in memory
    }
};

QTEST_GUILESS_MAIN(TestStoreOrderActionQueue)
#include "tst_store_orderactionqueue.moc"
