// Per-channel rejoin delays after the server lost a channel: growing while the channel keeps
// failing, per channel, back to the first step once a join has held for a while.
#include "realtime/rejoinbackoff.h"

#include <QtTest>

using namespace hearth;
using namespace std::chrono_literals;

class TestRejoinBackoff final : public QObject
{
    Q_OBJECT

private slots:
    void growsPerChannelAndResetsAfterAHealthyStretch()
    {
        qint64 now = 0;
        RejoinBackoff backoff;
        backoff.setClock([&now] { return now; });
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 1000ms); // phoenix.js's steps
        backoff.joined(QStringLiteral("orders"));
        now += 100; // crashed again right away
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 2000ms);
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 5000ms); // never joined in between
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 10000ms);
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 10000ms); // the last step repeats
        // Another channel of the socket has its own count.
        QCOMPARE(backoff.lost(QStringLiteral("inventory")), 1000ms);
        // Joined and healthy for five seconds: the next loss is news again.
        backoff.joined(QStringLiteral("orders"));
        now += 5000;
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 1000ms);
        QCOMPARE(backoff.losses(QStringLiteral("orders")), 1);
    }

    void stepsAreConfigurable()
    {
        RejoinBackoff backoff;
        backoff.setSteps({10ms, 20ms});
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 10ms);
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 20ms);
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 20ms);
        backoff.setSteps({});
        QCOMPARE(backoff.lost(QStringLiteral("orders")), 0ms);
    }
};

QTEST_APPLESS_MAIN(TestRejoinBackoff)
#include "tst_rejoinbackoff.moc"
