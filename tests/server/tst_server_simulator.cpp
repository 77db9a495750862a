// The demo simulator: orders arrive and move through the kitchen as real, valid events.
#include "testsupport.h"

#include "core/ordercodec.h"
#include "server/demoaccounts.h"
#include "server/inventoryservice.h"
#include "server/orderservice.h"

#include <QJsonDocument>

#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

class TestServerSimulator final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void simulatedOrdersFlowThroughValidStatuses()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("simulated.db"));
        options.simulateOrdersPerMinute = 120;
        options.simulationSpeed = 100; // minutes of kitchen time in seconds
        HearthServer server(options);
        QVERIFY(server.start());
        HttpClient http(server.httpUrl());
        const QString token = http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        WsClient client;
        QVERIFY(client.open(server.webSocketUrl(), token));
        QCOMPARE(client.next().value(QLatin1StringView("op")).toString(), QStringLiteral("welcome"));
        // From seq 0: the first order was created right after start, before this subscription.
        QVERIFY(client.subscribe(QStringLiteral("orders"), server.epoch(), 0).value(QLatin1StringView("recovered")).toBool());

        QHash<QString, Order> latest;
        qint64 lastSeq = 0;
        int finished = 0;
        QDeadlineTimer deadline(20000);
        while (finished < 2 && !deadline.hasExpired()) {
            const QJsonObject event = client.next(int(deadline.remainingTime()));
            QVERIFY2(!event.isEmpty(), "no simulated event in time");
            QCOMPARE(event.value(QLatin1StringView("seq")).toInteger(), ++lastSeq);
            const Decoded<Order> decoded = OrderCodec::fromJson(event.value(QLatin1StringView("data")).toObject());
            QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
            const Order &order = *decoded.value;
            QVERIFY(!order.customerName.isEmpty());
            QVERIFY(!order.items.isEmpty());
            QVERIFY(order.totalCents > 0);
            const QString type = event.value(QLatin1StringView("type")).toString();
            if (type == u"order.created") {
                QVERIFY(!latest.contains(order.id));
                QCOMPARE(order.status, OrderStatus::New);
                QCOMPARE(order.version, 1);
            } else {
                QVERIFY(latest.contains(order.id));
                const Order &before = latest.value(order.id);
                QVERIFY2(canTransition(before.status, order.status),
                         qPrintable(statusToWire(before.status) + u" -> " + statusToWire(order.status)));
                QCOMPARE(order.version, before.version + 1);
                if (order.status == OrderStatus::Acknowledged)
                    QVERIFY(order.isAcknowledged());
                if (!order.isOpen())
                    ++finished;
            }
            latest.insert(order.id, order);
        }
        QCOMPARE(finished, 2);
    }

    // The website hides what the manager took off the menu (or stock sold out): simulated
    // guests do not order it either.
    void simulatedGuestsOrderOnlyWhatIsOnTheMenu()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("menu.db"));
        options.simulateOrdersPerMinute = 600;
        options.simulationSpeed = 100;
        HearthServer server(options);
        QSignalSpy events(server.orders(), &OrderService::eventAppended);
        QVERIFY(server.start());
        const QString restaurant(DemoAccounts::restaurantId);
        QStringList offMenu;
        for (const MenuItem &item : server.inventory()->snapshot(restaurant).menu) {
            if (item.name == u"Margherita" || item.name == u"Diavola") {
                QVERIFY(server.inventory()->setAvailability(restaurant, item.id, MenuChange{false, {}, {}}).ok());
                offMenu.append(item.name);
            }
        }
        QCOMPARE(offMenu.size(), 2);

        events.clear();
        int created = 0;
        QHash<QString, int> dishes;
        QDeadlineTimer deadline(20000);
        while (created < 40 && !deadline.hasExpired()) {
            if (events.isEmpty() && !events.wait(int(deadline.remainingTime())))
                break;
            const StoredEvent event = events.takeFirst().at(0).value<StoredEvent>();
            if (event.type != OrderEvents::created)
                continue;
            ++created;
            const Decoded<Order> order = OrderCodec::fromJson(QJsonDocument::fromJson(event.data).object());
            QVERIFY(order.ok());
            for (const OrderItem &item : order.value->items)
                ++dishes[item.name];
        }
        QCOMPARE(created, 40);
        QVERIFY2(dishes.size() >= 5, qPrintable(QStringList(dishes.keys()).join(u", "))); // the rest is ordered
        for (const QString &dish : std::as_const(offMenu))
            QVERIFY2(!dishes.contains(dish), qPrintable(dish));
    }

    void staffActionsAreRespectedAndTheRateCanChange()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("staff.db"));
        options.simulateOrdersPerMinute = 1; // the first order at once, the next in about a minute
        options.simulationSpeed = 100;
        HearthServer server(options);
        QSignalSpy events(server.orders(), &OrderService::eventAppended);
        QVERIFY(server.start());
        QTRY_COMPARE(events.count(), 1);
        const QJsonObject created =
            QJsonDocument::fromJson(events.first().first().value<StoredEvent>().data).object();
        const QString orderId = created.value(QLatin1StringView("id")).toString();

        // Staff are faster than the simulated 10–40 s: the simulator carries on from there.
        QVERIFY(server.orders()->acknowledge(QStringLiteral("1"), orderId).ok());
        QTRY_VERIFY_WITH_TIMEOUT(server.orders()->find(QStringLiteral("1"), orderId)->status == OrderStatus::Preparing
                                     || !server.orders()->find(QStringLiteral("1"), orderId)->isOpen(),
                                 10000);

        const qsizetype before = events.count();
        server.setSimulationRate(0);
        server.orders()->createRandomOrder(QStringLiteral("1"));
        QCOMPARE(events.count(), before + 1);
        server.setSimulationRate(600); // restarting adopts open orders and creates one at once
        QTRY_VERIFY(events.count() > before + 1);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestServerSimulator)
#include "tst_server_simulator.moc"
