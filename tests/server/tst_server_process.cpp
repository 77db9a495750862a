// The pieces of the hearth-server executable that live in the library: its command line and
// the termination signals that start a graceful shutdown.
#include "server/servercommandline.h"
#include "server/terminationsignals.h"

#include <QCommandLineParser>
#include <QSignalSpy>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace hearth::server;

namespace {

ServerCommandLine::Parsed parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    ServerCommandLine::addOptions(&parser);
    if (!parser.parse(QStringList{QStringLiteral("hearth-server")} + arguments))
        return {{}, parser.errorText()};
    return ServerCommandLine::read(parser);
}

} // namespace

class TestServerProcess final : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        const ServerCommandLine::Parsed parsed = parse({});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.options.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(parsed.options.port, quint16(8080));
        QVERIFY(parsed.options.databasePath.endsWith(QStringLiteral("hearth.db")));
        QCOMPARE(parsed.options.simulateOrdersPerMinute, 0.0);
        QCOMPARE(parsed.options.heartbeatMs, 15000);
        QCOMPARE(parsed.options.eventRetention, qint64(100000));
        QVERIFY(!parsed.options.seedDemoService);
    }

    void aSimulatedServiceStartsUnderWayUnlessTold()
    {
        QVERIFY(parse({QStringLiteral("--simulate"), QStringLiteral("20")}).options.seedDemoService);
        QVERIFY(!parse({QStringLiteral("--simulate"), QStringLiteral("20"), QStringLiteral("--no-demo-seed")})
                     .options.seedDemoService);
        QVERIFY(!parse({QStringLiteral("--simulate"), QStringLiteral("0")}).options.seedDemoService);
    }

    void valuesAreRead()
    {
        const ServerCommandLine::Parsed parsed =
            parse({QStringLiteral("--listen"), QStringLiteral("::1"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--database"), QStringLiteral("/tmp/x.db"), QStringLiteral("--simulate"),
                   QStringLiteral("2.5"), QStringLiteral("--heartbeat-ms"), QStringLiteral("5000"),
                   QStringLiteral("--retention"), QStringLiteral("10")});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.options.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(parsed.options.port, quint16(0));
        QCOMPARE(parsed.options.databasePath, QStringLiteral("/tmp/x.db"));
        QCOMPARE(parsed.options.simulateOrdersPerMinute, 2.5);
        QCOMPARE(parsed.options.heartbeatMs, 5000);
        QCOMPARE(parsed.options.eventRetention, qint64(10));
    }

    void unusableValuesAreReported_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("listen") << QStringList{QStringLiteral("--listen"), QStringLiteral("localhost")} << "--listen";
        QTest::newRow("port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")} << "--port";
        QTest::newRow("simulate") << QStringList{QStringLiteral("--simulate"), QStringLiteral("-1")} << "--simulate";
        QTest::newRow("simulate nan") << QStringList{QStringLiteral("--simulate"), QStringLiteral("nan")}
                                      << "--simulate";
        QTest::newRow("heartbeat") << QStringList{QStringLiteral("--heartbeat-ms"), QStringLiteral("10")}
                                   << "--heartbeat-ms";
        QTest::newRow("retention") << QStringList{QStringLiteral("--retention"), QStringLiteral("0")} << "--retention";
        QTest::newRow("database") << QStringList{QStringLiteral("--database"), QString()} << "--database";
    }

    void unusableValuesAreReported()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const ServerCommandLine::Parsed parsed = parse(arguments);
        QVERIFY2(parsed.error.startsWith(mentions), qPrintable(parsed.error));
    }

#ifdef Q_OS_UNIX
    void terminationSignalsArriveOnTheEventLoop()
    {
        TerminationSignals termination;
        QVERIFY(termination.isActive());
        QSignalSpy requested(&termination, &TerminationSignals::terminationRequested);
        QCOMPARE(::raise(SIGTERM), 0);
        QVERIFY(requested.wait(5000));
        QCOMPARE(::raise(SIGINT), 0);
        QTRY_COMPARE(requested.count(), 2);
    }

    void aSecondHandlerCanFollowTheFirst()
    {
        {
            TerminationSignals first;
            TerminationSignals second; // refused: the first one owns the signals
            QVERIFY(first.isActive());
            QVERIFY(!second.isActive());
        }
        TerminationSignals again; // the first one released the signals and its pipe
        QVERIFY(again.isActive());
        QSignalSpy requested(&again, &TerminationSignals::terminationRequested);
        QCOMPARE(::raise(SIGTERM), 0);
        QVERIFY(requested.wait(5000));
    }
#endif
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_server_process.moc"
