// The menu bar and what it keeps: kitchen mode, text size and columns survive a restart (QSettings,
// in test mode); a session kept in the vault signs in at the next start without asking; Sign out
// forgets it; where no keychain can be reached the token is kept nowhere, and that is said once.
#include "models/orderspagesettings.h"
#include "models/ordersmodel.h"
#include "realtime/realtimeservice.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "store/keychaintokenvault.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenuBar>
#include <QSettings>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace hearth;

namespace {

// A vault in memory standing in for the OS keychain, shared by the "runs" of one test.
class MemoryVault final : public TokenVault
{
public:
    QHash<QString, QString> tokens;

    void read(const QString &account) override
    {
        QMetaObject::invokeMethod(this, [this, account] { emit tokenRead(account, tokens.value(account)); }, Qt::QueuedConnection);
    }
    void write(const QString &account, const QString &token) override
    {
        tokens.insert(account, token);
        QMetaObject::invokeMethod(this, [this, account] { emit written(account); }, Qt::QueuedConnection);
    }
    void remove(const QString &account) override
    {
        tokens.remove(account);
        QMetaObject::invokeMethod(this, [this, account] { emit removed(account); }, Qt::QueuedConnection);
    }
};

QAction *action(QWidget *window, const char *name)
{
    auto *found = window->findChild<QAction *>(QLatin1StringView(name));
    if (!found)
        qWarning("no action %s", name);
    return found;
}

// Every value of the settings file, as text: a token must be in none of them.
QString allSettings()
{
    const QSettings settings;
    QString text;
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys)
        text += key + u'=' + settings.value(key).toString() + u'\n';
    return text;
}

server::ServerOptions serverOptions(const QTemporaryDir &dir)
{
    server::ServerOptions options;
    options.databasePath = dir.filePath(QStringLiteral("server.sqlite"));
    options.passwordHashIterations = 1000;
    return options;
}

} // namespace

class TestUiMainMenu final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void theMenusAreThereWithTheirShortcuts()
    {
        Dashboard dashboard;
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QStringList menus;
        for (QAction *menu : window->menuBar()->actions())
            menus << menu->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
        QCOMPARE(action(window, "quitAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
        for (const char *name : {"signOutAction", "kitchenModeAction", "biggerTextAction", "smallerTextAction",
                                 "aboutAction", "copyDiagnosticsAction", "chimeAction"})
            QVERIFY2(action(window, name), name);
        // The chime is off until someone turns it on (quiet offices).
        QVERIFY(!action(window, "chimeAction")->isChecked());

        // Copy diagnostics: the support report on the clipboard.
        QGuiApplication::clipboard()->clear();
        action(window, "copyDiagnosticsAction")->trigger();
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("sockets.open")));
    }

    void kitchenModeTextSizeAndColumnsAreKeptForTheNextStart()
    {
        int baseSize = 0;
        int baseReceivedWidth = 0;
        {
            Dashboard dashboard;
            MainWindow *window = dashboard.window();
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            baseSize = QFontInfo(window->ordersView()->font()).pixelSize();
            baseReceivedWidth = window->ordersView()->columnWidth(OrdersModel::ReceivedColumn);

            action(window, "kitchenModeAction")->trigger();
            QVERIFY(window->settings()->kitchenMode());
            const int kitchenSize = QFontInfo(window->ordersView()->font()).pixelSize();
            QVERIFY2(kitchenSize >= baseSize * 1.4, qPrintable(QStringLiteral("%1 → %2").arg(baseSize).arg(kitchenSize)));
            // High contrast: light text on a dark ground around the rows.
            QVERIFY(window->palette().color(QPalette::Window).lightness() < 40);
            QVERIFY(window->palette().color(QPalette::WindowText).lightness() > 220);
            // The columns grew with their text: "2 h 59 min · 22:58" still fits.
            QVERIFY(window->ordersView()->columnWidth(OrdersModel::ReceivedColumn) > baseReceivedWidth);

            action(window, "biggerTextAction")->trigger();
            action(window, "biggerTextAction")->trigger();
            QCOMPARE(window->settings()->fontStep(), 2);
            QVERIFY(QFontInfo(window->ordersView()->font()).pixelSize() > kitchenSize);

            auto *typeColumn = action(window, QStringLiteral("showColumn%1").arg(OrdersModel::TypeColumn).toLatin1().constData());
            QVERIFY(typeColumn->isChecked());
            typeColumn->trigger();
            QVERIFY(window->ordersView()->horizontalHeader()->isSectionHidden(OrdersModel::TypeColumn));
            // The order number cannot be hidden: it is how staff name an order.
            QVERIFY(!action(window, "showColumn0")->isEnabled());
        }
        // The next start: the same look, read back from the settings.
        Dashboard dashboard;
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(action(window, "kitchenModeAction")->isChecked());
        QCOMPARE(window->settings()->fontStep(), 2);
        QVERIFY(QFontInfo(window->ordersView()->font()).pixelSize() > baseSize * 1.4);
        QVERIFY(window->ordersView()->horizontalHeader()->isSectionHidden(OrdersModel::TypeColumn));
        QVERIFY(!action(window, QStringLiteral("showColumn%1").arg(OrdersModel::TypeColumn).toLatin1().constData())->isChecked());

        action(window, "kitchenModeAction")->trigger();
        action(window, "normalTextAction")->trigger();
        QCOMPARE(QFontInfo(window->ordersView()->font()).pixelSize(), baseSize);
    }

    void aKeptSessionSignsInAtTheNextStartAndSignOutForgetsIt()
    {
        QTemporaryDir dir;
        server::HearthServer server(serverOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        MemoryVault vault;
        {
            Dashboard dashboard(nullptr, &vault);
            dashboard.setCacheDirectory(dir.filePath(QStringLiteral("cache")));
            QSignalSpy signedIn(&dashboard, &Dashboard::signedIn);
            dashboard.signInDirectly(ServerAddress::fromHttpBase(server.httpUrl()),
                                     QString(server::DemoAccounts::managerUsername),
                                     QString(server::DemoAccounts::managerPassword));
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
            QTRY_COMPARE(vault.tokens.size(), 1);
        }
        const QString token = vault.tokens.constBegin().value();
        QVERIFY(!token.isEmpty());
        QVERIFY2(!allSettings().contains(token), "the token must never be in the settings file");

        // The next start: signed in with the kept token, no dialog.
        Dashboard dashboard(nullptr, &vault);
        dashboard.setCacheDirectory(dir.filePath(QStringLiteral("cache")));
        QSignalSpy signedIn(&dashboard, &Dashboard::signedIn);
        dashboard.resumeLastSession();
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
        MainWindow *window = dashboard.window();
        QVERIFY(window->isVisible());
        auto *dialog = window->findChild<SignInDialog *>();
        QVERIFY(!dialog || !dialog->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.realtime()->state(), ConnectionState::Live, 20000);

        // File → Sign out: the link stops, the token is forgotten, the dialog asks.
        action(window, "signOutAction")->trigger();
        QTRY_VERIFY(vault.tokens.isEmpty());
        dialog = window->findChild<SignInDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QTRY_VERIFY(dashboard.realtime()->state() != ConnectionState::Live);
        // … and the server was told: the token is dead there too (issue 8, item 7).
        const auto statusWith = [&server](const QString &bearer) {
            QNetworkAccessManager network;
            QNetworkRequest request(server.httpUrl().resolved(QUrl(QStringLiteral("/api/orders"))));
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
            std::unique_ptr<QNetworkReply> reply(network.get(request));
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            if (!reply->isFinished() && !finished.wait(10000))
                return 0;
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(statusWith(token), 401, 10000);

        // And the start after that asks for the password again.
        Dashboard later(nullptr, &vault);
        later.setCacheDirectory(dir.filePath(QStringLiteral("cache")));
        QSignalSpy laterSignedIn(&later, &Dashboard::signedIn);
        later.resumeLastSession();
        QTRY_VERIFY(later.window()->findChild<SignInDialog *>() && later.window()->findChild<SignInDialog *>()->isVisible());
        QCOMPARE(laterSignedIn.count(), 0);
        server.stop();
    }

    // CI and offscreen runs have no keychain service: the sign-in works, the token is kept
    // nowhere (never in the settings file), and the window says so once.
    void withoutAKeychainNothingIsKeptAndThatIsSaidOnce()
    {
        {
            KeychainTokenVault probe(QStringLiteral("Hearth (tests)"));
            QSignalSpy written(&probe, &TokenVault::written);
            QSignalSpy failed(&probe, &TokenVault::failed);
            probe.write(QStringLiteral("probe"), QStringLiteral("probe"));
            QTRY_VERIFY_WITH_TIMEOUT(written.count() + failed.count() == 1, 30000);
            if (!written.isEmpty()) {
                probe.remove(QStringLiteral("probe"));
                QSKIP("this PC has a working keychain; the test is for one without");
            }
            QVERIFY(!failed.first().at(1).toString().isEmpty());
        }
        QTemporaryDir dir;
        server::HearthServer server(serverOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        Dashboard dashboard;
        QSignalSpy signedIn(&dashboard, &Dashboard::signedIn);
        QStringList messages;
        connect(dashboard.window()->statusBar(), &QStatusBar::messageChanged, this, [&messages](const QString &text) {
            if (text.contains(QStringLiteral("keychain")))
                messages << text;
        });
        dashboard.signInDirectly(ServerAddress::fromHttpBase(server.httpUrl()),
                                 QString(server::DemoAccounts::managerUsername),
                                 QString(server::DemoAccounts::managerPassword));
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 30000);
        QVERIFY2(messages.first().contains(QStringLiteral("ask for the password")), qPrintable(messages.first()));
        // Nothing that could sign in is in the settings file; nothing claims a kept token.
        const QSettings settings;
        QVERIFY(!settings.value(QStringLiteral("lastSession/tokenInKeychain")).toBool());
        const QStringList keys = settings.allKeys();
        for (const QString &key : keys)
            QVERIFY2(!key.contains(QStringLiteral("token"), Qt::CaseInsensitive) || key.endsWith(QStringLiteral("tokenInKeychain")), qPrintable(key));
        server.stop();
    }
};

QTEST_MAIN(TestUiMainMenu)
#include "tst_ui_mainmenu.moc"
