// The inventory client end to end against the real hearth-server over loopback: adjustments from
// two PCs (live on both, a stale one answered with the current numbers, a broken rule refused
// before it is sent), replay after a reconnect, the snapshot fallback when the log no longer
// reaches back, polling while the socket is down, the local cache, and the low-stock notice
// once per crossing. The models are checked by QAbstractItemModelTester throughout.
#include "clientstack.h"

#include "models/inventorymodel.h"
#include "models/menuavailabilitymodel.h"
#include "server/eventlog.h"
#include "server/inventoryservice.h"
#include "sync/inventoryclient.h"
#include "sync/inventorypolling.h"
#include "sync/watchprinter.h"

using namespace hearth;
using namespace hearth::test;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

const QString restaurant = QString(server::DemoAccounts::restaurantId);

struct InventoryStack
{
    ClientStack base;
    InventoryClient inventory{base.client};
    InventoryModel items;
    MenuAvailabilityModel menu;
    QAbstractItemModelTester itemsTester{&items, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester menuTester{&menu, QAbstractItemModelTester::FailureReportingMode::QtTest};

    InventoryStack()
    {
        items.follow(&inventory);
        menu.follow(&inventory);
        base.realtime.setReconnectPolicy(ReconnectPolicy{50ms, 300ms, 5000ms, 0});
    }

    bool go(const server::HearthServer &server, const QString &username = QString(server::DemoAccounts::managerUsername),
            const QString &password = QString(server::DemoAccounts::managerPassword))
    {
        if (!base.signInTo(server, username, password))
            return false;
        base.go();
        inventory.start();
        return QTest::qWaitFor([this] { return inventory.sync().snapshotsLoaded() >= 1 && items.rowCount() > 0; }, 10000);
    }
};

InventoryItem serverItem(server::HearthServer &server, const QString &id)
{
    return server.inventory()->findItem(restaurant, id).value_or(InventoryItem{});
}

bool setOnServer(server::HearthServer &server, const QString &id, qint64 stock, qint64 damaged)
{
    server::StockChange change;
    change.stock = stock;
    change.damaged = damaged;
    return server.inventory()->adjust(restaurant, id, change).ok();
}

// The model holds exactly the server's stock lines and menu, versions included.
bool matchesServer(const InventoryStack &stack, server::HearthServer &server, QString *why)
{
    const server::InventoryListing listing = server.inventory()->snapshot(restaurant);
    if (listing.items.size() != stack.items.rowCount() || listing.menu.size() != stack.menu.rowCount()) {
        *why = u"%1/%2 items, %3/%4 menu items"_s.arg(stack.items.rowCount()).arg(listing.items.size())
                   .arg(stack.menu.rowCount()).arg(listing.menu.size());
        return false;
    }
    for (const InventoryItem &item : listing.items) {
        const InventoryItem *shown = stack.items.rowById(item.id);
        if (!shown || *shown != item) {
            *why = u"item %1 differs"_s.arg(item.id);
            return false;
        }
    }
    for (const MenuItem &item : listing.menu) {
        const MenuItem *shown = stack.menu.rowById(item.id);
        if (!shown || *shown != item) {
            *why = u"menu item %1 differs"_s.arg(item.id);
            return false;
        }
    }
    return true;
}

} // namespace

class TestIntegrationInventory final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        server::ServerOptions options = testServerOptions(*m_dir);
        options.reconnectAfterMs = 100;
        options.eventRetention = 50;
        m_server = std::make_unique<server::HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void adjustmentsFromTwoClients()
    {
        InventoryStack staff;
        InventoryStack manager;
        QVERIFY(staff.go(*m_server, QString(server::DemoAccounts::staffUsername),
                         QString(server::DemoAccounts::staffPassword)));
        QVERIFY(manager.go(*m_server));
        QVERIFY(staff.inventory.canAdjustStock());
        QVERIFY(!staff.inventory.canManage());
        QVERIFY(manager.inventory.canManage());

        QSignalSpy staffDone(&staff.inventory, &InventoryClient::writeFinished);
        QVERIFY(staff.inventory.adjust(u"eggs"_s, 40, 3).ok);
        QTRY_COMPARE_WITH_TIMEOUT(staffDone.size(), 1, 5000);
        QVERIFY(staffDone.at(0).at(1).value<InventoryWriteResult>().ok);
        QTRY_COMPARE_WITH_TIMEOUT(manager.items.rowById(u"eggs"_s)->available(), 37, 5000);

        // The manager moves the threshold; the staff PC sees it.
        QSignalSpy managerDone(&manager.inventory, &InventoryClient::writeFinished);
        QVERIFY(manager.inventory.adjust(u"eggs"_s, std::nullopt, std::nullopt, 38).ok);
        QTRY_COMPARE_WITH_TIMEOUT(managerDone.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(staff.items.rowById(u"eggs"_s)->threshold, 38, 5000);
        QVERIFY(staff.items.rowById(u"eggs"_s)->isLow());

        // A broken rule never leaves the PC.
        const InventoryWriteResult refused = staff.inventory.adjust(u"eggs"_s, 2, 3);
        QVERIFY(!refused.ok);
        QCOMPARE(refused.problem, InventoryRules::StockProblem::DamagedAboveStock);

        // Someone counts on another PC while this one still shows the old numbers: the write
        // conflicts, and the current numbers are shown.
        QVERIFY(setOnServer(*m_server, u"rice"_s, 11, 0));
        staffDone.clear();
        QVERIFY(staff.inventory.adjust(u"rice"_s, 12, 0).ok); // before the event reached this PC
        QTRY_COMPARE_WITH_TIMEOUT(staffDone.size(), 1, 5000);
        const InventoryWriteResult conflict = staffDone.at(0).at(1).value<InventoryWriteResult>();
        QVERIFY(!conflict.ok);
        QVERIFY(conflict.conflict);
        QCOMPARE(staff.items.rowById(u"rice"_s)->stock, 11);
        QCOMPARE(serverItem(*m_server, u"rice"_s).stock, 11);

        // Menu availability from the manager reaches the staff PC.
        QVERIFY(manager.inventory.setMenuItem(u"lasagne"_s, false, QList<int>{}));
        QTRY_VERIFY_WITH_TIMEOUT(!staff.menu.rowById(u"lasagne"_s)->available, 5000);
        QVERIFY(staff.menu.rowById(u"lasagne"_s)->days.isEmpty());
        QVERIFY(staff.menu.unavailableNames().contains(u"Lasagne al Forno"_s));

        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(matchesServer(staff, *m_server, &why), qPrintable(why), 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(matchesServer(manager, *m_server, &why), qPrintable(why), 5000);
    }

    void replaysAfterAReconnect()
    {
        InventoryStack pc;
        QVERIFY(pc.go(*m_server));
        QSignalSpy low(&pc.items, &InventoryModel::becameLow);
        QCOMPARE(pc.inventory.sync().snapshotsLoaded(), 1);
        QSignalSpy states(&pc.base.realtime, &RealtimeService::stateChanged);
        m_server->abortAllConnections();
        // Changes while the PC is away (it is, until the event loop runs): down, up, down again.
        QVERIFY(setOnServer(*m_server, u"dough"_s, 5, 0));
        QVERIFY(setOnServer(*m_server, u"dough"_s, 40, 0));
        QVERIFY(setOnServer(*m_server, u"dough"_s, 12, 1));
        QTRY_VERIFY_WITH_TIMEOUT(leftLive(states), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(pc.base.realtime.state(), ConnectionState::Live, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(pc.items.rowById(u"dough"_s)->stock, 12, 5000);
        QCOMPARE(pc.inventory.sync().snapshotsLoaded(), 1); // replayed, not reloaded
        QCOMPARE(low.size(), 2); // each crossing once
        QString why;
        QVERIFY2(matchesServer(pc, *m_server, &why), qPrintable(why));
    }

    void fallsBackToASnapshotWhenTheLogIsTooShort()
    {
        InventoryStack pc;
        QVERIFY(pc.go(*m_server));
        QSignalSpy states(&pc.base.realtime, &RealtimeService::stateChanged);
        m_server->abortAllConnections();
        // While the PC is away: more changes than the log keeps (retention 50), so the stream
        // cannot be resumed.
        for (int i = 0; i < 120; ++i)
            QVERIFY(setOnServer(*m_server, u"coffee"_s, 100 + i, 0));
        m_server->eventLog()->prune();
        QTRY_VERIFY_WITH_TIMEOUT(leftLive(states), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(pc.inventory.sync().snapshotsLoaded(), 2, 10000);
        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(matchesServer(pc, *m_server, &why), qPrintable(why), 5000);
        QCOMPARE(pc.items.rowById(u"coffee"_s)->stock, 219);
        // And it streams on from there.
        QVERIFY(setOnServer(*m_server, u"coffee"_s, 7, 0));
        QTRY_COMPARE_WITH_TIMEOUT(pc.items.rowById(u"coffee"_s)->stock, 7, 5000);
    }

    void pollsWhileTheSocketIsDown()
    {
        InventoryStack pc;
        pc.base.polling.setPolicy(PollingPolicy{100ms, 100ms, 0.2, 1000ms});
        QVERIFY(pc.go(*m_server));
        const qint64 seqBefore = pc.base.realtime.syncPosition(InventorySync::channelName()).seq;
        pc.base.realtime.setEndpoint(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(refusedLoopbackPort())),
                                     pc.base.signIn.session().token);
        pc.base.realtime.reconnectNow();
        QTRY_VERIFY_WITH_TIMEOUT(pc.inventory.polling().isPolling(), 5000);
        QVERIFY(setOnServer(*m_server, u"lemons"_s, 3, 1));
        QTRY_COMPARE_WITH_TIMEOUT(pc.items.rowById(u"lemons"_s)->stock, 3, 5000);
        QVERIFY(pc.inventory.polling().pollsMade() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(pc.base.realtime.syncPosition(InventorySync::channelName()).seq > seqBefore, 5000);
        QCOMPARE(pc.inventory.sync().snapshotsLoaded(), 1);
    }

    void startsFromTheCache()
    {
        const QString itemsPath = m_dir->filePath(u"inventory-items.sqlite"_s);
        const QString menuPath = m_dir->filePath(u"inventory-menu.sqlite"_s);
        {
            InventoryStack pc;
            pc.inventory.openStore(itemsPath, menuPath);
            QVERIFY(pc.go(*m_server));
            QVERIFY(setOnServer(*m_server, u"wine"_s, 4, 0));
            QTRY_COMPARE_WITH_TIMEOUT(pc.items.rowById(u"wine"_s)->stock, 4, 5000);
        }
        m_server->stop();
        InventoryStack offline;
        offline.inventory.openStore(itemsPath, menuPath);
        QVERIFY(offline.items.rowCount() > 10);
        QVERIFY(offline.menu.rowCount() > 10);
        QCOMPARE(offline.items.rowById(u"wine"_s)->stock, 4);
    }

    void watchPrintsEveryChannelOrTheOnesAskedFor()
    {
        QString allOut, allErr, inventoryOut, inventoryErr;
        QTextStream allStream(&allOut), allErrors(&allErr), inventoryStream(&inventoryOut), inventoryErrors(&inventoryErr);
        ClientStack all;
        ClientStack inventoryOnly;
        WatchPrinter everything(&all.client, WatchPrinter::Format::Text, &allStream, &allErrors);
        WatchPrinter picked(&inventoryOnly.client, WatchPrinter::Format::Json, &inventoryStream, &inventoryErrors,
                            {u"inventory"_s});
        QStringList unknown;
        QCOMPARE(WatchPrinter::channelsFor({u"inventory"_s, u"stock"_s}, &unknown), QStringList{u"inventory"_s});
        QCOMPARE(unknown, QStringList{u"stock"_s});
        for (ClientStack *stack : {&all, &inventoryOnly}) {
            QVERIFY(stack->signInTo(*m_server));
            stack->go();
            QTRY_COMPARE_WITH_TIMEOUT(stack->realtime.state(), ConnectionState::Live, 10000);
        }
        everything.watchEveryChannel();
        picked.watchEveryChannel();
        QTRY_VERIFY_WITH_TIMEOUT(all.realtime.subscribedChannels().contains(u"inventory"_s), 5000);
        // Every channel the server serves, analytics included (a manager signed in).
        QTRY_VERIFY_WITH_TIMEOUT(all.realtime.subscribedChannels().contains(u"analytics"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(inventoryOnly.realtime.subscribedChannels().contains(u"inventory"_s), 5000);
        QVERIFY(!inventoryOnly.realtime.subscribedChannels().contains(u"widgets"_s));
        // Let both subscriptions settle before the changes, so both see them live.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->stats().subscriptions >= 6, 5000);

        QVERIFY(setOnServer(*m_server, u"eggs"_s, 30, 1));
        m_server->orders()->createRandomOrder(restaurant);
        QTRY_VERIFY_WITH_TIMEOUT(allOut.contains(u"inventory.updated id=eggs"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(allOut.contains(u"order.created"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(inventoryOut.contains(u"\"type\":\"inventory.updated\""_s), 5000);
        QVERIFY(allOut.contains(u"inventory #"_s)); // with its seq
        QVERIFY(!inventoryOut.contains(u"order."_s));
        QVERIFY2(allErr.contains(u"watching: analytics"_s), qPrintable(allErr));
        QVERIFY(allErr.contains(u"watching: inventory"_s));
        QVERIFY(allErr.contains(u"watching: widgets"_s));
        QVERIFY(!inventoryErr.contains(u"watching: widgets"_s));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::HearthServer> m_server;
};

QTEST_GUILESS_MAIN(TestIntegrationInventory)
#include "tst_integration_inventory.moc"
