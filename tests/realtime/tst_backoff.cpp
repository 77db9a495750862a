#include "realtime/backoff.h"

#include <QtTest>

using namespace hearth;
using namespace std::chrono_literals;

namespace {

ReconnectPolicy policy(std::chrono::milliseconds initial, std::chrono::milliseconds max,
                       int maxAttempts = 0)
{
    ReconnectPolicy p;
    p.initialDelay = initial;
    p.maxDelay = max;
    p.healthyAfter = 5000ms;
    p.maxAttempts = maxAttempts;
    return p;
}

} // namespace

class TestBackoff final : public QObject
{
    Q_OBJECT

private slots:
    void ceilingDoublesUpToTheCap()
    {
        Backoff backoff(policy(500ms, 30000ms), [] { return 1.0; });
        const QList<qint64> expected{500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (const qint64 ceiling : expected) {
            QCOMPARE(backoff.ceiling().count(), ceiling);
            QCOMPARE(backoff.nextDelay().count(), ceiling); // a draw of 1.0 hits the ceiling
        }
    }

    void fullJitterSpansZeroToCeiling()
    {
        double draw = 0.0;
        Backoff backoff(policy(1000ms, 8000ms), [&draw] { return draw; });
        QCOMPARE(backoff.nextDelay().count(), 0);   // attempt 0, ceiling 1000
        draw = 0.5;
        QCOMPARE(backoff.nextDelay().count(), 1000); // attempt 1, ceiling 2000
        draw = 0.25;
        QCOMPARE(backoff.nextDelay().count(), 1000); // attempt 2, ceiling 4000
        QCOMPARE(backoff.attempt(), 3);
    }

    void realRandomStaysWithinBounds()
    {
        Backoff backoff(policy(100ms, 1600ms));
        for (int i = 0; i < 200; ++i) {
            const auto ceiling = backoff.ceiling();
            const auto delay = backoff.nextDelay();
            QVERIFY(delay.count() >= 0);
            QVERIFY(delay <= ceiling);
            QVERIFY(ceiling <= 1600ms);
        }
    }

    void outOfRangeRandomIsClamped()
    {
        Backoff backoff(policy(1000ms, 1000ms), [] { return 7.0; });
        QCOMPARE(backoff.nextDelay().count(), 1000);
        backoff.setRandomSource([] { return -3.0; });
        QCOMPARE(backoff.nextDelay().count(), 0);
        backoff.setRandomSource([] { return std::numeric_limits<double>::quiet_NaN(); });
        QCOMPARE(backoff.nextDelay().count(), 0);
    }

    void manyAttemptsDoNotOverflow()
    {
        Backoff backoff(policy(500ms, 30000ms), [] { return 1.0; });
        for (int i = 0; i < 500; ++i)
            backoff.nextDelay();
        QCOMPARE(backoff.ceiling().count(), 30000);
    }

    void resetsOnlyAfterAHealthyLink()
    {
        Backoff backoff(policy(100ms, 10000ms), [] { return 1.0; });
        backoff.nextDelay();
        backoff.nextDelay();
        QCOMPARE(backoff.attempt(), 2);
        backoff.linkEnded(4999ms); // live, but not long enough
        QCOMPARE(backoff.attempt(), 2);
        QCOMPARE(backoff.nextDelay().count(), 400);
        backoff.linkEnded(5000ms);
        QCOMPARE(backoff.attempt(), 0);
        QCOMPARE(backoff.nextDelay().count(), 100);
    }

    void maxAttemptsExhausts()
    {
        Backoff backoff(policy(10ms, 100ms, 3), [] { return 0.0; });
        QVERIFY(!backoff.exhausted());
        backoff.nextDelay();
        backoff.nextDelay();
        QVERIFY(!backoff.exhausted());
        backoff.nextDelay();
        QVERIFY(backoff.exhausted());
        backoff.reset();
        QVERIFY(!backoff.exhausted());

        Backoff endless(policy(10ms, 100ms, 0), [] { return 0.0; });
        for (int i = 0; i < 1000; ++i)
            endless.nextDelay();
        QVERIFY(!endless.exhausted());
    }

    void serverAdviceJitterIsBoundedAndCountsNoAttempt()
    {
        Backoff backoff(policy(10ms, 100ms), [] { return 0.5; });
        QCOMPARE(backoff.jitter(3000ms).count(), 1500);
        QCOMPARE(backoff.jitter(0ms).count(), 0);
        QCOMPARE(backoff.attempt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
