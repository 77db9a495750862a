// "A service already under way": the demo seed is a real, consistent history of orders.
#include "testsupport.h"

#include "core/ordercodec.h"
#include "server/demoaccounts.h"
#include "server/demoservice.h"
#include "server/eventlog.h"
#include "server/orderservice.h"

#include <QJsonDocument>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

const QString restaurant(DemoAccounts::restaurantId);

QHash<OrderStatus, int> countByStatus(const QList<Order> &orders)
{
    QHash<OrderStatus, int> counts;
    for (const Order &order : orders)
        ++counts[order.status];
    return counts;
}

} // namespace

class TestServerDemoService final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aFreshRestaurantStartsMidService()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("seeded.db"));
        options.seedDemoService = true;
        HearthServer server(options);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(server.start());
        const QDateTime after = QDateTime::currentDateTimeUtc();

        const OrderListing listing = server.orders()->snapshot(restaurant);
        QVERIFY(listing.ok);
        QCOMPARE(listing.orders.size(), DemoService::scriptedOrders);
        const QHash<OrderStatus, int> counts = countByStatus(listing.orders);
        QCOMPARE(counts.value(OrderStatus::New), 2);
        QCOMPARE(counts.value(OrderStatus::Acknowledged), 1);
        QCOMPARE(counts.value(OrderStatus::Preparing), 1);
        QCOMPARE(counts.value(OrderStatus::Ready), 1);
        QCOMPARE(counts.value(OrderStatus::Completed), 3);
        QCOMPARE(counts.value(OrderStatus::Cancelled), 1);

        for (const Order &order : listing.orders) {
            const QString why = QStringLiteral("order #%1 (%2)").arg(order.number).arg(statusToWire(order.status));
            QVERIFY2(order.createdAt >= before.addSecs(-26 * 60) && order.createdAt < before, qPrintable(why));
            QVERIFY2(order.updatedAt >= order.createdAt && order.updatedAt < after, qPrintable(why));
            const bool pastNew = order.status != OrderStatus::New && order.status != OrderStatus::Cancelled;
            QVERIFY2(order.isAcknowledged() == pastNew, qPrintable(why));
            if (order.isAcknowledged())
                QVERIFY2(order.acknowledgedAt > order.createdAt && order.acknowledgedAt <= order.updatedAt,
                         qPrintable(why));
            QVERIFY(!order.items.isEmpty() && !order.customerName.isEmpty());
        }
        // Numbered in the order the guests arrived.
        QList<Order> byNumber = listing.orders;
        std::sort(byNumber.begin(), byNumber.end(), [](const Order &a, const Order &b) { return a.number < b.number; });
        for (int i = 1; i < byNumber.size(); ++i)
            QVERIFY(byNumber.at(i).createdAt > byNumber.at(i - 1).createdAt);
    }

    void theEventLogIsTheEveningsHistory()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("history.db"));
        options.seedDemoService = true;
        HearthServer server(options);
        QVERIFY(server.start());

        const QList<StoredEvent> events = server.eventLog()->readAfter(restaurant, QStringLiteral("orders"), 0);
        // 9 created, 6 acknowledged, 1 cancelled, 5 preparing, 4 ready, 3 completed
        QCOMPARE(events.size(), 28);
        QHash<QString, Order> latest;
        QDateTime previousTs;
        for (int i = 0; i < events.size(); ++i) {
            const StoredEvent &event = events.at(i);
            QCOMPARE(event.seq, qint64(i + 1));
            QVERIFY2(!previousTs.isValid() || event.ts >= previousTs, "the log runs forward in time");
            previousTs = event.ts;
            const Decoded<Order> decoded = OrderCodec::fromJson(QJsonDocument::fromJson(event.data).object());
            QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
            const Order &order = *decoded.value;
            QCOMPARE(order.updatedAt, event.ts); // each event carries the moment of its change
            if (event.type == OrderEvents::created) {
                QVERIFY(!latest.contains(order.id));
                QCOMPARE(order.version, 1);
                QCOMPARE(order.status, OrderStatus::New);
            } else {
                const Order before = latest.value(order.id);
                QVERIFY(canTransition(before.status, order.status));
                QCOMPARE(order.version, before.version + 1);
                const QString expectedType = order.status == OrderStatus::Acknowledged ? QString(OrderEvents::acknowledged)
                                                                                        : QString(OrderEvents::statusChanged);
                QCOMPARE(event.type, expectedType);
            }
            latest.insert(order.id, order);
        }
        // The log and the table agree: what a replay from seq 0 builds is the snapshot.
        for (const Order &order : server.orders()->snapshot(restaurant).orders)
            QCOMPARE(latest.value(order.id), order);
    }

    void seededOnlyOnceAndOnlyWhenAsked()
    {
        const QString file = QStringLiteral("once.db");
        {
            HearthServer plain(testOptions(m_dir, file));
            QVERIFY(plain.start());
            QCOMPARE(plain.orders()->snapshot(restaurant).seq, 0); // off by default
        }
        ServerOptions options = testOptions(m_dir, file);
        options.seedDemoService = true;
        {
            HearthServer seeded(options);
            QVERIFY(seeded.start());
            QCOMPARE(seeded.orders()->snapshot(restaurant).orders.size(), DemoService::scriptedOrders);
            seeded.orders()->createRandomOrder(restaurant);
        }
        HearthServer restarted(options); // the evening goes on; it does not start over
        QVERIFY(restarted.start());
        QCOMPARE(restarted.orders()->snapshot(restaurant).seq, 29);

        QTemporaryDir other;
        ServerOptions busy = testOptions(other);
        HearthServer first(busy);
        QVERIFY(first.start());
        first.orders()->createRandomOrder(restaurant);
        first.stop();
        busy.seedDemoService = true;
        HearthServer second(busy);
        QVERIFY(second.start());
        QCOMPARE(second.orders()->snapshot(restaurant).orders.size(), 1); // a restaurant with a history is left alone
    }

    void theSimulatorCarriesTheSeededOrdersOn()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("living.db"));
        options.seedDemoService = true;
        options.simulateOrdersPerMinute = 0.001; // one arrival at once, then (practically) none
        options.simulationSpeed = 1000;          // 10–40 s before an order is acknowledged: 10–40 ms
        HearthServer server(options);
        QVERIFY(server.start());
        QStringList waiting;
        for (const Order &order : server.orders()->openOrders(restaurant)) {
            if (order.status == OrderStatus::New)
                waiting.append(order.id);
        }
        QCOMPARE(waiting.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(std::none_of(waiting.cbegin(), waiting.cend(), [&server](const QString &id) {
            return server.orders()->find(restaurant, id)->status == OrderStatus::New;
        }), 10000);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestServerDemoService)
#include "tst_server_demoservice.moc"
