#include "clientstack.h"

#include "models/connectionstatus.h"
#include "sync/orderspersistence.h"

#include <QTemporaryDir>

using namespace hearth;
using namespace hearth::test;
using namespace std::chrono_literals;

class TestIntegrationCache final : public QObject
{
    Q_OBJECT

private slots:
    void startsFromTheCacheOfflineThenResumesWithoutASnapshot()
    {
        QTemporaryDir dir;
        server::HearthServer server(testServerOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString restaurant(server::DemoAccounts::restaurantId);
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));

        // Yesterday's shift: five orders arrive and are cached as they come.
        {
            ClientStack client;
            OrdersPersistence persistence(&client.sync, &client.realtime);
            QVERIFY(persistence.open(cachePath).isEmpty());
            QVERIFY(client.signInTo(server));
            client.go();
            QTRY_COMPARE_WITH_TIMEOUT(client.realtime.state(), ConnectionState::Live, 10000);
            for (int i = 0; i < 5; ++i)
                server.orders()->createRandomOrder(restaurant);
            QTRY_COMPARE_WITH_TIMEOUT(client.model.rowCount(), 5, 10000);
            // The orders stream in over the socket and may well arrive before the first
            // snapshot's REST answer. Until it lands a snapshot is owed and, rightly, no position
            // is saved (docs/sync-pattern.md rule 8): the next start would load a snapshot, not
            // resume. Yesterday's shift ended after it had landed.
            QTRY_VERIFY_WITH_TIMEOUT(!client.sync.isSnapshotOwed(), 10000);
            persistence.flush();
        }

        // Opening time, and the Wi-Fi is down: the cached orders are on screen at once, marked.
        server.stop();
        ClientStack client;
        ConnectionStatus status(&client.realtime, &client.polling);
        OrdersPersistence persistence(&client.sync, &client.realtime);
        const CachedOrders cached = persistence.open(cachePath);
        QCOMPARE(cached.orders.size(), 5);
        client.model.replaceAll(cached.orders);
        status.setShowingCachedData(cached.savedAt);
        QCOMPARE(client.model.rowCount(), 5);
        QVERIFY(status.isShowingCachedData());
        QVERIFY2(status.freshnessText().startsWith(QStringLiteral("Saved orders from")),
                 qPrintable(status.freshnessText()));
        QCOMPARE(client.realtime.syncPosition(QStringLiteral("orders")), cached.position);
        QVERIFY(cached.position.seq >= 5);

        // The network returns; the service moved on meanwhile.
        QVERIFY2(server.start(&error), qPrintable(error));
        const Order missed = server.orders()->createRandomOrder(restaurant);
        QVERIFY(server.orders()->setStatus(restaurant, cached.orders.first().id, OrderStatus::Cancelled).ok());
        QVERIFY(client.signInTo(server));
        client.go();
        client.polling.setEnabled(false); // the socket's own resume is under test
        QTRY_COMPARE_WITH_TIMEOUT(client.model.rowCount(), 6, 10000);
        QVERIFY(!status.isShowingCachedData());
        QTRY_COMPARE_WITH_TIMEOUT(client.model.orderById(cached.orders.first().id)->status,
                                  OrderStatus::Cancelled, 5000);
        QVERIFY(client.model.orderById(missed.id));
        QCOMPARE(client.realtime.stats().snapshotsRequested, 0); // replayed from the cache's position
        QCOMPARE(client.deliveredSeqs.first(), cached.position.seq + 1);

        QString why;
        QVERIFY2(modelMatchesServer(client.model, server, &why), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestIntegrationCache)
#include "tst_integration_cache.moc"
