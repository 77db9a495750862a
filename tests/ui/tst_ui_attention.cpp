// The attention layer in the real window, offscreen: no sound device, no system tray — the
// decisions are still taken, nothing crashes, and new orders from a real server are announced
// while the orders of the first snapshot are not.
#include "models/ordersmodel.h"
#include "models/orderspagesettings.h"
#include "realtime/realtimeservice.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "server/orderservice.h"
#include "ui/attentionnotifier.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QtTest>

using namespace hearth;

namespace {

Order newOrder(int number, const QDateTime &createdAt)
{
    Order order;
    order.id = QStringLiteral("order-%1").arg(number);
    order.number = number;
    order.customerName = QStringLiteral("Guest");
    order.items = {OrderItem{QStringLiteral("Soup"), 1, 650}};
    order.totalCents = 650;
    order.createdAt = createdAt;
    order.updatedAt = createdAt;
    return order;
}

} // namespace

class TestUiAttention final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void theChimeIsOffByDefaultAndNothingBreaksWithoutSoundOrTray()
    {
        Dashboard dashboard;
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        AttentionNotifier *attention = window->attention();
        QVERIFY(attention);
        QVERIFY(!window->settings()->chime());
        QSignalSpy announced(attention, &AttentionNotifier::announced);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        dashboard.orders()->upsert({newOrder(1, now)});
        attention->ordersChanged({newOrder(1, now)});
        QCOMPARE(announced.count(), 1);
        QVERIFY(!attention->lastChimed()); // off: quiet office
        QCOMPARE(attention->lastShownInTray(), QSystemTrayIcon::isSystemTrayAvailable());

        // Switched on: the chime (built into the binary) is played — here there is no sound
        // device, and that is fine.
        QVERIFY(QFile::exists(QStringLiteral(":/sounds/neworder.wav")));
        window->settings()->setChime(true);
        attention->ordersChanged({newOrder(2, now)});
        QCOMPARE(announced.count(), 2);
        QVERIFY(attention->lastChimed());
        attention->ordersChanged({newOrder(3, now)});
        QCOMPARE(announced.count(), 3);
        QCOMPARE(announced.last().first().value<AttentionDecision>().orderNumbers, QList<int>{3});

        // Nothing new: no announcement.
        attention->ordersChanged({newOrder(3, now)});
        QCOMPARE(announced.count(), 3);
        window->settings()->setChime(false);
    }

    void anOrderStillWaitingIsAnnouncedAgain()
    {
        Dashboard dashboard;
        MainWindow *window = dashboard.window();
        AttentionNotifier *attention = window->attention();
        window->settings()->setEscalateAfter(std::chrono::minutes(5));
        QSignalSpy announced(attention, &AttentionNotifier::announced);
        // It came 6 minutes ago (by the server's clock) and nobody has seen to it.
        const Order waiting = newOrder(9, QDateTime::currentDateTimeUtc().addSecs(-6 * 60));
        dashboard.orders()->upsert({waiting});
        attention->ordersKnown({waiting});
        attention->checkWaiting();
        QCOMPARE(announced.count(), 1);
        const auto decision = announced.first().first().value<AttentionDecision>();
        QCOMPARE(decision.kind, AttentionDecision::Kind::StillWaiting);
        QCOMPARE(decision.orderNumbers, QList<int>{9});
        // Once it has left the list, it waits for no one.
        dashboard.orders()->clear();
        attention->checkWaiting();
        QCOMPARE(announced.count(), 1);
    }

    void newOrdersFromTheServerAreAnnouncedTheSnapshotsAreNot()
    {
        QTemporaryDir dir;
        server::ServerOptions options;
        options.databasePath = dir.filePath(QStringLiteral("server.sqlite"));
        options.passwordHashIterations = 1000;
        server::HearthServer server(options);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString restaurant = QString(server::DemoAccounts::restaurantId);
        server.orders()->createRandomOrder(restaurant); // waiting before we sign in

        Dashboard dashboard;
        QSignalSpy announced(dashboard.window()->attention(), &AttentionNotifier::announced);
        dashboard.signInDirectly(ServerAddress::fromHttpBase(server.httpUrl()),
                                 QString(server::DemoAccounts::managerUsername),
                                 QString(server::DemoAccounts::managerPassword));
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.realtime()->state(), ConnectionState::Live, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.orders()->rowCount(), 1, 20000);
        QCOMPARE(announced.count(), 0); // the snapshot's order: known, no sound

        const Order fresh = server.orders()->createRandomOrder(restaurant);
        QTRY_COMPARE_WITH_TIMEOUT(announced.count(), 1, 20000);
        const auto decision = announced.first().first().value<AttentionDecision>();
        QCOMPARE(decision.kind, AttentionDecision::Kind::NewOrders);
        QCOMPARE(decision.orderNumbers, QList<int>{fresh.number});
        server.stop();
    }
};

QTEST_MAIN(TestUiAttention)
#include "tst_ui_attention.moc"
