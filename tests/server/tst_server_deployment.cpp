// What an administrator sees of a deployed hearth-server (issue 8, item 10): the banner says
// where it really listens, the database is readable by its owner only, and a method a route
// does not take answers 405 with Allow instead of 404.
#include "testsupport.h"

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
