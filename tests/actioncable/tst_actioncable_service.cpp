// The real client stack (RealtimeService, OrdersSync, PollingFallback, OrdersModel, RestClient)
// configured by the shipped Hafaloha profile against an in-test Rails: orders flow in with their
// fields mapped, every (re)subscription reloads the REST list, silence and server advice are
// handled, and auth failures, rejected subscriptions and foreign subprotocols end as they must.
#include "cablestack.h"

#include <QSignalSpy>
#include <QUrlQuery>
#include <QtTest>

using namespace hearth;
using namespace cabletest;
using namespace Qt::StringLiterals;
using Response = FakeHttpServer::Response;

namespace {

constexpr auto ping = 200ms; // stale after 400 ms of silence

QJsonObject newOrderMessage(const QJsonObject &order)
{
    return {{u"type"_s, u"new_order"_s}, {u"order"_s, order}};
}

QJsonObject updatedMessage(const QJsonObject &order)
{
    return {{u"type"_s, u"order_updated"_s}, {u"order"_s, order}};
}

} // namespace

class TestActionCableService final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeCableServer> m_cable;
    std::unique_ptr<FakeHttpServer> m_http;
    std::unique_ptr<RailsOrders> m_rails;
    std::unique_ptr<CableStack> m_stack;

    int listRequests() const
    {
        int count = 0;
        for (const FakeHttpServer::Request &request : m_http->requests)
            count += request.path == "/api/v1/admin/orders";
        return count;
    }

    // Started, welcomed, subscribed to orders and holding the first snapshot.
    void goLive()
    {
        QVERIFY(m_stack->configure(m_cable->url(), m_http->url(), ping));
        m_stack->go();
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
        QTRY_COMPARE(listRequests(), 1);
        QTRY_VERIFY(!m_stack->sync.isLoadingSnapshot());
    }

private slots:
    void init()
    {
        m_cable = std::make_unique<FakeCableServer>();
        m_cable->pingInterval = ping;
        QVERIFY(m_cable->listen());
        m_rails = std::make_unique<RailsOrders>();
        m_http = std::make_unique<FakeHttpServer>();
        m_http->handler = [this](const FakeHttpServer::Request &request) {
            if (request.path != "/api/v1/admin/orders")
                return Response::json(404, R"({"error":"not found"})");
            if (request.headers.value("authorization") != "Bearer tok")
                return Response::json(401, R"({"error":"unauthorized"})");
            return Response::json(200, m_rails->listBody());
        };
        QVERIFY(m_http->listen());
        m_stack = std::make_unique<CableStack>();
    }

    void cleanup()
    {
        m_stack.reset();
        m_cable.reset();
        m_http.reset();
        m_rails.reset();
    }

    void ordersFlowIntoTheModelWithMappedFields()
    {
        const QJsonObject existing = m_rails->create(u"Keola"_s, "21.5");
        goLive();
        // The handshake: the subprotocol, the token as the profile says, the Origin Rails checks.
        QCOMPARE(m_cable->negotiated.constFirst(), u"actioncable-v1-json"_s);
        QCOMPARE(m_cable->tokens.constFirst(), u"tok"_s);
        QCOMPARE(m_cable->origins.constFirst(), QByteArray("http://127.0.0.1:%1").replace("%1", QByteArray::number(m_cable->port())));
        // The snapshot came from the profile's REST list, with its query and no `since`.
        const FakeHttpServer::Request &list = m_http->requests.constFirst();
        QCOMPARE(list.query, QByteArray("per_page=200&restaurant_id=1&scope=active"));
        QCOMPARE(m_stack->model.rowCount(), 1);
        QCOMPARE(m_stack->order(existing.value("id"_L1).toInt())->totalCents, 2150);

        const QJsonObject order = m_rails->create(u"Malia Akana"_s, "38.75");
        QCOMPARE(m_cable->broadcast(u"OrderChannel"_s, u"1"_s, newOrderMessage(order)), 1);
        QTRY_COMPARE(m_stack->model.rowCount(), 2);
        const int id = order.value("id"_L1).toInt();
        const Order *mapped = m_stack->order(id);
        QVERIFY(mapped);
        QCOMPARE(mapped->customerName, u"Malia Akana"_s);
        QCOMPARE(mapped->totalCents, 3875);
        QCOMPARE(mapped->status, OrderStatus::New);
        QCOMPARE(mapped->notes, u"extra <shoyu> & napkins"_s); // escaped by Rails on the wire
        QCOMPARE(mapped->number, 100 + id);

        m_cable->broadcast(u"OrderChannel"_s, u"1"_s, updatedMessage(m_rails->setStatus(id, u"confirmed"_s)));
        QTRY_COMPARE(m_stack->order(id)->status, OrderStatus::Acknowledged);
        // The same update again (Rails has no sequence numbers to tell): the model keeps it once.
        const qint64 version = m_stack->order(id)->version;
        m_cable->broadcast(u"OrderChannel"_s, u"1"_s, updatedMessage(m_rails->setStatus(id, u"preparing"_s)));
        QTRY_COMPARE(m_stack->order(id)->status, OrderStatus::Preparing);
        QVERIFY(m_stack->order(id)->version > version);
        QCOMPARE(m_stack->realtime.stats().malformedFrames, 0);
        QCOMPARE(m_stack->realtime.state(), ConnectionState::Live);
    }

    // A Rails app that reads the restaurant from the cable's query string.
    void theRestaurantIdReachesTheServerInTheAddress()
    {
        QJsonObject json = hafalohaProfileJson();
        json.insert(u"url"_s, QString(m_cable->url().toString() + u"?restaurant_id={restaurant_id}"_s));
        QJsonObject rest = json.value(u"rest"_s).toObject();
        rest.insert(u"base_url"_s, m_http->url().toString());
        json.insert(u"rest"_s, rest);
        m_stack->profile = profileFrom(json);
        QString error;
        QVERIFY2(BackendSetup::apply(m_stack->profile, &m_stack->rest, &m_stack->realtime, &error), qPrintable(error));
        BackendSetup::setToken(m_stack->profile, u"tok"_s, &m_stack->rest, &m_stack->realtime);
        m_stack->go();
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
        QCOMPARE(QUrlQuery(m_cable->requestUrls.constFirst()).queryItemValue(u"restaurant_id"_s), u"1"_s);
        QCOMPARE(m_cable->tokens.constFirst(), u"tok"_s); // the token still added as the profile says
    }

    // Rails writes updated_at in whole seconds here: the order created and marked ready within
    // one second arrives as two frames with the same derived version. The later one must win,
    // or the dashboard shows "new" while the kitchen sees "ready".
    void anUpdateInTheSameSecondIsNotLost()
    {
        goLive();
        QJsonObject order = m_rails->create(u"Kai"_s, "12");
        order.insert(u"created_at"_s, u"2026-11-20T07:59:05-10:00"_s);
        order.insert(u"updated_at"_s, u"2026-11-20T07:59:05-10:00"_s);
        const int id = order.value("id"_L1).toInt();
        m_cable->broadcast(u"OrderChannel"_s, u"1"_s, newOrderMessage(order));
        QTRY_VERIFY(m_stack->order(id));
        const qint64 version = m_stack->order(id)->version;
        order.insert(u"status"_s, u"ready"_s);
        m_cable->broadcast(u"OrderChannel"_s, u"1"_s, updatedMessage(order));
        QTRY_COMPARE(m_stack->order(id)->status, OrderStatus::Ready);
        QCOMPARE(m_stack->order(id)->version, version); // a tie, decided by arrival
        // A later second still orders by version: the frame of the earlier second, arriving
        // after it, is ignored.
        const QJsonObject later = m_rails->setStatus(id, u"picked_up"_s); // stamped after 07:59:05
        m_cable->broadcast(u"OrderChannel"_s, u"1"_s, updatedMessage(later));
        QTRY_COMPARE(m_stack->order(id)->status, OrderStatus::Completed);
        m_cable->broadcast(u"OrderChannel"_s, u"1"_s, updatedMessage(order)); // older: ignored
        const int probe = m_rails->create(u"Probe"_s, "1").value("id"_L1).toInt();
        m_cable->broadcast(u"OrderChannel"_s, u"1"_s, newOrderMessage(m_rails->setStatus(probe, u"pending"_s)));
        QTRY_VERIFY(m_stack->order(probe)); // delivered after the older frame, so that one was seen
        QCOMPARE(m_stack->order(id)->status, OrderStatus::Completed);
    }

    void reconnectResubscribesAndReloadsTheList()
    {
        goLive();
        QSignalSpy snapshots(&m_stack->realtime, &RealtimeService::snapshotRequired);
        m_cable->abortCurrent();
        // While the dashboard is away, Rails takes an order it never broadcasts to it.
        const QJsonObject missed = m_rails->create(u"Pua"_s, "9");
        QTRY_COMPARE(m_cable->connectionCount(), 2);
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
        QTRY_COMPARE(m_cable->commandCount(u"subscribe"_s, u"OrderChannel"_s, 2), 1);
        QTRY_COMPARE(snapshots.size(), 1); // no replay: every confirmation asks for the list
        QTRY_COMPARE(listRequests(), 2);
        QTRY_VERIFY(m_stack->order(missed.value("id"_L1).toInt()));
        QCOMPARE(m_stack->realtime.stats().reconnects, 1);
    }

    void aServerThatStopsPingingIsStale()
    {
        goLive();
        qint64 silence = -1; // from the server's last frame to the reconnect
        connect(m_cable.get(), &FakeCableServer::clientConnected, this, [&](int connection) {
            if (connection == 2)
                silence = m_cable->sinceLastFrame.elapsed();
        });
        m_cable->pinging = false; // the socket stays open and still answers WebSocket pings
        QTRY_COMPARE(m_cable->connectionCount(), 2);
        // Two ping periods without a frame, not one (a single late ping is no reason).
        QVERIFY2(silence >= 2 * ping.count() - 20, qPrintable(QString::number(silence)));
        QCOMPARE(m_stack->realtime.stats().staleLinks, 1);
        m_cable->pinging = true;
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
        // Pings keep a healthy link alive across many periods.
        QTest::qWait(int(5 * ping.count()));
        QCOMPARE(m_cable->connectionCount(), 2);
        QCOMPARE(m_stack->realtime.state(), ConnectionState::Live);
        QVERIFY(m_stack->realtime.roundTripMs().has_value()); // pongs still give the RTT
    }

    void unauthorizedDisconnectSignsOutForGood()
    {
        goLive();
        QSignalSpy errors(&m_stack->realtime, &RealtimeService::errorOccurred);
        m_cable->disconnectCurrent(u"unauthorized"_s, false);
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::SignedOut);
        QTest::qWait(int(5 * ping.count()));
        QCOMPARE(m_cable->connectionCount(), 1);
        QCOMPARE(m_stack->realtime.state(), ConnectionState::SignedOut);
        QCOMPARE(errors.size(), 1);
    }

    void aRefusedTokenSignsOutAtTheFirstConnection()
    {
        QVERIFY(m_stack->configure(m_cable->url(), m_http->url(), ping, u"expired"_s));
        m_stack->go();
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::SignedOut);
        QTest::qWait(int(5 * ping.count()));
        QCOMPARE(m_cable->connectionCount(), 1);
        QCOMPARE(m_cable->tokens.constFirst(), u"expired"_s);
    }

    void otherDisconnectsWithoutReconnectGoOffline()
    {
        goLive();
        m_cable->disconnectCurrent(u"invalid_request"_s, false);
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Offline);
        QTest::qWait(int(5 * ping.count()));
        QCOMPARE(m_cable->connectionCount(), 1);
        QVERIFY(!m_stack->realtime.lastError().isEmpty());
        // The user may still insist.
        m_stack->realtime.reconnectNow();
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
    }

    void aServerRestartComesBackAndReloads()
    {
        goLive();
        QSignalSpy errors(&m_stack->realtime, &RealtimeService::errorOccurred);
        m_cable->disconnectCurrent(u"server_restart"_s, true);
        QTRY_COMPARE(m_cable->connectionCount(), 2);
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
        QTRY_COMPARE(listRequests(), 2);
        // Said of this Rails backend as "the server", never as "the Hearth server".
        QVERIFY(!errors.isEmpty());
        const QString message = errors.constFirst().constFirst().toString();
        QVERIFY2(message.startsWith(u"The server is restarting"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"Hearth server"_s, Qt::CaseInsensitive), qPrintable(message));
    }

    void aRejectedSubscriptionIsShownAndNotRetried()
    {
        m_cable->rejectingClasses.insert(u"InventoryChannel"_s);
        QSignalSpy failed(&m_stack->realtime, &RealtimeService::channelFailed);
        QSignalSpy errors(&m_stack->realtime, &RealtimeService::errorOccurred);
        m_stack->realtime.subscribe(u"inventory"_s);
        goLive();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().at(0).toString(), u"inventory"_s);
        QCOMPARE(errors.size(), 1);
        // Many ping periods later: still one subscribe, one connection, orders still live.
        QTest::qWait(int(8 * ping.count()));
        QCOMPARE(m_cable->commandCount(u"subscribe"_s, u"InventoryChannel"_s), 1);
        QCOMPARE(m_cable->connectionCount(), 1);
        QCOMPARE(m_stack->realtime.state(), ConnectionState::Live);
        const QJsonObject order = m_rails->create(u"Kai"_s, "5");
        m_cable->broadcast(u"OrderChannel"_s, u"1"_s, newOrderMessage(order));
        QTRY_VERIFY(m_stack->order(order.value("id"_L1).toInt()));
    }

    void unknownIdentifiersAreIgnored()
    {
        goLive();
        const qint64 ignoredBefore = m_stack->realtime.stats().eventsIgnored;
        // Another restaurant's stream and a channel this dashboard never subscribed to.
        m_cable->sendToCurrent({{u"identifier"_s, u"{\"channel\":\"OrderChannel\",\"restaurant_id\":\"2\"}"_s},
                                {u"message"_s, newOrderMessage(m_rails->create(u"Other"_s, "1"))}});
        m_cable->sendToCurrent({{u"identifier"_s, u"{\"channel\":\"ChatChannel\"}"_s},
                                {u"message"_s, QJsonObject{{u"type"_s, u"hello"_s}}}});
        m_cable->sendToCurrent({{u"identifier"_s, u"{\"channel\":\"ChatChannel\"}"_s},
                                {u"type"_s, u"confirm_subscription"_s}});
        QTRY_COMPARE(m_stack->realtime.stats().eventsIgnored, ignoredBefore + 3);
        QCOMPARE(m_stack->model.rowCount(), 0);
        QCOMPARE(m_stack->realtime.stats().malformedFrames, 0);
        QCOMPARE(m_stack->realtime.state(), ConnectionState::Live);
    }

    void twoSubscribersShareOneSubscribeFrame()
    {
        m_stack->realtime.subscribe(u"orders"_s); // a second part of the app wants orders too
        goLive();
        QCOMPARE(m_stack->realtime.subscriberCount(u"orders"_s), 2);
        QTest::qWait(int(3 * ping.count()));
        QCOMPARE(m_cable->commandCount(u"subscribe"_s, u"OrderChannel"_s), 1);
        m_stack->realtime.subscribe(u"orders"_s); // a third, once confirmed: nothing on the wire
        QTest::qWait(int(ping.count()));
        QCOMPARE(m_cable->commandCount(u"subscribe"_s, u"OrderChannel"_s), 1);
        QCOMPARE(m_cable->subscriptionCount(), 1);

        // The last subscriber leaving unsubscribes once; Rails answers nothing and nothing waits.
        for (int i = 0; i < 3; ++i)
            m_stack->realtime.unsubscribe(u"orders"_s);
        QTRY_COMPARE(m_cable->commandCount(u"unsubscribe"_s, u"OrderChannel"_s), 1);
        QTRY_COMPARE(m_cable->subscriptionCount(), 0);
        m_stack->realtime.subscribe(u"orders"_s);
        QTRY_COMPARE(m_cable->commandCount(u"subscribe"_s, u"OrderChannel"_s), 2);
        QTRY_COMPARE(m_cable->subscriptionCount(), 1);
        QCOMPARE(m_cable->connectionCount(), 1);
    }

    void aServerOfAnotherProtocolVersionIsLeftAlone()
    {
        m_cable.reset(); // a Rails that speaks a newer protocol only
        m_cable = std::make_unique<FakeCableServer>();
        m_cable->setSupportedSubprotocols({u"actioncable-unsupported"_s});
        QVERIFY(m_cable->listen());
        QVERIFY(m_stack->configure(m_cable->url(), m_http->url(), ping));
        m_stack->go();
        QTRY_COMPARE(m_cable->connectionCount(), 1);
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Offline);
        QTest::qWait(int(5 * ping.count()));
        QCOMPARE(m_cable->connectionCount(), 1);
        QCOMPARE(m_cable->negotiated.constFirst(), u"actioncable-unsupported"_s);
        QVERIFY(m_stack->realtime.lastError().contains("another version"_L1));
        QVERIFY(m_stack->realtime.lastErrorDetails().contains("actioncable-unsupported"_L1));
    }

    void pollingKeepsOrdersFreshWhileTheCableIsDown()
    {
        PollingPolicy policy;
        policy.startAfter = 100ms;
        policy.interval = 100ms;
        m_stack->polling.setPolicy(policy);
        m_stack->polling.setEnabled(true);
        goLive();
        const quint16 port = m_cable->port();
        m_cable->close(); // the cable server goes down; REST stays up
        QTRY_VERIFY(m_stack->polling.isPolling());
        const QJsonObject order = m_rails->create(u"Noe"_s, "12.5");
        QTRY_VERIFY(m_stack->order(order.value("id"_L1).toInt()));
        QCOMPARE(m_stack->order(order.value("id"_L1).toInt())->totalCents, 1250);
        m_rails->setStatus(order.value("id"_L1).toInt(), u"ready"_s);
        QTRY_COMPARE(m_stack->order(order.value("id"_L1).toInt())->status, OrderStatus::Ready);
        for (const FakeHttpServer::Request &request : m_http->requests)
            QVERIFY2(!request.query.contains("since"), request.query.constData());

        // The cable comes back: polling stops and the list is reloaded after the confirmation.
        const int before = listRequests();
        m_cable = std::make_unique<FakeCableServer>();
        m_cable->pingInterval = ping;
        QVERIFY(m_cable->listen(port));
        QTRY_COMPARE_WITH_TIMEOUT(m_stack->realtime.state(), ConnectionState::Live, 10000);
        QTRY_VERIFY(!m_stack->polling.isPolling());
        QTRY_VERIFY(listRequests() > before);
    }
};

QTEST_MAIN(TestActionCableService)
#include "tst_actioncable_service.moc"
