// PollingFallback on its own: when it starts, what it asks for, how it backs off, and that an
// answer arriving after it stopped changes nothing. The link never connects here, so it is
// "down" throughout; REST answers are in the test's hands.
#include "syncfixture.h"

#include "sync/pollingfallback.h"

using namespace hearth;
using namespace hearth::test;
using namespace std::chrono_literals;

namespace {

struct Stack : SyncFixture
{
    PollingFallback polling{&realtime, &rest};
    QSignalSpy polled{&polling, &PollingFallback::ordersPolled};
    QSignalSpy changed{&polling, &PollingFallback::pollingChanged};
    QSignalSpy failed{&polling, &PollingFallback::pollFailed};

    Stack()
    {
        PollingPolicy policy;
        policy.startAfter = 10ms;
        policy.interval = 30ms;
        policy.jitter = 0;
        policy.maxInterval = 200ms;
        polling.setPolicy(policy);
    }

    bool waitForRequests(qsizetype count) { return QTest::qWaitFor([&] { return http.requests.size() >= count; }, 10000); }
    QByteArray lastQuery() const { return http.requests.constLast().query; }
};

} // namespace

class TestPollingFallback final : public QObject
{
    Q_OBJECT

private slots:
    void disabledItNeverPolls()
    {
        Stack stack;
        QTest::qWait(60);
        QCOMPARE(stack.http.requests.size(), 0);
        QVERIFY(!stack.polling.isPolling());
    }

    void enabledWithTheLinkDownItPollsDeltasFromThePosition()
    {
        Stack stack;
        stack.realtime.setSyncPosition(QStringLiteral("orders"), SyncPosition{QStringLiteral("e1"), 7});
        stack.polling.setEnabled(true);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.polling.isPolling());
        QCOMPARE(stack.changed.size(), 1);
        QCOMPARE(stack.lastQuery(), QByteArray("since=7"));
        QVERIFY(stack.http.answer(0, snapshotResponse({makeOrder(1, 2)}, QStringLiteral("e1"), 9)));
        QTRY_COMPARE(stack.polled.size(), 1);
        // The socket resumes from what polling brought in.
        QCOMPARE(stack.realtime.syncPosition(QStringLiteral("orders")).seq, 9);
        QVERIFY(stack.waitForRequests(2)); // and it goes on at its interval
        QCOMPARE(stack.lastQuery(), QByteArray("since=9"));
    }

    void withoutAPositionItPollsWholeSnapshots()
    {
        Stack stack;
        stack.polling.setEnabled(true);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.lastQuery().isEmpty());
    }

    void aDeltaFromAnotherEpochMakesTheNextPollASnapshot()
    {
        Stack stack;
        stack.realtime.setSyncPosition(QStringLiteral("orders"), SyncPosition{QStringLiteral("e1"), 7});
        stack.polling.setEnabled(true);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, snapshotResponse({makeOrder(1)}, QStringLiteral("e2"), 3)));
        QVERIFY(stack.waitForRequests(2));
        QVERIFY(stack.lastQuery().isEmpty());
        QCOMPARE(stack.polled.size(), 1); // the orders it did bring were real
        // The position was not moved into an epoch the delta did not cover.
        QCOMPARE(stack.realtime.syncPosition(QStringLiteral("orders")).epoch, QStringLiteral("e1"));
    }

    void failuresBackOffAndPollingGoesOn()
    {
        Stack stack;
        stack.polling.setEnabled(true);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, errorResponse(500)));
        QTRY_COMPARE(stack.failed.size(), 1);
        QVERIFY(stack.polling.isPolling());
        QVERIFY(stack.waitForRequests(2));
    }

    void a401StopsPolling()
    {
        Stack stack;
        stack.polling.setEnabled(true);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, errorResponse(401)));
        QTRY_VERIFY(!stack.polling.isPolling());
        QCOMPARE(stack.changed.size(), 2);
        QTest::qWait(80);
        QCOMPARE(stack.http.requests.size(), 1);
    }

    void anAnswerAfterStoppingIsIgnored()
    {
        Stack stack;
        stack.realtime.setSyncPosition(QStringLiteral("orders"), SyncPosition{QStringLiteral("e1"), 7});
        stack.polling.setEnabled(true);
        QVERIFY(stack.waitForRequests(1));
        stack.polling.setEnabled(false); // signed out
        QVERIFY(!stack.polling.isPolling());
        QVERIFY(stack.http.answer(0, snapshotResponse({makeOrder(1, 2)}, QStringLiteral("e1"), 9)));
        QTest::qWait(50);
        QCOMPARE(stack.polled.size(), 0);
        QCOMPARE(stack.realtime.syncPosition(QStringLiteral("orders")).seq, 7);

        stack.polling.setEnabled(true); // signed in again: polling starts afresh
        QVERIFY(stack.waitForRequests(2));
        QVERIFY(stack.polling.isPolling());
    }
};

QTEST_MAIN(TestPollingFallback)
#include "tst_pollingfallback.moc"
