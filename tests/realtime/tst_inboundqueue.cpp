#include "realtime/inboundqueue.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <numeric>

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
        // Each frame costs 1 ms, and the finisher 3 ms for each frame of its slice (a models'
        // update that grows with the batch). Without the finisher in the budget every slice
        // would take 8 frames and last 32 ms.
        int handedInSlice = 0;
        QList<int> framesPerSlice;
        InboundQueue queue([&handedInSlice](quint64, const QString &) {
            busyFor(1);
            ++handedInSlice;
        });
        queue.setSliceBudget(8ms);
        queue.setSliceFinisher([&] {
            busyFor(3 * handedInSlice);
            framesPerSlice.append(std::exchange(handedInSlice, 0));
        });
        for (int i = 0; i < 60; ++i)
            queue.push(1, QString::number(i));
        QTRY_COMPARE_WITH_TIMEOUT(std::accumulate(framesPerSlice.cbegin(), framesPerSlice.cend(), 0), 60, 20000);
        QCOMPARE(queue.slicesRun(), framesPerSlice.size());
        // The first slice takes frames for the whole budget; the later ones for about a quarter
        // of it (a frame's share of frame + finisher), so slice and finisher stay near 8 ms.
        QList<int> later = framesPerSlice.mid(1, framesPerSlice.size() - 2); // the last takes what is left
        QVERIFY2(later.size() >= 10, qPrintable(QString::number(later.size())));
        std::sort(later.begin(), later.end());
        QVERIFY2(later.at(later.size() / 2) <= 3, qPrintable(QString::number(later.at(later.size() / 2))));
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
