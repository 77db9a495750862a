// The dashboard's session against the real server (issue 8, items 2 and 7): signing out ends
// the token on the server; a session a manager revokes signs the client out with a reason and
// it stops reconnecting; SessionKeeper refreshes the session so it outlives its first expiry;
// and the client reaches a TLS server whose certificate it was told to trust.
#include "clientstack.h"

#include "api/trustedcertificates.h"
#include "store/tokenvault.h"
#include "sync/sessionkeeper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>

using namespace hearth;
using namespace std::chrono_literals;

namespace {

class MemoryVault final : public TokenVault
{
public:
    QHash<QString, QString> tokens;
    void read(const QString &account) override { emit tokenRead(account, tokens.value(account)); }
    void write(const QString &account, const QString &token) override
    {
        tokens.insert(account, token);
        emit written(account);
    }
    void remove(const QString &account) override { tokens.remove(account); }
};

// A request outside the client, as another PC (or a manager's) would make it.
struct Raw
{
    int status = 0;
    QJsonObject body;
};

Raw request(const QUrl &base, const QByteArray &verb, const QString &path, const QString &token,
            const QByteArray &body = {})
{
    QNetworkAccessManager network;
    QNetworkRequest networkRequest(base.resolved(QUrl(path)));
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        networkRequest.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(networkRequest, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Raw result;
    if (!reply->isFinished() && !finished.wait(10000))
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = QJsonDocument::fromJson(reply->readAll()).object();
    return result;
}

QString managerToken(const QUrl &base)
{
    return request(base, "POST", QStringLiteral("/api/login"), {},
                   R"({"username":"manager","password":"manager-demo"})")
        .body.value(QLatin1StringView("token"))
        .toString();
}

} // namespace

class TestIntegrationSessions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void signingOutEndsTheTokenOnTheServer()
    {
        QTemporaryDir dir;
        server::HearthServer server(test::testServerOptions(dir));
        QVERIFY(server.start());
        test::ClientStack stack;
        QVERIFY(stack.signInTo(server, QStringLiteral("staff"), QStringLiteral("staff-demo")));
        const QString token = stack.signIn.session().token;
        stack.client.start();
        QCOMPARE(request(server.httpUrl(), "GET", QStringLiteral("/api/orders"), token).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(server.stats().connections, 1, 10000);

        stack.signIn.signOut(QStringLiteral("You have signed out."));
        QTRY_COMPARE_WITH_TIMEOUT(request(server.httpUrl(), "GET", QStringLiteral("/api/orders"), token).status, 401, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(server.stats().connections, 0, 10000);
    }

    void aRevokedSessionSignsOutWithItsReasonAndStaysOut()
    {
        QTemporaryDir dir;
        server::ServerOptions options = test::testServerOptions(dir);
        options.reconnectAfterMs = 200;
        server::HearthServer server(options);
        QVERIFY(server.start());
        test::ClientStack stack;
        QSignalSpy signedOut(&stack.signIn, &SignIn::signedOut);
        QVERIFY(stack.signInTo(server, QStringLiteral("staff"), QStringLiteral("staff-demo")));
        stack.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(stack.realtime.state(), ConnectionState::Live, 10000);

        const QString manager = managerToken(server.httpUrl());
        const QJsonArray sessions =
            request(server.httpUrl(), "GET", QStringLiteral("/api/sessions"), manager).body.value(QLatin1StringView("sessions")).toArray();
        QString staffSession;
        for (const QJsonValue &session : sessions) {
            if (session.toObject().value(QLatin1StringView("username")).toString() == u"staff")
                staffSession = session.toObject().value(QLatin1StringView("id")).toString();
        }
        QVERIFY(!staffSession.isEmpty());
        QCOMPARE(request(server.httpUrl(), "DELETE", QStringLiteral("/api/sessions/") + staffSession, manager).status, 200);

        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 10000);
        const QString reason = signedOut.first().first().toString();
        QVERIFY2(reason.startsWith(QLatin1StringView("Signed out: a manager ended this session")), qPrintable(reason));
        QCOMPARE(stack.realtime.state(), ConnectionState::SignedOut);
        QVERIFY(!stack.signIn.isSignedIn());
        // It does not come back: several reconnect periods later nobody has connected again.
        const qint64 before = server.stats().connections;
        QTest::qWait(1500);
        QCOMPARE(stack.realtime.state(), ConnectionState::SignedOut);
        QCOMPARE(server.stats().connections, before);
        QCOMPARE(before, 0);
    }

    void theKeeperRefreshesTheSessionPastItsFirstExpiry()
    {
        QTemporaryDir dir;
        server::ServerOptions options = test::testServerOptions(dir);
        options.tokenLifetimeMs = 2000;
        server::HearthServer server(options);
        QVERIFY(server.start());
        test::ClientStack stack;
        MemoryVault vault;
        SessionKeeper keeper(&stack.signIn, &vault);
        keeper.setEnabled(false); // nothing kept on disk; the refresh is not about keeping
        keeper.setMinimumRefreshInterval(100ms);
        QSignalSpy signedOut(&stack.signIn, &SignIn::signedOut);
        QSignalSpy refreshed(&stack.signIn, &SignIn::sessionRefreshed);
        QVERIFY(stack.signInTo(server, QStringLiteral("staff"), QStringLiteral("staff-demo")));
        QVERIFY(keeper.isRefreshScheduled());
        stack.client.start();
        const QDateTime firstExpiry = stack.signIn.session().expiresAt;
        QVERIFY(firstExpiry.isValid());

        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > firstExpiry.addMSecs(2000); }, 20000));
        QVERIFY(refreshed.size() >= 2);
        QCOMPARE(signedOut.size(), 0);
        QVERIFY(stack.signIn.session().expiresAt > firstExpiry);
        QCOMPARE(request(server.httpUrl(), "GET", QStringLiteral("/api/orders"), stack.signIn.session().token).status, 200);
        QCOMPARE(stack.realtime.state(), ConnectionState::Live);
    }

    void theClientReachesATlsServerItWasToldToTrust()
    {
        QTemporaryDir dir;
        const QString certificate = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=hearth-test"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        server::ServerOptions options = test::testServerOptions(dir);
        options.tlsCertificatePath = certificate;
        options.tlsKeyPath = key;
        options.seedDemoService = true; // orders to load
        server::HearthServer server(options);
        QVERIFY(server.start());

        {
            test::ClientStack untrusting; // verified by default: the sign-in fails
            QSignalSpy failed(&untrusting.signIn, &SignIn::signInFailed);
            untrusting.signIn.signIn(ServerAddress::fromHttpBase(server.httpUrl()), QStringLiteral("staff"),
                                     QStringLiteral("staff-demo"));
            QVERIFY(failed.wait(10000));
        }
        QString error;
        QVERIFY2(TrustedCertificates::addFromFile(certificate, &error), qPrintable(error));
        test::ClientStack stack;
        QVERIFY(stack.signInTo(server, QStringLiteral("staff"), QStringLiteral("staff-demo")));
        QCOMPARE(stack.signIn.address().webSocketUrl.scheme(), QStringLiteral("wss"));
        stack.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(stack.realtime.state(), ConnectionState::Live, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(stack.model.rowCount() > 0, 10000); // the demo restaurant's orders, over HTTPS
    }
};

QTEST_GUILESS_MAIN(TestIntegrationSessions)
#include "tst_integration_sessions.moc"
