// Sign-in under attack (issue 8, item 3): wrong passwords are throttled per user and per
// address (429 rate_limited with Retry-After), the password check runs on a worker thread so
// the server keeps answering, new hashes use OWASP's 600 000 PBKDF2 iterations, and a hash
// with fewer is replaced at the next sign-in. Limits are shrunk through ServerOptions; refills
// are set to an hour so the clock plays no part.
#include "testsupport.h"

#include "server/accountrepository.h"
#include "server/demoaccounts.h"
#include "server/passwordhasher.h"

#include <QNetworkReply>
#include <QtTest>

#include <memory>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

QByteArray credentials(const QString &username, const QString &password)
{
    return json({{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
}

QString errorCode(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
}

constexpr double oncePerHour = 1.0 / 3600;

} // namespace

class TestServerLogin final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    // 40 wrong passwords and then the right one used to answer 200.
    void wrongPasswordsAreThrottledPerUser()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("user.db"));
        options.loginFailuresPerUser = 3;
        options.loginUserRefillPerSecond = oncePerHour;
        start(options);
        const QString staff(DemoAccounts::staffUsername);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http->post(QStringLiteral("/api/login"), credentials(staff, QStringLiteral("guess%1").arg(i))).status,
                     401);
        const HttpResult limited =
            m_http->post(QStringLiteral("/api/login"), credentials(staff, QString(DemoAccounts::staffPassword)));
        QCOMPARE(limited.status, 429); // even the right password, until the user's share refills
        QCOMPARE(errorCode(limited), QStringLiteral("rate_limited"));
        QVERIFY2(limited.header("Retry-After").toInt() >= 1, limited.header("Retry-After").constData());
        // Usernames are not case-sensitive to the throttle: the same user in capitals is the same user.
        QCOMPARE(m_http->post(QStringLiteral("/api/login"), credentials(staff.toUpper(), QStringLiteral("x"))).status, 429);

        // Another user at the same address is not punished for it.
        QVERIFY(!m_http->login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword)).isEmpty());
    }

    void wrongPasswordsAreThrottledPerAddress()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("address.db"));
        options.loginFailuresPerAddress = 4;
        options.loginAddressRefillPerSecond = oncePerHour;
        start(options);
        for (int i = 0; i < 4; ++i) { // four names, so no user's own share runs out
            QCOMPARE(m_http->post(QStringLiteral("/api/login"),
                                  credentials(QStringLiteral("nobody%1").arg(i), QStringLiteral("x"))).status,
                     401);
        }
        const HttpResult limited = m_http->post(
            QStringLiteral("/api/login"),
            credentials(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword)));
        QCOMPARE(limited.status, 429);
        QCOMPARE(errorCode(limited), QStringLiteral("rate_limited"));
        QVERIFY(limited.header("Retry-After").toInt() >= 1);
    }

    // Each check used to run on the server's only thread: eight bad sign-ins pushed a
    // manager's GET /api/orders from 8 ms to 2 s. Here one sign-in needs a check of some
    // seconds; the server answers others meanwhile and the sign-in is answered after.
    void theServerAnswersWhileAPasswordIsChecked()
    {
        start(testOptions(m_dir, QStringLiteral("worker.db")));
        const QString token =
            m_http->login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        QVERIFY(!token.isEmpty());
        // A stored hash whose check costs 3 000 000 PBKDF2 rounds (and can never match).
        const QString slowHash = QStringLiteral("pbkdf2-sha256$3000000$c2FsdHNhbHRzYWx0c2FsdA$")
                                 + QString::fromLatin1(QByteArray(32, 'k').toBase64(QByteArray::OmitTrailingEquals));
        QVERIFY(m_server->accounts()->createUser(QString(DemoAccounts::restaurantId), QStringLiteral("slow"),
                                                 QStringLiteral("Slow"), Role::Staff, slowHash));

        QNetworkAccessManager network;
        QNetworkRequest loginRequest(m_server->httpUrl().resolved(QUrl(QStringLiteral("/api/login"))));
        loginRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        std::unique_ptr<QNetworkReply> login(
            network.post(loginRequest, credentials(QStringLiteral("slow"), QStringLiteral("guess"))));
        QTRY_VERIFY_WITH_TIMEOUT(m_server->passwordChecksRunning() == 1, 20000);

        QNetworkRequest ordersRequest(m_server->httpUrl().resolved(QUrl(QStringLiteral("/api/orders"))));
        ordersRequest.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        std::unique_ptr<QNetworkReply> orders(network.get(ordersRequest));
        QTRY_VERIFY_WITH_TIMEOUT(orders->isFinished(), 20000);
        QCOMPARE(orders->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY2(!login->isFinished(), "the sign-in was answered before the orders: the check did not run aside");

        QTRY_VERIFY_WITH_TIMEOUT(login->isFinished(), 60000);
        QCOMPARE(login->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        QCOMPARE(m_server->passwordChecksRunning(), 0);
    }

    void newHashesTakeOwaspsWorkFactor()
    {
        QCOMPARE(ServerOptions{}.passwordHashIterations, 600000);
        QCOMPARE(PasswordHasher::defaultIterations, 600000);
        QCOMPARE(PasswordHasher::iterationsOf(PasswordHasher::hash(QStringLiteral("pw"), 1234)), 1234);
        QCOMPARE(PasswordHasher::iterationsOf(QStringLiteral("plain")), 0);
    }

    void anOlderHashIsReplacedAtSignIn()
    {
        ServerOptions options = testOptions(m_dir, QStringLiteral("rehash.db"));
        options.passwordHashIterations = 2000;
        start(options);
        QVERIFY(m_server->accounts()->createUser(QString(DemoAccounts::restaurantId), QStringLiteral("old"),
                                                 QStringLiteral("Old Timer"), Role::Staff,
                                                 PasswordHasher::hash(QStringLiteral("old-secret"), 1000)));
        QVERIFY(!m_http->login(QStringLiteral("old"), QStringLiteral("old-secret")).isEmpty());
        const std::optional<User> user = m_server->accounts()->userByUsername(QStringLiteral("old"));
        QVERIFY(user);
        QCOMPARE(PasswordHasher::iterationsOf(user->passwordHash), 2000);
        QVERIFY(PasswordHasher::verify(QStringLiteral("old-secret"), user->passwordHash));
        QVERIFY(!m_http->login(QStringLiteral("old"), QStringLiteral("old-secret")).isEmpty()); // and it still works
    }

private:
    void start(const ServerOptions &options)
    {
        m_server = std::make_unique<HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server->httpUrl());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
};

QTEST_GUILESS_MAIN(TestServerLogin)
#include "tst_server_login.moc"
