// Several hearth-server instances on one PostgreSQL database (issue 8, "Scale past one machine"):
// every client, whichever instance it is connected to, sees every event of its channel exactly
// once and in seq order, also across an instance being killed, and replays from any instance.
// PostgreSQL is started by the test itself (tests/support); skipped where it is not installed.
#include "postgrestestserver.h"
#include "testsupport.h"

#include "server/analyticsservice.h"

#include "server/database.h"
#include "server/demoaccounts.h"
#include "server/eventlog.h"
#include "server/migrations.h"
#include "server/orderservice.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <atomic>
#include <csignal>
#include <optional>
#include <thread>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;
using hearth::testing::PostgresTestServer;

namespace {

const QString ordersChannel = QStringLiteral("orders");
const QString widgetsChannel = QStringLiteral("widgets");

struct Received
{
    qint64 seq = 0;
    QString type;
    QByteArray data;
};

// The events one logical client got on a channel, over however many connections it took.
class ChannelRecorder final
{
public:
    // Takes the frames the connection has not read yet; false on a frame that cannot be right.
    void take(WsClient &client)
    {
        while (client.unread() > 0) {
            const QJsonObject frame = client.next(0);
            if (frame.value(QLatin1StringView("op")).toString() != u"event")
                continue;
            const QString channel = frame.value(QLatin1StringView("channel")).toString();
            Received event{frame.value(QLatin1StringView("seq")).toInteger(),
                           frame.value(QLatin1StringView("type")).toString(),
                           QJsonDocument(frame.value(QLatin1StringView("data")).toObject()).toJson(QJsonDocument::Compact)};
            m_events[channel].append(std::move(event));
        }
    }
    const QList<Received> &events(const QString &channel) const
    {
        static const QList<Received> none;
        const auto it = m_events.constFind(channel);
        return it == m_events.cend() ? none : *it;
    }
    qint64 lastSeq(const QString &channel, qint64 fallback) const
    {
        const QList<Received> &list = events(channel);
        return list.isEmpty() ? fallback : list.constLast().seq;
    }

private:
    QHash<QString, QList<Received>> m_events;
};

// Every seq from `after` + 1 on, each once, in order; and each as the log has it.
bool isTheLog(const QList<Received> &events, qint64 after, const QHash<qint64, Received> &log, QString *problem)
{
    qint64 expected = after + 1;
    for (const Received &event : events) {
        if (event.seq != expected) {
            *problem = QStringLiteral("seq %1 where %2 was due").arg(event.seq).arg(expected);
            return false;
        }
        const auto stored = log.constFind(event.seq);
        if (stored == log.cend() || stored->type != event.type
            || QJsonDocument::fromJson(stored->data) != QJsonDocument::fromJson(event.data)) {
            *problem = QStringLiteral("seq %1 differs from the log").arg(event.seq);
            return false;
        }
        ++expected;
    }
    return true;
}

} // namespace

class TestServerCluster final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (const QString reason = PostgresTestServer::unavailableReason(); !reason.isEmpty())
            QSKIP(qPrintable(QStringLiteral("PostgreSQL tests skipped: %1").arg(reason)));
        QString error;
        QVERIFY2(m_postgres.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_postgres.stop(); }

    // Two instances in this process, writes alternating between them: each client sees one
    // gap-free stream, the same on both instances, and a replay from either gives the same.
    void twoInstancesServeOneLog()
    {
        QString error;
        const QString url = m_postgres.createDatabase(QStringLiteral("two_in_process"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir);
        options.databasePath = url;
        HearthServer first(options);
        HearthServer second(options);
        QVERIFY2(first.start(&error), qPrintable(error));
        QVERIFY2(second.start(&error), qPrintable(error));
        QCOMPARE(first.epoch(), second.epoch());

        HttpClient firstHttp(first.httpUrl());
        HttpClient secondHttp(second.httpUrl());
        const QString token = firstHttp.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        QVERIFY(!token.isEmpty());
        // One sign-in is good on every instance: sessions live in the shared database.
        QCOMPARE(secondHttp.get(QStringLiteral("/api/orders"), token).status, 200);

        WsClient onFirst;
        WsClient onSecond;
        QVERIFY(onFirst.open(first.webSocketUrl(), token));
        QVERIFY(onSecond.open(second.webSocketUrl(), token));
        for (WsClient *client : {&onFirst, &onSecond}) {
            QVERIFY(!client->nextOp(QStringLiteral("welcome")).isEmpty());
            QCOMPARE(client->subscribe(ordersChannel).value(QLatin1StringView("seq")).toInteger(), 0);
            QVERIFY(!client->subscribe(widgetsChannel).isEmpty());
        }

        const QString restaurant(DemoAccounts::restaurantId);
        for (int i = 0; i < 20; ++i) {
            HearthServer &writer = i % 2 == 0 ? first : second;
            const Order order = writer.orders()->createRandomOrder(restaurant);
            QVERIFY(!order.id.isEmpty());
            // The other instance moves it on, so that the two interleave on one order too.
            HearthServer &other = i % 2 == 0 ? second : first;
            QVERIFY(other.orders()->acknowledge(restaurant, order.id).ok());
        }
        // A widget made through the second instance's REST API reaches the first one's client.
        const HttpResult created = secondHttp.send(
            "POST", QStringLiteral("/api/widgets"),
            json({{QStringLiteral("kind"), QStringLiteral("booking")}, {QStringLiteral("name"), QStringLiteral("Patio")}}),
            token, {{QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("cluster-widget-1")}});
        QCOMPARE(created.status, 201);

        const QHash<qint64, Received> log = readLog(url, ordersChannel);
        QCOMPARE(log.size(), 40);
        ChannelRecorder firstEvents;
        ChannelRecorder secondEvents;
        QTRY_VERIFY_WITH_TIMEOUT((firstEvents.take(onFirst), secondEvents.take(onSecond),
                                  firstEvents.lastSeq(ordersChannel, 0) >= 40 && secondEvents.lastSeq(ordersChannel, 0) >= 40
                                      && !firstEvents.events(widgetsChannel).isEmpty()),
                                 10000);
        QString problem;
        QVERIFY2(isTheLog(firstEvents.events(ordersChannel), 0, log, &problem), qPrintable(problem));
        QVERIFY2(isTheLog(secondEvents.events(ordersChannel), 0, log, &problem), qPrintable(problem));
        QCOMPARE(firstEvents.events(widgetsChannel).constFirst().type, QStringLiteral("widget.created"));

        // Nothing more trickles in later (no event forwarded twice).
        QTest::qWait(300);
        firstEvents.take(onFirst);
        secondEvents.take(onSecond);
        QCOMPARE(firstEvents.events(ordersChannel).size(), 40);
        QCOMPARE(secondEvents.events(ordersChannel).size(), 40);

        // A replay from the start, from either instance, is the log.
        for (HearthServer *server : {&first, &second}) {
            WsClient late;
            QVERIFY(late.open(server->webSocketUrl(), token));
            QVERIFY(!late.nextOp(QStringLiteral("welcome")).isEmpty());
            QVERIFY(late.subscribe(ordersChannel, first.epoch(), 0).value(QLatin1StringView("recovered")).toBool());
            ChannelRecorder replayed;
            QTRY_VERIFY_WITH_TIMEOUT((replayed.take(late), replayed.lastSeq(ordersChannel, 0) >= 40), 10000);
            QVERIFY2(isTheLog(replayed.events(ordersChannel), 0, log, &problem), qPrintable(problem));
        }
    }

    // Widget analytics posted to two instances: each stores and announces its own second, the
    // frames reach a client of either instance in one gap-free stream, and the summary of either
    // holds them all.
    void analyticsOfTwoInstancesAreOneStream()
    {
        QString error;
        const QString url = m_postgres.createDatabase(QStringLiteral("analytics_two"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir);
        options.databasePath = url;
        HearthServer first(options);
        HearthServer second(options);
        QVERIFY2(first.start(&error), qPrintable(error));
        QVERIFY2(second.start(&error), qPrintable(error));
        HttpClient http(first.httpUrl());
        const QString token = http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        const QJsonObject key = http.get(QStringLiteral("/api/analytics/keys"), token)
                                    .body.value(QLatin1StringView("keys")).toArray().at(0).toObject();
        const QString widget = key.value(QLatin1StringView("widget")).toString();
        WsClient client;
        QVERIFY(client.open(first.webSocketUrl(), token));
        QVERIFY(!client.nextOp(QStringLiteral("welcome")).isEmpty());
        QVERIFY(!client.subscribe(QStringLiteral("analytics")).isEmpty());

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (HearthServer *server : {&second, &first, &second}) {
            HttpClient poster(server->httpUrl());
            const QJsonObject body{{QStringLiteral("key"), key.value(QLatin1StringView("key"))},
                                   {QStringLiteral("events"),
                                    QJsonArray{QJsonObject{{QStringLiteral("widget"), widget},
                                                           {QStringLiteral("type"), QStringLiteral("view")},
                                                           {QStringLiteral("session"), QStringLiteral("guest")},
                                                           {QStringLiteral("ts"), now}}}}};
            QCOMPARE(poster.post(QStringLiteral("/api/analytics/events"), json(body)).status, 202);
            server->analytics()->flush();
        }
        ChannelRecorder frames;
        QTRY_VERIFY_WITH_TIMEOUT((frames.take(client), frames.lastSeq(QStringLiteral("analytics"), 0) >= 3), 10000);
        const QList<Received> &received = frames.events(QStringLiteral("analytics"));
        QCOMPARE(received.size(), 3);
        for (qsizetype i = 0; i < received.size(); ++i)
            QCOMPARE(received.at(i).seq, i + 1);
        for (HearthServer *server : {&first, &second}) {
            const std::optional<AnalyticsSummary> summary = server->analytics()->summary(
                QString(DemoAccounts::restaurantId), {}, now - 3600000, now + 3600000, 3600000);
            QVERIFY(summary);
            QCOMPARE(summary->totals.step(AnalyticsStep::View), 3);
            QCOMPARE(summary->seq, 3);
        }
    }

    // Two connections append to one channel at once (two instances under load): the second waits
    // for the first's transaction, then takes the next seq — never the same one, never a gap.
    void appendsOfTwoConnectionsTakeTurns()
    {
        QString error;
        const QString url = m_postgres.createDatabase(QStringLiteral("two_connections"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        Database first;
        QVERIFY2(first.open(url, &error), qPrintable(error));
        QVERIFY2(Migrations::apply(first.connection(), &error), qPrintable(error));
        EventLog firstLog(&first, 1000);
        const QString restaurant = QStringLiteral("r1");
        const QDateTime now = QDateTime::currentDateTimeUtc();

        std::optional<SqlTransaction> firstTransaction(std::in_place, first.connection());
        QCOMPARE(firstLog.append(restaurant, ordersChannel, QStringLiteral("order.created"), {}, now)->seq, 1);

        std::atomic<qint64> secondSeq{-1};
        std::thread worker([&url, &restaurant, &now, &secondSeq] {
            Database second;
            QString problem;
            if (!second.open(url, &problem)) {
                secondSeq = 0;
                return;
            }
            EventLog secondLog(&second, 1000);
            SqlTransaction transaction(second.connection());
            const auto event = secondLog.append(restaurant, ordersChannel, QStringLiteral("order.created"), {}, now);
            secondSeq = event && transaction.commit() ? event->seq : 0;
        });
        const auto cleanup = qScopeGuard([&worker, &firstTransaction] {
            firstTransaction.reset(); // rolled back if the test failed before the commit
            worker.join();
        });
        // The second append waits on the counter row the first transaction holds (seen from a
        // third connection: a transaction keeps its first view of pg_stat_activity).
        Database observer;
        QVERIFY2(observer.open(url, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(lockWaiters(observer) == 1, 10000);
        QCOMPARE(secondSeq.load(), -1);
        QVERIFY(firstTransaction->commit());
        firstTransaction.reset();
        QTRY_COMPARE_WITH_TIMEOUT(secondSeq.load(), 2, 10000);
        QCOMPARE(firstLog.headSeq(restaurant, ordersChannel), 2);
        QCOMPARE(firstLog.readAfter(restaurant, ordersChannel, 0).size(), 2);
    }

    // The connection listening for the other instances' notifications dies (a PostgreSQL restart,
    // a proxy timeout): what was committed meanwhile still arrives, in order, and listening resumes.
    void aBrokenListenerLosesNothing()
    {
        QString error;
        const QString url = m_postgres.createDatabase(QStringLiteral("broken_listener"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir);
        options.databasePath = url;
        HearthServer writer(options);
        HearthServer reader(options);
        QVERIFY2(writer.start(&error), qPrintable(error));
        QVERIFY2(reader.start(&error), qPrintable(error));
        HttpClient http(reader.httpUrl());
        const QString token = http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        WsClient client;
        QVERIFY(client.open(reader.webSocketUrl(), token));
        QVERIFY(!client.nextOp(QStringLiteral("welcome")).isEmpty());
        QVERIFY(!client.subscribe(ordersChannel).isEmpty());

        const QString restaurant(DemoAccounts::restaurantId);
        QVERIFY(!writer.orders()->createRandomOrder(restaurant).id.isEmpty());
        ChannelRecorder recorder;
        QTRY_VERIFY_WITH_TIMEOUT((recorder.take(client), recorder.lastSeq(ordersChannel, 0) == 1), 10000);

        // Every listening connection of the database is cut off by the server.
        qint64 terminated = 0;
        withDatabase(url, [&terminated](QSqlDatabase &database) {
            QSqlQuery query(database);
            if (query.exec(QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                          "WHERE datname = current_database() "
                                          "AND application_name LIKE 'hearth-server-listener-%'"))
                && query.next())
                terminated = query.value(0).toLongLong();
        });
        QCOMPARE(terminated, 2);
        for (int i = 0; i < 5; ++i)
            QVERIFY(!writer.orders()->createRandomOrder(restaurant).id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT((recorder.take(client), recorder.lastSeq(ordersChannel, 0) == 6), 15000);
        // Listening again: the next event comes by notification.
        QVERIFY(!writer.orders()->createRandomOrder(restaurant).id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT((recorder.take(client), recorder.lastSeq(ordersChannel, 0) == 7), 10000);
        QString problem;
        QVERIFY2(isTheLog(recorder.events(ordersChannel), 0, readLog(url, ordersChannel), &problem), qPrintable(problem));

        // Every connection of both instances is cut (a database restart): they reconnect by
        // themselves and carry on where they were.
        withDatabase(url, [&terminated](QSqlDatabase &database) {
            QSqlQuery query(database);
            if (query.exec(QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                          "WHERE datname = current_database() AND application_name LIKE 'hearth-server%' "
                                          "AND pid <> pg_backend_pid()"))
                && query.next())
                terminated = query.value(0).toLongLong();
        });
        QCOMPARE(terminated, 4);
        // The write that finds the connection gone reconnects and goes through.
        QVERIFY(!writer.orders()->createRandomOrder(restaurant).id.isEmpty());
        QCOMPARE(readHead(url, ordersChannel), 8);
        QTRY_VERIFY_WITH_TIMEOUT((recorder.take(client), recorder.lastSeq(ordersChannel, 0) == 8), 15000);
        QVERIFY2(isTheLog(recorder.events(ordersChannel), 0, readLog(url, ordersChannel), &problem), qPrintable(problem));
    }

    // hearth-server processes on one database: `first` only serves clients, `second` and `third`
    // simulate a service at once (their writes really interleave). Clients on `first` see events
    // only through the other instances' notifications. `second`, with clients of its own, is
    // killed with SIGKILL mid-service; its clients carry on at `first` from where they were,
    // while `third` keeps writing.
    void killedInstanceClientsCarryOnElsewhere()
    {
        QString error;
        const QString url = m_postgres.createDatabase(QStringLiteral("three_processes"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));

        QProcess first;
        QProcess second;
        QProcess third;
        const auto cleanup = qScopeGuard([&first, &second, &third] {
            for (QProcess *process : {&first, &second, &third}) {
                process->kill();
                process->waitForFinished(5000);
            }
        });
        const QUrl firstUrl = startProcess(first, url, false);
        QVERIFY2(firstUrl.isValid(), qPrintable(QString::fromUtf8(first.readAllStandardError())));
        const QUrl secondUrl = startProcess(second, url, true);
        QVERIFY2(secondUrl.isValid(), qPrintable(QString::fromUtf8(second.readAllStandardError())));
        QVERIFY(startProcess(third, url, true).isValid());

        HttpClient http(firstUrl);
        const QString token = http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        QVERIFY(!token.isEmpty());
        const QString epoch = http.get(QStringLiteral("/api/health")).body.value(QLatin1StringView("epoch")).toString();
        QVERIFY(!epoch.isEmpty());

        struct Client
        {
            std::unique_ptr<WsClient> socket = std::make_unique<WsClient>();
            ChannelRecorder recorder;
            qint64 subscribedAt = 0;
        };
        QList<std::shared_ptr<Client>> clients;
        for (int i = 0; i < 4; ++i) {
            auto client = std::make_shared<Client>();
            QVERIFY(client->socket->open(webSocketUrl(i % 2 == 0 ? firstUrl : secondUrl), token));
            QVERIFY(!client->socket->nextOp(QStringLiteral("welcome")).isEmpty());
            const QJsonObject subscribed = client->socket->subscribe(ordersChannel);
            QVERIFY(!subscribed.isEmpty());
            client->subscribedAt = subscribed.value(QLatin1StringView("seq")).toInteger();
            clients.append(client);
        }
        const auto everyoneAt = [&clients](qint64 seq) {
            bool all = true;
            for (const auto &client : std::as_const(clients)) {
                client->recorder.take(*client->socket);
                all = all && client->recorder.lastSeq(ordersChannel, client->subscribedAt) >= seq;
            }
            return all;
        };
        qint64 start = 0;
        for (const auto &client : std::as_const(clients))
            start = std::max(start, client->subscribedAt);
        QTRY_VERIFY_WITH_TIMEOUT(everyoneAt(start + 60), 30000);

        // The second instance dies mid-service; its clients come back at the first one.
        ::kill(pid_t(second.processId()), SIGKILL);
        QVERIFY(second.waitForFinished(10000));
        for (int i = 1; i < clients.size(); i += 2) {
            Client &client = *clients[i];
            QVERIFY(client.socket->waitForDisconnected(10000));
            client.recorder.take(*client.socket);
            const qint64 last = client.recorder.lastSeq(ordersChannel, client.subscribedAt);
            client.socket = std::make_unique<WsClient>();
            QVERIFY(client.socket->open(webSocketUrl(firstUrl), token));
            QVERIFY(!client.socket->nextOp(QStringLiteral("welcome")).isEmpty());
            QVERIFY(client.socket->subscribe(ordersChannel, epoch, last).value(QLatin1StringView("recovered")).toBool());
        }
        const qint64 headAtKill = readHead(url, ordersChannel);
        QVERIFY(headAtKill > start);
        QTRY_VERIFY_WITH_TIMEOUT(everyoneAt(headAtKill + 30), 30000);

        const QHash<qint64, Received> log = readLog(url, ordersChannel);
        for (const auto &client : std::as_const(clients)) {
            QString problem;
            QVERIFY2(isTheLog(client->recorder.events(ordersChannel), client->subscribedAt, log, &problem),
                     qPrintable(problem));
        }
    }

    // The same Idempotency-Key sent at once to two instances (a client retrying through the load
    // balancer while its first request is still running): applied once, and both answers are that
    // one change. The test holds the restaurant's write lock so that both requests are past their
    // key lookup and queued behind it before either may write — the race, made certain.
    void oneIdempotencyKeyAtTwoInstancesAppliesOnce()
    {
        QString error;
        const QString url = m_postgres.createDatabase(QStringLiteral("idempotency_race"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        QProcess first;
        QProcess second;
        const auto cleanup = qScopeGuard([&first, &second] {
            for (QProcess *process : {&first, &second}) {
                process->kill();
                process->waitForFinished(5000);
            }
        });
        const QUrl firstUrl = startProcess(first, url, false);
        QVERIFY2(firstUrl.isValid(), qPrintable(QString::fromUtf8(first.readAllStandardError())));
        const QUrl secondUrl = startProcess(second, url, false);
        QVERIFY2(secondUrl.isValid(), qPrintable(QString::fromUtf8(second.readAllStandardError())));
        HttpClient http(firstUrl);
        const QString token = http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        QVERIFY(!token.isEmpty());
        const int widgetsBefore = int(http.get(QStringLiteral("/api/widgets"), token)
                                          .body.value(QLatin1StringView("widgets")).toArray().size());

        Database holder;
        QVERIFY2(holder.open(url, &error), qPrintable(error));
        std::optional<SqlTransaction> writeLock(std::in_place, holder.connection(), QString(DemoAccounts::restaurantId));
        QVERIFY(writeLock->isActive());
        Database observer;
        QVERIFY2(observer.open(url, &error), qPrintable(error));

        QNetworkAccessManager network;
        const QByteArray body = json({{QStringLiteral("kind"), QStringLiteral("booking")},
                                      {QStringLiteral("name"), QStringLiteral("Terrace")}});
        const auto post = [&](const QUrl &base) {
            QUrl target = base;
            target.setPath(QStringLiteral("/api/widgets"));
            QNetworkRequest request(target);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8());
            request.setRawHeader(QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("race-5f0c8a52"));
            return std::unique_ptr<QNetworkReply>(network.post(request, body));
        };
        const std::unique_ptr<QNetworkReply> toFirst = post(firstUrl);
        const std::unique_ptr<QNetworkReply> toSecond = post(secondUrl);
        QTRY_COMPARE_WITH_TIMEOUT(lockWaiters(observer), 2, 15000);
        QVERIFY(!toFirst->isFinished() && !toSecond->isFinished());
        QVERIFY(writeLock->commit());
        writeLock.reset();
        QTRY_VERIFY_WITH_TIMEOUT(toFirst->isFinished() && toSecond->isFinished(), 15000);

        const int firstStatus = toFirst->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const int secondStatus = toSecond->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QCOMPARE(firstStatus, 201);
        QCOMPARE(secondStatus, 201);
        // One of them is the other's answer again.
        QCOMPARE(int(toFirst->hasRawHeader("Idempotent-Replayed")) + int(toSecond->hasRawHeader("Idempotent-Replayed")), 1);
        const QJsonObject firstWidget = QJsonDocument::fromJson(toFirst->readAll()).object();
        const QJsonObject secondWidget = QJsonDocument::fromJson(toSecond->readAll()).object();
        QVERIFY(!firstWidget.value(QLatin1StringView("id")).toString().isEmpty());
        QCOMPARE(secondWidget, firstWidget);
        // Applied once: one widget more, and one widget.created in the log.
        const QJsonArray widgets = http.get(QStringLiteral("/api/widgets"), token).body.value(QLatin1StringView("widgets")).toArray();
        QCOMPARE(int(widgets.size()), widgetsBefore + 1);
        int created = 0;
        for (const Received &event : readLog(url, widgetsChannel))
            created += event.type == u"widget.created" && event.data.contains("Terrace") ? 1 : 0;
        QCOMPARE(created, 1);
    }

private:
    QUrl startProcess(QProcess &process, const QString &databaseUrl, bool simulate)
    {
        process.setProgram(QStringLiteral(HEARTH_SERVER_BINARY));
        QStringList arguments{QStringLiteral("--database"), databaseUrl, QStringLiteral("--port"), QStringLiteral("0")};
        if (simulate)
            arguments << QStringLiteral("--simulate") << QStringLiteral("600") << QStringLiteral("--no-demo-seed");
        else
            arguments << QStringLiteral("--demo");
        process.setArguments(arguments);
        process.start();
        if (!process.waitForStarted(10000))
            return {};
        static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        QByteArray banner;
        const bool found = QTest::qWaitFor(
            [&process, &banner] {
                banner += process.readAllStandardOutput();
                return listening.match(QString::fromUtf8(banner)).hasMatch() || process.state() == QProcess::NotRunning;
            },
            30000);
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(banner));
        if (!found || !match.hasMatch())
            return {};
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(match.captured(1)));
    }

    static QUrl webSocketUrl(const QUrl &httpUrl)
    {
        QUrl url = httpUrl;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/ws"));
        return url;
    }

    QHash<qint64, Received> readLog(const QString &url, const QString &channel)
    {
        QHash<qint64, Received> log;
        withDatabase(url, [&](QSqlDatabase &database) {
            QSqlQuery query(database);
            query.prepare(QStringLiteral("SELECT seq, type, data FROM events WHERE channel = ? ORDER BY seq"));
            query.addBindValue(channel);
            if (!query.exec())
                return;
            while (query.next())
                log.insert(query.value(0).toLongLong(),
                           {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString().toUtf8()});
        });
        return log;
    }

    qint64 readHead(const QString &url, const QString &channel)
    {
        qint64 head = -1;
        withDatabase(url, [&](QSqlDatabase &database) {
            QSqlQuery query(database);
            query.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events WHERE channel = ?"));
            query.addBindValue(channel);
            if (query.exec() && query.next())
                head = query.value(0).toLongLong();
        });
        return head;
    }

    static qint64 lockWaiters(Database &database)
    {
        QSqlQuery query(database.connection());
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                                       "AND wait_event_type = 'Lock'"))
            || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    template<typename Read>
    void withDatabase(const QString &url, Read read)
    {
        Database database;
        QString error;
        if (!database.open(url, &error)) {
            qWarning().noquote() << error;
            return;
        }
        QSqlDatabase connection = database.connection();
        read(connection);
    }

    PostgresTestServer m_postgres;
};

QTEST_GUILESS_MAIN(TestServerCluster)
#include "tst_server_cluster.moc"
