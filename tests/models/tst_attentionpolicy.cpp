// When the orders deserve a chime: each rule of AttentionPolicy on its own, with the time given
// by the test.
#include "models/attentionpolicy.h"
#include "orderfixtures.h"

#include <QtTest>

using namespace hearth;
using hearth::test::makeOrder;
using namespace std::chrono_literals;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 20), QTime(19, 0), Qt::UTC);

Order arrivedAt(int number, const QDateTime &at, OrderStatus status = OrderStatus::New, qint64 version = 1)
{
    Order order = makeOrder(number, status, version);
    order.createdAt = at;
    order.updatedAt = at;
    return order;
}

} // namespace

class TestAttentionPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void aNewUnacknowledgedOrderIsAnnouncedOnce()
    {
        AttentionPolicy policy;
        const AttentionDecision first = policy.ordersChanged({arrivedAt(142, t0)}, t0);
        QCOMPARE(first.kind, AttentionDecision::Kind::NewOrders);
        QCOMPARE(first.orderNumbers, QList<int>{142});
        QCOMPARE(first.text(), QStringLiteral("New order #142"));
        // Its next version (a replay, an echo, a note edited) is not news.
        QVERIFY(!policy.ordersChanged({arrivedAt(142, t0, OrderStatus::New, 2)}, t0.addSecs(5)));
        // A burst: one announcement naming them all.
        const AttentionDecision burst = policy.ordersChanged({arrivedAt(144, t0), arrivedAt(143, t0)}, t0.addSecs(10));
        QCOMPARE(burst.orderNumbers, (QList<int>{143, 144}));
        QCOMPARE(burst.text(), QStringLiteral("2 new orders: #143, #144"));
    }

    void seenOrClosedOrdersAreNotAnnounced()
    {
        AttentionPolicy policy;
        // Acknowledged already (by another PC) or closed when it reaches us: nothing to do.
        QVERIFY(!policy.ordersChanged({arrivedAt(1, t0, OrderStatus::Acknowledged), arrivedAt(2, t0, OrderStatus::Completed)}, t0));
        QCOMPARE(policy.waitingCount(), 0);
    }

    void aSnapshotIsKnownWithoutASound()
    {
        AttentionPolicy policy;
        policy.ordersKnown({arrivedAt(7, t0.addSecs(-60)), arrivedAt(8, t0.addSecs(-60), OrderStatus::Preparing)});
        QCOMPARE(policy.waitingCount(), 1);
        // Its orders arriving again through the stream are not news either.
        QVERIFY(!policy.ordersChanged({arrivedAt(7, t0.addSecs(-60), OrderStatus::New, 2)}, t0));
    }

    void anOrderStillWaitingIsAnnouncedAgainEveryPeriod()
    {
        AttentionPolicy policy;
        policy.setEscalateAfter(5min);
        policy.ordersChanged({arrivedAt(10, t0)}, t0);
        QVERIFY(!policy.check(t0.addSecs(4 * 60 + 59)));
        const AttentionDecision again = policy.check(t0.addSecs(5 * 60));
        QCOMPARE(again.kind, AttentionDecision::Kind::StillWaiting);
        QCOMPARE(again.orderNumbers, QList<int>{10});
        QCOMPARE(again.text(), QStringLiteral("Order #10 is still waiting to be acknowledged (5 min)"));
        // Not at every check: the next one after another period.
        QVERIFY(!policy.check(t0.addSecs(6 * 60)));
        QVERIFY(policy.check(t0.addSecs(10 * 60)));
        // Acknowledged: quiet from then on.
        policy.ordersChanged({arrivedAt(10, t0, OrderStatus::Acknowledged, 2)}, t0.addSecs(11 * 60));
        QVERIFY(!policy.check(t0.addSecs(30 * 60)));
    }

    void anOldOrderFromASnapshotIsAnnouncedAtTheNextCheck()
    {
        // It came while this PC was off; by the time the snapshot lands it has waited 12 minutes.
        AttentionPolicy policy;
        policy.setEscalateAfter(5min);
        policy.ordersKnown({arrivedAt(20, t0.addSecs(-12 * 60)), arrivedAt(21, t0.addSecs(-60))});
        const AttentionDecision decision = policy.check(t0);
        QCOMPARE(decision.orderNumbers, QList<int>{20});
        QCOMPARE(decision.waited, 12min);
    }

    void escalationOffMeansOnce()
    {
        AttentionPolicy policy;
        policy.setEscalateAfter(0min);
        policy.ordersChanged({arrivedAt(30, t0)}, t0);
        QVERIFY(!policy.check(t0.addSecs(3600)));
    }

    void ordersThatLeftTheListWaitForNoOne()
    {
        AttentionPolicy policy;
        policy.setEscalateAfter(5min);
        policy.ordersChanged({arrivedAt(40, t0), arrivedAt(41, t0)}, t0);
        policy.retainOnly([](const QString &id) { return id == QStringLiteral("ord-41"); });
        QCOMPARE(policy.check(t0.addSecs(600)).orderNumbers, QList<int>{41});
        // A snapshot without an order drops it too.
        policy.ordersKnown({});
        QCOMPARE(policy.waitingCount(), 0);
    }
};

QTEST_MAIN(TestAttentionPolicy)
#include "tst_attentionpolicy.moc"
