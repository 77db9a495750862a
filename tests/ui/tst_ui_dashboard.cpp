#include "models/diagnosticsmodel.h"
#include "models/ordersmodel.h"
#include "server/accountrepository.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "server/orderservice.h"
#include "server/passwordhasher.h"
#include "ui/connectionstatusbar.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialog>
#include <QCheckBox>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace hearth;

class TestUiDashboard final : public QObject
{
    Q_OBJECT

private slots:
    void liveOrdersAppearAndCanBeAcknowledged()
    {
        QTemporaryDir dir;
        server::ServerOptions options;
        options.databasePath = dir.filePath(QStringLiteral("demo.sqlite"));
        options.passwordHashIterations = 1000;
        options.simulateOrdersPerMinute = 120;
        server::HearthServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        Dashboard dashboard;
        dashboard.signInDirectly(ServerAddress::fromHttpBase(server.httpUrl()),
                                 QString(server::DemoAccounts::managerUsername),
                                 QString(server::DemoAccounts::managerPassword));
        MainWindow *window = dashboard.window();
        QTRY_VERIFY_WITH_TIMEOUT(window->isVisible(), 10000);
        QTableView *view = window->ordersView();

        // Live rows in the real view, and a status bar that says so.
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() >= 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionBar()->stateText(), QStringLiteral("Live"), 5000);
        auto *stateLabel = window->findChild<QLabel *>(QStringLiteral("connectionState"));
        QVERIFY(stateLabel && stateLabel->text().contains(QStringLiteral("Live")));
        QVERIFY(!window->findChild<QToolButton *>(QStringLiteral("reconnectNow"))->isVisible());
        QVERIFY(window->windowTitle().contains(QStringLiteral("Demo Bistro")));

        // Pick an unacknowledged order and acknowledge it through the toolbar action.
        QString targetId;
        for (int row = 0; row < view->model()->rowCount() && targetId.isEmpty(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (!index.data(OrdersModel::IsAcknowledgedRole).toBool()) {
                view->selectRow(row);
                targetId = index.data(OrdersModel::OrderIdRole).toString();
            }
        }
        QVERIFY2(!targetId.isEmpty(), "the simulator leaves new orders for staff to acknowledge");
        auto *acknowledge = window->findChild<QAction *>(QStringLiteral("acknowledgeAction"));
        QVERIFY(acknowledge && acknowledge->isEnabled());
        acknowledge->trigger();

        const QString restaurant(server::DemoAccounts::restaurantId);
        QTRY_VERIFY_WITH_TIMEOUT(server.orders()->find(restaurant, targetId)->isAcknowledged(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.orders()->orderById(targetId)->isAcknowledged(), 5000);
        QVERIFY(!acknowledge->isEnabled() || view->selectionModel()->selectedRows().isEmpty()
                || view->selectionModel()->selectedRows().first().data(OrdersModel::OrderIdRole) != targetId);

        // The diagnostics panel, one click from the bar: exactly one socket, one subscription.
        window->findChild<QToolButton *>(QStringLiteral("showDiagnostics"))->click();
        auto *panel = window->findChild<QDialog *>(QStringLiteral("diagnosticsPanel"));
        QVERIFY(panel && panel->isVisible());
        auto *diagnosticsView = panel->findChild<QTableView *>(QStringLiteral("diagnosticsView"));
        auto *diagnostics = qobject_cast<DiagnosticsModel *>(diagnosticsView->model());
        QAbstractItemModelTester tester(diagnostics, QAbstractItemModelTester::FailureReportingMode::QtTest);
        diagnostics->refresh();
        QCOMPARE(diagnostics->valueOf(QStringLiteral("sockets.open")), QStringLiteral("1"));
        QCOMPARE(diagnostics->valueOf(QStringLiteral("subscriptions")), QStringLiteral("orders ×1"));
        QCOMPARE(diagnostics->valueOf(QStringLiteral("state")), QStringLiteral("live"));
        QVERIFY(diagnostics->supportReport().contains(QStringLiteral("reconnects: 0")));

        // The server goes away: the bar stops claiming "Live" and offers a reconnect.
        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(window->connectionBar()->stateText() != QStringLiteral("Live"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QToolButton *>(QStringLiteral("reconnectNow"))->isVisible(), 5000);
        QVERIFY(view->model()->rowCount() >= 2); // what we knew stays on screen
    }

    // Issue 13 item 1: the same dashboard signed in to another restaurant on the same server
    // shows that restaurant's orders and nothing of the first one's — not on screen, not from
    // its cache, not from its socket.
    void signingInToAnotherRestaurantShowsOnlyItsOrders()
    {
        QTemporaryDir dir;
        server::ServerOptions options;
        options.databasePath = dir.filePath(QStringLiteral("two.sqlite"));
        options.passwordHashIterations = 1000;
        server::HearthServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString a(server::DemoAccounts::restaurantId);
        const QString b = QStringLiteral("2");
        QVERIFY(server.accounts()->createRestaurant(b, QStringLiteral("Second Bistro")));
        QVERIFY(server.accounts()->createUser(b, QStringLiteral("second-manager"), QStringLiteral("Olive Owner"),
                                              server::Role::Manager,
                                              server::PasswordHasher::hash(QStringLiteral("second-demo"), 1000)));
        for (int i = 0; i < 3; ++i)
            server.orders()->createRandomOrder(a);
        for (int i = 0; i < 8; ++i)
            server.orders()->createRandomOrder(b);

        Dashboard dashboard;
        dashboard.setRemembersSession(false);
        dashboard.setCacheDirectory(dir.filePath(QStringLiteral("cache")));
        QAbstractItemModelTester tester(dashboard.orders(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ServerAddress address = ServerAddress::fromHttpBase(server.httpUrl());
        dashboard.signInDirectly(address, QString(server::DemoAccounts::managerUsername),
                                 QString(server::DemoAccounts::managerPassword));
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.orders()->rowCount(), 3, 10000);

        dashboard.signInDirectly(address, QStringLiteral("second-manager"), QStringLiteral("second-demo"));
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.window()->windowTitle().contains(QStringLiteral("Second Bistro")), 10000);
        const Order laterInA = server.orders()->createRandomOrder(a);
        const Order laterInB = server.orders()->createRandomOrder(b);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.orders()->orderById(laterInB.id), 10000);
        QVERIFY(!dashboard.orders()->orderById(laterInA.id));
        const QList<Order> ordersOfB = server.orders()->snapshot(b).orders;
        QCOMPARE(dashboard.orders()->rowCount(), ordersOfB.size());
        for (const Order &order : ordersOfB)
            QVERIFY(dashboard.orders()->orderById(order.id));
        QCOMPARE(dashboard.realtime()->stats().openSockets, 1);
    }
};

QTEST_MAIN(TestUiDashboard)
#include "tst_ui_dashboard.moc"
