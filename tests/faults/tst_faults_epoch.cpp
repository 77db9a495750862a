// Issue 13: the server is replaced by one with a fresh database — a new epoch — while orders
// stream. Its sessions are gone too, so the client is asked to sign in again; after that it must
// notice that its position belongs to another log, load a snapshot of the new one, and end with
// exactly the new server's orders: nothing of the old epoch in the model or in the cache.
#include "faultrig.h"

#include "store/orderscache.h"
#include "sync/orderspersistence.h"

#include <QDir>
#include <QFile>

using namespace hearth;
using namespace hearth::test;

class TestFaultsEpoch final : public QObject
{
    Q_OBJECT

private slots:
    void aNewEpochMidLoadLeavesNothingOfTheOld()
    {
        FaultRig rig;
        QVERIFY(rig.start());
        QTemporaryDir cacheDir;
        const QString cachePath = cacheDir.filePath(QStringLiteral("orders.sqlite"));
        ClientStack client;
        auto persistence = std::make_unique<OrdersPersistence>(&client.sync, &client.realtime);
        QVERIFY(persistence->open(cachePath).isEmpty());
        QVERIFY(rig.connect(client));
        QVERIFY(rig.runLoadFor(client, 60));
        const QString oldEpoch = rig.server.epoch();
        QSet<QString> oldIds;
        for (const Order &order : rig.server.orders()->snapshot(QString(server::DemoAccounts::restaurantId)).orders)
            oldIds.insert(order.id);
        QVERIFY(!oldIds.isEmpty());

        // Replaced mid-load: the same address, a fresh database. The load goes on against it.
        QSignalSpy loaded(&client.sync, &OrdersSync::snapshotLoaded);
        rig.server.abortAllConnections();
        rig.proxy.dropAll();
        rig.server.stop();
        const QString database = faultServerOptions(rig.dir).databasePath;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(database + suffix);
        QVERIFY(rig.server.start());
        const QString newEpoch = rig.server.epoch();
        QVERIFY(newEpoch != oldEpoch);

        // The old session is unknown there: signed out, and signed in again.
        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.state(), ConnectionState::SignedOut, 20000);
        QVERIFY(client.signInTo(rig.server));
        rig.aimAtProxy(client);
        client.go();
        client.polling.setEnabled(false);
        QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty(); }, 20000));
        QCOMPARE(loaded.constLast().at(0).value<SyncPosition>().epoch, newEpoch);
        QVERIFY(rig.runLoadFor(client, 60));

        QString why;
        QVERIFY2(settlesOnTheServer(rig, client, &why), qPrintable(why));
        QVERIFY2(modelMatchesServer(client.model, rig.server, &why), qPrintable(why));
        for (int row = 0; row < client.model.rowCount(); ++row)
            QVERIFY2(!oldIds.contains(client.model.orderAt(row)->id), "an order of the old epoch is still shown");
        QCOMPARE(client.realtime.syncPosition(OrdersSync::channelName()).epoch, newEpoch);

        // The cache holds the new server's orders only, at a position of the new epoch.
        persistence->flush();
        persistence.reset();
        OrdersCache cache(cachePath);
        const CachedOrders cached = cache.load();
        QVERIFY(!cached.deferred);
        QCOMPARE(cached.position.epoch, newEpoch);
        QSet<QString> onServer;
        for (const Order &order : rig.server.orders()->snapshot(QString(server::DemoAccounts::restaurantId)).orders)
            onServer.insert(order.id);
        QSet<QString> inCache;
        for (const Order &order : cached.orders) {
            QVERIFY2(!oldIds.contains(order.id), "an order of the old epoch is still cached");
            inCache.insert(order.id);
        }
        QCOMPARE(inCache, onServer);
        qInfo("epoch %s -> %s: %d orders now, %lld snapshots", qPrintable(oldEpoch), qPrintable(newEpoch),
              client.model.rowCount(), client.realtime.stats().snapshotsRequested);
    }
};

QTEST_MAIN(TestFaultsEpoch)
#include "tst_faults_epoch.moc"
