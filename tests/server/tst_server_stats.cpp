// GET /api/stats: a manager's view of their own restaurant's traffic and event log.
#include "testsupport.h"

#include "server/accountrepository.h"
#include "server/demoaccounts.h"
#include "server/eventlog.h"
#include "server/orderservice.h"
#include "server/passwordhasher.h"
#include "server/trafficcounters.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

const QString restaurant(DemoAccounts::restaurantId);

QString errorCode(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
}

QJsonObject ordersChannel(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("channels")).toObject().value(QLatin1StringView("orders")).toObject();
}

qint64 integer(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1StringView(key)).toInteger(-1);
}

} // namespace

class TestServerStats final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<HearthServer>(testOptions(m_dir, QStringLiteral("stats-%1.db").arg(++m_run)));
        m_sinceStart.start(); // before the server's own clock starts
        QVERIFY(m_server->start());
        m_http = std::make_unique<HttpClient>(m_server->httpUrl());
        m_manager = m_http->login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        m_staff = m_http->login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        QVERIFY(!m_manager.isEmpty() && !m_staff.isEmpty());
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void onlyManagersMayRead()
    {
        const HttpResult staff = m_http->get(QStringLiteral("/api/stats"), m_staff);
        QCOMPARE(staff.status, 403);
        QCOMPARE(errorCode(staff), QStringLiteral("forbidden"));
        QCOMPARE(m_http->get(QStringLiteral("/api/stats")).status, 401);
        QCOMPARE(m_http->get(QStringLiteral("/api/stats"), QStringLiteral("bogus")).status, 401);
    }

    void aQuietServerAnswersEveryField()
    {
        const HttpResult result = m_http->get(QStringLiteral("/api/stats"), m_manager);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("Cache-Control"), QByteArray("no-store"));
        for (const char *key : {"connections", "subscriptions", "events_sent", "malformed_frames"}) {
            QVERIFY2(result.body.value(QLatin1StringView(key)).isDouble(), key);
            QCOMPARE(integer(result.body, key), 0);
        }
        // Whole seconds since the server started, which cannot exceed the time this test has
        // watched it for (the set-up may well take more than a second on a loaded machine).
        QVERIFY(result.body.value(QLatin1StringView("uptime_s")).isDouble());
        const qint64 uptime = integer(result.body, "uptime_s");
        QVERIFY2(uptime >= 0 && uptime * 1000 <= m_sinceStart.elapsed(), qPrintable(QString::number(uptime)));
        QVERIFY(result.body.value(QLatin1StringView("events_per_second")).isDouble());
        QCOMPARE(result.body.value(QLatin1StringView("events_per_second")).toDouble(), 0.0);
        const QJsonObject orders = ordersChannel(result);
        QCOMPARE(orders.value(QLatin1StringView("epoch")).toString(), m_server->epoch());
        QCOMPARE(integer(orders, "head_seq"), 0);
        QCOMPARE(integer(orders, "oldest_seq"), 1); // head + 1: nothing to replay, nothing missing
    }

    void countsTheRestaurantsTraffic()
    {
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_staff));
        client.nextOp(QStringLiteral("welcome"));
        QVERIFY(!client.subscribe(QStringLiteral("orders")).isEmpty());
        client.sendText(QStringLiteral("not json"));
        QCOMPARE(client.next().value(QLatin1StringView("code")).toString(), QStringLiteral("bad_request"));
        QElapsedTimer sinceEvents;
        sinceEvents.start();
        for (int i = 0; i < 20; ++i)
            m_server->orders()->createRandomOrder(restaurant);
        for (int i = 1; i <= 20; ++i)
            QCOMPARE(client.next().value(QLatin1StringView("seq")).toInteger(), i);

        const HttpResult result = m_http->get(QStringLiteral("/api/stats"), m_manager);
        QCOMPARE(result.status, 200);
        QCOMPARE(integer(result.body, "connections"), 1);
        QCOMPARE(integer(result.body, "subscriptions"), 1);
        QCOMPARE(integer(result.body, "events_sent"), 20);
        QCOMPARE(integer(result.body, "malformed_frames"), 1);
        // All 20 within the last 10 s — unless this thread took longer than that to get here,
        // when some have left the window (never more than 20 were sent).
        const double rate = result.body.value(QLatin1StringView("events_per_second")).toDouble();
        if (sinceEvents.elapsed() < 10000)
            QCOMPARE(rate, 2.0);
        else
            QVERIFY2(rate >= 0.0 && rate <= 2.0, qPrintable(QString::number(rate)));
        QCOMPARE(integer(ordersChannel(result), "head_seq"), 20);
        QCOMPARE(integer(ordersChannel(result), "oldest_seq"), 1);
    }

    void anotherRestaurantSeesOnlyItsOwn()
    {
        QVERIFY(m_server->accounts()->createRestaurant(QStringLiteral("2"), QStringLiteral("Other Place")));
        QVERIFY(m_server->accounts()->createUser(QStringLiteral("2"), QStringLiteral("boss"), QStringLiteral("Bea"),
                                                 Role::Manager, PasswordHasher::hash(QStringLiteral("pw"), 1000)));
        const QString otherManager = m_http->login(QStringLiteral("boss"), QStringLiteral("pw"));
        QVERIFY(!otherManager.isEmpty());

        WsClient ours;
        QVERIFY(ours.open(m_server->webSocketUrl(), m_staff));
        ours.nextOp(QStringLiteral("welcome"));
        QVERIFY(!ours.subscribe(QStringLiteral("orders")).isEmpty());
        m_server->orders()->createRandomOrder(restaurant);
        m_server->orders()->createRandomOrder(restaurant);
        m_server->orders()->createRandomOrder(QStringLiteral("2"));
        QVERIFY(!ours.next().isEmpty() && !ours.next().isEmpty());

        const HttpResult theirs = m_http->get(QStringLiteral("/api/stats"), otherManager);
        QCOMPARE(theirs.status, 200);
        QCOMPARE(integer(theirs.body, "connections"), 0);
        QCOMPARE(integer(theirs.body, "subscriptions"), 0);
        QCOMPARE(integer(theirs.body, "events_sent"), 0);
        QCOMPARE(integer(ordersChannel(theirs), "head_seq"), 1);

        const HttpResult mine = m_http->get(QStringLiteral("/api/stats"), m_manager);
        QCOMPARE(integer(mine.body, "connections"), 1);
        QCOMPARE(integer(mine.body, "events_sent"), 2);
        QCOMPARE(integer(ordersChannel(mine), "head_seq"), 2);
        QCOMPARE(m_server->stats().connections, 1); // the whole server, for the operator's own tools
    }

    void oldestSeqFollowsTheRetention()
    {
        m_server->eventLog()->setRetention(5);
        for (int i = 0; i < 20; ++i)
            m_server->orders()->createRandomOrder(restaurant);
        m_server->eventLog()->prune();
        const HttpResult result = m_http->get(QStringLiteral("/api/stats"), m_manager);
        QCOMPARE(integer(ordersChannel(result), "head_seq"), 20);
        QCOMPARE(integer(ordersChannel(result), "oldest_seq"), 16);
    }

    void theRateSlidesOverTenSeconds()
    {
        TrafficCounters counters;
        const qint64 t0 = 1000000; // any origin: the clock is monotonic, not wall time
        counters.countEventsSent(restaurant, 30, t0);
        counters.countEventsSent(restaurant, 10, t0 + 4500);
        QCOMPARE(counters.eventsPerSecond(restaurant, t0 + 5000), 4.0);
        QCOMPARE(counters.eventsPerSecond(restaurant, t0 + 9999), 4.0);
        QCOMPARE(counters.eventsPerSecond(restaurant, t0 + 10000), 1.0); // the first second has left the window
        QCOMPARE(counters.eventsPerSecond(restaurant, t0 + 14999), 0.0);
        counters.countEventsSent(restaurant, 5, t0 + 30000); // reuses a bucket of an older round
        QCOMPARE(counters.eventsPerSecond(restaurant, t0 + 30000), 0.5);
        QCOMPARE(counters.eventsPerSecond(QStringLiteral("2"), t0 + 30000), 0.0);
        QCOMPARE(counters.of(restaurant).eventsSent, 45);
        QCOMPARE(counters.total().eventsSent, 45);
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    QElapsedTimer m_sinceStart;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_manager;
    QString m_staff;
};

QTEST_GUILESS_MAIN(TestServerStats)
#include "tst_server_stats.moc"
