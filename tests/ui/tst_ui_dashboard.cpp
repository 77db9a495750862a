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
#include "ui/signindialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialog>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace hearth;

class TestUiDashboard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The dashboard remembers the last session in QSettings: in test mode, never in the
        // settings of whoever runs the suite.
        QStandardPaths::setTestModeEnabled(true);
        QSettings settings;
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
        QVERIFY2(settings.fileName().startsWith(
                     QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)),
                 qPrintable(settings.fileName()));
        QVERIFY2(settings.fileName().contains(QStringLiteral("qttest")), qPrintable(settings.fileName()));
#endif
        settings.clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

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
        // Remembered for the next start, in the test's own settings.
        QCOMPARE(QSettings().value(QStringLiteral("lastSession/username")).toString(),
                 QString(server::DemoAccounts::managerUsername));

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
        // One socket carries every channel: the Widgets and Inventory pages' ride on the orders' link.
        QCOMPARE(diagnostics->valueOf(QStringLiteral("subscriptions")),
                 QStringLiteral("orders ×1, widgets ×1, presence ×1, inventory ×1"));
        QCOMPARE(diagnostics->valueOf(QStringLiteral("outbox")), QStringLiteral("0"));
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

    // Defect: with the server gone, the bar stayed amber "Polling · reconnecting in N s" with
    // "Transport: polling" and "Round trip: 0 ms" while every poll failed.
    void theBarSaysOfflineInRedOnceNothingAnswers()
    {
        QTemporaryDir dir;
        server::HearthServer server(serverOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        server.orders()->createRandomOrder(QString(server::DemoAccounts::restaurantId));

        Dashboard dashboard;
        dashboard.signInDirectly(ServerAddress::fromHttpBase(server.httpUrl()),
                                 QString(server::DemoAccounts::managerUsername),
                                 QString(server::DemoAccounts::managerPassword));
        MainWindow *window = dashboard.window();
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionBar()->stateText(), QStringLiteral("Live"), 10000);
        auto *stateLabel = window->findChild<QLabel *>(QStringLiteral("connectionState"));
        auto *details = window->findChild<QLabel *>(QStringLiteral("connectionDetails"));
        QVERIFY2(details->text().contains(QStringLiteral("Connection: live updates")), qPrintable(details->text()));
        QVERIFY(stateLabel->text().contains(QStringLiteral("#1b8a3a"))); // green

        // The socket cannot get through but REST can: polls succeed, so the bar says Polling.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QUrl deadSocket(QStringLiteral("ws://127.0.0.1:%1/ws").arg(probe.serverPort()));
        probe.close();
        dashboard.realtime()->setEndpoint(deadSocket, QStringLiteral("unused"));
        QTRY_VERIFY_WITH_TIMEOUT(window->connectionBar()->stateText().startsWith(QStringLiteral("Polling")), 15000);
        QVERIFY2(stateLabel->text().contains(QStringLiteral("#b26a00")), qPrintable(stateLabel->text())); // amber
        QVERIFY2(details->text().contains(QStringLiteral("Connection: checking every few seconds")),
                 qPrintable(details->text()));
        QVERIFY2(details->text().contains(QStringLiteral("Last checked:")), qPrintable(details->text()));

        // Now nothing answers: every poll fails, and the bar must stop claiming to poll.
        server.stop();
        const QString offline = QStringLiteral("Offline — orders are not updating");
        QTRY_COMPARE_WITH_TIMEOUT(window->connectionBar()->stateText(), offline, 20000);
        QVERIFY2(stateLabel->text().contains(QStringLiteral("#b00020")), qPrintable(stateLabel->text())); // red
        QVERIFY(stateLabel->text().contains(offline));
        QVERIFY2(!details->text().contains(QStringLiteral("Round trip")), qPrintable(details->text()));
        QVERIFY2(!details->text().contains(QStringLiteral("Transport")), qPrintable(details->text()));
        QVERIFY2(details->text().contains(QStringLiteral("Connection: offline")), qPrintable(details->text()));
        QVERIFY2(details->text().contains(QStringLiteral("ago")) || details->text().contains(QStringLiteral("just now")),
                 qPrintable(details->text()));
        QVERIFY(window->findChild<QToolButton *>(QStringLiteral("reconnectNow"))->isVisible());

        // The diagnostics panel speaks plainly; "Copy for support" keeps the technical names.
        window->findChild<QToolButton *>(QStringLiteral("showDiagnostics"))->click();
        auto *panel = window->findChild<QDialog *>(QStringLiteral("diagnosticsPanel"));
        auto *diagnostics = qobject_cast<DiagnosticsModel *>(
            panel->findChild<QTableView *>(QStringLiteral("diagnosticsView"))->model());
        QAbstractItemModelTester tester(diagnostics, QAbstractItemModelTester::FailureReportingMode::QtTest);
        diagnostics->refresh();
        for (int row = 0; row < diagnostics->rowCount(); ++row) {
            const QString shown = diagnostics->index(row, DiagnosticsModel::NameColumn).data().toString() + u' '
                + diagnostics->index(row, DiagnosticsModel::ValueColumn).data().toString();
            for (const QString &jargon : {QStringLiteral("waiting-to-retry"), QStringLiteral("epoch"),
                                         QStringLiteral("stale"), QStringLiteral("@"), QStringLiteral("Hearth server")})
                QVERIFY2(!shown.contains(jargon, Qt::CaseInsensitive), qPrintable(shown));
        }
        const QString report = diagnostics->supportReport();
        QVERIFY2(report.contains(QStringLiteral("epoch: ")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("stale: ")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("channels: orders @")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("state: waiting-to-retry"))
                     || report.contains(QStringLiteral("state: connecting")),
                 qPrintable(report));
    }

    // Defect: cancelling sign-in over saved orders left "Reconnect now" (which did nothing) and no
    // way back to the sign-in dialog; the dialog's focus sat in the Server field.
    void cancellingSignInOverSavedOrdersOffersSignIn()
    {
        QTemporaryDir dir;
        server::HearthServer server(serverOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        for (int i = 0; i < 3; ++i)
            server.orders()->createRandomOrder(QString(server::DemoAccounts::restaurantId));
        {
            Dashboard yesterday;
            yesterday.setCacheDirectory(dir.path());
            yesterday.signInDirectly(ServerAddress::fromHttpBase(server.httpUrl()),
                                     QString(server::DemoAccounts::managerUsername),
                                     QString(server::DemoAccounts::managerPassword));
            QTRY_COMPARE_WITH_TIMEOUT(yesterday.orders()->rowCount(), 3, 10000);
        }
        server.stop();

        Dashboard dashboard;
        dashboard.setCacheDirectory(dir.path());
        dashboard.resumeLastSession();
        MainWindow *window = dashboard.window();
        QVERIFY(window->isVisible()); // the saved orders, at once
        QCOMPARE(dashboard.orders()->rowCount(), 3);
        auto *dialog = window->findChild<SignInDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->focusWidget(), dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit")));

        dialog->reject();
        QCOMPARE(window->connectionBar()->stateText(), QStringLiteral("Signed out"));
        auto *signIn = window->findChild<QToolButton *>(QStringLiteral("signIn"));
        QVERIFY(signIn);
        QVERIFY(signIn->isVisible());
        QVERIFY(!window->findChild<QToolButton *>(QStringLiteral("reconnectNow"))->isVisible());
        signIn->click();
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->text().isEmpty());
    }

    // Defect: an error from a broken profile stayed on the dialog after a good one loaded.
    void aProfileThatLoadsClearsTheOldError()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bistro.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"name\": \"Bistro\", \"protocol\": \"actioncable\", \"url\": \"wss://bistro.example.com/cable\"}");
        file.close();
        qunsetenv("HEARTH_TOKEN");

        Dashboard dashboard;
        dashboard.showSignIn();
        auto *dialog = dashboard.window()->findChild<SignInDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        auto *errorLabel = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
        emit dialog->profileChosen(bad);
        QVERIFY(errorLabel->isVisible());
        QVERIFY2(errorLabel->text().contains(QStringLiteral("bistro.json")), qPrintable(errorLabel->text()));

        emit dialog->profileChosen(QStringLiteral(HEARTH_PROFILES_DIR "/hafaloha-actioncable.json"));
        QVERIFY2(!errorLabel->isVisible(), qPrintable(errorLabel->text()));
        QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->isVisible()); // asks for a token
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

QTEST_MAIN(TestUiDashboard)
#include "tst_ui_dashboard.moc"
