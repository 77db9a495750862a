#include "fakehttpserver.h"

#include "api/restclient.h"
#include "core/ordercodec.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Response = FakeHttpServer::Response;

namespace {

const QByteArray sessionBody = R"({"token":"T-new","expires_at":"2026-11-21T02:00:00.000Z",
    "user":{"username":"ana","display_name":"Ana Souza","role":"manager"},
    "restaurant":{"id":"1","name":"Demo Bistro"}})";

Order sampleOrder(const QString &id, OrderStatus status = OrderStatus::New)
{
    Order order;
    order.id = id;
    order.number = 142;
    order.status = status;
    order.customerName = u"Ana Souza"_s;
    order.items = {OrderItem{u"Margherita"_s, 2, 1150}};
    order.totalCents = 2300;
    order.createdAt = QDateTime(QDate(2026, 11, 20), QTime(18, 1, 2, 123), Qt::UTC);
    order.updatedAt = order.createdAt;
    return order;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray snapshotBody(qint64 seq)
{
    return json({{u"orders"_s, OrderCodec::toJsonArray({sampleOrder(u"o1"_s), sampleOrder(u"o2"_s)})},
                 {u"epoch"_s, u"e1"_s},
                 {u"seq"_s, seq}});
}

QByteArray errorBody(const char *code, const char *message)
{
    return json({{u"error"_s, QJsonObject{{u"code"_s, QString::fromLatin1(code)},
                                         {u"message"_s, QString::fromLatin1(message)}}}});
}

// Captures the one result a call delivers.
template<typename T>
struct Outcome
{
    std::optional<ApiResult<T>> result;
    int calls = 0;
    RestClient::Callback<T> callback()
    {
        return [this](const ApiResult<T> &r) {
            result = r;
            ++calls;
        };
    }
};

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestRestClient final : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<RestClient> m_client;

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<RestClient>(&m_network);
        m_client->setBaseUrl(m_server->url());
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void logsInAndDecodesTheSession()
    {
        m_server->handler = [](const auto &) { return Response::json(200, sessionBody); };
        Outcome<Session> outcome;
        m_client->login(u"ana"_s, u"pa55"_s, this, outcome.callback());
        QVERIFY(!outcome.result); // never inside the call
        QTRY_VERIFY(outcome.result);
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.result->error.details));
        const Session &session = *outcome.result->value;
        QCOMPARE(session.token, u"T-new"_s);
        QCOMPARE(session.username, u"ana"_s);
        QCOMPARE(session.displayName, u"Ana Souza"_s);
        QCOMPARE(session.role, u"manager"_s);
        QCOMPARE(session.restaurantId, u"1"_s);
        QCOMPARE(session.restaurantName, u"Demo Bistro"_s);
        QCOMPARE(session.expiresAt, QDateTime(QDate(2026, 11, 21), QTime(2, 0), Qt::UTC));

        const FakeHttpServer::Request &request = m_server->requests.constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/api/login"));
        QCOMPARE(request.json().value("username"_L1).toString(), u"ana"_s);
        QCOMPARE(request.json().value("password"_L1).toString(), u"pa55"_s);
        QVERIFY(!request.headers.contains("authorization"));
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
    }

    void aWrongPasswordIsUnauthorizedButNoSessionEnds()
    {
        m_client->setToken(u"old"_s);
        m_server->handler = [](const auto &) {
            return Response::json(401, errorBody("invalid_credentials", "Invalid username or password"));
        };
        QSignalSpy ended(m_client.get(), &RestClient::unauthorized);
        Outcome<Session> outcome;
        m_client->login(u"ana"_s, u"wrong"_s, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY(!outcome.result->ok());
        const ApiError &error = outcome.result->error;
        QCOMPARE(error.kind, ApiError::Kind::Unauthorized);
        QCOMPARE(error.httpStatus, 401);
        QCOMPARE(error.code, u"invalid_credentials"_s);
        QVERIFY(error.message.contains("username or password"_L1));
        QVERIFY(!error.details.contains("wrong"_L1)); // the password is nowhere
        QCOMPARE(ended.count(), 0);
    }

    void fetchesAnOrdersSnapshotWithTheBearerToken()
    {
        m_client->setToken(u"T-abc"_s);
        m_server->handler = [](const auto &) { return Response::json(200, snapshotBody(42)); };
        Outcome<OrdersSnapshot> outcome;
        m_client->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.result->error.details));
        QCOMPARE(outcome.result->value->orders.size(), 2);
        QCOMPARE(outcome.result->value->orders.at(1), sampleOrder(u"o2"_s));
        QCOMPARE(outcome.result->value->position, (SyncPosition{u"e1"_s, 42}));
        const FakeHttpServer::Request &request = m_server->requests.constFirst();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QByteArray("/api/orders"));
        QVERIFY(request.query.isEmpty());
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer T-abc"));
    }

    void fetchesADeltaSinceASeq()
    {
        m_server->handler = [](const auto &) { return Response::json(200, snapshotBody(9)); };
        Outcome<OrdersSnapshot> outcome;
        m_client->fetchOrders(7, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY(outcome.result->ok());
        QCOMPARE(m_server->requests.constFirst().query, QByteArray("since=7"));
    }

    void malformedBodiesAreBadResponses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("detail");
        QTest::newRow("not json") << QByteArray("<html>proxy login</html>") << u"not JSON"_s;
        QTest::newRow("empty") << QByteArray() << u"not JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << u"not a JSON object"_s;
        QTest::newRow("no seq") << QByteArray(R"({"orders":[],"epoch":"e1"})") << u"seq: is missing"_s;
        QTest::newRow("orders not array")
            << QByteArray(R"({"orders":{},"epoch":"e1","seq":1})") << u"orders: must be an array"_s;
        QTest::newRow("bad order")
            << QByteArray(R"({"orders":[{"id":"x"}],"epoch":"e1","seq":1})") << u"orders[0].number"_s;
        QTest::newRow("negative seq")
            << QByteArray(R"({"orders":[],"epoch":"e1","seq":-4})") << u"seq"_s;
    }

    void malformedBodiesAreBadResponses()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, detail);
        m_server->handler = [body](const auto &) { return Response::json(200, body); };
        Outcome<OrdersSnapshot> outcome;
        m_client->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error.kind, ApiError::Kind::BadResponse);
        QVERIFY2(outcome.result->error.details.contains(detail), qPrintable(outcome.result->error.details));
        QVERIFY(outcome.result->error.message.contains("doesn't understand"_L1));
    }

    void acknowledgesWithAnEncodedId()
    {
        m_server->handler = [](const auto &) {
            return Response::json(200, json(OrderCodec::toJson(sampleOrder(u"a/b c"_s, OrderStatus::Acknowledged))));
        };
        Outcome<Order> outcome;
        m_client->acknowledgeOrder({u"a/b c"_s}, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.result->error.details));
        QCOMPARE(outcome.result->value->status, OrderStatus::Acknowledged);
        QCOMPARE(m_server->requests.constFirst().method, QByteArray("POST"));
        QCOMPARE(m_server->requests.constFirst().path, QByteArray("/api/orders/a%2Fb%20c/acknowledge"));
    }

    void setsOrderStatusWithPatch()
    {
        m_server->handler = [](const auto &) {
            return Response::json(200, json(OrderCodec::toJson(sampleOrder(u"o1"_s, OrderStatus::Ready))));
        };
        Outcome<Order> outcome;
        m_client->setOrderStatus({u"o1"_s}, OrderStatus::Ready, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QVERIFY(outcome.result->ok());
        const FakeHttpServer::Request &request = m_server->requests.constFirst();
        QCOMPARE(request.method, QByteArray("PATCH"));
        QCOMPARE(request.path, QByteArray("/api/orders/o1"));
        QCOMPARE(request.json(), (QJsonObject{{u"status"_s, u"ready"_s}}));
    }

    // Order actions carry their key and the version the screen showed; recall and reopen too.
    void orderActionsCarryTheirKeyAndSeenVersion()
    {
        m_server->handler = [](const auto &) {
            return Response::json(200, json(OrderCodec::toJson(sampleOrder(u"o1"_s, OrderStatus::Ready))));
        };
        Outcome<Order> moved;
        m_client->setOrderStatus({u"o1"_s, u"key-1"_s, 4}, OrderStatus::Ready, this, moved.callback());
        QTRY_VERIFY(moved.result);
        Outcome<Order> recalled;
        m_client->recallOrder({u"o1"_s, u"key-2"_s, 5}, this, recalled.callback());
        QTRY_VERIFY(recalled.result);
        Outcome<Order> reopened;
        m_client->reopenOrder({u"o1"_s, u"key-3"_s, std::nullopt}, this, reopened.callback());
        QTRY_VERIFY(reopened.result);
        QCOMPARE(m_server->requests.size(), 3);
        const FakeHttpServer::Request &move = m_server->requests.at(0);
        QCOMPARE(move.headers.value("idempotency-key"), QByteArray("key-1"));
        QCOMPARE(move.headers.value("if-match"), QByteArray("\"4\""));
        const FakeHttpServer::Request &recall = m_server->requests.at(1);
        QCOMPARE(recall.method, QByteArray("POST"));
        QCOMPARE(recall.path, QByteArray("/api/orders/o1/recall"));
        QCOMPARE(recall.headers.value("if-match"), QByteArray("\"5\""));
        const FakeHttpServer::Request &reopen = m_server->requests.at(2);
        QCOMPARE(reopen.path, QByteArray("/api/orders/o1/reopen"));
        QCOMPARE(reopen.headers.value("idempotency-key"), QByteArray("key-3"));
        QVERIFY(!reopen.headers.contains("if-match"));
    }

    void passesTheServersReasonFor422Through()
    {
        m_server->handler = [](const auto &) {
            return Response::json(422, errorBody("invalid_transition", "a completed order cannot be prepared"));
        };
        Outcome<Order> outcome;
        m_client->setOrderStatus({u"o1"_s}, OrderStatus::Preparing, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        const ApiError &error = outcome.result->error;
        QCOMPARE(error.kind, ApiError::Kind::Rejected);
        QCOMPARE(error.httpStatus, 422);
        QCOMPARE(error.code, u"invalid_transition"_s);
        QVERIFY2(error.message.contains("a completed order cannot be prepared"_L1), qPrintable(error.message));
        QVERIFY(error.details.contains("PATCH /api/orders/o1"_L1));
    }

    void mapsHttpStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("400") << 400 << ApiError::Kind::Rejected << u"did not accept"_s;
        QTest::newRow("403") << 403 << ApiError::Kind::Forbidden << u"not allowed"_s;
        QTest::newRow("404") << 404 << ApiError::Kind::NotFound << u"couldn't find"_s;
        QTest::newRow("409") << 409 << ApiError::Kind::Conflict << u"at the same time"_s;
        QTest::newRow("429") << 429 << ApiError::Kind::RateLimited << u"busy"_s;
        QTest::newRow("500") << 500 << ApiError::Kind::Server << u"error 500"_s;
        QTest::newRow("503") << 503 << ApiError::Kind::Server << u"error 503"_s;
        QTest::newRow("418") << 418 << ApiError::Kind::Rejected << u"error 418"_s;
    }

    void mapsHttpStatuses()
    {
        QFETCH(int, status);
        QFETCH(ApiError::Kind, kind);
        QFETCH(QString, message);
        m_server->handler = [status](const auto &) {
            Response response = Response::json(status, errorBody("code", "server says no"));
            response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("3")));
            return response;
        };
        Outcome<Order> outcome;
        m_client->acknowledgeOrder({u"o1"_s}, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        const ApiError &error = outcome.result->error;
        QCOMPARE(error.kind, kind);
        QCOMPARE(error.httpStatus, status);
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        QVERIFY2(error.details.contains("server says no"_L1), qPrintable(error.details));
        QVERIFY(error.details.contains("Retry-After: 3"_L1));
    }

    void aSilentServerTimesOut()
    {
        m_client->setTimeout(200ms);
        m_server->handler = [](const auto &) { return Response::silence(); };
        Outcome<OrdersSnapshot> outcome;
        m_client->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QCOMPARE(outcome.result->error.kind, ApiError::Kind::Timeout);
        QVERIFY(outcome.result->error.message.contains("took too long"_L1));
    }

    void aRefusedConnectionIsANetworkErrorNamingTheServer()
    {
        const QUrl url(u"http://127.0.0.1:%1"_s.arg(closedPort()));
        m_client->setBaseUrl(url);
        Outcome<QString> outcome;
        m_client->checkHealth(this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        const ApiError &error = outcome.result->error;
        QCOMPARE(error.kind, ApiError::Kind::Network);
        QCOMPARE(error.message,
                 u"Can't reach the server at %1. Check the address and that the server is running."_s
                     .arg(url.toDisplayString()));
        QVERIFY(error.details.contains("GET /api/health"_L1));
    }

    void aFailedTlsHandshakeIsATlsError()
    {
        // A plain-text peer: whatever it says, the TLS handshake cannot succeed, and nothing is
        // ignored to make it.
        QTcpServer plain;
        QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
        connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
            QTcpSocket *socket = plain.nextPendingConnection();
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        });
        m_client->setBaseUrl(QUrl(u"https://127.0.0.1:%1"_s.arg(plain.serverPort())));
        Outcome<QString> outcome;
        m_client->checkHealth(this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QCOMPARE(outcome.result->error.kind, ApiError::Kind::Tls);
        QVERIFY(outcome.result->error.message.contains("secure connection"_L1));
    }

    void a401WithATokenEndsTheSession()
    {
        m_client->setToken(u"T-secret-401"_s);
        m_server->handler = [](const auto &) {
            return Response::json(401, errorBody("unauthorized", "token expired"));
        };
        QSignalSpy ended(m_client.get(), &RestClient::unauthorized);
        Outcome<OrdersSnapshot> outcome;
        m_client->fetchOrders(std::nullopt, this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QCOMPARE(outcome.result->error.kind, ApiError::Kind::Unauthorized);
        QVERIFY(outcome.result->error.message.contains("sign in again"_L1));
        QCOMPARE(ended.count(), 1);
        QVERIFY(!outcome.result->error.details.contains("T-secret-401"_L1)); // never a token
    }

    void healthGivesTheEpochWithoutAToken()
    {
        m_client->setToken(u"T"_s);
        m_server->handler = [](const auto &) {
            return Response::json(200, R"({"status":"ok","version":"0.1.0","epoch":"e9"})");
        };
        Outcome<QString> outcome;
        m_client->checkHealth(this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QCOMPARE(*outcome.result->value, u"e9"_s);
        QVERIFY(!m_server->requests.constFirst().headers.contains("authorization"));
    }

    void aBaseUrlPathIsKept()
    {
        QUrl base = m_server->url();
        base.setPath(u"/hearth/"_s);
        m_client->setBaseUrl(base);
        m_server->handler = [](const auto &) {
            return Response::json(200, R"({"status":"ok","epoch":"e9"})");
        };
        Outcome<QString> outcome;
        m_client->checkHealth(this, outcome.callback());
        QTRY_VERIFY(outcome.result);
        QCOMPARE(m_server->requests.constFirst().path, QByteArray("/hearth/api/health"));
    }

    void withoutABaseUrlItFailsLater()
    {
        RestClient client(&m_network);
        Outcome<QString> outcome;
        client.checkHealth(this, outcome.callback());
        QVERIFY(!outcome.result);
        QTRY_VERIFY(outcome.result);
        QCOMPARE(outcome.result->error.kind, ApiError::Kind::Network);
        QVERIFY(outcome.result->error.message.contains("No server address"_L1));
    }

    void aDestroyedContextGetsNoCallback()
    {
        m_server->handler = [](const auto &) { return Response::json(200, snapshotBody(1)); };
        auto *context = new QObject;
        Outcome<OrdersSnapshot> outcome;
        m_client->fetchOrders(std::nullopt, context, outcome.callback());
        delete context;
        // A second call on a living context proves the event loop has moved on past the first.
        Outcome<OrdersSnapshot> later;
        m_client->fetchOrders(std::nullopt, this, later.callback());
        QTRY_VERIFY(later.result);
        QCOMPARE(outcome.calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
