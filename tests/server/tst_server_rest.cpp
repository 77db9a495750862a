// The REST API of hearth-server over real HTTP on 127.0.0.1 (docs/protocol.md).
#include "testsupport.h"

#include "core/ordercodec.h"
#include "server/accountrepository.h"
#include "server/demoaccounts.h"
#include "server/orderservice.h"
#include "server/passwordhasher.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

QString errorCode(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
}

QStringList orderIds(const HttpResult &result)
{
    QStringList ids;
    const QJsonArray orders = result.body.value(QLatin1StringView("orders")).toArray();
    for (const QJsonValue &order : orders)
        ids.append(order.toObject().value(QLatin1StringView("id")).toString());
    return ids;
}

} // namespace

class TestServerRest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<HearthServer>(testOptions(m_dir));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QVERIFY(m_server->port() != 0);
        m_http = std::make_unique<HttpClient>(m_server->httpUrl());
        m_token = m_http->login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        QVERIFY(!m_token.isEmpty());
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    void healthNeedsNoToken()
    {
        const HttpResult result = m_http->get(QStringLiteral("/api/health"));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.body.value(QLatin1StringView("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(result.body.value(QLatin1StringView("version")).toString(), QStringLiteral("0.1.0"));
        QCOMPARE(result.body.value(QLatin1StringView("epoch")).toString(), m_server->epoch());
    }

    void loginAnswersTokenUserAndRestaurant()
    {
        const HttpResult result = m_http->post(
            QStringLiteral("/api/login"),
            json({{QStringLiteral("username"), QString(DemoAccounts::managerUsername)},
                  {QStringLiteral("password"), QString(DemoAccounts::managerPassword)}}));
        QCOMPARE(result.status, 200);
        const QString token = result.body.value(QLatin1StringView("token")).toString();
        QCOMPARE(QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
        const QDateTime expires = QDateTime::fromString(
            result.body.value(QLatin1StringView("expires_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(11 * 3600));
        QVERIFY(expires <= QDateTime::currentDateTimeUtc().addSecs(12 * 3600 + 5));
        const QJsonObject user = result.body.value(QLatin1StringView("user")).toObject();
        QCOMPARE(user.value(QLatin1StringView("username")).toString(), QStringLiteral("manager"));
        QCOMPARE(user.value(QLatin1StringView("role")).toString(), QStringLiteral("manager"));
        QVERIFY(!user.value(QLatin1StringView("display_name")).toString().isEmpty());
        const QJsonObject restaurant = result.body.value(QLatin1StringView("restaurant")).toObject();
        QCOMPARE(restaurant.value(QLatin1StringView("id")).toString(), QStringLiteral("1"));
        QCOMPARE(restaurant.value(QLatin1StringView("name")).toString(), QStringLiteral("Demo Bistro"));
    }

    void loginRejectsBadCredentials_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("wrong password") << QByteArray(R"({"username":"staff","password":"nope"})") << 401
                                        << "invalid_credentials";
        QTest::newRow("unknown user") << QByteArray(R"({"username":"ghost","password":"staff-demo"})") << 401
                                      << "invalid_credentials";
        QTest::newRow("missing password") << QByteArray(R"({"username":"staff"})") << 400 << "bad_request";
        QTest::newRow("not json") << QByteArray("username=staff") << 400 << "bad_request";
        QTest::newRow("array") << QByteArray("[]") << 400 << "bad_request";
        QTest::newRow("empty") << QByteArray() << 400 << "bad_request";
    }

    void loginRejectsBadCredentials()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpResult result = m_http->post(QStringLiteral("/api/login"), body);
        QCOMPARE(result.status, status);
        QCOMPARE(errorCode(result), code);
        QVERIFY(!result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message"))
                     .toString().isEmpty());
    }

    void routesNeedAValidToken_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("token");
        QTest::newRow("orders, no token") << QByteArray("GET") << "/api/orders" << QString();
        QTest::newRow("orders, bad token") << QByteArray("GET") << "/api/orders" << "bogus";
        QTest::newRow("acknowledge") << QByteArray("POST") << "/api/orders/x/acknowledge" << QString();
        QTest::newRow("patch") << QByteArray("PATCH") << "/api/orders/x" << "bogus";
    }

    void routesNeedAValidToken()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QString, token);
        const HttpResult result = m_http->send(verb, path, QByteArray(R"({"status":"ready"})"), token);
        QCOMPARE(result.status, 401);
        QCOMPARE(errorCode(result), QStringLiteral("unauthorized"));
        QCOMPARE(result.header("WWW-Authenticate"), QByteArray("Bearer"));
    }

    void unknownRoutesAnswer404()
    {
        const HttpResult result = m_http->get(QStringLiteral("/api/nothing"), m_token);
        QCOMPARE(result.status, 404);
        QCOMPARE(errorCode(result), QStringLiteral("not_found"));
    }

    void plainRequestToTheSocketPathAnswers426()
    {
        QCOMPARE(m_http->get(QStringLiteral("/ws")).status, 426);
    }

    void snapshotHasOrdersAndWatermark()
    {
        const Order first = m_server->orders()->createRandomOrder(QStringLiteral("1"));
        const Order second = m_server->orders()->createRandomOrder(QStringLiteral("1"));
        QVERIFY(!first.id.isEmpty() && !second.id.isEmpty());
        QCOMPARE(second.number, first.number + 1);

        const HttpResult result = m_http->get(QStringLiteral("/api/orders"), m_token);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(result.body.value(QLatin1StringView("epoch")).toString(), m_server->epoch());
        const qint64 seq = result.body.value(QLatin1StringView("seq")).toInteger();
        QVERIFY(seq >= 2);
        const QStringList ids = orderIds(result);
        QVERIFY(ids.contains(first.id) && ids.contains(second.id));
        const Decoded<QList<Order>> decoded =
            OrderCodec::fromJsonArray(result.body.value(QLatin1StringView("orders")).toArray());
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QVERIFY(decoded.value->contains(first));
    }

    void deltaHasOnlyChangesAfterSince()
    {
        const HttpResult before = m_http->get(QStringLiteral("/api/orders"), m_token);
        const qint64 watermark = before.body.value(QLatin1StringView("seq")).toInteger();
        const Order created = m_server->orders()->createRandomOrder(QStringLiteral("1"));

        const HttpResult delta = m_http->get(QStringLiteral("/api/orders?since=%1").arg(watermark), m_token);
        QCOMPARE(delta.status, 200);
        QCOMPARE(orderIds(delta), QStringList{created.id});
        QCOMPARE(delta.body.value(QLatin1StringView("seq")).toInteger(), watermark + 1);

        const HttpResult none = m_http->get(QStringLiteral("/api/orders?since=%1").arg(watermark + 1), m_token);
        QVERIFY(orderIds(none).isEmpty());
        QCOMPARE(m_http->get(QStringLiteral("/api/orders?since=-1"), m_token).status, 400);
        QCOMPARE(m_http->get(QStringLiteral("/api/orders?since=abc"), m_token).status, 400);
    }

    void statusFilter()
    {
        const Order order = m_server->orders()->createRandomOrder(QStringLiteral("1"));
        QVERIFY(m_server->orders()->acknowledge(QStringLiteral("1"), order.id).ok());
        const HttpResult acknowledged = m_http->get(QStringLiteral("/api/orders?status=acknowledged"), m_token);
        QCOMPARE(acknowledged.status, 200);
        QVERIFY(orderIds(acknowledged).contains(order.id));
        const HttpResult fresh = m_http->get(QStringLiteral("/api/orders?status=new"), m_token);
        QVERIFY(!orderIds(fresh).contains(order.id));
        const HttpResult bad = m_http->get(QStringLiteral("/api/orders?status=eaten"), m_token);
        QCOMPARE(bad.status, 400);
        QCOMPARE(errorCode(bad), QStringLiteral("bad_request"));
    }

    void acknowledgeIsIdempotent()
    {
        const Order order = m_server->orders()->createRandomOrder(QStringLiteral("1"));
        const QString path = QStringLiteral("/api/orders/%1/acknowledge").arg(order.id);
        const HttpResult first = m_http->post(path, {}, m_token);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body.value(QLatin1StringView("status")).toString(), QStringLiteral("acknowledged"));
        QCOMPARE(first.body.value(QLatin1StringView("version")).toInteger(), 2);
        QVERIFY(first.body.value(QLatin1StringView("acknowledged_at")).isString());

        const HttpResult again = m_http->post(path, {}, m_token);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, first.body); // a no-op: same version, same timestamps
    }

    void acknowledgingAFinalOrderAnswers422()
    {
        const Order order = m_server->orders()->createRandomOrder(QStringLiteral("1"));
        QVERIFY(m_server->orders()->setStatus(QStringLiteral("1"), order.id, OrderStatus::Cancelled).ok());
        const HttpResult result = m_http->post(QStringLiteral("/api/orders/%1/acknowledge").arg(order.id), {}, m_token);
        QCOMPARE(result.status, 422);
        QCOMPARE(errorCode(result), QStringLiteral("invalid_transition"));
    }

    void patchMovesTheOrderOn()
    {
        const Order order = m_server->orders()->createRandomOrder(QStringLiteral("1"));
        const QString path = QStringLiteral("/api/orders/%1").arg(order.id);
        const HttpResult acknowledged = m_http->patch(path, QByteArray(R"({"status":"acknowledged"})"), m_token);
        QCOMPARE(acknowledged.status, 200);
        QVERIFY(acknowledged.body.value(QLatin1StringView("acknowledged_at")).isString()); // new → on acknowledges
        const HttpResult preparing = m_http->patch(path, QByteArray(R"({"status":"preparing"})"), m_token);
        QCOMPARE(preparing.status, 200);
        QCOMPARE(preparing.body.value(QLatin1StringView("status")).toString(), QStringLiteral("preparing"));
        QCOMPARE(preparing.body.value(QLatin1StringView("version")).toInteger(), 3);
    }

    void patchRejectsWhatTheFlowForbids_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("skip ahead") << QByteArray(R"({"status":"ready"})") << 422 << "invalid_transition";
        QTest::newRow("back to new") << QByteArray(R"({"status":"new"})") << 422 << "invalid_transition";
        QTest::newRow("unknown status") << QByteArray(R"({"status":"eaten"})") << 400 << "bad_request";
        QTest::newRow("no status") << QByteArray(R"({"notes":"x"})") << 400 << "bad_request";
        QTest::newRow("bad json") << QByteArray(R"({"status":)") << 400 << "bad_request";
    }

    void patchRejectsWhatTheFlowForbids()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Order order = m_server->orders()->createRandomOrder(QStringLiteral("1"));
        const HttpResult result = m_http->patch(QStringLiteral("/api/orders/%1").arg(order.id), body, m_token);
        QCOMPARE(result.status, status);
        QCOMPARE(errorCode(result), code);
        QCOMPARE(m_server->orders()->find(QStringLiteral("1"), order.id)->version, 1); // untouched
    }

    void unknownOrderAnswers404()
    {
        QCOMPARE(m_http->post(QStringLiteral("/api/orders/nope/acknowledge"), {}, m_token).status, 404);
        const HttpResult result = m_http->patch(QStringLiteral("/api/orders/nope"),
                                                QByteArray(R"({"status":"ready"})"), m_token);
        QCOMPARE(result.status, 404);
        QCOMPARE(errorCode(result), QStringLiteral("not_found"));
    }

    void anotherRestaurantsOrderIsInvisible()
    {
        QVERIFY(m_server->accounts()->createRestaurant(QStringLiteral("2"), QStringLiteral("Other Place")));
        QVERIFY(m_server->accounts()->createUser(QStringLiteral("2"), QStringLiteral("other"), QStringLiteral("Otto"),
                                                 Role::Staff, PasswordHasher::hash(QStringLiteral("pw"), 1000)));
        const Order foreign = m_server->orders()->createRandomOrder(QStringLiteral("2"));
        QCOMPARE(foreign.number, 1); // numbered per restaurant

        QCOMPARE(m_http->post(QStringLiteral("/api/orders/%1/acknowledge").arg(foreign.id), {}, m_token).status, 404);
        QCOMPARE(m_http->patch(QStringLiteral("/api/orders/%1").arg(foreign.id),
                               QByteArray(R"({"status":"cancelled"})"), m_token).status, 404);
        QVERIFY(!orderIds(m_http->get(QStringLiteral("/api/orders"), m_token)).contains(foreign.id));

        const QString otherToken = m_http->login(QStringLiteral("other"), QStringLiteral("pw"));
        const HttpResult theirs = m_http->get(QStringLiteral("/api/orders"), otherToken);
        QCOMPARE(orderIds(theirs), QStringList{foreign.id});
        QCOMPARE(theirs.body.value(QLatin1StringView("seq")).toInteger(), 1); // their own channel
    }

    void refusesToStartOnATakenPort()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir);
        options.port = blocker.serverPort();
        HearthServer server(options);
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains(QString::number(blocker.serverPort())), qPrintable(error));
        QVERIFY(!server.isRunning());
    }

    void refusesToStartWithAnUnusableDatabase()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        ServerOptions options = testOptions(dir);
        options.databasePath = dir.filePath(QStringLiteral("file/hearth.db"));
        HearthServer server(options);
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!server.isRunning());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_token;
};

QTEST_GUILESS_MAIN(TestServerRest)
#include "tst_server_rest.moc"
