// Widget analytics on hearth-server over real HTTP and WebSocket on 127.0.0.1: the public events
// route (key, validation, rate limit), the summary against hand-computed figures, the analytics
// channel's per-second frames and their watermark, and retention.
#include "testsupport.h"

#include "core/analyticscodec.h"
#include "server/analyticsrepository.h"
#include "server/analyticsservice.h"
#include "server/demoaccounts.h"
#include "server/eventlog.h"

#include <QJsonArray>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;

QString errorCode(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
}

QJsonObject errorFields(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("fields")).toObject();
}

QJsonObject ev(const QString &widget, const QString &type, const QString &session, qint64 ts, qint64 value = 0)
{
    QJsonObject json{{QStringLiteral("widget"), widget},
                     {QStringLiteral("type"), type},
                     {QStringLiteral("session"), session},
                     {QStringLiteral("ts"), ts}};
    if (value != 0)
        json.insert(QStringLiteral("value_cents"), value);
    return json;
}

} // namespace

class TestServerAnalytics final : public QObject
{
    Q_OBJECT

private:
    HttpResult post(const QJsonArray &events, const QString &key, bool inHeader = true)
    {
        QJsonObject body{{QStringLiteral("events"), events}};
        HttpClient::Headers headers;
        if (inHeader && !key.isEmpty())
            headers.append({QByteArrayLiteral("X-Hearth-Widget-Key"), key.toLatin1()});
        else if (!key.isEmpty())
            body.insert(QStringLiteral("key"), key);
        return m_http->send("POST", QStringLiteral("/api/analytics/events"), json(body), {}, headers);
    }

    AnalyticsSummary summary(const QString &query)
    {
        const HttpResult answer = m_http->get(QStringLiteral("/api/analytics/summary?") + query, m_manager);
        if (answer.status != 200)
            qWarning("summary answered %d: %s", answer.status, answer.raw.constData());
        const Decoded<AnalyticsSummary> decoded = AnalyticsCodec::summaryFromJson(answer.body);
        if (!decoded.ok())
            qWarning("summary does not decode: %s", qPrintable(decoded.errorString()));
        return decoded.value.value_or(AnalyticsSummary{});
    }

    qint64 analyticsHead() const
    {
        return m_server->eventLog()->headSeq(QString(DemoAccounts::restaurantId), QStringLiteral("analytics"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<HearthServer>(testOptions(m_dir));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server->httpUrl());
        m_manager = m_http->login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        m_staff = m_http->login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        QVERIFY(!m_manager.isEmpty());
        const HttpResult keys = m_http->get(QStringLiteral("/api/analytics/keys"), m_manager);
        QCOMPARE(keys.status, 200);
        const HttpResult widgets = m_http->get(QStringLiteral("/api/widgets"), m_staff);
        for (const QJsonValue &widget : widgets.body.value(QLatin1StringView("widgets")).toArray()) {
            const QString id = widget.toObject().value(QLatin1StringView("id")).toString();
            const QString kind = widget.toObject().value(QLatin1StringView("kind")).toString();
            (kind == u"booking" ? m_booking : m_ordering) = id;
        }
        for (const QJsonValue &entry : keys.body.value(QLatin1StringView("keys")).toArray()) {
            const QString id = entry.toObject().value(QLatin1StringView("widget")).toString();
            const QString key = entry.toObject().value(QLatin1StringView("key")).toString();
            QVERIFY(key.startsWith(u"hwk_"));
            (id == m_booking ? m_bookingKey : m_orderingKey) = key;
        }
        QVERIFY(!m_bookingKey.isEmpty());
        QVERIFY(!m_orderingKey.isEmpty());
        // The keys stay the same when asked again.
        const HttpResult again = m_http->get(QStringLiteral("/api/analytics/keys"), m_manager);
        QCOMPARE(again.body, keys.body);
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    void theSummaryMatchesHandComputedFigures()
    {
        // Two whole hours that ended an hour ago, so events of the other tests (now) stay out.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 base = now - now % hourMs - 3 * hourMs;
        const qint64 first = base + 10 * minuteMs;
        const qint64 second = base + 70 * minuteMs;
        const QString o = m_ordering;
        const QString b = m_booking;
        const QJsonArray ordering{
            ev(o, u"view"_s, u"s1"_s, first), ev(o, u"view"_s, u"s2"_s, first + 1000),
            ev(o, u"view"_s, u"s3"_s, first + 2000), ev(o, u"view"_s, u"s4"_s, first + 3000),
            ev(o, u"open"_s, u"s1"_s, first + 4000), ev(o, u"open"_s, u"s2"_s, first + 5000),
            ev(o, u"order_started"_s, u"s1"_s, first + 6000),
            ev(o, u"order_started"_s, u"s2"_s, first + 7000),
            ev(o, u"order_completed"_s, u"s1"_s, first + 8000, 2500),
            // A value on a view is what the guest looked at: no revenue.
            ev(o, u"view"_s, u"s5"_s, second, 999), ev(o, u"view"_s, u"s6"_s, second + 1000),
            ev(o, u"open"_s, u"s5"_s, second + 2000), ev(o, u"order_started"_s, u"s5"_s, second + 3000),
            ev(o, u"order_completed"_s, u"s5"_s, second + 4000, 4150),
            // After the range: not counted.
            ev(o, u"view"_s, u"s7"_s, base + 2 * hourMs),
        };
        const QJsonArray booking{
            ev(b, u"view"_s, u"b1"_s, first), ev(b, u"view"_s, u"b2"_s, first + 500),
            ev(b, u"open"_s, u"b1"_s, first + 1000), ev(b, u"booking_started"_s, u"b1"_s, first + 2000),
            ev(b, u"booking_completed"_s, u"b1"_s, first + 3000),
        };
        QCOMPARE(post(ordering, m_orderingKey).status, 202);
        QCOMPARE(post(booking, m_bookingKey, false).status, 202);
        m_server->analytics()->flush();

        const QString range = QStringLiteral("from=%1&to=%2&bucket=hour").arg(base).arg(base + 2 * hourMs);
        const AnalyticsSummary all = summary(range);
        QCOMPARE(all.totals.step(AnalyticsStep::View), 8);
        QCOMPARE(all.totals.step(AnalyticsStep::Open), 4);
        QCOMPARE(all.totals.step(AnalyticsStep::BookingStarted), 1);
        QCOMPARE(all.totals.step(AnalyticsStep::BookingCompleted), 1);
        QCOMPARE(all.totals.step(AnalyticsStep::OrderStarted), 3);
        QCOMPARE(all.totals.step(AnalyticsStep::OrderCompleted), 2);
        QCOMPARE(all.totals.revenueCents, 6650);
        QCOMPARE(all.totals.stage(FunnelStage::Started), 4);
        QCOMPARE(all.totals.stage(FunnelStage::Completed), 3);
        QCOMPARE(all.totals.conversion(FunnelStage::Opened), 0.5);
        QCOMPARE(all.totals.conversion(FunnelStage::Started), 1.0);
        QCOMPARE(all.totals.conversion(FunnelStage::Completed), 0.75);
        QCOMPARE(all.totals.overallConversion(), 0.375);
        QCOMPARE(all.series.size(), 2);
        QCOMPARE(all.series.at(0).startMs, base);
        QCOMPARE(all.series.at(0).counts.stage(FunnelStage::Viewed), 6);
        QCOMPARE(all.series.at(0).counts.stage(FunnelStage::Completed), 2);
        QCOMPARE(all.series.at(0).counts.revenueCents, 2500);
        QCOMPARE(all.series.at(1).startMs, base + hourMs);
        QCOMPARE(all.series.at(1).counts.stage(FunnelStage::Viewed), 2);
        QCOMPARE(all.series.at(1).counts.stage(FunnelStage::Opened), 1);
        QCOMPARE(all.series.at(1).counts.revenueCents, 4150);
        QCOMPARE(all.seq, analyticsHead());

        // The wire carries the funnel and the conversions as computed.
        const HttpResult raw = m_http->get(QStringLiteral("/api/analytics/summary?") + range, m_manager);
        const QJsonArray funnel = raw.body.value(QLatin1StringView("funnel")).toArray();
        QCOMPARE(funnel.size(), 4);
        QCOMPARE(funnel.at(3).toObject().value(QLatin1StringView("count")).toInteger(), 3);
        QCOMPARE(funnel.at(3).toObject().value(QLatin1StringView("conversion")).toDouble(), 0.75);
        QCOMPARE(raw.body.value(QLatin1StringView("overall_conversion")).toDouble(), 0.375);
        QCOMPARE(raw.body.value(QLatin1StringView("revenue_cents")).toInteger(), 6650);

        const AnalyticsSummary orderingOnly = summary(range + QStringLiteral("&widget=") + m_ordering);
        QCOMPARE(orderingOnly.totals.stage(FunnelStage::Viewed), 6);
        QCOMPARE(orderingOnly.totals.stage(FunnelStage::Completed), 2);
        QCOMPARE(orderingOnly.totals.revenueCents, 6650);
        QCOMPARE(orderingOnly.totals.step(AnalyticsStep::BookingStarted), 0);

        // Minute buckets, counted from `from`: the first hour's events share one minute.
        const AnalyticsSummary minutes = summary(QStringLiteral("from=%1&to=%2&bucket=60").arg(base).arg(base + hourMs));
        QCOMPARE(minutes.series.size(), 1);
        QCOMPARE(minutes.series.at(0).startMs, first);
        QCOMPARE(minutes.totals.total(), 14);
    }

    void eachSecondIsOneChannelFrameWithTheSecondsCounts()
    {
        WsClient socket;
        QVERIFY(socket.open(m_server->webSocketUrl(), m_manager));
        QVERIFY(!socket.nextOp(QStringLiteral("welcome")).isEmpty());
        const QJsonObject subscribed = socket.subscribe(QStringLiteral("analytics"));
        QVERIFY(!subscribed.isEmpty());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(post({ev(m_ordering, u"view"_s, u"x1"_s, now)}, m_orderingKey).status, 202);
        QCOMPARE(post({ev(m_ordering, u"view"_s, u"x2"_s, now), ev(m_ordering, u"open"_s, u"x2"_s, now)},
                      m_orderingKey).status, 202);
        const qint64 before = analyticsHead();
        m_server->analytics()->flush();
        QCOMPARE(analyticsHead(), before + 1);

        const QJsonObject frame = socket.nextOp(QStringLiteral("event"));
        QCOMPARE(frame.value(QLatin1StringView("channel")).toString(), u"analytics");
        QCOMPARE(frame.value(QLatin1StringView("type")).toString(), u"analytics.event");
        QCOMPARE(frame.value(QLatin1StringView("seq")).toInteger(), before + 1);
        const Decoded<AnalyticsTick> tick = AnalyticsCodec::tickFromJson(frame.value(QLatin1StringView("data")).toObject());
        QVERIFY2(tick.ok(), qPrintable(tick.errorString()));
        QCOMPARE(tick.value->rows.size(), 2); // view ×2 and open ×1 of one widget and minute
        qint64 views = 0;
        for (const AnalyticsRow &row : tick.value->rows) {
            QCOMPARE(row.minuteMs, now - now % minuteMs);
            if (row.step == AnalyticsStep::View)
                views = row.count;
        }
        QCOMPARE(views, 2);
        QCOMPARE(tick.value->samples.size(), 3);
        // An empty second sends nothing.
        m_server->analytics()->flush();
        QCOMPARE(analyticsHead(), before + 1);
    }

    void staffCannotReadAnalytics()
    {
        QCOMPARE(m_http->get(QStringLiteral("/api/analytics/summary"), m_staff).status, 403);
        QCOMPARE(m_http->get(QStringLiteral("/api/analytics/keys"), m_staff).status, 403);
        QCOMPARE(m_http->get(QStringLiteral("/api/analytics/summary")).status, 401);
        WsClient socket;
        QVERIFY(socket.open(m_server->webSocketUrl(), m_staff));
        QVERIFY(!socket.nextOp(QStringLiteral("welcome")).isEmpty());
        QVERIFY(socket.subscribe(QStringLiteral("analytics")).isEmpty());
    }

    void theSummaryRefusesBadParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("from after to") << QStringLiteral("from=2000&to=1000");
        QTest::newRow("unreadable from") << QStringLiteral("from=yesterday");
        QTest::newRow("odd bucket") << QStringLiteral("bucket=90");
        QTest::newRow("too many buckets") << QStringLiteral("from=0&to=86400000000&bucket=minute");
    }

    void theSummaryRefusesBadParameters()
    {
        QFETCH(QString, query);
        const HttpResult answer = m_http->get(QStringLiteral("/api/analytics/summary?") + query, m_manager);
        QCOMPARE(answer.status, 400);
        QCOMPARE(errorCode(answer), u"bad_request");
        QCOMPARE(m_http->get(QStringLiteral("/api/analytics/summary?widget=nope"), m_manager).status, 404);
    }

    void theEventsRouteChecksTheKey()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QJsonArray one{ev(m_ordering, u"view"_s, u"k1"_s, now)};
        const HttpResult none = post(one, {});
        QCOMPARE(none.status, 401);
        QCOMPARE(errorCode(none), u"unauthorized");
        QCOMPARE(post(one, QStringLiteral("hwk_not-a-key")).status, 401);
        // The booking widget's key cannot speak for the ordering widget.
        const HttpResult foreign = post(one, m_bookingKey);
        QCOMPARE(foreign.status, 403);
        QCOMPARE(errorCode(foreign), u"forbidden");
        QCOMPARE(m_server->analytics()->buffered(), 0);
    }

    void theEventsRouteValidatesEveryEvent()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QJsonObject noSession = ev(m_ordering, u"open"_s, u"k"_s, now);
        noSession.remove(QStringLiteral("session"));
        const QJsonArray bad{
            ev(m_ordering, u"view"_s, u"k1"_s, now),
            ev(m_ordering, u"clicked"_s, u"k1"_s, now),
            ev(m_ordering, u"view"_s, u"k1"_s, now - 3 * 24 * hourMs),
            noSession,
            ev(m_ordering, u"order_completed"_s, u"k1"_s, now, -5),
        };
        const HttpResult answer = post(bad, m_orderingKey);
        QCOMPARE(answer.status, 422);
        QCOMPARE(errorCode(answer), u"validation_failed");
        const QJsonObject fields = errorFields(answer);
        QVERIFY2(fields.contains(u"events[1].type"), answer.raw.constData());
        QVERIFY2(fields.contains(u"events[2].ts"), answer.raw.constData());
        QVERIFY2(fields.contains(u"events[3].session"), answer.raw.constData());
        QVERIFY2(fields.contains(u"events[4].value_cents"), answer.raw.constData());
        QVERIFY(!fields.contains(u"events[0].type"));
        // Nothing of a refused batch is kept.
        QCOMPARE(m_server->analytics()->buffered(), 0);

        QCOMPARE(post(QJsonArray{}, m_orderingKey).status, 422);
        QJsonArray tooMany;
        for (int i = 0; i <= 100; ++i) // AnalyticsApi::maxBatch + 1
            tooMany.append(ev(m_ordering, u"view"_s, u"m"_s, now));
        QCOMPARE(post(tooMany, m_orderingKey).status, 422);
        const HttpResult notJson = m_http->send("POST", QStringLiteral("/api/analytics/events"), "[1,2", {},
                                                {{QByteArrayLiteral("X-Hearth-Widget-Key"), m_orderingKey.toLatin1()}});
        QCOMPARE(notJson.status, 400);
    }

    void aWidgetBeyondItsRateIsToldToWait()
    {
        QTemporaryDir dir;
        ServerOptions options = testOptions(dir);
        options.analyticsBatchesPerSecond = 0.2;
        options.analyticsBatchBurst = 2;
        HearthServer limited(options);
        QString error;
        QVERIFY2(limited.start(&error), qPrintable(error));
        HttpClient http(limited.httpUrl());
        const QString manager = http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        const HttpResult keys = http.get(QStringLiteral("/api/analytics/keys"), manager);
        const QJsonObject first = keys.body.value(QLatin1StringView("keys")).toArray().at(0).toObject();
        const QString widget = first.value(QLatin1StringView("widget")).toString();
        const QByteArray key = first.value(QLatin1StringView("key")).toString().toLatin1();
        const QByteArray body = json(QJsonObject{
            {QStringLiteral("events"),
             QJsonArray{ev(widget, u"view"_s, u"r"_s, QDateTime::currentMSecsSinceEpoch())}}});
        const HttpClient::Headers headers{{QByteArrayLiteral("X-Hearth-Widget-Key"), key}};
        QCOMPARE(http.send("POST", QStringLiteral("/api/analytics/events"), body, {}, headers).status, 202);
        QCOMPARE(http.send("POST", QStringLiteral("/api/analytics/events"), body, {}, headers).status, 202);
        const HttpResult third = http.send("POST", QStringLiteral("/api/analytics/events"), body, {}, headers);
        QCOMPARE(third.status, 429);
        QCOMPARE(errorCode(third), u"rate_limited");
        QVERIFY(third.header("Retry-After").toInt() >= 1);
        QCOMPARE(limited.analytics()->buffered(), 2);
    }

    void retentionDropsWhatIsOlderThanTheSetting()
    {
        AnalyticsService *analytics = m_server->analytics();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 old = now - 120LL * 24 * hourMs;
        QVERIFY(analytics->importHistory(QString(DemoAccounts::restaurantId),
                                         {AnalyticsRecord{m_ordering, AnalyticsStep::View, 1, old, 0}}));
        const QString range = QStringLiteral("from=%1&to=%2&bucket=day").arg(old - old % (24 * hourMs)).arg(old + hourMs);
        QCOMPARE(summary(range).totals.total(), 1);
        QCOMPARE(analytics->repository()->retentionDays(), 90);
        QVERIFY(analytics->pruneExpired(now) >= 2); // the raw event and its rollup
        QCOMPARE(summary(range).totals.total(), 0);
        // The setting lives in the database.
        QVERIFY(analytics->repository()->setRetentionDays(400));
        QCOMPARE(analytics->repository()->retentionDays(), 400);
        QVERIFY(analytics->repository()->setRetentionDays(90));
    }

    void stopStoresWhatWasPosted()
    {
        QTemporaryDir dir;
        HearthServer server(testOptions(dir));
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        HttpClient http(server.httpUrl());
        const QString manager = http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        const QJsonObject first =
            http.get(QStringLiteral("/api/analytics/keys"), manager).body.value(QLatin1StringView("keys")).toArray().at(0).toObject();
        const QString widget = first.value(QLatin1StringView("widget")).toString();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray body = json(QJsonObject{{QStringLiteral("key"), first.value(QLatin1StringView("key"))},
                                                 {QStringLiteral("events"), QJsonArray{ev(widget, u"view"_s, u"z"_s, now)}}});
        QCOMPARE(http.post(QStringLiteral("/api/analytics/events"), body).status, 202);
        server.stop();
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString again = http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        const HttpResult answer = http.get(QStringLiteral("/api/analytics/summary?from=%1&to=%2")
                                               .arg(now - hourMs).arg(now + hourMs), again);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(QLatin1StringView("totals")).toObject().value(QLatin1StringView("view")).toInteger(), 1);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_manager;
    QString m_staff;
    QString m_booking;
    QString m_ordering;
    QString m_bookingKey;
    QString m_orderingKey;
};

QTEST_GUILESS_MAIN(TestServerAnalytics)
#include "tst_server_analytics.moc"
