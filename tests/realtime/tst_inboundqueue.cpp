#include "realtime/inboundqueue.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <utility>

using namespace hearth;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

void busyFor(int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds) {
    }
}

} // namespace

class TestInboundQueue final : public QObject
{
    Q_OBJECT

private slots:
    void aBurstIsHandedOverInSlicesInOrder()
    {
        QStringList handed;
        InboundQueue queue([&handed](quint64, const QString &frame) {
            busyFor(3); // a slow frame: three of them exceed the slice
            handed.append(frame);
        });
        queue.setSliceBudget(8ms);
        for (int i = 0; i < 12; ++i)
            queue.push(1, QString::number(i));
        QVERIFY(handed.isEmpty()); // nothing is handled inside push()
        QTRY_COMPARE(handed.size(), 12);
        QVERIFY2(queue.slicesRun() >= 4, qPrintable(QString::number(queue.slicesRun())));
        for (int i = 0; i < 12; ++i)
            QCOMPARE(handed.at(i), QString::number(i));
    }

    void aCostlyFinisherShortensTheNextSlices()
    {
        // On the queue's clock each frame costs 1 ms, and the finisher 3 ms for each frame of its
        // slice (a models' update that grows with the batch). Without the finisher in the budget
        // every slice would take 8 frames and last 32 ms.
        qint64 nowNs = 0;
        int handedInSlice = 0;
        QList<int> framesPerSlice;
        InboundQueue queue([&](quint64, const QString &) {
            nowNs += 1'000'000;
            ++handedInSlice;
        });
        queue.setClock([&nowNs] { return nowNs; });
        queue.setSliceBudget(8ms);
        queue.setSliceFinisher([&] {
            nowNs += 3'000'000 * qint64(handedInSlice);
            framesPerSlice.append(std::exchange(handedInSlice, 0));
        });
        for (int i = 0; i < 20; ++i)
            queue.push(1, QString::number(i));
        QTRY_COMPARE(queue.size(), 0);
        // The first slice takes frames for the whole budget; each later one for a frame's share
        // of frame + finisher (a quarter: 2 ms), so slice and finisher stay at the budget.
        QCOMPARE(framesPerSlice, (QList<int>{8, 2, 2, 2, 2, 2, 2}));
        QCOMPARE(queue.slicesRun(), 7);
    }

    void saysWhenASliceHandedOverTheLastFrame()
    {
        int handed = 0;
        InboundQueue queue([&handed](quint64, const QString &) { ++handed; });
        queue.setSliceBudget(0ms); // one frame per slice
        QSignalSpy drained(&queue, &InboundQueue::drained);
        for (int i = 0; i < 5; ++i)
            queue.push(1, QString::number(i));
        QTRY_COMPARE(drained.size(), 1);
        QCOMPARE(handed, 5);
        QVERIFY2(queue.slicesRun() >= 5, qPrintable(QString::number(queue.slicesRun())));
        // drain() and clear() are their caller's business: no signal.
        queue.push(1, QStringLiteral("a"));
        queue.drain();
        queue.push(1, QStringLiteral("b"));
        queue.clear();
        QTest::qWait(20);
        QCOMPARE(drained.size(), 1);
    }

    void drainHandsOverEverythingAtOnceWithItsGeneration()
    {
        QList<quint64> generations;
        InboundQueue queue([&generations](quint64 generation, const QString &) { generations.append(generation); });
        queue.push(1, QStringLiteral("a"));
        queue.push(2, QStringLiteral("b"));
        queue.drain();
        QCOMPARE(generations, (QList<quint64>{1, 2}));
        QCOMPARE(queue.size(), 0);
        queue.push(3, QStringLiteral("c"));
        queue.clear();
        QTest::qWait(20); // a cleared queue hands over nothing later either
        QCOMPARE(generations.size(), 2);
    }

    void aFullQueueRefusesFramesAndSaysSoOncePerGeneration()
    {
        QStringList handed;
        InboundQueue queue([&handed](quint64, const QString &frame) { handed.append(frame); });
        queue.setLimits({3, 1 << 20});
        QSignalSpy overflowed(&queue, &InboundQueue::overflowed);
        for (int i = 0; i < 5; ++i)
            queue.push(7, QString::number(i));
        QCOMPARE(queue.size(), 3);
        QCOMPARE(queue.refusedFrames(), 2);
        QCOMPARE(overflowed.size(), 1);
        QCOMPARE(overflowed.at(0).at(0).toULongLong(), 7u);
        // What was taken in is still handed over, in order: nothing already accepted is lost.
        queue.drain();
        QCOMPARE(handed, (QStringList{u"0"_s, u"1"_s, u"2"_s}));
        // The overflowed generation stays refused (its stream has a hole now) ...
        queue.push(7, u"5"_s);
        QCOMPARE(queue.size(), 0);
        QCOMPARE(overflowed.size(), 1);
        // ... and the next socket's frames are welcome again.
        queue.push(8, u"a"_s);
        QCOMPARE(queue.size(), 1);
    }

    void theByteLimitCountsToo()
    {
        InboundQueue queue([](quint64, const QString &) {});
        queue.setLimits({1000, 100});
        QSignalSpy overflowed(&queue, &InboundQueue::overflowed);
        queue.push(1, QString(40, u'x')); // 80 bytes as held (UTF-16)
        QCOMPARE(overflowed.size(), 0);
        queue.push(1, QString(20, u'y')); // 40 more: over the limit
        QCOMPARE(overflowed.size(), 1);
        QCOMPARE(queue.size(), 1);
        QCOMPARE(queue.bytesQueued(), 80);
        queue.clear();
        QCOMPARE(queue.bytesQueued(), 0);
    }
};

QTEST_GUILESS_MAIN(TestInboundQueue)
#include "tst_inboundqueue.moc"
