// Kitchen load on hearth-server: the load figure from open orders, the governor's hysteresis (no
// flapping around a threshold), and over real HTTP and WebSocket on 127.0.0.1 the automatic pause
// and resume of an ordering widget — each a widget.updated event with its reason — the manager's
// override, and the validation of thresholds.
#include "testsupport.h"

#include "server/demoaccounts.h"
#include "server/kitchencontrol.h"
#include "server/kitchenload.h"
#include "server/orderservice.h"
#include "server/widgetservice.h"

#include <QJsonArray>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString restaurant(DemoAccounts::restaurantId);
constexpr qint64 minuteMs = 60 * 1000;

Order openOrder(OrderStatus status, int items, const QDateTime &created)
{
    Order order;
    order.status = status;
    order.items = {OrderItem{u"Pizza"_s, items, 1200}};
    order.createdAt = created;
    return order;
}

} // namespace

class TestServerKitchen final : public QObject
{
    Q_OBJECT

private:
    void addOrder(int items)
    {
        NewOrder draft;
        draft.customerName = u"Guest"_s;
        draft.items = {OrderItem{u"Margherita"_s, items, 1100}};
        const OrderResult result = m_server->orders()->createOrder(restaurant, draft);
        QVERIFY2(result.ok(), qPrintable(result.message));
        m_orderIds.append(result.order.id);
    }

    void completeAll()
    {
        for (const QString &id : std::as_const(m_orderIds)) {
            for (OrderStatus status : {OrderStatus::Acknowledged, OrderStatus::Preparing, OrderStatus::Ready,
                                       OrderStatus::Completed})
                m_server->orders()->setStatus(restaurant, id, status);
        }
        m_orderIds.clear();
    }

    WidgetConfig ordering() const { return *m_server->widgets()->find(restaurant, m_ordering); }

    HttpResult configure(const QJsonObject &body, const QString &token)
    {
        return m_http->send("PUT", u"/api/kitchen/widgets/"_s + m_ordering, json(body), token);
    }

private slots:
    void theLoadCountsItemsInTheKitchenAndOldTickets()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<Order> orders{
            openOrder(OrderStatus::New, 3, now.addSecs(-60)),
            openOrder(OrderStatus::Preparing, 2, now.addSecs(-25 * 60)), // waiting long: +2
            openOrder(OrderStatus::Acknowledged, 1, now.addSecs(-21 * 60)), // +2
            openOrder(OrderStatus::Ready, 5, now.addSecs(-40 * 60)), // out of the kitchen
        };
        const KitchenLoad load = KitchenLoad::measure(orders, now);
        QCOMPARE(load.openOrders, 3);
        QCOMPARE(load.itemsInPreparation, 6);
        QCOMPARE(load.ordersWaitingLong, 2);
        QCOMPARE(load.figure, 10);
        QCOMPARE(load.oldestAgeSeconds, 25 * 60);
    }

    void theGovernorDoesNotFlapAroundAThreshold()
    {
        const KitchenThresholds thresholds{10, 20, 20};
        KitchenGovernor governor;
        qint64 now = 0;
        int changes = 0;
        // Ten minutes of a load wobbling around the pause threshold, every five seconds.
        for (int i = 0; i < 120; ++i) {
            now += 5000;
            changes += governor.update(i % 2 == 0 ? 19 : 21, thresholds, now) ? 1 : 0;
        }
        QCOMPARE(changes, 2); // busy at the first 19, paused at the first 21, and it stays paused
        QCOMPARE(governor.state(), KitchenState::Paused);
        // Down to three quarters of the pause threshold: not yet while the state is young…
        KitchenGovernor young(KitchenState::Paused, now);
        QVERIFY(!young.update(15, thresholds, now + 10000));
        // …after a minute, it resumes — busy still, since 15 is above three quarters of 10.
        QVERIFY(governor.update(15, thresholds, now + KitchenGovernor::minimumHoldMs));
        QCOMPARE(governor.state(), KitchenState::Busy);
        QCOMPARE(KitchenGovernor::quotedMinutes(KitchenState::Busy, thresholds), 30);
        now += KitchenGovernor::minimumHoldMs;
        // Wobbling around the busy threshold: busy stays busy.
        for (int i = 0; i < 60; ++i) {
            now += 5000;
            QVERIFY(!governor.update(i % 2 == 0 ? 9 : 11, thresholds, now));
        }
        QVERIFY(governor.update(7, thresholds, now + 5000));
        QCOMPARE(governor.state(), KitchenState::Normal);
        // From normal, a wobble around busy climbs once.
        changes = 0;
        for (int i = 0; i < 60; ++i) {
            now += 5000;
            changes += governor.update(i % 2 == 0 ? 9 : 10, thresholds, now) ? 1 : 0;
        }
        QCOMPARE(changes, 1);
        // Thresholds off: back to normal once held.
        QVERIFY(governor.update(100, KitchenThresholds{0, 0, 20}, now + KitchenGovernor::minimumHoldMs));
        QCOMPARE(governor.state(), KitchenState::Normal);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<HearthServer>(testOptions(*m_dir));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server->httpUrl());
        m_manager = m_http->login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        m_staff = m_http->login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        for (const WidgetConfig &widget : m_server->widgets()->snapshot(restaurant).widgets)
            (widget.kind == WidgetKind::Ordering ? m_ordering : m_booking) = widget.id;
        m_orderIds.clear();
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
        m_dir.reset();
    }

    void onlineOrderingPausesAndResumesWithTheKitchen()
    {
        WsClient socket;
        QVERIFY(socket.open(m_server->webSocketUrl(), m_staff));
        QVERIFY(!socket.nextOp(u"welcome"_s).isEmpty());
        QVERIFY(!socket.subscribe(u"widgets"_s).isEmpty());

        const HttpResult set = configure({{u"busy_at"_s, 4}, {u"pause_at"_s, 8}, {u"base_minutes"_s, 20}}, m_manager);
        QCOMPARE(set.status, 200);
        QCOMPARE(set.body.value("state"_L1).toString(), u"normal");
        const qint64 before = ordering().version;

        addOrder(3);
        addOrder(2); // 5: busy
        QCOMPARE(m_server->kitchen()->evaluate(restaurant, QDateTime::currentMSecsSinceEpoch()), 1);
        QVERIFY(!ordering().settings.paused);
        QCOMPARE(ordering().version, before + 1);
        QJsonObject frame = socket.nextOp(u"event"_s);
        QCOMPARE(frame.value("type"_L1).toString(), u"widget.updated");
        QJsonObject reason = frame.value("data"_L1).toObject().value("reason"_L1).toObject();
        QCOMPARE(reason.value("code"_L1).toString(), u"kitchen_load");
        QCOMPARE(reason.value("state"_L1).toString(), u"busy");
        QCOMPARE(reason.value("quoted_minutes"_L1).toInt(), 30);
        QCOMPARE(reason.value("load"_L1).toInt(), 5);

        addOrder(4); // 9: paused
        QCOMPARE(m_server->kitchen()->evaluate(restaurant, QDateTime::currentMSecsSinceEpoch()), 1);
        QVERIFY(ordering().settings.paused);
        frame = socket.nextOp(u"event"_s);
        reason = frame.value("data"_L1).toObject().value("reason"_L1).toObject();
        QCOMPARE(reason.value("state"_L1).toString(), u"paused");
        QVERIFY(reason.value("auto_paused"_L1).toBool());
        QVERIFY(frame.value("data"_L1).toObject().value("settings"_L1).toObject().value("paused"_L1).toBool());
        QVERIFY(reason.value("message"_L1).toString().contains(u"pauses at 8"));
        // Measured again and again at the same load: nothing more is said.
        QCOMPARE(m_server->kitchen()->evaluate(restaurant, QDateTime::currentMSecsSinceEpoch() + 1000), 0);

        const HttpResult kitchen = m_http->get(u"/api/kitchen"_s, m_staff);
        QCOMPARE(kitchen.status, 200);
        QCOMPARE(kitchen.body.value("load"_L1).toObject().value("figure"_L1).toInt(), 9);
        QCOMPARE(kitchen.body.value("load"_L1).toObject().value("open_orders"_L1).toInt(), 3);

        // The kitchen catches up; a minute later the website takes orders again.
        completeAll();
        QCOMPARE(m_server->kitchen()->evaluate(restaurant, QDateTime::currentMSecsSinceEpoch() + 2 * minuteMs), 1);
        QVERIFY(!ordering().settings.paused);
        frame = socket.nextOp(u"event"_s);
        reason = frame.value("data"_L1).toObject().value("reason"_L1).toObject();
        QCOMPARE(reason.value("state"_L1).toString(), u"normal");
        QCOMPARE(reason.value("quoted_minutes"_L1).toInt(), 20);
    }

    void aManagersOverrideWinsOverTheLoad()
    {
        QCOMPARE(configure({{u"busy_at"_s, 2}, {u"pause_at"_s, 4}, {u"override"_s, u"open"_s}}, m_manager).status, 200);
        addOrder(6);
        m_server->kitchen()->evaluate(restaurant, QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!ordering().settings.paused); // kept open
        const HttpResult state = m_http->get(u"/api/kitchen"_s, m_manager);
        const QJsonObject control = state.body.value("widgets"_L1).toArray().at(0).toObject();
        QCOMPARE(control.value("state"_L1).toString(), u"paused");
        QCOMPARE(control.value("override"_L1).toString(), u"open");
        QVERIFY(!control.value("auto_paused"_L1).toBool());
        // Back to automatic: the load pauses it at once.
        QCOMPARE(configure({{u"override"_s, u"auto"_s}}, m_manager).status, 200);
        QVERIFY(ordering().settings.paused);
        // A manual pause holds even when the kitchen is idle.
        completeAll();
        QCOMPARE(configure({{u"override"_s, u"paused"_s}}, m_manager).status, 200);
        m_server->kitchen()->evaluate(restaurant, QDateTime::currentMSecsSinceEpoch() + 5 * minuteMs);
        QVERIFY(ordering().settings.paused);
        QCOMPARE(m_server->widgets()->find(restaurant, m_ordering)->updatedBy.displayName, u"Kitchen load");
    }

    void thresholdsAreValidated()
    {
        HttpResult answer = configure({{u"busy_at"_s, 10}, {u"pause_at"_s, 5}}, m_manager);
        QCOMPARE(answer.status, 422);
        QVERIFY(answer.body.value("error"_L1).toObject().value("fields"_L1).toObject().contains(u"pause_at"));
        QCOMPARE(configure({{u"override"_s, u"sometimes"_s}}, m_manager).status, 422);
        QCOMPARE(configure({{u"busy_at"_s, -1}}, m_manager).status, 422);
        QCOMPARE(configure({{u"busy_at"_s, 3}}, m_staff).status, 403);
        QCOMPARE(m_http->send("PUT", u"/api/kitchen/widgets/"_s + m_booking, json({{u"busy_at"_s, 3}}), m_manager).status,
                 404);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_manager;
    QString m_staff;
    QString m_ordering;
    QString m_booking;
    QStringList m_orderIds;
};

QTEST_GUILESS_MAIN(TestServerKitchen)
#include "tst_server_kitchen.moc"
