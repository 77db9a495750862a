// Issue 13 item 1: signing in to another restaurant on the same server. Both restaurants' logs
// live in one epoch and count from 1, so restaurant A's position is a plausible position in B's
// log: it must never be resumed there, and A's socket must not stream on under B's name.
#include "clientstack.h"

#include "server/accountrepository.h"
#include "server/eventlog.h"
#include "server/passwordhasher.h"

#include <QTemporaryDir>

using namespace hearth;
using namespace hearth::test;

namespace {

const QString restaurantA(server::DemoAccounts::restaurantId);
const QString restaurantB = QStringLiteral("2");
const QString userB = QStringLiteral("second-manager");
const QString passwordB = QStringLiteral("second-demo");

// The second restaurant, made through the server's own repositories.
bool addSecondRestaurant(server::HearthServer &server)
{
    return server.accounts()->createRestaurant(restaurantB, QStringLiteral("Second Bistro"))
        && server.accounts()->createUser(restaurantB, userB, QStringLiteral("Olive Owner"), server::Role::Manager,
                                         server::PasswordHasher::hash(passwordB, 1000)).has_value();
}

} // namespace

class TestIntegrationIdentity final : public QObject
{
    Q_OBJECT

private slots:
    void anotherRestaurantStartsClean()
    {
        QTemporaryDir dir;
        server::HearthServer server(testServerOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(addSecondRestaurant(server));
        for (int i = 0; i < 4; ++i)
            server.orders()->createRandomOrder(restaurantA);
        for (int i = 0; i < 12; ++i) // B's log reaches beyond A's position
            server.orders()->createRandomOrder(restaurantB);

        ClientStack client;
        QVERIFY(client.signInTo(server));
        QSignalSpy snapshots(&client.sync, &OrdersSync::snapshotLoaded);
        client.go();
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.size(), 1, 10000);
        const Order streamedInA = server.orders()->createRandomOrder(restaurantA);
        QTRY_VERIFY_WITH_TIMEOUT(client.model.orderById(streamedInA.id), 5000);
        QString why;
        QVERIFY2(modelMatchesServer(client.model, server, &why, restaurantA), qPrintable(why));
        const qint64 positionInA = client.realtime.syncPosition(OrdersSync::channelName()).seq;
        QCOMPARE(positionInA, server.eventLog()->headSeq(restaurantA, QString(server::OrderEvents::channel)));

        // Sign in to B on the same server, as the dashboard does.
        QVERIFY(client.signInTo(server, userB, passwordB));
        client.go();
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.size(), 2, 10000); // B's orders come whole, not "resumed"
        QTRY_COMPARE_WITH_TIMEOUT(client.realtime.state(), ConnectionState::Live, 10000);
        QCOMPARE(client.realtime.stats().openSockets, 1);

        // A's changes no longer arrive; B's do.
        const Order laterInA = server.orders()->createRandomOrder(restaurantA);
        const Order laterInB = server.orders()->createRandomOrder(restaurantB);
        QTRY_VERIFY_WITH_TIMEOUT(client.model.orderById(laterInB.id), 5000);
        QVERIFY(!client.model.orderById(laterInA.id));
        QVERIFY(!client.model.orderById(streamedInA.id));
        QVERIFY2(modelMatchesServer(client.model, server, &why, restaurantB), qPrintable(why));
        QCOMPARE(client.realtime.syncPosition(OrdersSync::channelName()).seq,
                 server.eventLog()->headSeq(restaurantB, QString(server::OrderEvents::channel)));
    }
};

QTEST_MAIN(TestIntegrationIdentity)
#include "tst_integration_identity.moc"
