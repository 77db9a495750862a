// The filters above the orders table as staff use them: by status and by type with their counts,
// the all-day counts and the empty-table message, all following live orders. The real window,
// fed through the real model.
#include "models/ordersmodel.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"
#include "ui/ordersfilterbar.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace hearth;

namespace {

Order makeOrder(int number, OrderStatus status, OrderType type, QList<OrderItem> items, qint64 version = 1)
{
    Order order;
    order.id = QStringLiteral("order-%1").arg(number);
    order.number = number;
    order.status = status;
    order.type = type;
    order.customerName = QStringLiteral("Customer %1").arg(number);
    order.items = std::move(items);
    order.totalCents = 2300;
    order.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * number);
    order.updatedAt = order.createdAt.addSecs(version);
    if (status != OrderStatus::New)
        order.acknowledgedAt = order.createdAt.addSecs(30);
    order.version = version;
    return order;
}

OrderItem item(const char *name, int quantity)
{
    return OrderItem{QString::fromUtf8(name), quantity, 1000};
}

QStringList comboTexts(QComboBox *combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
}

} // namespace

class TestUiOrdersFilters final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void filtersShowTheirCountsAndNarrowTheTable()
    {
        Dashboard dashboard;
        OrdersModel *model = dashboard.orders();
        MainWindow *window = dashboard.window();
        window->resize(1100, 640);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTableView *view = window->ordersView();
        auto *status = window->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        auto *type = window->findChild<QComboBox *>(QStringLiteral("typeFilter"));
        QVERIFY(status && type);
        QVERIFY(!status->accessibleName().isEmpty());
        QVERIFY(!type->accessibleName().isEmpty());

        model->upsert({makeOrder(1, OrderStatus::New, OrderType::Pickup, {item("Margherita", 2)}),
                       makeOrder(2, OrderStatus::New, OrderType::Delivery, {item("Tiramisu", 1)}),
                       makeOrder(3, OrderStatus::Preparing, OrderType::Delivery, {item("Margherita", 1)}),
                       makeOrder(4, OrderStatus::Completed, OrderType::Pickup, {item("Lasagne", 3)})});
        QTRY_COMPARE(status->itemText(0), QStringLiteral("All open (3)"));
        QCOMPARE(comboTexts(status), (QStringList{QStringLiteral("All open (3)"), QStringLiteral("New (2)"),
                                                  QStringLiteral("Acknowledged (0)"), QStringLiteral("Preparing (1)"),
                                                  QStringLiteral("Ready (0)"), QStringLiteral("Completed (1)"),
                                                  QStringLiteral("Cancelled (0)")}));
        QCOMPARE(comboTexts(type), (QStringList{QStringLiteral("All types (3)"), QStringLiteral("Pickup (1)"),
                                                QStringLiteral("Delivery (2)"), QStringLiteral("Dine-in (0)")}));
        QCOMPARE(view->model()->rowCount(), 3);

        // By keyboard, as staff would: the type box to Delivery.
        type->setFocus();
        QTest::keyClick(type, Qt::Key_Down);
        QTest::keyClick(type, Qt::Key_Down);
        QCOMPARE(type->currentIndex(), 2);
        QCOMPARE(view->model()->rowCount(), 2);
        // The status counts now count deliveries only.
        QTRY_COMPARE(status->itemText(1), QStringLiteral("New (1)"));
        QCOMPARE(status->itemText(0), QStringLiteral("All open (2)"));

        // A live delivery arrives: the table and both counts follow.
        model->upsert({makeOrder(5, OrderStatus::New, OrderType::Delivery, {item("Margherita", 1)})});
        QTRY_COMPARE(type->itemText(2), QStringLiteral("Delivery (3)"));
        QCOMPARE(status->itemText(1), QStringLiteral("New (2)"));
        QCOMPARE(view->model()->rowCount(), 3);

        // Status "Completed" with "Delivery": nothing — and the table says so.
        status->setFocus();
        QTest::keyClick(status, Qt::Key_End);
        QCOMPARE(status->currentIndex(), 6); // Cancelled
        QCOMPARE(view->model()->rowCount(), 0);
        auto *empty = view->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No orders of this status or type — choose “All” to see the others"));

        // Back to all: the rows are there, the message goes.
        QTest::keyClick(status, Qt::Key_Home);
        QTest::keyClick(type, Qt::Key_Home);
        QCOMPARE(view->model()->rowCount(), 4);
        QVERIFY(!empty->isVisible());
    }

    void allDayCountsFollowTheOpenOrders()
    {
        Dashboard dashboard;
        OrdersModel *model = dashboard.orders();
        MainWindow *window = dashboard.window();
        window->resize(1400, 640);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *bar = window->findChild<OrdersFilterBar *>(QStringLiteral("ordersFilterBar"));
        QVERIFY(bar);
        auto *allDay = bar->findChild<QLabel *>(QStringLiteral("allDayCounts"));
        QVERIFY(allDay && allDay->isVisible());
        QCOMPARE(bar->allDayText(), QString());

        model->upsert({makeOrder(1, OrderStatus::New, OrderType::Pickup, {item("Margherita", 2), item("Tiramisu", 1)}),
                       makeOrder(2, OrderStatus::Preparing, OrderType::DineIn, {item("Margherita", 5), item("Tiramisu", 2)}),
                       makeOrder(3, OrderStatus::Completed, OrderType::Pickup, {item("Lasagne", 3)})});
        QTRY_COMPARE(bar->allDayText(), QStringLiteral("All day: Margherita ×7 · Tiramisu ×3"));

        // The preparing order is served: its items leave the counts.
        model->upsert({makeOrder(2, OrderStatus::Completed, OrderType::DineIn, {item("Margherita", 5), item("Tiramisu", 2)}, 2)});
        QTRY_COMPARE(bar->allDayText(), QStringLiteral("All day: Margherita ×2 · Tiramisu ×1"));

        // Too narrow for all: elided, the whole line in the tooltip.
        QList<OrderItem> many;
        for (const char *name : {"Arancini", "Bruschetta", "Calzone", "Diavola", "Focaccia", "Gelato", "Insalata"})
            many << item(name, 1);
        model->upsert({makeOrder(6, OrderStatus::New, OrderType::Pickup, many)});
        QTRY_VERIFY(allDay->toolTip().contains(QStringLiteral("Insalata ×1")));
        window->resize(700, 640);
        QTRY_VERIFY(bar->allDayText().endsWith(QStringLiteral("…")));
        QVERIFY2(bar->allDayText().startsWith(QStringLiteral("All day: Marg")), qPrintable(bar->allDayText()));
    }

    void anEmptyTableSaysNewOrdersWillAppear()
    {
        Dashboard dashboard;
        OrdersModel *model = dashboard.orders();
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTableView *view = window->ordersView();
        auto *empty = view->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("No open orders — new ones appear here by themselves"));
        QVERIFY(empty->geometry().intersects(view->viewport()->rect()));

        model->upsert({makeOrder(1, OrderStatus::New, OrderType::Pickup, {item("Soup", 1)})});
        QVERIFY(!empty->isVisible());
        // Completed: it leaves the open list, and the message is back.
        model->upsert({makeOrder(1, OrderStatus::Completed, OrderType::Pickup, {item("Soup", 1)}, 2)});
        QVERIFY(empty->isVisible());
    }
};

QTEST_MAIN(TestUiOrdersFilters)
#include "tst_ui_ordersfilters.moc"
