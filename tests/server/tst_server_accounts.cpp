// `hearth-server users add|passwd|disable|enable|list` (issue 8, item 1): the real executable
// run against the database of a server that is running, as an owner would on the server's PC.
// Passwords never appear in the output; disabling a user ends their REST token and closes
// their open WebSocket (1008) within a heartbeat.
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const QString adminPassword = QStringLiteral("owner-chose-this");

} // namespace

class TestServerAccounts final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Run users(const QStringList &arguments, const QString &databasePath, const QByteArray &environmentPassword = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("HEARTH_USER_PASSWORD"));
        if (!environmentPassword.isEmpty())
            environment.insert(QStringLiteral("HEARTH_USER_PASSWORD"), QString::fromUtf8(environmentPassword));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(HEARTH_SERVER_BINARY),
                      QStringList{QStringLiteral("users")} + arguments
                          + QStringList{QStringLiteral("--database"), databasePath, QStringLiteral("--hash-iterations"),
                                        QStringLiteral("1000")});
        process.closeWriteChannel(); // no terminal and nothing on stdin: no prompt can be answered
        Run run;
        if (!process.waitForFinished(30000))
            return run;
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QString passwordFile(const QByteArray &password)
    {
        static int count = 0;
        const QString path = m_dir.filePath(QStringLiteral("secret-%1").arg(++count));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(password + '\n');
        return path;
    }

    ServerOptions realOptions(const QString &fileName)
    {
        ServerOptions options = testOptions(m_dir, fileName);
        options.seedDemoAccounts = false;
        options.adminPassword = adminPassword;
        options.heartbeatMs = 300; // the re-check of open WebSockets runs on this tick
        return options;
    }

private slots:
    void usersManageTheAccountsOfARunningServer()
    {
        HearthServer server(realOptions(QStringLiteral("live.db")));
        QVERIFY(server.start());
        const QString db = server.options().databasePath;
        HttpClient http(server.httpUrl());

        const Run added = users({QStringLiteral("add"), QStringLiteral("alice"), QStringLiteral("--name"),
                                 QStringLiteral("Alice Cook"), QStringLiteral("--password-file"),
                                 passwordFile("first-password-1")},
                                db);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY(!added.out.contains(QLatin1StringView("first-password-1")));
        QVERIFY(!added.err.contains(QLatin1StringView("first-password-1")));
        const HttpResult signedIn = http.post(
            QStringLiteral("/api/login"),
            json({{QStringLiteral("username"), QStringLiteral("alice")}, {QStringLiteral("password"), QStringLiteral("first-password-1")}}));
        QCOMPARE(signedIn.status, 200);
        const QJsonObject user = signedIn.body.value(QLatin1StringView("user")).toObject();
        QCOMPARE(user.value(QLatin1StringView("role")).toString(), QStringLiteral("staff"));
        QCOMPARE(user.value(QLatin1StringView("display_name")).toString(), QStringLiteral("Alice Cook"));
        const QString firstToken = signedIn.body.value(QLatin1StringView("token")).toString();

        const Run listed = users({QStringLiteral("list")}, db);
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QRegularExpression(QStringLiteral("alice\\s+staff\\s+1\\s+active\\s+Alice Cook"))),
                 qPrintable(listed.out));
        QVERIFY(listed.out.contains(QRegularExpression(QStringLiteral("admin\\s+manager"))));
        QVERIFY(!listed.out.contains(QLatin1StringView("pbkdf2")));

        // passwd (from the environment, as a script would): the old password and its sessions end.
        const Run changed = users({QStringLiteral("passwd"), QStringLiteral("alice")}, db, "second-password-2");
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        QVERIFY(!changed.out.contains(QLatin1StringView("second-password-2")));
        QCOMPARE(http.get(QStringLiteral("/api/orders"), firstToken).status, 401);
        QVERIFY(http.login(QStringLiteral("alice"), QStringLiteral("first-password-1")).isEmpty());
        const QString token = http.login(QStringLiteral("alice"), QStringLiteral("second-password-2"));
        QVERIFY(!token.isEmpty());

        // disable: no sign-in, the token is refused, the open WebSocket closes with 1008.
        WsClient ws;
        QVERIFY(ws.open(server.webSocketUrl(), token));
        QVERIFY(!ws.nextOp(QStringLiteral("welcome")).isEmpty());
        QVERIFY(!ws.subscribe(QStringLiteral("orders")).isEmpty());
        const Run disabled = users({QStringLiteral("disable"), QStringLiteral("alice")}, db);
        QVERIFY2(disabled.exitCode == 0, qPrintable(disabled.err));
        QCOMPARE(http.get(QStringLiteral("/api/orders"), token).status, 401);
        QVERIFY(http.login(QStringLiteral("alice"), QStringLiteral("second-password-2")).isEmpty());
        QVERIFY(ws.waitForDisconnected(10000));
        QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY2(ws.socket()->closeReason().startsWith(QLatin1StringView("unauthorized")),
                 qPrintable(ws.socket()->closeReason()));
        QVERIFY(users({QStringLiteral("list")}, db).out.contains(QRegularExpression(QStringLiteral("alice\\s+staff\\s+1\\s+disabled"))));

        QCOMPARE(users({QStringLiteral("enable"), QStringLiteral("alice")}, db).exitCode, 0);
        QVERIFY(!http.login(QStringLiteral("alice"), QStringLiteral("second-password-2")).isEmpty());

        // A manager made from the command line is one.
        QCOMPARE(users({QStringLiteral("add"), QStringLiteral("boss"), QStringLiteral("--role"), QStringLiteral("manager")},
                       db, "boss-password-3")
                     .exitCode,
                 0);
        const QString boss = http.login(QStringLiteral("boss"), QStringLiteral("boss-password-3"));
        QCOMPARE(http.get(QStringLiteral("/api/stats"), boss).status, 200);
    }

    void unusableRequestsChangeNothing()
    {
        HearthServer server(realOptions(QStringLiteral("refusals.db")));
        QVERIFY(server.start());
        const QString db = server.options().databasePath;

        // No terminal, no file, no environment: nothing to read a password from.
        const Run noPassword = users({QStringLiteral("add"), QStringLiteral("bob")}, db);
        QCOMPARE(noPassword.exitCode, 1);
        QVERIFY2(noPassword.err.contains(QLatin1StringView("--password-file")), qPrintable(noPassword.err));
        QCOMPARE(users({QStringLiteral("add"), QStringLiteral("bob")}, db, "short").exitCode, 1);
        QCOMPARE(users({QStringLiteral("add"), QStringLiteral("admin")}, db, "long-enough-1").exitCode, 1);
        QCOMPARE(users({QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("owner")}, db,
                       "long-enough-1")
                     .exitCode,
                 1);
        QCOMPARE(users({QStringLiteral("passwd"), QStringLiteral("nobody")}, db, "long-enough-1").exitCode, 1);
        QCOMPARE(users({QStringLiteral("frobnicate")}, db).exitCode, 2);
        const Run listed = users({QStringLiteral("list")}, db);
        QVERIFY(!listed.out.contains(QLatin1StringView("bob")));
        // The admin's password still works: nothing above touched it.
        QVERIFY(!HttpClient(server.httpUrl()).login(QStringLiteral("admin"), adminPassword).isEmpty());
    }

    void helpNamesTheUsersCommands()
    {
        QProcess process;
        process.start(QStringLiteral(HEARTH_SERVER_BINARY), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(30000));
        const QString help = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(help.contains(QLatin1StringView("users add")), qPrintable(help));
        QVERIFY(help.contains(QLatin1StringView("HEARTH_USER_PASSWORD")));
        QVERIFY(help.contains(QLatin1StringView("--tls-cert")));
        QVERIFY(help.contains(QLatin1StringView("--insecure-http")));
    }
};

QTEST_GUILESS_MAIN(TestServerAccounts)
#include "tst_server_accounts.moc"
