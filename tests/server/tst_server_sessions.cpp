// Sign-in sessions (issue 8, item 7): logout, a manager's list and revocation of their
// restaurant's sessions, sliding expiry through POST /api/session/refresh — and whenever a
// session dies, its open WebSockets close with 1008 "unauthorized" and cannot subscribe.
#include "testsupport.h"

#include "server/accountrepository.h"
#include "server/database.h"
#include "server/demoaccounts.h"
#include "server/passwordhasher.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

QString errorCode(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
}

QString staff(HttpClient &http)
{
    return http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
}

QString manager(HttpClient &http)
{
    return http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
}

// A socket of `token`, welcomed and following the orders channel.
bool openFollowing(WsClient &ws, const HearthServer &server, const QString &token)
{
    return ws.open(server.webSocketUrl(), token) && !ws.nextOp(QStringLiteral("welcome")).isEmpty()
        && !ws.subscribe(QStringLiteral("orders")).isEmpty();
}

// The socket was closed for its session: an unauthorized frame saying why, then 1008.
void verifySignedOut(WsClient &ws, const QString &why)
{
    const QJsonObject error = ws.nextOp(QStringLiteral("error"));
    QCOMPARE(error.value(QLatin1StringView("code")).toString(), QStringLiteral("unauthorized"));
    QCOMPARE(error.value(QLatin1StringView("message")).toString(), QStringLiteral("signed out: ") + why);
    QVERIFY(ws.waitForDisconnected(10000));
    QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY2(ws.socket()->closeReason().startsWith(QLatin1StringView("unauthorized")),
             qPrintable(ws.socket()->closeReason()));
}

QJsonArray sessionsOf(HttpClient &http, const QString &token)
{
    return http.get(QStringLiteral("/api/sessions"), token).body.value(QLatin1StringView("sessions")).toArray();
}

} // namespace

class TestServerSessions final : public QObject
{
    Q_OBJECT

private slots:
    void logoutEndsTheTokenAndClosesItsSockets()
    {
        QTemporaryDir dir;
        HearthServer server(testOptions(dir));
        QVERIFY(server.start());
        HttpClient http(server.httpUrl());
        const QString token = staff(http);
        const QString other = staff(http); // the same user on another PC
        WsClient ws;
        WsClient otherWs;
        QVERIFY(openFollowing(ws, server, token));
        QVERIFY(openFollowing(otherWs, server, other));

        const HttpResult loggedOut = http.post(QStringLiteral("/api/logout"), {}, token);
        QCOMPARE(loggedOut.status, 200); // was 404
        verifySignedOut(ws, QStringLiteral("logged out"));
        QCOMPARE(http.get(QStringLiteral("/api/orders"), token).status, 401);
        QCOMPARE(http.post(QStringLiteral("/api/logout"), {}, token).status, 401);
        // The user's other session lives on.
        QCOMPARE(http.get(QStringLiteral("/api/orders"), other).status, 200);
        QVERIFY(otherWs.isConnected());
        QCOMPARE(http.get(QStringLiteral("/api/logout")).status, 405);
    }

    void managersListAndRevokeTheirRestaurantsSessions()
    {
        QTemporaryDir dir;
        HearthServer server(testOptions(dir));
        QVERIFY(server.start());
        HttpClient http(server.httpUrl());
        const QString staffToken = staff(http);
        const QString keptToken = staff(http);
        const QString managerToken = manager(http);
        // Another tenant on the same server, with a manager of its own.
        QVERIFY(server.accounts()->createRestaurant(QStringLiteral("2"), QStringLiteral("Elsewhere")));
        QVERIFY(server.accounts()->createUser(QStringLiteral("2"), QStringLiteral("other-boss"), QStringLiteral("Other"),
                                              Role::Manager, PasswordHasher::hash(QStringLiteral("other-pass"), 1000)));
        const QString otherManager = http.login(QStringLiteral("other-boss"), QStringLiteral("other-pass"));
        QVERIFY(!otherManager.isEmpty());

        QCOMPARE(http.get(QStringLiteral("/api/sessions"), staffToken).status, 403);
        const HttpResult listed = http.get(QStringLiteral("/api/sessions"), managerToken);
        QCOMPARE(listed.status, 200);
        const QJsonArray sessions = listed.body.value(QLatin1StringView("sessions")).toArray();
        QCOMPARE(sessions.size(), 3);
        QVERIFY(!listed.raw.contains(staffToken.toLatin1()));
        QString revokedId;
        QString keptId;
        int current = 0;
        for (const QJsonValue &value : sessions) {
            const QJsonObject session = value.toObject();
            QVERIFY(!session.value(QLatin1StringView("id")).toString().isEmpty());
            QVERIFY(!session.value(QLatin1StringView("expires_at")).toString().isEmpty());
            if (session.value(QLatin1StringView("current")).toBool()) {
                ++current;
                QCOMPARE(session.value(QLatin1StringView("username")).toString(), QString(DemoAccounts::managerUsername));
            } else if (revokedId.isEmpty()) {
                revokedId = session.value(QLatin1StringView("id")).toString();
            } else {
                keptId = session.value(QLatin1StringView("id")).toString();
            }
        }
        QCOMPARE(current, 1);
        QVERIFY(revokedId != keptId);
        // The other tenant sees only its own manager, and cannot end this restaurant's sessions.
        QCOMPARE(sessionsOf(http, otherManager).size(), 1);
        QCOMPARE(http.send("DELETE", QStringLiteral("/api/sessions/") + revokedId, {}, otherManager).status, 404);
        QCOMPARE(http.send("DELETE", QStringLiteral("/api/sessions/") + revokedId, {}, staffToken).status, 403);

        // Which staff token an id belongs to is not said (ids tell nothing): follow both.
        WsClient first;
        WsClient second;
        QVERIFY(openFollowing(first, server, staffToken));
        QVERIFY(openFollowing(second, server, keptToken));
        const HttpResult revoked = http.send("DELETE", QStringLiteral("/api/sessions/") + revokedId, {}, managerToken);
        QCOMPARE(revoked.status, 200);
        // Exactly one of the two staff tokens is gone, and only its socket closes.
        const bool firstWent = http.get(QStringLiteral("/api/orders"), staffToken).status == 401;
        const QString goneToken = firstWent ? staffToken : keptToken;
        const QString liveToken = firstWent ? keptToken : staffToken;
        WsClient &goneWs = firstWent ? first : second;
        WsClient &liveWs = firstWent ? second : first;
        QCOMPARE(http.get(QStringLiteral("/api/orders"), goneToken).status, 401);
        QCOMPARE(http.get(QStringLiteral("/api/orders"), liveToken).status, 200);
        verifySignedOut(goneWs, QStringLiteral("revoked by a manager"));
        QVERIFY(liveWs.isConnected());
        QCOMPARE(sessionsOf(http, managerToken).size(), 2);
        const HttpResult again = http.send("DELETE", QStringLiteral("/api/sessions/") + revokedId, {}, managerToken);
        QCOMPARE(again.status, 404);
        QCOMPARE(errorCode(again), QStringLiteral("not_found"));

        // Issue 8, item 8: with an Idempotency-Key, a retry whose answer was lost gets the same 200.
        const QString keptSessionId = keptId;
        const HttpClient::Headers key{{QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("revoke-kept-1")}};
        QCOMPARE(http.send("DELETE", QStringLiteral("/api/sessions/") + keptSessionId, {}, managerToken, key).status, 200);
        const HttpResult retried = http.send("DELETE", QStringLiteral("/api/sessions/") + keptSessionId, {}, managerToken, key);
        QCOMPARE(retried.status, 200);
        QCOMPARE(retried.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(retried.body.value(QLatin1StringView("revoked")).toString(), keptSessionId);
        QCOMPARE(http.get(QStringLiteral("/api/orders"), liveToken).status, 401);
        verifySignedOut(liveWs, QStringLiteral("revoked by a manager"));
    }

    void refreshSlidesTheExpiryAndTheSocketFollows()
    {
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir);
        options.tokenLifetimeMs = 1500;
        HearthServer server(options);
        QVERIFY(server.start());
        HttpClient http(server.httpUrl());
        const HttpResult signedIn = http.post(
            QStringLiteral("/api/login"),
            json({{QStringLiteral("username"), QString(DemoAccounts::staffUsername)},
                  {QStringLiteral("password"), QString(DemoAccounts::staffPassword)}}));
        const QString token = signedIn.body.value(QLatin1StringView("token")).toString();
        const QDateTime firstExpiry =
            QDateTime::fromString(signedIn.body.value(QLatin1StringView("expires_at")).toString(), Qt::ISODateWithMs);
        QVERIFY(firstExpiry.isValid());
        WsClient ws;
        QVERIFY(openFollowing(ws, server, token));

        // Keep refreshing past the first expiry: REST and the socket both stay signed in.
        QDateTime lastExpiry = firstExpiry;
        while (QDateTime::currentDateTimeUtc() < firstExpiry.addMSecs(1000)) {
            const HttpResult refreshed = http.post(QStringLiteral("/api/session/refresh"), {}, token);
            QCOMPARE(refreshed.status, 200);
            const QDateTime expiry =
                QDateTime::fromString(refreshed.body.value(QLatin1StringView("expires_at")).toString(), Qt::ISODateWithMs);
            QVERIFY(expiry >= lastExpiry);
            lastExpiry = expiry;
            QTest::qWait(300);
        }
        QVERIFY(lastExpiry > firstExpiry);
        QVERIFY(ws.isConnected());
        QCOMPARE(http.get(QStringLiteral("/api/orders"), token).status, 200);

        // Left alone, it expires, and so does the socket.
        verifySignedOut(ws, QStringLiteral("expired"));
        QVERIFY(QDateTime::currentDateTimeUtc() >= lastExpiry);
        QCOMPARE(http.post(QStringLiteral("/api/session/refresh"), {}, token).status, 401);
    }

    // A session ended where this process did not see it (another instance, the users command):
    // the socket may not subscribe any more.
    void aDeadSessionCannotSubscribe()
    {
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir);
        options.heartbeatMs = 60000; // no re-check tick during the test: the subscribe must notice
        HearthServer server(options);
        QVERIFY(server.start());
        HttpClient http(server.httpUrl());
        const QString token = staff(http);
        WsClient ws;
        QVERIFY(openFollowing(ws, server, token));
        {
            Database elsewhere;
            QString problem;
            QVERIFY2(elsewhere.open(options.databasePath, &problem), qPrintable(problem));
            QVERIFY(QSqlQuery(elsewhere.connection()).exec(QStringLiteral("DELETE FROM sessions")));
        }
        ws.send(QJsonObject{{QStringLiteral("op"), QStringLiteral("subscribe")}, {QStringLiteral("channel"), QStringLiteral("widgets")}});
        verifySignedOut(ws, QStringLiteral("ended"));
        QVERIFY(ws.nextOp(QStringLiteral("subscribed"), 200).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerSessions)
#include "tst_server_sessions.moc"
