// RestClient for backends described by a profile: the list endpoints, where the list sits in the
// answer, how the token and fixed headers travel, elements the mapping cannot read, and calls
// such a backend does not have.
#include "fakehttpserver.h"
#include "profilefixtures.h"

#include "api/restclient.h"
#include "profile/profileparser.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace profiletest;
using namespace Qt::StringLiterals;
using Response = FakeHttpServer::Response;

namespace {

const char *railsOrder = R"({"id":1,"order_number":"7","status":"pending","contact_name":"Ana",)"
                         R"("items":[{"name":"Poke","quantity":2,"price":"6.25"}],"total":"12.50",)"
                         R"("created_at":"2026-11-20T08:00:00-10:00","updated_at":"2026-11-20T08:00:00.5-10:00"})";
// An order the mapping cannot read: no contact name, a total with fractions of a cent.
const char *legacyOrder = R"({"id":2,"order_number":"8","status":"pending","items":[],"total":"1.005",)"
                          R"("created_at":"2026-11-20T08:00:00-10:00","updated_at":"2026-11-20T08:00:00-10:00"})";

BackendProfile profileFor(const QUrl &base, QJsonObject json = shippedProfile(u"hafaloha-actioncable.json"_s))
{
    json = edited(json, u"rest.base_url"_s, base.toString());
    const Decoded<BackendProfile> decoded = ProfileParser::fromJson(json);
    if (!decoded.ok())
        qFatal("test profile invalid: %s", qPrintable(decoded.errorString()));
    return *decoded.value;
}

template<typename T>
struct Outcome
{
    std::optional<ApiResult<T>> result;
    auto callback()
    {
        return [this](const ApiResult<T> &r) { result = r; };
    }
};

} // namespace

class TestProfileRest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RestClient> m_rest;
    QByteArray m_body;

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        m_server->handler = [this](const FakeHttpServer::Request &) { return Response::json(200, m_body); };
        QVERIFY(m_server->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_rest = std::make_unique<RestClient>(m_network.get());
        m_rest->setToken(u"tok"_s);
    }

    void cleanup()
    {
        m_rest.reset();
        m_network.reset();
        m_server.reset();
    }

    void loadsTheListAndSkipsWhatItCannotRead()
    {
        m_rest->setBackendProfile(profileFor(m_server->url()));
        QVERIFY(!m_rest->speaksHearthApi());
        QCOMPARE(m_rest->baseUrl(), m_server->url());
        m_body = QByteArray(R"({"orders":[)") + railsOrder + "," + legacyOrder + R"(],"meta":{"page":1}})";
        Outcome<OrdersSnapshot> outcome;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"skipped 1 orders.*orders\\[1\\]"_s));
        m_rest->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.result->error.details));
        QCOMPARE(outcome.result->value->orders.size(), 1);
        const Order &order = outcome.result->value->orders.constFirst();
        QCOMPARE(order.id, u"1"_s);
        QCOMPARE(order.totalCents, 1250);
        QCOMPARE(order.items.constFirst().unitPriceCents, 625);
        QVERIFY(!outcome.result->value->position.isValid()); // no watermark on such backends

        const FakeHttpServer::Request &request = m_server->requests.constFirst();
        QCOMPARE(request.path, QByteArray("/api/v1/admin/orders"));
        QCOMPARE(request.query, QByteArray("per_page=200&restaurant_id=1&scope=active"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tok"));
    }

    void aListWhoseEveryOrderFailsIsAnError()
    {
        m_rest->setBackendProfile(profileFor(m_server->url()));
        m_body = QByteArray(R"({"orders":[)") + legacyOrder + "]}";
        Outcome<OrdersSnapshot> outcome;
        m_rest->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error.kind, ApiError::Kind::BadResponse);
        QVERIFY2(outcome.result->error.details.contains("orders[0].total"_L1), qPrintable(outcome.result->error.details));

        m_body = R"({"orders":[]})"; // an empty list is a quiet restaurant, not an error
        outcome.result.reset();
        m_rest->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY(outcome.result->ok());
        QVERIFY(outcome.result->value->orders.isEmpty());
    }

    void theListMustBeWhereTheProfileSays_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("details");
        QTest::newRow("other field") << QByteArray(R"({"data":[]})") << u"orders holds no list of orders"_s;
        QTest::newRow("not a list") << QByteArray(R"({"orders":{"1":{}}})") << u"orders: must be a list"_s;
        QTest::newRow("bare array") << QByteArray("[]") << u"orders holds no list"_s;
        QTest::newRow("not JSON") << QByteArray("<html>") << u"not JSON"_s;
    }

    void theListMustBeWhereTheProfileSays()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, details);
        m_rest->setBackendProfile(profileFor(m_server->url()));
        m_body = body;
        Outcome<OrdersSnapshot> outcome;
        m_rest->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY(!outcome.result->ok());
        QVERIFY2(outcome.result->error.details.contains(details), qPrintable(outcome.result->error.details));
    }

    void supabaseStyleBareArraysHeadersAndPolls()
    {
        QJsonObject supabase = shippedProfile(u"supabase-phoenix.json"_s);
        supabase = edited(supabase, u"rest.orders.poll"_s, profiletest::json(R"({"path":"/rest/v1/orders","query":{"updated_at":"gt.now()-interval'1h'"}})"));
        const BackendProfile profile = profileFor(m_server->url(), supabase);
        m_rest->setBackendProfile(profile);
        QJsonObject row = QJsonDocument::fromJson(railsOrder).object();
        row.insert(u"customer_name"_s, u"Ana"_s);
        row.insert(u"unit_price"_s, 1);
        row.insert(u"items"_s, QJsonArray{QJsonObject{{u"name"_s, u"Poke"_s}, {u"quantity"_s, 2}, {u"unit_price"_s, u"6.25"_s}}});
        m_body = QJsonDocument(QJsonArray{row}).toJson();
        Outcome<OrdersSnapshot> snapshot;
        m_rest->fetchOrders(std::nullopt, this, snapshot.callback());
        QTRY_VERIFY(snapshot.result);
        QVERIFY2(snapshot.result->ok(), qPrintable(snapshot.result->error.details));
        QCOMPARE(snapshot.result->value->orders.size(), 1);
        const FakeHttpServer::Request &first = m_server->requests.at(0);
        QCOMPARE(first.path, QByteArray("/rest/v1/orders"));
        QVERIFY(first.query.contains("restaurant_id=eq.42"));
        QCOMPARE(first.headers.value("apikey"), QByteArray("SUPABASE_ANON_KEY"));
        QCOMPARE(first.headers.value("authorization"), QByteArray("Bearer tok"));

        Outcome<OrdersSnapshot> poll;
        m_rest->fetchOrders(std::nullopt, this, poll.callback(), RestClient::ListPurpose::Poll);
        QTRY_VERIFY(poll.result);
        QVERIFY(m_server->requests.at(1).query.startsWith("updated_at=gt.now"));
    }

    void aQueryTokenWhereTheProfileSaysSo()
    {
        const QJsonObject profile = edited(shippedProfile(u"hafaloha-actioncable.json"_s), u"rest.auth"_s,
                                           profiletest::json(R"({"method":"query","parameter":"api_token"})"));
        m_rest->setBackendProfile(profileFor(m_server->url(), profile));
        m_rest->setToken(u"a&b"_s);
        m_body = R"({"orders":[]})";
        Outcome<OrdersSnapshot> outcome;
        m_rest->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY(m_server->requests.constFirst().query.contains("api_token=a%26b"));
        QVERIFY(!m_server->requests.constFirst().headers.contains("authorization"));
    }

    void orderActionsAreNotOffered()
    {
        m_rest->setBackendProfile(profileFor(m_server->url()));
        Outcome<Order> acknowledged;
        Outcome<Order> moved;
        m_rest->acknowledgeOrder({u"1"_s}, this, acknowledged.callback());
        m_rest->setOrderStatus({u"1"_s}, OrderStatus::Ready, this, moved.callback());
        QVERIFY(!acknowledged.result); // asynchronous, like every answer
        QTRY_VERIFY(acknowledged.result && moved.result);
        QCOMPARE(acknowledged.result->error.code, u"not_supported"_s);
        QVERIFY(moved.result->error.message.contains("does not let Hearth change orders"_L1));
        QVERIFY(m_server->requests.isEmpty());
    }

    void anExpiredTokenEndsTheSession()
    {
        m_rest->setBackendProfile(profileFor(m_server->url()));
        m_server->handler = [](const FakeHttpServer::Request &) { return Response::json(401, R"({"error":"expired"})"); };
        QSignalSpy unauthorized(m_rest.get(), &RestClient::unauthorized);
        Outcome<OrdersSnapshot> outcome;
        m_rest->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_COMPARE(unauthorized.size(), 1);
        QCOMPARE(outcome.result->error.kind, ApiError::Kind::Unauthorized);
    }

    void aHearthProfileSpeaksTheHearthApi()
    {
        m_rest->setBackendProfile(BackendProfile::hearthServer(m_server->url(), QUrl(u"ws://127.0.0.1:1/ws"_s)));
        QVERIFY(m_rest->speaksHearthApi());
        m_body = R"({"orders":[],"epoch":"e1","seq":4})";
        Outcome<OrdersSnapshot> outcome;
        m_rest->fetchOrders(3, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY(outcome.result->ok());
        QCOMPARE(outcome.result->value->position, (SyncPosition{u"e1"_s, 4}));
        QCOMPARE(m_server->requests.constFirst().path, QByteArray("/api/orders"));
        QCOMPARE(m_server->requests.constFirst().query, QByteArray("since=3"));
        QCOMPARE(m_server->requests.constFirst().headers.value("authorization"), QByteArray("Bearer tok"));
    }
};

QTEST_GUILESS_MAIN(TestProfileRest)
#include "tst_profile_rest.moc"
