// How the orders page reads: every control named for screen readers, the Items column given the
// width the others do not need, and the age colours following the thresholds set per status.
#include "models/orderagesproxy.h"
#include "models/ordersmodel.h"
#include "models/orderspagesettings.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"

#include <QAccessible>
#include <QBrush>
#include <QHeaderView>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QtTest>

using namespace hearth;

namespace {

Order makeOrder(int number, OrderStatus status, int minutesAgo, QList<OrderItem> items)
{
    Order order;
    order.id = QStringLiteral("order-%1").arg(number);
    order.number = number;
    order.status = status;
    order.customerName = QStringLiteral("Customer %1").arg(number);
    order.items = std::move(items);
    order.totalCents = 2300;
    order.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    order.updatedAt = order.createdAt;
    if (status != OrderStatus::New)
        order.acknowledgedAt = order.createdAt.addSecs(30);
    return order;
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *face = QAccessible::queryAccessibleInterface(widget);
    return face ? face->text(QAccessible::Name) : QString();
}

} // namespace

class TestUiOrdersPageLook final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void everyControlHasAName()
    {
        Dashboard dashboard;
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        dashboard.orders()->upsert({makeOrder(1, OrderStatus::New, 1, {OrderItem{QStringLiteral("Soup"), 1, 650}})});
        QStringList unnamed;
        const QList<QWidget *> widgets = window->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (!widget->isVisibleTo(window) || widget->focusPolicy() == Qt::NoFocus || widget->isWindow())
                continue;
            if (accessibleName(widget).trimmed().isEmpty())
                unnamed << (widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className()) : widget->objectName());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u',')));
        for (const char *name : {"orderSearch", "openOnly", "statusFilter", "typeFilter", "allDayCounts", "ordersView", "orderDetail"})
            QVERIFY2(!accessibleName(window->findChild<QWidget *>(QLatin1StringView(name))).isEmpty(), name);
        QCOMPARE(accessibleName(window->findChild<QWidget *>(QStringLiteral("orderSearch"))),
                 QStringLiteral("Search orders by number, customer or item"));
    }

    // The Items column was cut to "3× Las…" at 1100 px with the detail pane open.
    void itemsGetTheSpareWidth()
    {
        Dashboard dashboard;
        MainWindow *window = dashboard.window();
        window->resize(1100, 700);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        dashboard.orders()->upsert({makeOrder(1, OrderStatus::New, 1, {OrderItem{QStringLiteral("Lasagne"), 3, 1400},
                                                                        OrderItem{QStringLiteral("Tiramisu"), 1, 650}})});
        QTableView *view = window->ordersView();
        auto *splitter = window->findChild<QSplitter *>(QStringLiteral("ordersSplitter"));
        QVERIFY(splitter->sizes().at(1) > 0); // the detail pane is open
        QCoreApplication::processEvents();
        QFont bold = view->font();
        bold.setBold(true);
        const int wanted = QFontMetrics(bold).horizontalAdvance(QStringLiteral("3× Lasagne, 1× Tiramisu"));
        const int items = view->columnWidth(OrdersModel::ItemsColumn);
        QStringList widths;
        for (int column = 0; column < OrdersModel::ColumnCount; ++column)
            widths << QString::number(view->columnWidth(column));
        QVERIFY2(items >= wanted, qPrintable(QStringLiteral("Items %1 px, needs %2; columns %3; page list %4, pane %5")
                                                 .arg(items).arg(wanted).arg(widths.join(u' '))
                                                 .arg(window->findChild<QWidget *>(QStringLiteral("pageList"))->width())
                                                 .arg(splitter->sizes().at(1))));

        // A wider window: all of the extra width goes to Items.
        QList<int> before;
        for (int column = 0; column < OrdersModel::ColumnCount; ++column)
            before << view->columnWidth(column);
        window->resize(1500, 700);
        QTRY_VERIFY(view->columnWidth(OrdersModel::ItemsColumn) > items + 200);
        for (int column = 0; column < OrdersModel::ColumnCount; ++column)
            if (column != OrdersModel::ItemsColumn)
                QCOMPARE(view->columnWidth(column), before.at(column));
    }

    void ageColoursFollowTheThresholdsSetPerStatus()
    {
        Dashboard dashboard;
        MainWindow *window = dashboard.window();
        OrdersModel *model = dashboard.orders();
        model->upsert({makeOrder(1, OrderStatus::Ready, 4, {OrderItem{QStringLiteral("Soup"), 1, 650}}),
                       makeOrder(2, OrderStatus::New, 4, {OrderItem{QStringLiteral("Soup"), 1, 650}})});
        OrderAgesProxy *ages = window->orderAges();
        const auto colourOf = [&](int number) {
            return ages->index(model->rowOf(QStringLiteral("order-%1").arg(number)), OrdersModel::ReceivedColumn)
                .data(Qt::BackgroundRole).value<QBrush>().color();
        };
        const QColor calm = colourOf(2); // 4 minutes: under the default 5
        // Defaults: 5 and 10 minutes for every status.
        QCOMPARE(window->settings()->ageWarning(OrderStatus::Ready), std::chrono::minutes(5));
        QCOMPARE(window->settings()->ageUrgent(OrderStatus::Ready), std::chrono::minutes(10));
        QCOMPARE(colourOf(1).red() > colourOf(1).green(), false);

        // A Ready order should be served within 3 minutes here: red.
        window->settings()->setAgeThresholds(OrderStatus::Ready, std::chrono::minutes(2), std::chrono::minutes(3));
        QVERIFY(colourOf(1).red() > colourOf(1).green());
        QCOMPARE(colourOf(2), calm);
        // Kept for the next start.
        QCOMPARE(QSettings().value(QStringLiteral("ages/ready/urgent")).toInt(), 3);
        Dashboard next;
        next.orders()->upsert({makeOrder(1, OrderStatus::Ready, 4, {OrderItem{QStringLiteral("Soup"), 1, 650}})});
        QVERIFY(next.window()->orderAges()->index(0, OrdersModel::ReceivedColumn).data(Qt::BackgroundRole).value<QBrush>().color().red()
                > next.window()->orderAges()->index(0, OrdersModel::ReceivedColumn).data(Qt::BackgroundRole).value<QBrush>().color().green());
    }
};

QTEST_MAIN(TestUiOrdersPageLook)
#include "tst_ui_orderspagelook.moc"
