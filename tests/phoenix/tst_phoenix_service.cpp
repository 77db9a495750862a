// The real client stack (RealtimeService with the Phoenix adapter the shipped Supabase profile
// makes, OrdersSync, PollingFallback, OrdersModel, RestClient) against an in-test Phoenix /
// Supabase Realtime server and a PostgREST-shaped list: orders flow in with their fields mapped,
// every (re)join reloads the list, unanswered heartbeats make the link stale, crashed channels
// are joined again, stale join_refs are dropped, and a refused join fails its channel once.
#include "fakehttpserver.h"
#include "fakephoenixserver.h"
#include "phoenixfixtures.h"

#include "api/restclient.h"
#include "models/ordersmodel.h"
#include "realtime/realtimeservice.h"
#include "sync/backendsetup.h"
#include "sync/orderssync.h"
#include "sync/pollingfallback.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QMap>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace hearth;
using namespace phxtest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Response = FakeHttpServer::Response;

namespace {

constexpr auto heartbeat = 200ms; // stale after 400 ms without a frame
const QString ordersTopic = u"realtime:hearth-orders-42"_s;

// The Supabase orders table, rows as PostgREST and postgres_changes write them.
class OrdersTable
{
public:
    QJsonObject insert(const QString &customer, double total)
    {
        const int id = m_nextId++;
        QJsonObject row{{u"id"_s, id},
                        {u"restaurant_id"_s, 42},
                        {u"order_number"_s, QString::number(200 + id)},
                        {u"status"_s, u"pending"_s},
                        {u"fulfillment"_s, u"takeaway"_s},
                        {u"customer_name"_s, customer},
                        {u"notes"_s, QJsonValue::Null},
                        {u"total"_s, total},
                        {u"accepted_at"_s, QJsonValue::Null},
                        {u"items"_s, QJsonArray{QJsonObject{{u"name"_s, u"Poke Bowl"_s}, {u"quantity"_s, 1}, {u"unit_price"_s, total}}}},
                        {u"created_at"_s, stamp()},
                        {u"updated_at"_s, stamp()}};
        m_rows.insert(id, row);
        return row;
    }

    QJsonObject update(int id, const QString &status, const QString &fulfillment = u"takeaway"_s)
    {
        QJsonObject &row = m_rows[id];
        row.insert(u"status"_s, status);
        row.insert(u"fulfillment"_s, fulfillment);
        if (status == "accepted"_L1)
            row.insert(u"accepted_at"_s, stamp());
        row.insert(u"updated_at"_s, stamp());
        return row;
    }

    QByteArray listBody() const
    {
        QJsonArray rows;
        for (const QJsonObject &row : m_rows)
            rows.append(row);
        return QJsonDocument(rows).toJson(QJsonDocument::Compact);
    }

private:
    // Postgres timestamptz with microseconds; strictly increasing so versions grow.
    QString stamp()
    {
        m_clock = m_clock.addMSecs(1);
        return m_clock.toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz"_s) + u"456+00:00"_s;
    }

    QMap<int, QJsonObject> m_rows;
    int m_nextId = 1;
    QDateTime m_clock = QDateTime(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC);
};

struct Stack
{
    QNetworkAccessManager network;
    RestClient rest{&network};
    RealtimeService realtime;
    OrdersSync sync{&realtime, &rest};
    PollingFallback polling{&realtime, &rest};
    OrdersModel model;
    BackendProfile profile;

    Stack()
    {
        QObject::connect(&sync, &OrdersSync::ordersReplaced, &model, &OrdersModel::replaceAll);
        QObject::connect(&sync, &OrdersSync::ordersUpdated, &model, &OrdersModel::upsert);
        QObject::connect(&polling, &PollingFallback::ordersPolled, &sync, &OrdersSync::applyChanges);
        ReconnectPolicy policy;
        policy.initialDelay = 20ms;
        policy.maxDelay = 200ms;
        policy.connectTimeout = 3000ms;
        realtime.setReconnectPolicy(policy);
        realtime.setRandomSource([] { return 1.0; });
    }

    // The shipped Supabase profile, pointed at the test servers, with a fast heartbeat.
    bool configure(const QUrl &socket, const QUrl &http)
    {
        QJsonObject json = supabaseProfileJson();
        json.insert(u"url"_s, socket.toString());
        json.insert(u"heartbeat_ms"_s, qint64(heartbeat.count()));
        QJsonObject restJson = json.value(u"rest"_s).toObject();
        restJson.insert(u"base_url"_s, http.toString());
        json.insert(u"rest"_s, restJson);
        profile = profileFrom(json);
        QString error;
        if (!BackendSetup::apply(profile, &rest, &realtime, &error))
            return false;
        BackendSetup::setToken(profile, u"tok"_s, &rest, &realtime);
        return true;
    }

    const Order *order(int id) const { return model.orderById(QString::number(id)); }
};

} // namespace

class TestPhoenixService final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakePhoenixServer> m_phoenix;
    std::unique_ptr<FakeHttpServer> m_http;
    std::unique_ptr<OrdersTable> m_table;
    std::unique_ptr<Stack> m_stack;

    int listRequests() const
    {
        int count = 0;
        for (const FakeHttpServer::Request &request : m_http->requests)
            count += request.path == "/rest/v1/orders";
        return count;
    }

    int insertAndBroadcast(const QString &customer, double total)
    {
        const QJsonObject row = m_table->insert(customer, total);
        m_phoenix->change(ordersTopic, u"orders"_s, u"INSERT"_s, row);
        return row.value("id"_L1).toInt();
    }

    void goLive()
    {
        QVERIFY(m_stack->configure(m_phoenix->url(), m_http->url()));
        m_stack->sync.start();
        m_stack->realtime.start();
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
        QTRY_COMPARE(m_phoenix->joinCount(ordersTopic), 1);
        QTRY_COMPARE(listRequests(), 1);
        QTRY_VERIFY(!m_stack->sync.isLoadingSnapshot());
    }

private slots:
    void init()
    {
        m_phoenix = std::make_unique<FakePhoenixServer>();
        QVERIFY(m_phoenix->listen());
        m_table = std::make_unique<OrdersTable>();
        m_http = std::make_unique<FakeHttpServer>();
        m_http->handler = [this](const FakeHttpServer::Request &request) {
            if (request.path != "/rest/v1/orders")
                return Response::json(404, R"({"message":"not found"})");
            if (request.headers.value("authorization") != "Bearer tok")
                return Response::json(401, R"({"message":"JWT expired"})");
            return Response::json(200, m_table->listBody());
        };
        QVERIFY(m_http->listen());
        m_stack = std::make_unique<Stack>();
    }

    void cleanup()
    {
        m_stack.reset();
        m_phoenix.reset();
        m_http.reset();
        m_table.reset();
    }

    void ordersFlowIntoTheModelWithMappedFields()
    {
        const QJsonObject existing = m_table->insert(u"Keola"_s, 21.5);
        goLive();
        const FakePhoenixServer::Join &join = m_phoenix->joins.constFirst();
        QCOMPARE(join.payload.value("access_token"_L1).toString(), u"tok"_s);
        const QJsonObject filter = join.payload.value("config"_L1).toObject()
                                       .value("postgres_changes"_L1).toArray().at(0).toObject();
        QCOMPARE(filter.value("filter"_L1).toString(), u"restaurant_id=eq.42"_s);
        QVERIFY(m_http->requests.constFirst().query.contains("restaurant_id=eq.42"));
        QCOMPARE(m_stack->model.rowCount(), 1);
        QCOMPARE(m_stack->order(existing.value("id"_L1).toInt())->totalCents, 2150);

        const int id = insertAndBroadcast(u"Malia <Akana> & co"_s, 38.75);
        QTRY_COMPARE(m_stack->model.rowCount(), 2);
        const Order *mapped = m_stack->order(id);
        QVERIFY(mapped);
        QCOMPARE(mapped->customerName, u"Malia <Akana> & co"_s);
        QCOMPARE(mapped->totalCents, 3875);
        QCOMPARE(mapped->number, 200 + id);
        QCOMPARE(mapped->status, OrderStatus::New);
        QCOMPARE(mapped->type, OrderType::Pickup);

        const qint64 version = mapped->version;
        m_phoenix->change(ordersTopic, u"orders"_s, u"UPDATE"_s, m_table->update(id, u"accepted"_s, u"table"_s),
                          QJsonObject{{u"id"_s, id}});
        QTRY_COMPARE(m_stack->order(id)->status, OrderStatus::Acknowledged);
        QCOMPARE(m_stack->order(id)->type, OrderType::DineIn);
        QVERIFY(m_stack->order(id)->isAcknowledged());
        QVERIFY(m_stack->order(id)->version > version);

        // DELETE carries only the key: ignored, the order stays until the next snapshot.
        m_phoenix->change(ordersTopic, u"orders"_s, u"DELETE"_s, {}, QJsonObject{{u"id"_s, id}});
        const int after = insertAndBroadcast(u"Pua"_s, 9);
        QTRY_VERIFY(m_stack->order(after));
        QVERIFY(m_stack->order(id));
        QCOMPARE(m_stack->realtime.stats().malformedFrames, 0);
        QCOMPARE(m_stack->realtime.state(), ConnectionState::Live);
    }

    void heartbeatsAreAnsweredAndKeepTheLink()
    {
        goLive();
        QTRY_VERIFY(m_phoenix->heartbeats >= 5);
        QCOMPARE(m_phoenix->connectionCount(), 1);
        QCOMPARE(m_stack->realtime.stats().staleLinks, 0);
    }

    void reconnectRejoinsAndReloadsTheList()
    {
        goLive();
        QSignalSpy snapshots(&m_stack->realtime, &RealtimeService::snapshotRequired);
        m_phoenix->abortCurrent();
        const QJsonObject missed = m_table->insert(u"Pua"_s, 9); // never broadcast to us
        QTRY_COMPARE(m_phoenix->connectionCount(), 2);
        QTRY_COMPARE(m_phoenix->joinCount(ordersTopic, 2), 1);
        // Refs restart with the socket.
        QCOMPARE(m_phoenix->joins.constLast().joinRef, m_phoenix->joins.constFirst().joinRef);
        QTRY_COMPARE(snapshots.size(), 1);
        QTRY_COMPARE(listRequests(), 2);
        QTRY_VERIFY(m_stack->order(missed.value("id"_L1).toInt()));
        const int id = insertAndBroadcast(u"Noe"_s, 12);
        QTRY_VERIFY(m_stack->order(id));
    }

    void unansweredHeartbeatsMakeTheLinkStale()
    {
        goLive();
        m_phoenix->answerHeartbeats = false; // the WebSocket still answers pings
        QTRY_VERIFY_WITH_TIMEOUT(m_phoenix->connectionCount() >= 2, 5000);
        QVERIFY(m_stack->realtime.stats().staleLinks >= 1);
        m_phoenix->answerHeartbeats = true;
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
        QTRY_VERIFY(listRequests() >= 2); // the rejoin reloaded the list
    }

    // The server keeps broadcasting on the socket but no longer answers heartbeats (its channel
    // side is stuck): every frame made the link look alive, so nothing was noticed.
    void heartbeatsUnansweredWhileBroadcastsFlowRenewTheLink()
    {
        goLive();
        QTimer broadcasts;
        QObject::connect(&broadcasts, &QTimer::timeout, &broadcasts, [this] { insertAndBroadcast(u"Busy"_s, 1); });
        broadcasts.start(50); // far more often than the heartbeat's 200 ms
        m_phoenix->answerHeartbeats = false;
        QTRY_VERIFY_WITH_TIMEOUT(m_phoenix->connectionCount() >= 2, 5000);
        QVERIFY(m_stack->realtime.stats().staleLinks >= 1);
        m_phoenix->answerHeartbeats = true;
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
        const int connections = m_phoenix->connectionCount();
        QTRY_VERIFY(m_phoenix->heartbeats >= 10);
        QCOMPARE(m_phoenix->connectionCount(), connections); // answered again: the link holds
    }

    // A channel that crashes at every join is joined again at growing intervals (per channel),
    // not in a loop; the socket stays.
    void aChannelCrashingAtEveryJoinBacksOff()
    {
        m_stack->realtime.rejoinBackoff().setSteps({100ms, 300ms, 900ms});
        QElapsedTimer clock;
        clock.start();
        QList<qint64> joinedAt;
        QObject::connect(m_phoenix.get(), &FakePhoenixServer::joined, m_phoenix.get(),
                         [&](const FakePhoenixServer::Join &join) {
                             if (join.topic != ordersTopic)
                                 return;
                             joinedAt.append(clock.elapsed());
                             if (joinedAt.size() >= 2 && joinedAt.size() <= 4) // the first one goes live
                                 QTimer::singleShot(0, m_phoenix.get(), [this] { m_phoenix->crashChannel(ordersTopic); });
                         });
        goLive();
        m_phoenix->crashChannel(ordersTopic);
        QTRY_VERIFY_WITH_TIMEOUT(joinedAt.size() >= 5, 10000);
        const qint64 first = joinedAt.at(2) - joinedAt.at(1);
        const qint64 second = joinedAt.at(3) - joinedAt.at(2);
        const qint64 third = joinedAt.at(4) - joinedAt.at(3);
        QVERIFY2(first >= 300 && second >= 900 && third >= 900,
                 qPrintable(u"gaps %1, %2, %3 ms"_s.arg(first).arg(second).arg(third)));
        QCOMPARE(m_phoenix->connectionCount(), 1);
        QTRY_COMPARE(m_stack->realtime.state(), ConnectionState::Live);
        const int id = insertAndBroadcast(u"After"_s, 2);
        QTRY_VERIFY(m_stack->order(id));
    }

    // Supabase JWTs expire after an hour: a new token goes to every joined topic as
    // `access_token` on the open socket (realtime-js setAuth), with no reconnect or reload.
    void aRefreshedTokenIsPushedToEveryJoinedTopic()
    {
        goLive();
        const int lists = listRequests();
        BackendSetup::setToken(m_stack->profile, u"tok2"_s, &m_stack->rest, &m_stack->realtime);
        QTRY_COMPARE(m_phoenix->pushes.size(), 1);
        const FakePhoenixServer::Push &push = m_phoenix->pushes.constFirst();
        QCOMPARE(push.topic, ordersTopic);
        QCOMPARE(push.event, u"access_token"_s);
        QCOMPARE(push.payload.value("access_token"_L1).toString(), u"tok2"_s);
        QCOMPARE(m_phoenix->connectionCount(), 1);
        QCOMPARE(m_phoenix->joinCount(ordersTopic), 1);
        QCOMPARE(listRequests(), lists);
        QCOMPARE(m_stack->realtime.state(), ConnectionState::Live);
        // A later join carries the new token too.
        m_phoenix->crashChannel(ordersTopic);
        QTRY_COMPARE_WITH_TIMEOUT(m_phoenix->joinCount(ordersTopic), 2, 5000);
        QCOMPARE(m_phoenix->joins.constLast().payload.value("access_token"_L1).toString(), u"tok2"_s);
    }

    void aCrashedChannelIsJoinedAgain()
    {
        goLive();
        QSignalSpy snapshots(&m_stack->realtime, &RealtimeService::snapshotRequired);
        m_phoenix->crashChannel(ordersTopic);
        QTRY_COMPARE(m_phoenix->joinCount(ordersTopic, 1), 2); // the same socket
        QCOMPARE(m_phoenix->connectionCount(), 1);
        QTRY_COMPARE(snapshots.size(), 1);
        QTRY_COMPARE(listRequests(), 2);
        const int id = insertAndBroadcast(u"Kai"_s, 5);
        QTRY_VERIFY(m_stack->order(id));
        QCOMPARE(m_stack->realtime.state(), ConnectionState::Live);
    }

    void framesOfAnEarlierJoinAreDropped()
    {
        goLive();
        const QString current = m_phoenix->currentJoinRef(ordersTopic);
        const QJsonObject late = m_table->insert(u"Late"_s, 3);
        m_phoenix->changeWithJoinRef(current + u"0"_s, ordersTopic, u"INSERT"_s, late);
        const int id = insertAndBroadcast(u"Fresh"_s, 4); // after the stale one, on the same socket
        QTRY_VERIFY(m_stack->order(id));
        QVERIFY(!m_stack->order(late.value("id"_L1).toInt()));
        QCOMPARE(m_stack->realtime.stats().malformedFrames, 0);
        QVERIFY(m_stack->realtime.stats().eventsIgnored >= 1);
    }

    void malformedFramesAreCountedNotFatal()
    {
        goLive();
        m_phoenix->sendRawToCurrent(u"{\"topic\":\"x\"}"_s);
        m_phoenix->sendRawToCurrent(u"[1,2,3]"_s);
        m_phoenix->sendRawToCurrent(u"not json"_s);
        const int id = insertAndBroadcast(u"After"_s, 4);
        QTRY_VERIFY(m_stack->order(id));
        QCOMPARE(m_stack->realtime.stats().malformedFrames, 3);
        QCOMPARE(m_phoenix->connectionCount(), 1);
    }

    void anUnansweredJoinIsSentAgainUnderANewJoinRef()
    {
        m_phoenix->joinsToIgnore = 1;
        m_stack->realtime.setSubscribePolicy(SubscribePolicy{300ms, 2});
        QVERIFY(m_stack->configure(m_phoenix->url(), m_http->url()));
        m_stack->sync.start();
        m_stack->realtime.start();
        QTRY_COMPARE(m_phoenix->joinCount(ordersTopic), 2);
        QCOMPARE(m_phoenix->connectionCount(), 1);
        QVERIFY(m_phoenix->joins.at(1).joinRef != m_phoenix->joins.at(0).joinRef);
        QTRY_COMPARE(listRequests(), 1);
        const int id = insertAndBroadcast(u"Retry"_s, 7);
        QTRY_VERIFY(m_stack->order(id));
        QCOMPARE(m_stack->realtime.stats().subscribeResends, 1);
    }

    void aRefusedJoinFailsTheChannelWithoutRetrying()
    {
        m_phoenix->refusedTopics.insert(ordersTopic, u"Invalid JWT: Token has expired"_s);
        QSignalSpy failed(&m_stack->realtime, &RealtimeService::channelFailed);
        QVERIFY(m_stack->configure(m_phoenix->url(), m_http->url()));
        m_stack->sync.start();
        m_stack->realtime.start();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), u"orders"_s);
        QTest::qWait(1500); // several heartbeats and watchdog periods: no retry storm
        QCOMPARE(m_phoenix->joinCount(ordersTopic), 1);
        QCOMPARE(m_phoenix->connectionCount(), 1);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(m_stack->realtime.state(), ConnectionState::Live);
        QVERIFY(m_stack->realtime.lastErrorDetails().contains(u"Invalid JWT"_s));
        // Said of this Supabase backend as "the server", never as "the Hearth server".
        QVERIFY(!m_stack->realtime.lastError().isEmpty());
        QVERIFY2(!m_stack->realtime.lastError().contains(u"Hearth server"_s, Qt::CaseInsensitive),
                 qPrintable(m_stack->realtime.lastError()));
    }
};

QTEST_GUILESS_MAIN(TestPhoenixService)
#include "tst_phoenix_service.moc"
