#include "models/diagnosticsmodel.h"
#include "models/ordersmodel.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "server/orderservice.h"
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
        // One socket carries every channel: the Widgets page's two ride on the orders' link.
        QCOMPARE(diagnostics->valueOf(QStringLiteral("subscriptions")),
                 QStringLiteral("orders ×1, widgets ×1, presence ×1"));
        QCOMPARE(diagnostics->valueOf(QStringLiteral("outbox")), QStringLiteral("0"));
        QCOMPARE(diagnostics->valueOf(QStringLiteral("state")), QStringLiteral("live"));
        QVERIFY(diagnostics->supportReport().contains(QStringLiteral("reconnects: 0")));

        // The server goes away: the bar stops claiming "Live" and offers a reconnect.
        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(window->connectionBar()->stateText() != QStringLiteral("Live"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QToolButton *>(QStringLiteral("reconnectNow"))->isVisible(), 5000);
        QVERIFY(view->model()->rowCount() >= 2); // what we knew stays on screen
    }
};

QTEST_MAIN(TestUiDashboard)
#include "tst_ui_dashboard.moc"
