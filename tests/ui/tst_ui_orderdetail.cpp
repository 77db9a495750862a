// The detail pane and the page around it, driven as staff use them: fees that add up to the
// total, the phone copied with a click, where the order goes, how late it is by the server's
// clock, who made each status change; Recall greyed once its two minutes are over; the page at
// 800×600 without sideways scrolling. Real window, real model; the clock is the test's.
#include "models/ordersmodel.h"
#include "models/recallwindow.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"
#include "ui/orderdetailpane.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

using namespace hearth;

namespace {

const QDateTime baseTime = QDateTime(QDate(2026, 3, 6), QTime(19, 0), Qt::UTC);

Order makeOrder(int number, OrderStatus status = OrderStatus::New)
{
    Order order;
    order.id = QStringLiteral("order-%1").arg(number);
    order.number = number;
    order.status = status;
    order.type = OrderType::Pickup;
    order.customerName = QStringLiteral("Customer %1").arg(number);
    order.items = {OrderItem{QStringLiteral("Margherita"), 2, 1150}};
    order.totalCents = 2300;
    order.createdAt = baseTime.addSecs(60 * number);
    order.updatedAt = order.createdAt;
    order.history = {OrderStatusChange{OrderStatus::New, order.createdAt, {}}};
    return order;
}

QString timeText(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat);
}

int viewRowOf(QTableView *view, const QString &id)
{
    for (int row = 0; row < view->model()->rowCount(); ++row)
        if (view->model()->index(row, 0).data(OrdersModel::OrderIdRole).toString() == id)
            return row;
    return -1;
}

void selectOrder(QTableView *view, const QString &id)
{
    const int row = viewRowOf(view, id);
    QVERIFY(row >= 0);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(row, 0));
}

struct Page
{
    Dashboard dashboard;
    QDateTime now = baseTime;
    MainWindow *window = dashboard.window();
    OrderDetailPane *pane = window->findChild<OrderDetailPane *>(QStringLiteral("orderDetail"));

    Page(int width, int height)
    {
        window->serverClock()->setClientClock([this] { return now; });
        window->resize(width, height);
        window->show();
    }
};

} // namespace

class TestUiOrderDetail final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void cleanupTestCase() { QSettings().clear(); }

    void feesContactPlaceAndWhoMadeEachChange()
    {
        Page page(1100, 700);
        QVERIFY(QTest::qWaitForWindowExposed(page.window));
        Order order = makeOrder(12, OrderStatus::Preparing);
        order.type = OrderType::Delivery;
        order.deliveryAddress = QStringLiteral("12 Mill Lane");
        order.customerPhone = QStringLiteral("+1 555 0142");
        order.charges.deliveryFeeCents = 399;
        order.charges.tipCents = 300;
        order.charges.discountCents = 230;
        order.totalCents = 2300 + 399 + 300 - 230;
        order.acknowledgedAt = order.createdAt.addSecs(90);
        order.updatedAt = order.createdAt.addSecs(300);
        order.history << OrderStatusChange{OrderStatus::Acknowledged, order.acknowledgedAt, QStringLiteral("Sam Staff")}
                      << OrderStatusChange{OrderStatus::Preparing, order.updatedAt, QStringLiteral("Morgan Manager")};
        page.dashboard.orders()->upsert({order});
        selectOrder(page.window->ordersView(), order.id);

        const QString shown = page.pane->text().simplified(); // table cells become single spaces
        for (const QString &expected :
             {QStringLiteral("Order #12"), QStringLiteral("Customer 12"), QStringLiteral("+1 555 0142"),
              QStringLiteral("Delivery to 12 Mill Lane"), QStringLiteral("Subtotal $23.00"), QStringLiteral("Delivery fee $3.99"),
              QStringLiteral("Tip $3.00"), QStringLiteral("Discount −$2.30"), QStringLiteral("Total $27.69"),
              QStringLiteral("%1 Acknowledged · Sam Staff").arg(timeText(order.acknowledgedAt)),
              QStringLiteral("%1 Preparing · Morgan Manager").arg(timeText(order.updatedAt))})
            QVERIFY2(shown.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + shown));
        // The time it came in is said once (it was in the header and again in the timeline).
        QCOMPARE(shown.count(timeText(order.createdAt)), 1);
        QCOMPARE(shown.count(QStringLiteral("Received")), 1);

        // Tap to copy: the number is on the clipboard, the button says so.
        auto *phone = page.pane->findChild<QPushButton *>(QStringLiteral("orderDetailPhone"));
        QVERIFY(phone && phone->isVisible());
        QVERIFY(!phone->accessibleName().isEmpty());
        QSignalSpy copied(page.pane, &OrderDetailPane::phoneCopied);
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(phone, Qt::LeftButton);
        QCOMPARE(copied.count(), 1);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("+1 555 0142"));
        QVERIFY(phone->text().contains(QStringLiteral("copied")));

        // A backend's total with parts it does not name: one more line, so the column adds up.
        Order other = makeOrder(13);
        other.type = OrderType::DineIn;
        other.table = QStringLiteral("Terrace 3");
        other.charges.serviceFeeCents = 150;
        other.totalCents = 2300 + 150 + 207;
        page.dashboard.orders()->upsert({other});
        selectOrder(page.window->ordersView(), other.id);
        const QString dineIn = page.pane->text().simplified();
        for (const QString &expected : {QStringLiteral("Dine-in · table Terrace 3"), QStringLiteral("Service fee $1.50"),
                                        QStringLiteral("Other charges $2.07"), QStringLiteral("Total $26.57")})
            QVERIFY2(dineIn.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + dineIn));
        QVERIFY(!phone->isVisible()); // no number: no button
        QVERIFY(!dineIn.contains(QStringLiteral("copied")));
    }

    void lateByFollowsTheServersClock()
    {
        Page page(1100, 700);
        QVERIFY(QTest::qWaitForWindowExposed(page.window));
        Order order = makeOrder(20);
        order.promisedAt = order.createdAt.addSecs(20 * 60);
        page.dashboard.orders()->upsert({order});
        page.now = order.createdAt.addSecs(10 * 60);
        selectOrder(page.window->ordersView(), order.id);
        const QString promised = QStringLiteral("Promised for %1").arg(timeText(order.promisedAt));
        QVERIFY2(page.pane->text().contains(promised), qPrintable(page.pane->text()));
        QVERIFY(!page.pane->text().contains(QStringLiteral("late")));

        page.now = order.promisedAt.addSecs(7 * 60 + 5);
        QTRY_VERIFY2(page.pane->text().contains(QStringLiteral("late by 7 min")), qPrintable(page.pane->text()));
        // Done is done: a completed order is not late any more.
        order.status = OrderStatus::Completed;
        order.version = 2;
        page.dashboard.orders()->upsert({order});
        QVERIFY(!OrderDetailPane::lateText(order, page.now).size());
    }

    void recallGreysWhenItsTwoMinutesAreOver()
    {
        Page page(1100, 700);
        QVERIFY(QTest::qWaitForWindowExposed(page.window));
        auto *recall = page.window->findChild<QAction *>(QStringLiteral("recallAction"));
        Order changed = makeOrder(30, OrderStatus::Acknowledged);
        const QDateTime changedAt = changed.createdAt.addSecs(40);
        changed.acknowledgedAt = changed.updatedAt = changedAt;
        changed.history << OrderStatusChange{OrderStatus::Acknowledged, changedAt, QStringLiteral("Sam Staff")};
        changed.version = 2;
        const Order untouched = makeOrder(31);
        page.dashboard.orders()->upsert({changed, untouched});

        page.now = changedAt.addSecs(60);
        selectOrder(page.window->ordersView(), changed.id);
        QVERIFY(recall->isEnabled());
        // Nothing happens to the order; only the clock moves past the window.
        page.now = changedAt.addSecs(RecallWindow::seconds + 1);
        QTRY_VERIFY(!recall->isEnabled());
        // An order never moved has nothing to recall.
        selectOrder(page.window->ordersView(), untouched.id);
        QVERIFY(!recall->isEnabled());
        // A new change opens the window again.
        changed.status = OrderStatus::Preparing;
        changed.updatedAt = page.now;
        changed.history << OrderStatusChange{OrderStatus::Preparing, page.now, QStringLiteral("Sam Staff")};
        changed.version = 3;
        page.dashboard.orders()->upsert({changed});
        selectOrder(page.window->ordersView(), changed.id);
        QVERIFY(recall->isEnabled());
    }

    void at800x600NothingScrollsSideways()
    {
        Page page(800, 600);
        QVERIFY(QTest::qWaitForWindowExposed(page.window));
        QList<Order> orders;
        for (int number = 1; number <= 12; ++number) {
            Order order = makeOrder(number, number % 2 ? OrderStatus::Acknowledged : OrderStatus::Preparing);
            order.customerName = QStringLiteral("Maximilian Müller-Lüdenscheidt %1").arg(number);
            order.items << OrderItem{QStringLiteral("Funghi e Tartufo"), 3, 1590} << OrderItem{QStringLiteral("Tiramisu"), 2, 690};
            order.type = OrderType::Delivery;
            orders << order;
        }
        page.dashboard.orders()->upsert(orders);
        QTableView *view = page.window->ordersView();
        selectOrder(view, orders.first().id);
        auto *splitter = page.window->findChild<QSplitter *>(QStringLiteral("ordersSplitter"));
        QTRY_COMPARE(splitter->orientation(), Qt::Vertical); // the pane below the table, not beside it
        QCoreApplication::processEvents();
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        QVERIFY2(page.pane->height() >= 150 && page.pane->width() >= 600,
                 qPrintable(QStringLiteral("pane %1×%2").arg(page.pane->width()).arg(page.pane->height())));
        QVERIFY(view->height() >= 150);
        // The status reads whole; the long names elide rather than push the table sideways.
        QFont bold = view->font();
        bold.setBold(true);
        QVERIFY(view->columnWidth(OrdersModel::StatusColumn) >= QFontMetrics(bold).horizontalAdvance(QStringLiteral("Acknowledged")));
        QVERIFY(view->columnWidth(OrdersModel::TotalColumn) >= QFontMetrics(bold).horizontalAdvance(formatCents(999999)));
        QVERIFY(page.pane->text().contains(QStringLiteral("Order #1")));

        // The pane can be dragged shut, and stays shut when the window changes size.
        splitter->setSizes({splitter->height(), 0});
        page.window->resize(820, 620);
        QTRY_COMPARE(page.window->height(), 620);
        QCOMPARE(splitter->sizes().at(1), 0);
        splitter->setSizes({splitter->height() - 200, 200});

        // A wide window: the pane beside the table again, still nothing sideways.
        page.window->resize(1100, 700);
        QTRY_COMPARE(splitter->orientation(), Qt::Horizontal);
        QCoreApplication::processEvents();
        QVERIFY(splitter->sizes().at(1) > 0);
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    }
};

QTEST_MAIN(TestUiOrderDetail)
#include "tst_ui_orderdetail.moc"
