// Order actions over real HTTP on 127.0.0.1: each Idempotency-Key applied once (a retry gets the
// first answer, marked Idempotent-Replayed), If-Match turning a stale action whose move is no
// longer possible into 409 with the current order, and recall / reopen, each its own event.
#include "testsupport.h"

#include "core/ordercodec.h"
#include "server/demoaccounts.h"
#include "server/eventlog.h"
#include "server/orderservice.h"

#include <QJsonDocument>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;
using namespace Qt::StringLiterals;

namespace {

QString errorCode(const HttpResult &result)
{
    return result.body.value("error"_L1).toObject().value("code"_L1).toString();
}

QString statusOf(const QJsonObject &order)
{
    return order.value("status"_L1).toString();
}

} // namespace

class TestServerOrderActions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<HearthServer>(testOptions(m_dir));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server->httpUrl());
        m_staff = m_http->login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        QVERIFY(!m_staff.isEmpty());
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    void aRetriedKeyIsAppliedOnce()
    {
        const Order order = newOrder();
        const qint64 head = ordersHead();
        const HttpResult first = action("POST", acknowledgePath(order), {}, "k-ack-1", 1);
        QCOMPARE(first.status, 200);
        QVERIFY(first.header("idempotent-replayed").isEmpty());
        QCOMPARE(first.body.value("version"_L1).toInteger(), 2);
        const HttpResult retry = action("POST", acknowledgePath(order), {}, "k-ack-1", 1);
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(retry.body, first.body);
        QCOMPARE(eventsAfter(head, order.id), QStringList{u"order.acknowledged"_s});

        // A status change too: the retry changes nothing, even though its move would now be refused.
        const HttpResult moved = action("PATCH", orderPath(order), R"({"status":"preparing"})", "k-prep-1", 2);
        QCOMPARE(moved.status, 200);
        const HttpResult movedAgain = action("PATCH", orderPath(order), R"({"status":"preparing"})", "k-prep-1", 2);
        QCOMPARE(movedAgain.status, 200);
        QCOMPARE(movedAgain.header("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(current(order).version, 3);
        QCOMPARE(eventsAfter(head, order.id), (QStringList{u"order.acknowledged"_s, u"order.status_changed"_s}));
    }

    void aKeyUsedForAnotherRequestIsRefused()
    {
        const Order a = newOrder();
        const Order b = newOrder();
        QCOMPARE(action("POST", acknowledgePath(a), {}, "k-shared", 1).status, 200);
        const HttpResult reused = action("POST", acknowledgePath(b), {}, "k-shared", 1);
        QCOMPARE(reused.status, 422);
        QCOMPARE(errorCode(reused), u"idempotency_key_reused"_s);
        QCOMPARE(current(b).status, OrderStatus::New);
    }

    void aStaleActionThatCannotApplyAnswers409WithTheCurrentOrder()
    {
        const Order order = newOrder();
        QVERIFY(m_server->orders()->acknowledge(restaurant(), order.id).ok());
        // Another PC moved it on twice; this one still saw version 2 (acknowledged).
        QVERIFY(m_server->orders()->setStatus(restaurant(), order.id, OrderStatus::Preparing).ok());
        QVERIFY(m_server->orders()->setStatus(restaurant(), order.id, OrderStatus::Ready).ok());
        const qint64 head = ordersHead();
        const HttpResult stale = action("PATCH", orderPath(order), R"({"status":"preparing"})", "k-stale-1", 2);
        QCOMPARE(stale.status, 409);
        QCOMPARE(errorCode(stale), u"conflict"_s);
        const QJsonObject currentOrder = stale.body.value("current"_L1).toObject();
        QCOMPARE(statusOf(currentOrder), u"ready"_s);
        QCOMPARE(currentOrder.value("version"_L1).toInteger(), 4);
        QVERIFY(eventsAfter(head, order.id).isEmpty());
        // The refusal is remembered with its key: a retry gets the same 409.
        const HttpResult retry = action("PATCH", orderPath(order), R"({"status":"preparing"})", "k-stale-1", 2);
        QCOMPARE(retry.status, 409);
        QCOMPARE(retry.header("idempotent-replayed"), QByteArray("true"));

        // Acknowledging a cancelled order the client saw as new: 409 too.
        const Order cancelled = newOrder();
        QVERIFY(m_server->orders()->setStatus(restaurant(), cancelled.id, OrderStatus::Cancelled).ok());
        const HttpResult ack = action("POST", acknowledgePath(cancelled), {}, "k-stale-2", 1);
        QCOMPARE(ack.status, 409);
        QCOMPARE(statusOf(ack.body.value("current"_L1).toObject()), u"cancelled"_s);
    }

    void aStaleActionWithTheSameResultIsNoConflict()
    {
        // Two PCs click at once: both acknowledge (kept decision), both start preparing.
        const Order order = newOrder();
        QCOMPARE(action("POST", acknowledgePath(order), {}, "k-same-1", 1).status, 200);
        const HttpResult second = action("POST", acknowledgePath(order), {}, "k-same-2", 1);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body.value("version"_L1).toInteger(), 2);
        QCOMPARE(action("PATCH", orderPath(order), R"({"status":"preparing"})", "k-same-3", 2).status, 200);
        const qint64 head = ordersHead();
        const HttpResult twice = action("PATCH", orderPath(order), R"({"status":"preparing"})", "k-same-4", 2);
        QCOMPARE(twice.status, 200);
        QCOMPARE(statusOf(twice.body), u"preparing"_s);
        QCOMPARE(twice.body.value("version"_L1).toInteger(), 3);
        QVERIFY(eventsAfter(head, order.id).isEmpty()); // nothing happened, nothing recorded
    }

    void aStaleActionThatStillAppliesIsApplied()
    {
        const Order order = newOrder();
        QVERIFY(m_server->orders()->acknowledge(restaurant(), order.id).ok());
        QVERIFY(m_server->orders()->setStatus(restaurant(), order.id, OrderStatus::Preparing).ok());
        // Seen at version 2; cancelling is still possible from preparing.
        const HttpResult cancel = action("PATCH", orderPath(order), R"({"status":"cancelled"})", "k-valid-1", 2);
        QCOMPARE(cancel.status, 200);
        QCOMPARE(statusOf(cancel.body), u"cancelled"_s);
        QCOMPARE(cancel.body.value("version"_L1).toInteger(), 4);
    }

    void aCurrentButImpossibleMoveIsStill422()
    {
        const Order order = newOrder();
        const HttpResult jump = action("PATCH", orderPath(order), R"({"status":"ready"})", "k-422-1", 1);
        QCOMPARE(jump.status, 422);
        QCOMPARE(errorCode(jump), u"invalid_transition"_s);
    }

    void badIfMatchIs400AndActionsWithoutHeadersStillWork()
    {
        const Order order = newOrder();
        const HttpResult bad = m_http->send("POST", acknowledgePath(order), {}, m_staff,
                                            {{"Idempotency-Key", "k-bad-1"}, {"If-Match", "soon"}});
        QCOMPARE(bad.status, 400);
        const HttpResult badKey = m_http->send("POST", acknowledgePath(order), {}, m_staff,
                                               {{"Idempotency-Key", "has space"}});
        QCOMPARE(badKey.status, 400);
        // Older clients send neither header: applied as before, without a replay guarantee.
        QCOMPARE(m_http->post(acknowledgePath(order), {}, m_staff).status, 200);
        QCOMPARE(current(order).status, OrderStatus::Acknowledged);
    }

    void recallUndoesTheLastChangeOnce()
    {
        const Order order = newOrder();
        QCOMPARE(action("POST", acknowledgePath(order), {}, "k-rc-1", 1).status, 200);
        QCOMPARE(action("PATCH", orderPath(order), R"({"status":"preparing"})", "k-rc-2", 2).status, 200);
        const qint64 head = ordersHead();
        const HttpResult recalled = action("POST", recallPath(order), {}, "k-rc-3", 3);
        QCOMPARE(recalled.status, 200);
        QCOMPARE(statusOf(recalled.body), u"acknowledged"_s);
        QCOMPARE(recalled.body.value("version"_L1).toInteger(), 4);
        QCOMPARE(eventsAfter(head, order.id), QStringList{u"order.recalled"_s});
        // The history says which step was a recall, so every PC can grey Recall for it.
        const QJsonArray history = recalled.body.value("history"_L1).toArray();
        QCOMPARE(history.last().toObject().value("status"_L1).toString(), u"acknowledged"_s);
        QCOMPARE(history.last().toObject().value("recall"_L1), QJsonValue(true));
        QVERIFY(!history.at(history.size() - 2).toObject().contains("recall"_L1));
        // Only the last change: a second recall does not walk further back.
        const HttpResult again = action("POST", recallPath(order), {}, "k-rc-4", 4);
        QCOMPARE(again.status, 422);
        QCOMPARE(errorCode(again), u"not_recallable"_s);
        QCOMPARE(current(order).status, OrderStatus::Acknowledged);
    }

    void recallOfAnAcknowledgeMakesTheOrderNewAgain()
    {
        const Order order = newOrder();
        QCOMPARE(action("POST", acknowledgePath(order), {}, "k-rn-1", 1).status, 200);
        const HttpResult recalled = action("POST", recallPath(order), {}, "k-rn-2", 2);
        QCOMPARE(recalled.status, 200);
        QCOMPARE(statusOf(recalled.body), u"new"_s);
        QVERIFY(recalled.body.value("acknowledged_at"_L1).isNull());
    }

    void recallIsRefusedAfterTheWindowOrWhenStale()
    {
        const Order old = newOrder();
        // Acknowledged three minutes ago by the server's clock: outside the two-minute window.
        const QDateTime threeMinutesAgo = QDateTime::currentDateTimeUtc().addSecs(-180);
        QVERIFY(m_server->orders()->setStatus(restaurant(), old.id, OrderStatus::Acknowledged, threeMinutesAgo).ok());
        const HttpResult late = action("POST", recallPath(old), {}, "k-rl-1", 2);
        QCOMPARE(late.status, 422);
        QCOMPARE(errorCode(late), u"not_recallable"_s);

        // Someone moved it on after what this PC saw: recalling would undo their change.
        const Order moved = newOrder();
        QVERIFY(m_server->orders()->acknowledge(restaurant(), moved.id).ok());
        QVERIFY(m_server->orders()->setStatus(restaurant(), moved.id, OrderStatus::Preparing).ok());
        const HttpResult stale = action("POST", recallPath(moved), {}, "k-rl-2", 2);
        QCOMPARE(stale.status, 409);
        QCOMPARE(statusOf(stale.body.value("current"_L1).toObject()), u"preparing"_s);
        QCOMPARE(current(moved).status, OrderStatus::Preparing);

        // A new order has no change to recall.
        const Order fresh = newOrder();
        QCOMPARE(action("POST", recallPath(fresh), {}, "k-rl-3", 1).status, 422);
    }

    void reopenBringsACompletedOrderBack()
    {
        const Order order = completedOrder();
        const qint64 head = ordersHead();
        const HttpResult reopened = action("POST", reopenPath(order), {}, "k-ro-1", 5);
        QCOMPARE(reopened.status, 200);
        QCOMPARE(statusOf(reopened.body), u"ready"_s);
        QCOMPARE(reopened.body.value("version"_L1).toInteger(), 6);
        QCOMPARE(eventsAfter(head, order.id), QStringList{u"order.reopened"_s});
        // An open order cannot be reopened…
        QCOMPARE(errorCode(action("POST", reopenPath(order), {}, "k-ro-2", 6)), u"invalid_transition"_s);
        // …and a reopen by mistake is recalled like any other change.
        const HttpResult undone = action("POST", recallPath(order), {}, "k-ro-3", 6);
        QCOMPARE(undone.status, 200);
        QCOMPARE(statusOf(undone.body), u"completed"_s);

        // Two PCs reopen at once: the second, stale, gets the same result without a conflict.
        const Order twice = completedOrder();
        QCOMPARE(action("POST", reopenPath(twice), {}, "k-ro-4", 5).status, 200);
        const HttpResult second = action("POST", reopenPath(twice), {}, "k-ro-5", 5);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body.value("version"_L1).toInteger(), 6);
        // A cancelled order is not reopened.
        const Order cancelled = newOrder();
        QVERIFY(m_server->orders()->setStatus(restaurant(), cancelled.id, OrderStatus::Cancelled).ok());
        QCOMPARE(action("POST", reopenPath(cancelled), {}, "k-ro-6", 2).status, 422);
    }

    void recallAndReopenAreOtherRestaurantsNotFound()
    {
        QCOMPARE(action("POST", u"/api/orders/no-such-order/recall"_s, {}, "k-nf-1", 1).status, 404);
        QCOMPARE(action("POST", u"/api/orders/no-such-order/reopen"_s, {}, "k-nf-2", 1).status, 404);
        QCOMPARE(m_http->post(u"/api/orders/x/recall"_s, {}).status, 401);
    }

    void theHistorySaysWhoMadeEachChangeAndTheDetailsLast()
    {
        NewOrder draft;
        draft.type = OrderType::Delivery;
        draft.customerName = u"Ana Souza"_s;
        draft.items = {OrderItem{u"Margherita"_s, 2, 1150}};
        draft.charges.tipCents = 300;
        draft.charges.discountCents = 230;
        draft.customerPhone = u"+1 555 0142"_s;
        draft.deliveryAddress = u"12 Mill Lane"_s;
        draft.promisedMinutes = 40;
        const OrderResult created = m_server->orders()->createOrder(restaurant(), draft);
        QVERIFY2(created.ok(), qPrintable(created.message));
        const Order order = created.order;
        // A delivery always carries its fee; the total is what the parts add up to.
        QCOMPARE(order.charges.deliveryFeeCents, OrderService::deliveryFeeCents);
        QCOMPARE(order.totalCents, 2300 + OrderService::deliveryFeeCents + 300 - 230);
        QCOMPARE(order.promisedAt, order.createdAt.addSecs(40 * 60));
        QCOMPARE(order.history.size(), 1);
        QCOMPARE(order.history.constFirst().status, OrderStatus::New);
        QVERIFY(order.history.constFirst().by.isEmpty());

        QCOMPARE(action("POST", acknowledgePath(order), {}, "k-hist-1", 1).status, 200);
        const HttpResult moved = action("PATCH", orderPath(order), R"({"status":"preparing"})", "k-hist-2", 2);
        QCOMPARE(moved.status, 200);
        // On the wire: the details and each change with the staff member's display name.
        const Decoded<Order> wire = OrderCodec::fromJson(moved.body);
        QVERIFY2(wire.ok(), qPrintable(wire.errorString()));
        QCOMPARE(wire.value->customerPhone, u"+1 555 0142"_s);
        QCOMPARE(wire.value->deliveryAddress, u"12 Mill Lane"_s);
        QCOMPARE(wire.value->charges, order.charges);
        QCOMPARE(wire.value->history.size(), 3);
        QCOMPARE(wire.value->history.at(1).status, OrderStatus::Acknowledged);
        QCOMPARE(wire.value->history.at(1).by, QString(DemoAccounts::staffDisplayName));
        QCOMPARE(wire.value->history.at(2).status, OrderStatus::Preparing);
        QCOMPARE(wire.value->history.at(2).by, QString(DemoAccounts::staffDisplayName));
        // A recall is a change of its own in the history.
        QCOMPARE(action("POST", recallPath(order), {}, "k-hist-3", 3).status, 200);
        // Stored: read back from the database as they were sent.
        const Order stored = current(order);
        QCOMPARE(stored.history.size(), 4);
        QCOMPARE(stored.history.constLast().status, OrderStatus::Acknowledged);
        QCOMPARE(stored.promisedAt, order.promisedAt);
        const OrderListing snapshot = m_server->orders()->snapshot(restaurant());
        const auto it = std::find_if(snapshot.orders.cbegin(), snapshot.orders.cend(),
                                     [&order](const Order &o) { return o.id == order.id; });
        QVERIFY(it != snapshot.orders.cend());
        QCOMPARE(*it, stored);
    }

    void aLongHistoryKeepsItsArrivalAndItsLatestSteps()
    {
        const Order order = newOrder();
        QVERIFY(m_server->orders()->acknowledge(restaurant(), order.id).ok());
        // Recall and redo a move until the history is full, and beyond.
        for (int i = 0; i < OrderCodec::maxHistoryEntries; ++i) {
            const OrderStatus status = i % 2 == 0 ? OrderStatus::Preparing : OrderStatus::Acknowledged;
            if (status == OrderStatus::Preparing)
                QVERIFY(m_server->orders()->setStatus(restaurant(), order.id, status, {}, u"Cook %1"_s.arg(i)).ok());
            else
                QVERIFY(m_server->orders()->apply(restaurant(), order.id, OrderAction{OrderAction::Kind::Recall, {}, {}, u"Cook %1"_s.arg(i)}).ok());
        }
        const Order stored = current(order);
        QCOMPARE(stored.history.size(), OrderCodec::maxHistoryEntries);
        QCOMPARE(stored.history.constFirst().status, OrderStatus::New); // the arrival stays
        QCOMPARE(stored.history.constLast().by, u"Cook %1"_s.arg(OrderCodec::maxHistoryEntries - 1));
        QVERIFY(OrderCodec::fromJson(OrderCodec::toJson(stored)).ok()); // still within the wire's bound
    }

private:
    QString restaurant() const { return QString(DemoAccounts::restaurantId); }
    Order newOrder() { return m_server->orders()->createRandomOrder(restaurant()); }
    Order completedOrder()
    {
        const Order order = newOrder();
        for (OrderStatus status : {OrderStatus::Acknowledged, OrderStatus::Preparing, OrderStatus::Ready,
                                   OrderStatus::Completed})
            m_server->orders()->setStatus(restaurant(), order.id, status);
        return order;
    }
    Order current(const Order &order) { return *m_server->orders()->find(restaurant(), order.id); }
    static QString orderPath(const Order &order) { return u"/api/orders/"_s + order.id; }
    static QString acknowledgePath(const Order &order) { return orderPath(order) + u"/acknowledge"_s; }
    static QString recallPath(const Order &order) { return orderPath(order) + u"/recall"_s; }
    static QString reopenPath(const Order &order) { return orderPath(order) + u"/reopen"_s; }

    HttpResult action(const QByteArray &verb, const QString &path, const QByteArray &body, const QByteArray &key,
                      qint64 ifMatch)
    {
        return m_http->send(verb, path, body, m_staff,
                            {{"Idempotency-Key", key}, {"If-Match", '"' + QByteArray::number(ifMatch) + '"'},
                             {"Content-Type", "application/json"}});
    }

    qint64 ordersHead() const
    {
        return m_server->eventLog()->headSeq(restaurant(), QString(OrderEvents::channel));
    }

    // The types of the orders events after `seq` that touched `orderId`.
    QStringList eventsAfter(qint64 seq, const QString &orderId) const
    {
        QStringList types;
        const QList<StoredEvent> events = m_server->eventLog()->readAfter(restaurant(), QString(OrderEvents::channel), seq);
        for (const StoredEvent &event : events) {
            if (QJsonDocument::fromJson(event.data).object().value("id"_L1).toString() == orderId)
                types.append(event.type);
        }
        return types;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_staff;
};

QTEST_GUILESS_MAIN(TestServerOrderActions)
#include "tst_server_orderactions.moc"
