#include "realtime/suspenddetector.h"

#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace std::chrono_literals;

namespace {

// Two clocks the test moves by hand: a sleep advances only the wall clock.
struct FakeClocks
{
    qint64 wall = 1'700'000'000'000;
    qint64 monotonic = 1000;

    void run(qint64 ms)
    {
        wall += ms;
        monotonic += ms;
    }
    void sleep(qint64 ms) { wall += ms; }

    SuspendDetector::Clocks clocks()
    {
        return {[this] { return wall; }, [this] { return monotonic; }};
    }
};

} // namespace

class TestSuspendDetector final : public QObject
{
    Q_OBJECT

private slots:
    void ordinaryTicksAreQuiet()
    {
        FakeClocks clocks;
        SuspendDetector detector;
        detector.setClocks(clocks.clocks());
        detector.setTiming(5000ms, 10000ms);
        QSignalSpy resumed(&detector, &SuspendDetector::resumed);
        for (int i = 0; i < 20; ++i) {
            clocks.run(5000 + (i % 3) * 700); // timers are never exact
            detector.check();
        }
        clocks.run(5000);
        clocks.wall += 3000; // NTP nudged the wall clock: well under the threshold
        detector.check();
        QCOMPARE(resumed.size(), 0);
    }

    void aSleepIsDetected()
    {
        FakeClocks clocks;
        SuspendDetector detector;
        detector.setClocks(clocks.clocks());
        detector.setTiming(5000ms, 10000ms);
        QSignalSpy resumed(&detector, &SuspendDetector::resumed);
        clocks.run(5000);
        detector.check();
        // Linux: CLOCK_MONOTONIC stood still for the eight hours the laptop slept.
        clocks.run(2000);
        clocks.sleep(8 * 3600 * 1000);
        clocks.run(3000);
        detector.check();
        QCOMPARE(resumed.size(), 1);
        QCOMPARE(resumed.at(0).at(0).value<std::chrono::milliseconds>(), 8h);
        clocks.run(5000);
        detector.check(); // the next tick is ordinary again
        QCOMPARE(resumed.size(), 1);
    }

    void aTickFarTooLateCountsWhereTheMonotonicClockSeesTheSleep()
    {
        FakeClocks clocks;
        SuspendDetector detector;
        detector.setClocks(clocks.clocks());
        detector.setTiming(5000ms, 10000ms);
        QSignalSpy resumed(&detector, &SuspendDetector::resumed);
        clocks.run(5000 + 60000); // both clocks moved a minute past the due tick
        detector.check();
        QCOMPARE(resumed.size(), 1);
        QCOMPARE(resumed.at(0).at(0).value<std::chrono::milliseconds>(), 60000ms);
    }

    void aWallClockSetBackIsNotASleep()
    {
        FakeClocks clocks;
        SuspendDetector detector;
        detector.setClocks(clocks.clocks());
        detector.setTiming(5000ms, 10000ms);
        QSignalSpy resumed(&detector, &SuspendDetector::resumed);
        clocks.run(5000);
        clocks.wall -= 3600 * 1000; // the clock went back an hour (daylight saving done wrong)
        detector.check();
        QCOMPARE(resumed.size(), 0);
    }

    void theTimerDrivesChecks()
    {
        FakeClocks clocks;
        SuspendDetector detector;
        detector.setClocks(clocks.clocks());
        detector.setTiming(20ms, 1000ms);
        QSignalSpy resumed(&detector, &SuspendDetector::resumed);
        detector.start();
        QVERIFY(detector.isActive());
        clocks.sleep(5000); // the next timer tick finds the jump
        QTRY_COMPARE(resumed.size(), 1);
        detector.stop();
        QVERIFY(!detector.isActive());
        clocks.sleep(5000);
        QVERIFY(!resumed.wait(100));
    }

    void startForgetsTimeSpentStopped()
    {
        FakeClocks clocks;
        SuspendDetector detector;
        detector.setClocks(clocks.clocks());
        detector.setTiming(5000ms, 10000ms);
        QSignalSpy resumed(&detector, &SuspendDetector::resumed);
        detector.start();
        detector.stop();
        clocks.sleep(3600 * 1000); // asleep while nobody was watching: nothing to renew
        detector.start();
        clocks.run(5000);
        detector.check();
        detector.stop();
        QCOMPARE(resumed.size(), 0);
    }

    void systemClocksByDefault()
    {
        SuspendDetector detector;
        QSignalSpy resumed(&detector, &SuspendDetector::resumed);
        detector.setTiming(10ms, 5000ms);
        detector.start();
        QVERIFY(!resumed.wait(100)); // this machine is awake
    }
};

QTEST_GUILESS_MAIN(TestSuspendDetector)
#include "tst_suspenddetector.moc"
