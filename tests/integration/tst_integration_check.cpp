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

    void managersReadTheServersStatsStaffMayNot()
    {
        test::ClientStack live; // one live dashboard, so the figures have something to count
        QVERIFY(live.signInTo(*m_server));
        live.go();
        QTRY_COMPARE_WITH_TIMEOUT(live.realtime.state(), ConnectionState::Live, 10000);
        m_server->orders()->createRandomOrder(QString(server::DemoAccounts::restaurantId));
        QTRY_COMPARE_WITH_TIMEOUT(live.model.rowCount(), 1, 10000);

        const auto statsAs = [this](const QString &user, const QString &password) -> ApiResult<QJsonObject> {
            QNetworkAccessManager network;
            RestClient rest(&network);
            rest.setBaseUrl(m_server->httpUrl());
            std::optional<ApiResult<QJsonObject>> answer;
            rest.login(user, password, &rest, [&](const ApiResult<Session> &session) {
                rest.setToken(session.value->token);
                rest.fetchServerStats(&rest, [&](const ApiResult<QJsonObject> &stats) { answer = stats; });
            });
            if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
                return {std::nullopt, ApiError{ApiError::Kind::Timeout, 0, {}, {}, QStringLiteral("no answer")}};
            return *answer;
        };
        const ApiResult<QJsonObject> manager = statsAs(QStringLiteral("manager"), QStringLiteral("manager-demo"));
        QVERIFY2(manager.ok(), qPrintable(manager.error.details));
        QCOMPARE(manager.value->value(QStringLiteral("connections")).toInt(), 1);
        QCOMPARE(manager.value->value(QStringLiteral("subscriptions")).toInt(), 1);
        const QJsonObject orders = manager.value->value(QStringLiteral("channels")).toObject()
                                       .value(QStringLiteral("orders")).toObject();
        QCOMPARE(orders.value(QStringLiteral("epoch")).toString(), m_server->epoch());
        QVERIFY(orders.value(QStringLiteral("head_seq")).toInt() >= 1);

        const ApiResult<QJsonObject> staff = statsAs(QStringLiteral("staff"), QStringLiteral("staff-demo"));
        QVERIFY(!staff.ok());
        QCOMPARE(staff.error.kind, ApiError::Kind::Forbidden);
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
