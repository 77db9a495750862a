// The orders page as staff use it: selection that stays on its order, rows that hold still under
// the pointer, failures that stay on screen, the keyboard, readable columns. The real window,
// fed through the real model (and, where an action must fail for real, a real server).
#include "models/displaylocale.h"
#include "models/ordersmodel.h"
#include "realtime/realtimeservice.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "server/orderservice.h"
#include "sync/orderactions.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"
#include "ui/orderdetailpane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QToolButton>
#include <QTimeZone>
#include <QtTest>

using namespace hearth;

namespace {

const QDateTime baseTime = QDateTime(QDate(2026, 3, 6), QTime(19, 0), Qt::UTC);

Order makeOrder(int number, OrderStatus status, int minutesAfterBase, qint64 version = 1)
{
    Order order;
    order.id = QStringLiteral("order-%1").arg(number);
    order.number = number;
    order.status = status;
    order.type = OrderType::Pickup;
    order.customerName = QStringLiteral("Customer %1").arg(number);
    order.items = {OrderItem{QStringLiteral("Margherita"), 2, 1150}};
    order.totalCents = 2300;
    order.createdAt = baseTime.addSecs(60 * minutesAfterBase);
    order.updatedAt = order.createdAt.addSecs(version);
    if (status != OrderStatus::New)
        order.acknowledgedAt = order.createdAt.addSecs(30);
    order.version = version;
    return order;
}

QString selectedId(QTableView *view)
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(OrdersModel::OrderIdRole).toString();
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
    view->setCurrentIndex(view->model()->index(row, 0)); // as a click or arrow key does
}

} // namespace

class TestUiOrdersPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    // Defect 7: after Complete the selection jumped to the next order, so the next Ctrl+Return
    // advanced a ticket nobody had chosen.
    void theSelectionStaysOnItsOrderOrOnNone()
    {
        Dashboard dashboard;
        OrdersModel *model = dashboard.orders();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTableView *view = window->ordersView();
        model->upsert({makeOrder(1, OrderStatus::Ready, 0), makeOrder(2, OrderStatus::Ready, 1),
                       makeOrder(3, OrderStatus::Ready, 2)});
        QCOMPARE(view->model()->rowCount(), 3);

        selectOrder(view, QStringLiteral("order-2"));
        QCOMPARE(selectedId(view), QStringLiteral("order-2"));
        auto *advance = window->findChild<QAction *>(QStringLiteral("advanceAction"));
        QVERIFY(advance->isEnabled());

        // Completed (here: its new version arrives, as after a click on Complete): it leaves
        // the open list, and nothing else gets selected in its place.
        model->upsert({makeOrder(2, OrderStatus::Completed, 1, 2)});
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(selectedId(view), QString());
        QVERIFY(!view->selectionModel()->currentIndex().isValid());
        QVERIFY(!advance->isEnabled());

        // New orders, changes of others, a re-sort: the selection follows its order.
        selectOrder(view, QStringLiteral("order-1"));
        model->upsert({makeOrder(4, OrderStatus::New, 5)});
        QCOMPARE(selectedId(view), QStringLiteral("order-1"));
        model->upsert({makeOrder(3, OrderStatus::Completed, 2, 2)});
        QCOMPARE(selectedId(view), QStringLiteral("order-1"));
        view->sortByColumn(OrdersModel::NumberColumn, Qt::DescendingOrder);
        QCOMPARE(selectedId(view), QStringLiteral("order-1"));
        // A fresh snapshot without it: none, never a neighbour.
        model->replaceAll({makeOrder(4, OrderStatus::New, 5), makeOrder(5, OrderStatus::New, 6)});
        QCOMPARE(selectedId(view), QString());
    }

    // Defect 7: rows shifted under the pointer as orders arrived.
    void rowsHoldStillWhileAButtonIsDown()
    {
        Dashboard dashboard;
        OrdersModel *model = dashboard.orders();
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTableView *view = window->ordersView();
        model->upsert({makeOrder(1, OrderStatus::Ready, 0), makeOrder(2, OrderStatus::Ready, 1),
                       makeOrder(3, OrderStatus::Ready, 2)});
        const int row = viewRowOf(view, QStringLiteral("order-2"));
        const QPoint point = view->visualRect(view->model()->index(row, OrdersModel::CustomerColumn)).center();
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, point);
        QCOMPARE(selectedId(view), QStringLiteral("order-2"));

        // A newer order (it sorts to the top) and an older one leaving: nothing moves yet.
        model->upsert({makeOrder(9, OrderStatus::New, 10)});
        model->upsert({makeOrder(3, OrderStatus::Completed, 2, 2)});
        QCOMPARE(view->indexAt(point).data(OrdersModel::OrderIdRole).toString(), QStringLiteral("order-2"));
        QCOMPARE(view->model()->rowCount(), 3);

        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, point);
        QCOMPARE(viewRowOf(view, QStringLiteral("order-9")), 0);  // in now, at its place
        QCOMPARE(viewRowOf(view, QStringLiteral("order-3")), -1); // gone now
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(selectedId(view), QStringLiteral("order-2"));
    }

    // Defect 2: Acknowledge while offline failed silently (a log line, the button back, the
    // order still New). Now it waits in the durable queue, the row says "queued", and it is
    // sent once the server is back.
    void anOfflineActionIsQueuedOnTheRowAndSentWhenTheServerIsBack()
    {
        QTemporaryDir dir;
        server::HearthServer server(serverOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const Order order = server.orders()->createRandomOrder(QString(server::DemoAccounts::restaurantId));

        Dashboard dashboard;
        dashboard.setRemembersSession(false);
        dashboard.setCacheDirectory(dir.path()); // the queue's file lives beside the caches
        dashboard.realtime()->setReconnectPolicy(ReconnectPolicy{std::chrono::milliseconds(50),
                                                                 std::chrono::milliseconds(300),
                                                                 std::chrono::milliseconds(5000), 0});
        dashboard.signInDirectly(ServerAddress::fromHttpBase(server.httpUrl()),
                                 QString(server::DemoAccounts::managerUsername),
                                 QString(server::DemoAccounts::managerPassword));
        MainWindow *window = dashboard.window();
        QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 10000);
        QTableView *view = window->ordersView();
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(viewRowOf(view, order.id), 0, 10000);
        auto *bar = window->findChild<QWidget *>(QStringLiteral("messageBar"));
        QVERIFY(bar);

        server.stop();
        selectOrder(view, order.id);
        auto *acknowledge = window->findChild<QAction *>(QStringLiteral("acknowledgeAction"));
        QVERIFY(acknowledge->isEnabled());
        acknowledge->trigger();
        const auto statusText = [&] {
            return view->model()->index(viewRowOf(view, order.id), OrdersModel::StatusColumn).data().toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusText(), QStringLiteral("Acknowledged — queued"), 15000);
        const QString tip = view->model()->index(viewRowOf(view, order.id), OrdersModel::StatusColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Acknowledge")), qPrintable(tip));
        QVERIFY(!bar->isVisible()); // not a failure: it will be sent
        QVERIFY(!acknowledge->isEnabled()); // already asked for
        // Offline, the next step is offered on top of the queued one.
        auto *advance = window->findChild<QAction *>(QStringLiteral("advanceAction"));
        QVERIFY(advance->isEnabled());
        QCOMPARE(advance->text(), QStringLiteral("Start preparing"));

        QVERIFY2(server.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(statusText(), QStringLiteral("Acknowledged"), 15000);
        QCOMPARE(server.orders()->find(QString(server::DemoAccounts::restaurantId), order.id)->version, order.version + 1);
        QVERIFY(!bar->isVisible());
    }

    // A refusal other than "offline" is not retried: it stays on the row and above the table
    // until someone reads it. (Here: recalling a recall, as a PC that saw the first one late
    // would; this window greys Recall once the recall is back.)
    void aRefusedActionStaysOnTheRowAndAboveTheTable()
    {
        QTemporaryDir dir;
        server::HearthServer server(serverOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const Order order = server.orders()->createRandomOrder(QString(server::DemoAccounts::restaurantId));

        Dashboard dashboard;
        dashboard.setRemembersSession(false);
        dashboard.signInDirectly(ServerAddress::fromHttpBase(server.httpUrl()),
                                 QString(server::DemoAccounts::managerUsername),
                                 QString(server::DemoAccounts::managerPassword));
        MainWindow *window = dashboard.window();
        QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 10000);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTableView *view = window->ordersView();
        QTRY_COMPARE_WITH_TIMEOUT(viewRowOf(view, order.id), 0, 10000);
        auto *bar = window->findChild<QWidget *>(QStringLiteral("messageBar"));

        selectOrder(view, order.id);
        // A recall is not recalled: the server refuses the second one.
        QTest::keyClick(view, Qt::Key_K, Qt::ControlModifier); // Acknowledge
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.orders()->orderById(order.id)->status, OrderStatus::Acknowledged, 10000);
        auto *recall = window->findChild<QAction *>(QStringLiteral("recallAction"));
        QTRY_VERIFY_WITH_TIMEOUT(recall->isEnabled(), 10000);
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier); // Recall
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.orders()->orderById(order.id)->status, OrderStatus::New, 10000);
        QVERIFY(dashboard.orders()->orderById(order.id)->history.constLast().recall);
        QTRY_VERIFY_WITH_TIMEOUT(!recall->isEnabled(), 10000); // nothing left here to recall
        const Order recalled = *dashboard.orders()->orderById(order.id);
        dashboard.orderActions()->recall(recalled); // recalled again: refused
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 15000);
        const QString text = bar->findChild<QLabel *>(QStringLiteral("messageText"))->text();
        QVERIFY2(text.contains(QStringLiteral("#%1").arg(order.number)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Recall")), qPrintable(text));
        const QModelIndex status = view->model()->index(viewRowOf(view, order.id), OrdersModel::StatusColumn);
        QVERIFY2(status.data().toString().contains(QStringLiteral("failed")), qPrintable(status.data().toString()));
        QVERIFY(!status.data(Qt::ToolTipRole).toString().isEmpty());

        // Still there after other orders change, until someone reads it and dismisses it.
        dashboard.orders()->upsert({makeOrder(50, OrderStatus::New, 0)});
        QCoreApplication::processEvents();
        QVERIFY(bar->isVisible());
        bar->findChild<QToolButton *>(QStringLiteral("dismissMessages"))->click();
        QVERIFY(!bar->isVisible());
        QVERIFY(!view->model()->index(viewRowOf(view, order.id), OrdersModel::StatusColumn)
                     .data().toString().contains(QStringLiteral("failed")));
    }

    // Recall (Ctrl+Z) undoes the last status change made here; Reopen (Ctrl+R) brings a
    // completed order back. Keyboard only, against the real server.
    void recallAndReopenByKeyboard()
    {
        QTemporaryDir dir;
        server::HearthServer server(serverOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString restaurant(server::DemoAccounts::restaurantId);
        const Order order = server.orders()->createRandomOrder(restaurant);
        const Order done = server.orders()->createRandomOrder(restaurant);
        for (OrderStatus status : {OrderStatus::Acknowledged, OrderStatus::Preparing, OrderStatus::Ready,
                                   OrderStatus::Completed})
            QVERIFY(server.orders()->setStatus(restaurant, done.id, status).ok());

        Dashboard dashboard;
        dashboard.setRemembersSession(false);
        dashboard.signInDirectly(ServerAddress::fromHttpBase(server.httpUrl()),
                                 QString(server::DemoAccounts::staffUsername),
                                 QString(server::DemoAccounts::staffPassword));
        MainWindow *window = dashboard.window();
        QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 10000);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTableView *view = window->ordersView();
        QTRY_VERIFY_WITH_TIMEOUT(viewRowOf(view, order.id) >= 0, 10000);
        const auto onServer = [&](const QString &id) { return server.orders()->find(restaurant, id)->status; };

        selectOrder(view, order.id);
        QTest::keyClick(view, Qt::Key_K, Qt::ControlModifier); // Acknowledge
        QTRY_COMPARE_WITH_TIMEOUT(onServer(order.id), OrderStatus::Acknowledged, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.orders()->orderById(order.id)->status, OrderStatus::Acknowledged, 10000);
        auto *recall = window->findChild<QAction *>(QStringLiteral("recallAction"));
        QVERIFY(recall->isEnabled());
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier); // Recall
        QTRY_COMPARE_WITH_TIMEOUT(onServer(order.id), OrderStatus::New, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.orders()->orderById(order.id)->status, OrderStatus::New, 10000);

        // Completed orders show once "Open orders only" is off (reached by keyboard too).
        auto *openOnly = window->findChild<QCheckBox *>(QStringLiteral("openOnly"));
        openOnly->setFocus();
        QTest::keyClick(openOnly, Qt::Key_Space);
        QVERIFY(!openOnly->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(viewRowOf(view, done.id) >= 0, 10000);
        selectOrder(view, done.id);
        auto *reopen = window->findChild<QAction *>(QStringLiteral("reopenAction"));
        QVERIFY(reopen->isEnabled());
        QTest::keyClick(view, Qt::Key_R, Qt::ControlModifier); // Reopen
        QTRY_COMPARE_WITH_TIMEOUT(onServer(done.id), OrderStatus::Ready, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.orders()->orderById(done.id)->status, OrderStatus::Ready, 10000);
        QVERIFY(!reopen->isEnabled()); // open again: nothing to reopen
    }

    // Defect 8: Tab never left the table, and typing in it jumped to a row by its first column.
    void theKeyboardReachesEveryControlAndTypingSearches()
    {
        Dashboard dashboard;
        OrdersModel *model = dashboard.orders();
        MainWindow *window = dashboard.window();
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTableView *view = window->ordersView();
        model->upsert({makeOrder(1, OrderStatus::New, 0), makeOrder(2, OrderStatus::Ready, 1),
                       makeOrder(23, OrderStatus::Ready, 2)});
        selectOrder(view, QStringLiteral("order-2"));
        QCOMPARE(QApplication::focusWidget(), view);

        // Tab goes round every control and comes back to the table.
        QStringList visited;
        for (int i = 0; i < 30; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            if (focus == view)
                break;
            visited.append(focus->objectName().isEmpty() ? QString::fromLatin1(focus->metaObject()->className())
                                                         : focus->objectName());
        }
        QCOMPARE(QApplication::focusWidget(), view);
        for (const QString &control : {QStringLiteral("orderSearch"), QStringLiteral("openOnly"),
                                      QStringLiteral("pageList"), QStringLiteral("advanceButton"),
                                      QStringLiteral("cancelButton")})
            QVERIFY2(visited.contains(control), qPrintable(visited.join(u',')));

        // Ctrl+F: the search field.
        QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
        auto *search = window->findChild<QLineEdit *>(QStringLiteral("orderSearch"));
        QCOMPARE(QApplication::focusWidget(), search);

        // Typed in the table: the text goes to the search field, which filters.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_2);
        QCOMPARE(QApplication::focusWidget(), search);
        QCOMPARE(search->text(), QStringLiteral("2"));
        QTest::keyClicks(search, QStringLiteral("3"));
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 0).data(OrdersModel::OrderIdRole).toString(), QStringLiteral("order-23"));
    }

    // Defect 9: "Comple…", columns that changed width while scrolling, totals without currency,
    // German numbers under English labels.
    void columnsFitTheirTextAndHoldTheirWidth()
    {
        Dashboard dashboard;
        OrdersModel *model = dashboard.orders();
        MainWindow *window = dashboard.window();
        window->resize(1100, 640);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTableView *view = window->ordersView();
        QHeaderView *header = view->horizontalHeader();
        for (int column = 0; column < OrdersModel::ColumnCount; ++column)
            QVERIFY2(header->sectionResizeMode(column) != QHeaderView::ResizeToContents, qPrintable(QString::number(column)));

        QFont bold = view->font();
        bold.setBold(true);
        const QFontMetrics metrics(bold);
        for (OrderStatus status : {OrderStatus::New, OrderStatus::Acknowledged, OrderStatus::Preparing,
                                   OrderStatus::Ready, OrderStatus::Completed, OrderStatus::Cancelled})
            QVERIFY2(view->columnWidth(OrdersModel::StatusColumn) > metrics.horizontalAdvance(statusDisplayName(status)) + 6,
                     qPrintable(statusDisplayName(status)));

        QList<Order> many;
        for (int i = 1; i <= 300; ++i) {
            Order order = makeOrder(i, OrderStatus::New, i);
            order.customerName = QString(i % 40 + 1, u'W');
            order.totalCents = qint64(i) * i * 97;
            many.append(order);
        }
        model->upsert(many);
        QCoreApplication::processEvents();
        QList<int> widths;
        for (int column = 0; column < OrdersModel::ColumnCount; ++column)
            widths.append(view->columnWidth(column));
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QCoreApplication::processEvents();
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
        QCoreApplication::processEvents();
        // Items stretches with the window (and the scroll bar's arrival); the others never move.
        for (int column = 0; column < OrdersModel::ColumnCount; ++column)
            if (column != OrdersModel::ItemsColumn)
                QCOMPARE(view->columnWidth(column), widths.at(column));
    }

    void moneyHasACurrencyAndNumbersMatchTheLabels()
    {
        const QLocale german(QLocale::German, QLocale::Germany);
        // Labels are English (no German translation): numbers must be English too, money in euros.
        const QLocale shown = displayLocale(german, false);
        QCOMPARE(shown.language(), QLocale::English);
        QCOMPARE(shown.currencySymbol(), QStringLiteral("€"));
        QCOMPARE(displayLocale(german, true), german);
        QCOMPARE(displayLocale(QLocale::c(), false).currencySymbol(), QStringLiteral("$"));

        const QLocale before;
        QLocale::setDefault(german);
        OrdersModel model;
        model.upsert({makeOrder(1, OrderStatus::New, 0)});
        const QString total = model.index(0, OrdersModel::TotalColumn).data().toString();
        QLocale::setDefault(before);
        QCOMPARE(total, german.toCurrencyString(23.0));
        QVERIFY2(total.contains(QStringLiteral("€")) && total.contains(QStringLiteral("23,00")), qPrintable(total));
    }

    // Features: notes and allergies on the row (a mark and the text), the detail pane.
    void notesAreOnTheRowAndTheOrderInThePane()
    {
        Dashboard dashboard;
        OrdersModel *model = dashboard.orders();
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTableView *view = window->ordersView();
        Order allergy = makeOrder(7, OrderStatus::New, 0);
        allergy.notes = QStringLiteral("Allergic to nuts");
        allergy.items.append(OrderItem{QStringLiteral("Tiramisu"), 1, 690});
        allergy.totalCents = 2300 + 690 + 250; // a delivery fee on top
        Order plain = makeOrder(8, OrderStatus::New, 1);
        plain.notes = QStringLiteral("Sauce on the side");
        model->upsert({allergy, plain, makeOrder(9, OrderStatus::New, 2)});

        const QString allergyItems = view->model()->index(viewRowOf(view, allergy.id), OrdersModel::ItemsColumn).data().toString();
        QVERIFY2(allergyItems.startsWith(QStringLiteral("⚠ Allergic to nuts")), qPrintable(allergyItems));
        QVERIFY2(allergyItems.contains(QStringLiteral("Margherita")), qPrintable(allergyItems));
        const QString plainItems = view->model()->index(viewRowOf(view, plain.id), OrdersModel::ItemsColumn).data().toString();
        QVERIFY2(plainItems.startsWith(QStringLiteral("✎ Sauce on the side")), qPrintable(plainItems));
        QVERIFY(!view->model()->index(viewRowOf(view, QStringLiteral("order-9")), OrdersModel::ItemsColumn)
                     .data().toString().contains(QStringLiteral("✎")));

        auto *pane = window->findChild<QWidget *>(QStringLiteral("orderDetail"));
        QVERIFY(pane && pane->isVisible());
        auto *paneText = pane->findChild<QTextEdit *>(QStringLiteral("orderDetailText"));
        QVERIFY(paneText->toPlainText().contains(QStringLiteral("Select an order")));
        selectOrder(view, allergy.id);
        const QString shown = static_cast<OrderDetailPane *>(pane)->text(); // heading, customer and the text
        for (const QString &expected : {QStringLiteral("Order #7"), QStringLiteral("Customer 7"), QStringLiteral("Pickup"),
                                        QStringLiteral("Allergic to nuts"), QStringLiteral("2×"), QStringLiteral("Margherita"),
                                        QStringLiteral("Tiramisu"), formatCents(2300), formatCents(250),
                                        formatCents(allergy.totalCents), QStringLiteral("Received")})
            QVERIFY2(shown.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + shown));

        // A new version (acknowledged) shows at once; the order leaving empties the pane.
        Order seen = allergy;
        seen.acknowledgedAt = seen.createdAt.addSecs(45);
        seen.status = OrderStatus::Acknowledged;
        seen.version = 2;
        model->upsert({seen});
        QVERIFY2(paneText->toPlainText().contains(QStringLiteral("Acknowledged")), qPrintable(paneText->toPlainText()));
        seen.status = OrderStatus::Cancelled;
        seen.version = 3;
        model->upsert({seen});
        QVERIFY(paneText->toPlainText().contains(QStringLiteral("Select an order")));
    }

private:
    static server::ServerOptions serverOptions(const QTemporaryDir &dir)
    {
        server::ServerOptions options;
        options.databasePath = dir.filePath(QStringLiteral("server.sqlite"));
        options.passwordHashIterations = 1000;
        return options;
    }
};

QTEST_MAIN(TestUiOrdersPage)
#include "tst_ui_orderspage.moc"
