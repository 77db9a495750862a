// RealtimeService at the edges of a session: new credentials and stop() must leave nothing of
// the old session running or in flight.
#include "fakehearthserver.h"
#include "servicetesthelpers.h"

#include "realtime/eventbatcher.h"

#include <QtTest>

using namespace hearth;
using namespace testing;
using namespace Qt::StringLiterals;

class TestRealtimeSession final : public QObject
{
    Q_OBJECT

private slots:
    // Issue 13 item 1: a new token (another user or restaurant) must not keep the socket that
    // was authorised as the old one.
    void aNewTokenRenewsTheLiveLink()
    {
        FakeHearthServer server;
        QVERIFY(server.listen());
        auto service = makeService(server.url(), u"restaurant-a"_s);
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(server.connectionCount(), 1);

        service->setEndpoint(server.url(), u"restaurant-b"_s);

        QTRY_COMPARE(server.connectionCount(), 2);
        QCOMPARE(server.authorizations.constLast(), QByteArray("Bearer restaurant-b"));
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(service->stats().openSockets, 1);
        QTRY_VERIFY(server.current() && server.current()->state() == QAbstractSocket::ConnectedState);
        QCOMPARE(service->stats().socketsOpened, 2);

        // The same token again changes nothing.
        service->setEndpoint(server.url(), u"restaurant-b"_s);
        QCOMPARE(service->stats().socketsOpened, 2);
    }

    // Issue 13 item 8: a batch accepted before stop() must not land after it, when the
    // dashboard may already show another restaurant or nobody.
    void nothingBatchedLandsAfterStop()
    {
        auto service = makeService(QUrl(u"ws://127.0.0.1:9/ws"_s));
        auto *batcher = service->findChild<EventBatcher *>();
        QVERIFY(batcher);
        bool stopped = false;
        int lateBatches = 0;
        int batches = 0;
        QObject context;
        connect(service.get(), &RealtimeService::ordersChanged, &context, [&] {
            ++batches;
            if (stopped)
                ++lateBatches;
        });
        Order order;
        order.id = u"ord-1"_s;
        batcher->addOrder(order);

        service->stop();
        stopped = true;
        QTest::qWait(20); // several event-loop turns: the batcher's timer would have fired

        QCOMPARE(lateBatches, 0);
        QVERIFY(batcher->isEmpty());
        QCOMPARE(batches, 1); // delivered before stop() returned, not lost: its seq was counted
    }
};

QTEST_MAIN(TestRealtimeSession)
#include "tst_realtimesession.moc"
