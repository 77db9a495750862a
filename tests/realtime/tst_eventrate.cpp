#include "realtime/eventrate.h"

#include <QtTest>

using namespace hearth;
using namespace std::chrono_literals;

class TestEventRate final : public QObject
{
    Q_OBJECT

private slots:
    void steadyPace()
    {
        qint64 now = 50'000;
        EventRate rate([&now] { return now; });
        // 200 events per second for twelve seconds, one every 5 ms.
        for (int i = 0; i < 12 * 200; ++i) {
            rate.add();
            now += 5;
        }
        QVERIFY2(qAbs(rate.perSecond(1s) - 200.0) < 12.0, qPrintable(QString::number(rate.perSecond(1s))));
        QVERIFY2(qAbs(rate.perSecond(10s) - 200.0) < 3.0, qPrintable(QString::number(rate.perSecond(10s))));
    }

    void aBurstShowsInTheShortWindowFirst()
    {
        qint64 now = 0;
        EventRate rate([&now] { return now; });
        now = 20'000;
        rate.add(5000); // ten thousand-event bursts come as one batch
        now += 50;
        QVERIFY(rate.perSecond(1s) > 4900.0);
        QVERIFY(rate.perSecond(10s) > 490.0);
        QVERIFY(rate.perSecond(10s) < 510.0);
        now += 2000; // two seconds later the burst has left the short window only
        QCOMPARE(rate.perSecond(1s), 0.0);
        QVERIFY(rate.perSecond(10s) > 490.0);
        now += 9000;
        QCOMPARE(rate.perSecond(10s), 0.0);
    }

    void aLongSilenceClearsEverything()
    {
        qint64 now = 1000;
        EventRate rate([&now] { return now; });
        rate.add(300);
        now += 3'600'000;
        QCOMPARE(rate.perSecond(10s), 0.0);
        rate.add(10);
        now += 1;
        QVERIFY(rate.perSecond(1s) > 9.0);
        QVERIFY(rate.perSecond(1s) < 12.0);
    }

    void windowsAreClamped()
    {
        qint64 now = 10'000;
        EventRate rate([&now] { return now; });
        rate.add(100);
        now += 99;
        QCOMPARE(rate.perSecond(0ms), rate.perSecond(1s));
        QCOMPARE(rate.perSecond(60s), rate.perSecond(10s));
        rate.reset();
        QCOMPARE(rate.perSecond(10s), 0.0);
    }

    void systemClockByDefault()
    {
        EventRate rate;
        rate.add(10);
        QVERIFY(rate.perSecond(1s) > 0.0);
    }
};

QTEST_GUILESS_MAIN(TestEventRate)
#include "tst_eventrate.moc"
