// Order ages by the server's clock: true on a PC whose clock is ten minutes off either way, never
// negative, amber from 5 and red from 10 minutes.
#include "models/orderagesproxy.h"
#include "models/ordersmodel.h"
#include "models/serverclock.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QTimeZone>
#include <QtTest>

using namespace hearth;

namespace {

const QDateTime trueNow = QDateTime(QDate(2026, 3, 6), QTime(20, 0), Qt::UTC);

Order openOrder(int number, int minutesAgo)
{
    Order order;
    order.id = QStringLiteral("o%1").arg(number);
    order.number = number;
    order.createdAt = trueNow.addSecs(-60 * minutesAgo);
    order.updatedAt = order.createdAt;
    return order;
}

} // namespace

class TestOrderAges final : public QObject
{
    Q_OBJECT

private slots:
    void agesAreTrueWithTheClientClockOff_data()
    {
        QTest::addColumn<int>("clientOffMinutes");
        QTest::newRow("client 10 min ahead") << 10;
        QTest::newRow("client 10 min behind") << -10;
        QTest::newRow("client right") << 0;
    }

    void agesAreTrueWithTheClientClockOff()
    {
        QFETCH(int, clientOffMinutes);
        ServerClock clock;
        clock.setClientClock([=] { return trueNow.addSecs(60 * clientOffMinutes); });
        OrdersModel model;
        OrderAgesProxy ages(&clock);
        ages.setSourceModel(&model);
        QAbstractItemModelTester tester(&ages, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // A snapshot of orders placed 3, 7 and 12 minutes ago: their stamps are old, so they only
        // tell a server that is ahead. Ages may be off but never negative.
        const QList<Order> snapshot{openOrder(1, 3), openOrder(2, 7), openOrder(3, 12)};
        for (const Order &order : snapshot)
            clock.observe(order.updatedAt);
        model.replaceAll(snapshot);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(ages.index(row, OrdersModel::ReceivedColumn).data(OrderAgesProxy::AgeSecondsRole).toLongLong() >= 0);

        // A change pushed live: stamped by the server just now.
        Order live = openOrder(4, 0);
        clock.observeFresh(live.updatedAt);
        model.upsert({live});
        QCOMPARE(clock.now(), trueNow);
        const auto ageOf = [&](const QString &id) {
            return ages.index(model.rowOf(id), OrdersModel::ReceivedColumn).data(OrderAgesProxy::AgeSecondsRole).toLongLong();
        };
        QCOMPARE(ageOf(QStringLiteral("o1")), 180);
        QCOMPARE(ageOf(QStringLiteral("o2")), 420);
        QCOMPARE(ageOf(QStringLiteral("o4")), 0);
        const QString shown = ages.index(model.rowOf(QStringLiteral("o1")), OrdersModel::ReceivedColumn).data().toString();
        QVERIFY2(shown.startsWith(QStringLiteral("3 min")), qPrintable(shown));

        // An order stamped a little after our estimate is "just now", not "-1 min".
        Order early = openOrder(5, 0);
        early.createdAt = trueNow.addSecs(20);
        model.upsert({early});
        QCOMPARE(ageOf(QStringLiteral("o5")), 0);
    }

    void colourEscalatesAtFiveAndTenMinutes()
    {
        ServerClock clock;
        clock.setClientClock([] { return trueNow; });
        OrdersModel model;
        OrderAgesProxy ages(&clock);
        ages.setSourceModel(&model);
        QAbstractItemModelTester tester(&ages, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert({openOrder(1, 4), openOrder(2, 6), openOrder(3, 11)});
        const auto colourOf = [&](const QString &id) {
            return ages.index(model.rowOf(id), OrdersModel::ReceivedColumn).data(Qt::BackgroundRole).value<QBrush>().color();
        };
        const QColor fresh = colourOf(QStringLiteral("o1"));
        const QColor warning = colourOf(QStringLiteral("o2"));
        const QColor urgent = colourOf(QStringLiteral("o3"));
        QVERIFY(fresh != warning);
        QVERIFY(warning != urgent);
        QVERIFY(urgent.red() > urgent.green()); // red

        // Time passes: the 4-minute order turns amber, and the view is told.
        QSignalSpy changed(&ages, &QAbstractItemModel::dataChanged);
        clock.setClientClock([] { return trueNow.addSecs(90); });
        ages.refresh();
        QVERIFY(!changed.isEmpty());
        QCOMPARE(colourOf(QStringLiteral("o1")), warning);

        // Closed orders have no age.
        Order done = openOrder(1, 4);
        done.status = OrderStatus::Completed;
        done.version = 2;
        model.upsert({done});
        QVERIFY(!ages.index(model.rowOf(QStringLiteral("o1")), OrdersModel::ReceivedColumn)
                     .data(OrderAgesProxy::AgeSecondsRole).isValid());
    }

    // A Ready order waiting 5 minutes is later than a New one: each status may have its own.
    void eachStatusMayHaveItsOwnThresholds()
    {
        ServerClock clock;
        clock.setClientClock([] { return trueNow; });
        OrdersModel model;
        OrderAgesProxy ages(&clock);
        ages.setSourceModel(&model);
        QAbstractItemModelTester tester(&ages, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Order ready = openOrder(1, 3);
        ready.status = OrderStatus::Ready;
        ready.acknowledgedAt = ready.createdAt;
        model.upsert({openOrder(2, 3), ready});
        const auto colourOf = [&](const QString &id) {
            return ages.index(model.rowOf(id), OrdersModel::ReceivedColumn).data(Qt::BackgroundRole).value<QBrush>().color();
        };
        const QColor plainNew = colourOf(QStringLiteral("o2"));
        QCOMPARE(colourOf(QStringLiteral("o1")), model.index(model.rowOf(QStringLiteral("o1")), 0).data(Qt::BackgroundRole).value<QBrush>().color());

        QSignalSpy changed(&ages, &QAbstractItemModel::dataChanged);
        ages.setThresholds(OrderStatus::Ready, std::chrono::minutes(2), std::chrono::minutes(3));
        QVERIFY(!changed.isEmpty());
        const QColor readyColour = colourOf(QStringLiteral("o1"));
        QVERIFY(readyColour.red() > readyColour.green()); // red at 3 minutes for Ready
        QCOMPARE(colourOf(QStringLiteral("o2")), plainNew); // New keeps 5 and 10

        // Setting all statuses at once replaces the per-status ones.
        ages.setThresholds(std::chrono::minutes(1), std::chrono::minutes(30));
        QCOMPARE(colourOf(QStringLiteral("o1")), colourOf(QStringLiteral("o2")));
        QVERIFY(colourOf(QStringLiteral("o2")) != plainNew);
    }
};

QTEST_MAIN(TestOrderAges)
#include "tst_orderages.moc"
