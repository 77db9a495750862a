#include "realtime/inboundqueue.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace hearth;
using namespace std::chrono_literals;

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
};

QTEST_GUILESS_MAIN(TestInboundQueue)
#include "tst_inboundqueue.moc"
