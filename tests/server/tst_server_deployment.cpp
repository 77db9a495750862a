// What an administrator sees of a deployed hearth-server (issue 8, item 10): the banner says
// where it really listens, the database is readable by its owner only, and a method a route
// does not take answers 405 with Allow instead of 404.
#include "testsupport.h"

#include "server/analyticsrepository.h"
#include "server/analyticsservice.h"
#include "server/demoaccounts.h"
#include "server/servercommandline.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

constexpr QFile::Permissions othersMayTouch = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
    | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;

QString errorCode(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
}

ServerCommandLine::Parsed parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    ServerCommandLine::addOptions(&parser);
    if (!parser.parse(QStringList{QStringLiteral("hearth-server")} + arguments))
        return {{}, parser.errorText()};
    return ServerCommandLine::read(parser);
}

} // namespace

class TestServerDeployment final : public QObject
{
    Q_OBJECT

private slots:
    // The banner said 127.0.0.1 while the server listened on 0.0.0.0.
    void theBannerSaysWhereTheServerListens()
    {
        QCOMPARE(HearthServer::describeListenAddress(QHostAddress(QHostAddress::AnyIPv4), 8080),
                 QStringLiteral("0.0.0.0:8080 (every IPv4 interface)"));
        QCOMPARE(HearthServer::describeListenAddress(QHostAddress(QHostAddress::Any), 8080),
                 QStringLiteral("*:8080 (every interface)"));
        QCOMPARE(HearthServer::describeListenAddress(QHostAddress(QHostAddress::LocalHost), 8080),
                 QStringLiteral("127.0.0.1:8080 (this machine only)"));
        QCOMPARE(HearthServer::describeListenAddress(QHostAddress(QStringLiteral("::1")), 8080),
                 QStringLiteral("[::1]:8080 (this machine only)"));
        QCOMPARE(HearthServer::describeListenAddress(QHostAddress(QStringLiteral("192.168.1.20")), 80),
                 QStringLiteral("192.168.1.20:80"));

        QTemporaryDir dir;
        HearthServer server(testOptions(dir));
        QVERIFY(server.start());
        QCOMPARE(server.listenDescription(), QStringLiteral("127.0.0.1:%1 (this machine only)").arg(server.port()));
    }

    // It was 0644: password and token hashes readable by every account on the machine.
    void theDatabaseIsReadableByItsOwnerOnly()
    {
        QTemporaryDir dir;
        const ServerOptions options = testOptions(dir, QStringLiteral("fresh.db"));
        {
            HearthServer server(options);
            QVERIFY(server.start());
            const QFile::Permissions permissions = QFileInfo(options.databasePath).permissions();
            QVERIFY(permissions & QFile::ReadOwner && permissions & QFile::WriteOwner);
            QCOMPARE(permissions & othersMayTouch, QFile::Permissions());
            const QString wal = options.databasePath + QStringLiteral("-wal");
            if (QFile::exists(wal))
                QCOMPARE(QFileInfo(wal).permissions() & othersMayTouch, QFile::Permissions());
        }
        // An older database made readable by others is closed up at the next start.
        QVERIFY(QFile::setPermissions(options.databasePath, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                                                 | QFile::ReadOther));
        HearthServer again(options);
        QVERIFY(again.start());
        QCOMPARE(QFileInfo(options.databasePath).permissions() & othersMayTouch, QFile::Permissions());
    }

    // Issue 8, item 1: every fresh database got manager/manager-demo, also on 0.0.0.0.
    void demoAccountsAreForDemosOnly()
    {
        QVERIFY(!parse({}).options.seedDemoAccounts);
        QVERIFY(parse({QStringLiteral("--demo")}).options.seedDemoAccounts);
        QVERIFY(parse({QStringLiteral("--simulate"), QStringLiteral("30")}).options.seedDemoAccounts);
        QVERIFY(ServerOptions{}.seedDemoAccounts); // embedded (hearth --demo) and tests

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("admin-password"));
        QFile secret(file);
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("from-a-file-123\n");
        secret.close();
        const ServerCommandLine::Parsed fromFile = parse({QStringLiteral("--admin-password-file"), file});
        QVERIFY2(fromFile.error.isEmpty(), qPrintable(fromFile.error));
        QCOMPARE(fromFile.options.adminPassword, QStringLiteral("from-a-file-123"));
        QVERIFY(!parse({QStringLiteral("--admin-password-file"), dir.filePath(QStringLiteral("missing"))}).error.isEmpty());
    }

    // Behind a load balancer every client has the balancer's address: the cap must be settable.
    void theConnectionCapsAreSetOnTheCommandLine()
    {
        const ServerCommandLine::Parsed defaults = parse({});
        QCOMPARE(defaults.options.maxConnections, ServerOptions{}.maxConnections);
        QCOMPARE(defaults.options.maxConnectionsPerAddress, ServerOptions{}.maxConnectionsPerAddress);
        const ServerCommandLine::Parsed raised = parse({QStringLiteral("--max-connections"), QStringLiteral("2000"),
                                                        QStringLiteral("--max-connections-per-address"),
                                                        QStringLiteral("1500")});
        QVERIFY2(raised.error.isEmpty(), qPrintable(raised.error));
        QCOMPARE(raised.options.maxConnections, 2000);
        QCOMPARE(raised.options.maxConnectionsPerAddress, 1500);
        QVERIFY(!parse({QStringLiteral("--max-connections"), QStringLiteral("0")}).error.isEmpty());
        QVERIFY(!parse({QStringLiteral("--max-connections-per-address"), QStringLiteral("600")}).error.isEmpty());
    }

    // How long guests' analytics stay is a privacy decision the owner makes at the command line;
    // it is kept in the database, so a later start without the flag does not undo it.
    void theAnalyticsRetentionIsSetOnTheCommandLine()
    {
        const ServerCommandLine::Parsed parsed = parse({QStringLiteral("--analytics-retention-days"), QStringLiteral("30")});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.options.analyticsRetentionDays, 30);
        QCOMPARE(parse({}).options.analyticsRetentionDays, 0);
        for (const char *bad : {"0", "3651", "a month"}) {
            const QString error = parse({QStringLiteral("--analytics-retention-days"), QString::fromLatin1(bad)}).error;
            QVERIFY2(error.contains(QStringLiteral("--analytics-retention-days")), bad);
        }

        QTemporaryDir dir;
        ServerOptions options = testOptions(dir, QStringLiteral("retention.db"));
        options.analyticsRetentionDays = 30;
        {
            HearthServer server(options);
            QVERIFY(server.start());
            QCOMPARE(server.analytics()->repository()->retentionDays(), 30);
        }
        options.analyticsRetentionDays = 0;
        HearthServer again(options);
        QVERIFY(again.start());
        QCOMPARE(again.analytics()->repository()->retentionDays(), 30);
    }

    void aFreshDatabaseWithoutDemoGetsAnAdminWithARandomPassword()
    {
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir, QStringLiteral("real.db"));
        options.seedDemoAccounts = false;
        QString password;
        {
            HearthServer server(options);
            QVERIFY(server.start());
            password = server.firstRunPassword();
            QVERIFY2(password.size() >= 16, qPrintable(password));
            HttpClient http(server.httpUrl());
            QVERIFY(http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword)).isEmpty());
            QVERIFY(http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword)).isEmpty());
            const HttpResult admin = http.post(
                QStringLiteral("/api/login"),
                json({{QStringLiteral("username"), QStringLiteral("admin")}, {QStringLiteral("password"), password}}));
            QCOMPARE(admin.status, 200);
            QCOMPARE(admin.body.value(QLatin1StringView("user")).toObject().value(QLatin1StringView("role")).toString(),
                     QStringLiteral("manager"));
        }
        HearthServer again(options); // shown once: the next start has nothing to show
        QVERIFY(again.start());
        QVERIFY(again.firstRunPassword().isEmpty());
        QVERIFY(!HttpClient(again.httpUrl()).login(QStringLiteral("admin"), password).isEmpty());
    }

    void theFirstAdminPasswordMayBeGiven()
    {
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir, QStringLiteral("given.db"));
        options.seedDemoAccounts = false;
        options.adminPassword = QStringLiteral("chosen-by-the-owner");
        HearthServer server(options);
        QVERIFY(server.start());
        QVERIFY(server.firstRunPassword().isEmpty()); // nothing to print: the owner knows it
        QVERIFY(!HttpClient(server.httpUrl()).login(QStringLiteral("admin"), options.adminPassword).isEmpty());
    }

    // 192.0.2.1 (TEST-NET-1) is never an address of this machine: were the check missing, the
    // start would fail at bind() instead, and nothing would listen beyond loopback either way.
    void publishedPasswordsKeepTheServerOnLoopback()
    {
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir, QStringLiteral("demo.db"));
        options.address = QHostAddress(QStringLiteral("192.0.2.1"));
        HearthServer demo(options);
        QString error;
        QVERIFY(!demo.start(&error));
        QVERIFY2(error.contains(QLatin1StringView("demo passwords")), qPrintable(error));

        ServerOptions real = testOptions(dir, QStringLiteral("real.db"));
        real.address = options.address;
        real.seedDemoAccounts = false;
        HearthServer server(real);
        QVERIFY(!server.start(&error));
        QVERIFY2(!error.contains(QLatin1StringView("demo passwords")), qPrintable(error)); // only bind() refused
    }

    void aMethodARouteDoesNotTakeIs405()
    {
        QTemporaryDir dir;
        HearthServer server(testOptions(dir));
        QVERIFY(server.start());
        HttpClient http(server.httpUrl());
        const HttpResult deleteOrders = http.send("DELETE", QStringLiteral("/api/orders"), {}, {});
        QCOMPARE(deleteOrders.status, 405);
        QCOMPARE(errorCode(deleteOrders), QStringLiteral("method_not_allowed"));
        QCOMPARE(deleteOrders.header("Allow"), QByteArray("GET"));
        const HttpResult getLogin = http.get(QStringLiteral("/api/login"));
        QCOMPARE(getLogin.status, 405);
        QCOMPARE(getLogin.header("Allow"), QByteArray("POST"));
        const HttpResult postWidget = http.post(QStringLiteral("/api/widgets/w-1"), "{}");
        QCOMPARE(postWidget.status, 405);
        QCOMPARE(postWidget.header("Allow"), QByteArray("GET, PUT, DELETE"));
        QCOMPARE(http.send("PUT", QStringLiteral("/api/orders/o-1/acknowledge"), {}, {}).status, 405);
        // Unknown paths stay 404.
        const HttpResult unknown = http.get(QStringLiteral("/api/nothing"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(errorCode(unknown), QStringLiteral("not_found"));
    }
};

QTEST_GUILESS_MAIN(TestServerDeployment)
#include "tst_server_deployment.moc"
