#include "clientstack.h"

#include "realtime/channelevent.h"
#include "sync/connectioncheck.h"
#include "sync/watchprinter.h"

#include <QJsonDocument>
#include <QTemporaryDir>

using namespace hearth;
using namespace std::chrono_literals;

namespace {

struct CheckRun
{
    QList<CheckStep> steps;
    bool passed = false;
};

CheckRun runCheck(const ServerAddress &address, const ConnectionCheck::Credentials &credentials)
{
    OrdersClient client;
    ConnectionCheck check(&client);
    check.setStepTimeout(5s);
    CheckRun run;
    QObject::connect(&check, &ConnectionCheck::stepFinished, [&run](const CheckStep &step) { run.steps.append(step); });
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.run(address, credentials);
    if (finished.wait(20000))
        run.passed = finished.first().first().toBool();
    return run;
}

QStringList names(const CheckRun &run)
{
    QStringList result;
    for (const CheckStep &step : run.steps)
        result.append(step.name + (step.ok ? QStringLiteral("+") : QStringLiteral("-")));
    return result;
}

} // namespace

class TestIntegrationCheck final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        server::ServerOptions options = test::testServerOptions(m_dir);
        options.heartbeatMs = 1000;
        m_server = std::make_unique<server::HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void everyStepPassesAgainstAHealthyServer()
    {
        const CheckRun run = runCheck(ServerAddress::fromHttpBase(m_server->httpUrl()),
                                      {{}, QStringLiteral("manager"), QStringLiteral("manager-demo")});
        QVERIFY2(run.passed, qPrintable(names(run).join(u' ')));
        QCOMPARE(names(run), (QStringList{QStringLiteral("dns+"), QStringLiteral("tcp+"), QStringLiteral("api+"),
                                          QStringLiteral("auth+"), QStringLiteral("upgrade+"),
                                          QStringLiteral("subscribe+"), QStringLiteral("rtt+")}));
    }

    void aWrongPasswordStopsAtAuthWithAHint()
    {
        const CheckRun run = runCheck(ServerAddress::fromHttpBase(m_server->httpUrl()),
                                      {{}, QStringLiteral("manager"), QStringLiteral("nope")});
        QVERIFY(!run.passed);
        QCOMPARE(run.steps.last().name, QStringLiteral("auth"));
        QVERIFY(!run.steps.last().hint.isEmpty());
    }

    void aBadTokenStopsAtAuth()
    {
        const CheckRun run = runCheck(ServerAddress::fromHttpBase(m_server->httpUrl()),
                                      {QStringLiteral("forged-token"), {}, {}});
        QVERIFY(!run.passed);
        QCOMPARE(names(run).last(), QStringLiteral("auth-"));
    }

    void nothingListeningStopsAtTcpWithAHint()
    {
        const quint16 port = test::refusedLoopbackPort();
        const CheckRun run = runCheck(*ServerAddress::parse(QStringLiteral("127.0.0.1:%1").arg(port), nullptr),
                                      {QStringLiteral("t"), {}, {}});
        QVERIFY(!run.passed);
        QCOMPARE(names(run), (QStringList{QStringLiteral("dns+"), QStringLiteral("tcp-")}));
        QVERIFY(run.steps.last().hint.contains(QString::number(port)));
    }

    void watchLinesAreNormalisedJson()
    {
        ChannelEvent event;
        event.channel = QStringLiteral("orders");
        event.seq = 42;
        event.type = QStringLiteral("order.created");
        event.data = QJsonObject{{QStringLiteral("id"), QStringLiteral("o-1")}, {QStringLiteral("status"), QStringLiteral("new")}};
        const QJsonObject line
            = QJsonDocument::fromJson(WatchPrinter::eventLine(event, WatchPrinter::Format::Json).toUtf8()).object();
        QCOMPARE(line.value(QStringLiteral("channel")).toString(), QStringLiteral("orders"));
        QCOMPARE(line.value(QStringLiteral("seq")).toInt(), 42);
        QCOMPARE(line.value(QStringLiteral("id")).toString(), QStringLiteral("o-1"));
        QCOMPARE(line.value(QStringLiteral("entity")).toObject(), event.data);
        event.seq = 0; // protocols without sequence numbers: no seq at all rather than a false one
        QVERIFY(!WatchPrinter::eventLine(event, WatchPrinter::Format::Json).contains(QStringLiteral("\"seq\"")));
        QCOMPARE(WatchPrinter::eventLine(event, WatchPrinter::Format::Text),
                 QStringLiteral("orders order.created id=o-1 status=new"));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::HearthServer> m_server;
};

QTEST_GUILESS_MAIN(TestIntegrationCheck)
#include "tst_integration_check.moc"
