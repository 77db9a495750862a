// RestClient::fetchServerStats against the real hearth-server: what `hearthctl stats` prints.
#include "clientstack.h"

#include "api/restclient.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>

using namespace hearth;

namespace {

// Fetches the stats with `token`; `base` may differ from the server's URL, to reach a path
// where no stats are published.
ApiResult<QJsonObject> fetchStats(const QUrl &base, const QString &token)
{
    QNetworkAccessManager network;
    RestClient rest(&network);
    rest.setBaseUrl(base);
    rest.setToken(token);
    std::optional<ApiResult<QJsonObject>> answer;
    rest.fetchServerStats(&rest, [&answer](const ApiResult<QJsonObject> &result) { answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
        return {std::nullopt, ApiError{ApiError::Kind::Timeout, 0, {}, {}, QStringLiteral("no answer")}};
    return *answer;
}

QString signIn(const QUrl &base, const QString &username, const QString &password)
{
    QNetworkAccessManager network;
    RestClient rest(&network);
    rest.setBaseUrl(base);
    QString token;
    bool done = false;
    rest.login(username, password, &rest, [&](const ApiResult<Session> &session) {
        if (session.ok())
            token = session.value->token;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        return {};
    return token;
}

// Answers every request with one canned 200 response, as a server that breaks the contract would.
class CannedServer final : public QTcpServer
{
public:
    explicit CannedServer(QByteArray body) : m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n" + m_body);
                    socket->disconnectFromHost();
                });
            }
        });
    }

private:
    QByteArray m_body;
};

} // namespace

class TestIntegrationStats final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<server::HearthServer>(test::testServerOptions(m_dir));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_manager = signIn(m_server->httpUrl(), QStringLiteral("manager"), QStringLiteral("manager-demo"));
        QVERIFY(!m_manager.isEmpty());
    }

    void aManagerReadsTheFiguresOfALiveDashboard()
    {
        test::ClientStack dashboard;
        QVERIFY(dashboard.signInTo(*m_server));
        // The orders are made once the (empty) snapshot is in, so all five reach this dashboard
        // as events: made earlier, a slow snapshot would carry them instead (events_sent 0).
        QSignalSpy snapshot(&dashboard.sync, &OrdersSync::snapshotLoaded);
        dashboard.go();
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.realtime.state(), ConnectionState::Live, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(snapshot.size(), 1, 10000);
        for (int i = 0; i < 5; ++i)
            m_server->orders()->createRandomOrder(QString(server::DemoAccounts::restaurantId));
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.model.rowCount(), 5, 10000);

        const ApiResult<QJsonObject> stats = fetchStats(m_server->httpUrl(), m_manager);
        QVERIFY2(stats.ok(), qPrintable(stats.error.details));
        const QJsonObject &figures = *stats.value;
        QCOMPARE(figures.value(QStringLiteral("connections")).toInt(), 1);
        QCOMPARE(figures.value(QStringLiteral("subscriptions")).toInt(), 1);
        QCOMPARE(figures.value(QStringLiteral("events_sent")).toInt(), 5);
        QCOMPARE(figures.value(QStringLiteral("events_per_second")).toDouble(), 0.5);
        QCOMPARE(figures.value(QStringLiteral("malformed_frames")).toInt(), 0);
        QVERIFY(figures.value(QStringLiteral("uptime_s")).toInt() >= 0);
        const QJsonObject orders =
            figures.value(QStringLiteral("channels")).toObject().value(QStringLiteral("orders")).toObject();
        QCOMPARE(orders.value(QStringLiteral("epoch")).toString(), m_server->epoch());
        QCOMPARE(orders.value(QStringLiteral("head_seq")).toInt(), 5);
        QCOMPARE(orders.value(QStringLiteral("oldest_seq")).toInt(), 1);
    }

    void staffAreRefused()
    {
        const QString staff = signIn(m_server->httpUrl(), QStringLiteral("staff"), QStringLiteral("staff-demo"));
        const ApiResult<QJsonObject> stats = fetchStats(m_server->httpUrl(), staff);
        QVERIFY(!stats.ok());
        QCOMPARE(stats.error.kind, ApiError::Kind::Forbidden);
        QCOMPARE(stats.error.httpStatus, 403);
    }

    void aServerWithoutStatsAnswersNotFound()
    {
        QUrl elsewhere = m_server->httpUrl();
        elsewhere.setPath(QStringLiteral("/older-backend"));
        const ApiResult<QJsonObject> stats = fetchStats(elsewhere, m_manager);
        QVERIFY(!stats.ok());
        QCOMPARE(stats.error.kind, ApiError::Kind::NotFound); // hearthctl: "this server does not publish stats"
    }

    void anAnswerThatBreaksTheContractIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const QByteArray channels = R"("channels":{"orders":{"epoch":"e","head_seq":3,"oldest_seq":1}})";
        const QByteArray counts = R"("connections":1,"subscriptions":1,"events_sent":2,"malformed_frames":0,"uptime_s":9)";
        QTest::newRow("count as text") << QByteArray(R"({"connections":"1","subscriptions":1,"events_sent":2,)"
                                                     R"("malformed_frames":0,"uptime_s":9,"events_per_second":0,)"
                                                     + channels + "}")
                                       << "connections";
        QTest::newRow("no rate") << "{" + counts + "," + channels + "}" << "events_per_second";
        QTest::newRow("negative rate") << "{" + counts + R"(,"events_per_second":-1,)" + channels + "}"
                                       << "events_per_second";
        QTest::newRow("no channels") << "{" + counts + R"(,"events_per_second":1})" << "channels";
        QTest::newRow("channel without head")
            << "{" + counts + R"(,"events_per_second":1,"channels":{"orders":{"epoch":"e","oldest_seq":1}}})"
            << "channels.orders.head_seq";
        QTest::newRow("oldest beyond head")
            << "{" + counts + R"(,"events_per_second":1,"channels":{"orders":{"epoch":"e","head_seq":1,"oldest_seq":5}}})"
            << "channels.orders.oldest_seq";
    }

    void anAnswerThatBreaksTheContractIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        CannedServer canned(body);
        QVERIFY(canned.listen(QHostAddress::LocalHost));
        const ApiResult<QJsonObject> stats =
            fetchStats(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(canned.serverPort())),
                       QStringLiteral("canned-token-0123456789"));
        QVERIFY(!stats.ok());
        QCOMPARE(stats.error.kind, ApiError::Kind::BadResponse);
        QVERIFY2(stats.error.details.contains(field), qPrintable(stats.error.details));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::HearthServer> m_server;
    QString m_manager;
};

QTEST_GUILESS_MAIN(TestIntegrationStats)
#include "tst_integration_stats.moc"
