// Analytics end to end against the real hearth-server over loopback: the summaries load on start,
// follow the per-second frames, and stay exactly the server's across a reconnect that replays
// (no frame counted twice) and across a resync whose snapshot lands while frames stream in.
#include "clientstack.h"

#include "models/analyticsfunnelmodel.h"
#include "server/analyticsrepository.h"
#include "server/analyticsservice.h"
#include "server/eventlog.h"
#include "server/widgetservice.h"
#include "sync/analyticssync.h"

using namespace hearth;
using namespace hearth::test;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

const QString restaurant = QString(server::DemoAccounts::restaurantId);
constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;

struct AnalyticsStack
{
    ClientStack base;
    AnalyticsSync sync{&base.realtime, &base.rest};
    AnalyticsFunnelModel funnel;
    QAbstractItemModelTester funnelTester{&funnel, QAbstractItemModelTester::FailureReportingMode::QtTest};
    int framesCounted = 0;

    AnalyticsStack()
    {
        base.realtime.setReconnectPolicy(ReconnectPolicy{50ms, 300ms, 5000ms, 0});
        const auto show = [this] {
            funnel.setCounts(sync.summaries().isEmpty() ? AnalyticsCounts{} : sync.summaries().constFirst().totals);
        };
        QObject::connect(&sync, &AnalyticsSync::summariesReplaced, &funnel, show);
        QObject::connect(&sync, &AnalyticsSync::summariesUpdated, &funnel, show);
    }

    bool go(const server::HearthServer &server, const QList<AnalyticsQuery> &queries)
    {
        if (!base.signInTo(server))
            return false;
        base.go();
        sync.setQueries(queries);
        sync.start();
        return QTest::qWaitFor([this] { return sync.snapshotsLoaded() >= 1; }, 10000);
    }
};

// Every summary equals the server's answer to its query, totals and every bucket.
bool matchesServer(const AnalyticsSync &sync, server::HearthServer &server, QString *why)
{
    for (const AnalyticsSummary &mine : sync.summaries()) {
        const std::optional<AnalyticsSummary> theirs =
            server.analytics()->summary(restaurant, mine.widgetId, mine.fromMs, mine.toMs, mine.bucketMs);
        if (!theirs) {
            *why = u"the server cannot say"_s;
            return false;
        }
        if (mine.totals != theirs->totals) {
            *why = u"totals: %1 views here, %2 on the server"_s.arg(mine.totals.step(AnalyticsStep::View))
                       .arg(theirs->totals.step(AnalyticsStep::View));
            return false;
        }
        if (mine.series.size() != theirs->series.size()) {
            *why = u"%1 buckets here, %2 on the server"_s.arg(mine.series.size()).arg(theirs->series.size());
            return false;
        }
        for (qsizetype i = 0; i < mine.series.size(); ++i) {
            if (mine.series.at(i).startMs != theirs->series.at(i).startMs
                || mine.series.at(i).counts != theirs->series.at(i).counts) {
                *why = u"bucket %1 differs"_s.arg(i);
                return false;
            }
        }
    }
    return true;
}

} // namespace

class TestIntegrationAnalytics final : public QObject
{
    Q_OBJECT

private:
    // One second of the website: `guests` views and opens and one order, stored and announced.
    void oneSecond(int guests, qint64 cents = 1990)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<server::AnalyticsRecord> records;
        for (int i = 0; i < guests; ++i) {
            records.append({m_ordering, AnalyticsStep::View, m_session + i, now - i * 1000, 0});
            records.append({m_ordering, AnalyticsStep::Open, m_session + i, now - i * 500, 0});
        }
        records.append({m_ordering, AnalyticsStep::OrderCompleted, m_session, now, cents});
        m_session += guests;
        QVERIFY(m_server->analytics()->ingest(restaurant, records));
        m_server->analytics()->flush();
    }

    QList<AnalyticsQuery> queries() const
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 hour = now - now % hourMs;
        return {AnalyticsQuery{{}, hour - hourMs, hour + 2 * hourMs, minuteMs},
                AnalyticsQuery{m_ordering, hour - 23 * hourMs, hour + hourMs, hourMs}};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(); // a fresh database for each test
        QVERIFY(m_dir->isValid());
        server::ServerOptions options = testServerOptions(*m_dir);
        options.eventRetention = 20;
        m_server = std::make_unique<server::HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        for (const WidgetConfig &widget : m_server->widgets()->snapshot(restaurant).widgets) {
            if (widget.kind == WidgetKind::Ordering)
                m_ordering = widget.id;
        }
        QVERIFY(!m_ordering.isEmpty());
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void theSummariesFollowTheFrames()
    {
        oneSecond(4); // before the client looks: in the summary
        AnalyticsStack pc;
        QVERIFY(pc.go(*m_server, queries()));
        QCOMPARE(pc.funnel.counts().step(AnalyticsStep::View), 4);
        for (int i = 0; i < 5; ++i)
            oneSecond(2);
        QTRY_COMPARE_WITH_TIMEOUT(pc.funnel.counts().step(AnalyticsStep::View), 14, 5000);
        QString why;
        QVERIFY2(matchesServer(pc.sync, *m_server, &why), qPrintable(why));
        QCOMPARE(pc.sync.snapshotsLoaded(), 1); // kept current without reloading
        QCOMPARE(pc.funnel.counts().revenueCents, 6 * 1990);
    }

    void aReplayAfterAReconnectCountsEachFrameOnce()
    {
        AnalyticsStack pc;
        QVERIFY(pc.go(*m_server, queries()));
        oneSecond(3);
        QTRY_COMPARE_WITH_TIMEOUT(pc.funnel.counts().step(AnalyticsStep::View), 3, 5000);
        QSignalSpy states(&pc.base.realtime, &RealtimeService::stateChanged);
        m_server->abortAllConnections();
        // While the client is away (it is, until the event loop runs): fewer frames than the log
        // keeps, so the stream resumes.
        for (int i = 0; i < 6; ++i)
            oneSecond(1);
        QTRY_VERIFY_WITH_TIMEOUT(leftLive(states), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(pc.base.realtime.state(), ConnectionState::Live, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(pc.funnel.counts().step(AnalyticsStep::View), 9, 5000);
        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(matchesServer(pc.sync, *m_server, &why), qPrintable(why), 5000);
        QCOMPARE(pc.sync.snapshotsLoaded(), 1); // replayed, not reloaded
        // And live again from there.
        oneSecond(2);
        QTRY_COMPARE_WITH_TIMEOUT(pc.funnel.counts().step(AnalyticsStep::View), 11, 5000);
        QVERIFY2(matchesServer(pc.sync, *m_server, &why), qPrintable(why));
    }

    void aResyncLoadsTheSummaryAgainWithoutDoubleCounting()
    {
        AnalyticsStack pc;
        QVERIFY(pc.go(*m_server, queries()));
        oneSecond(2);
        QTRY_COMPARE_WITH_TIMEOUT(pc.funnel.counts().step(AnalyticsStep::View), 2, 5000);
        QSignalSpy states(&pc.base.realtime, &RealtimeService::stateChanged);
        m_server->abortAllConnections();
        // While the client is away: more frames than the log keeps (20), so the stream cannot be
        // resumed and a summary is owed.
        for (int i = 0; i < 30; ++i)
            oneSecond(1);
        m_server->eventLog()->prune();
        QTRY_VERIFY_WITH_TIMEOUT(leftLive(states), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(pc.sync.snapshotsLoaded(), 2, 10000);
        // Frames keep coming while and after it lands.
        for (int i = 0; i < 3; ++i)
            oneSecond(1);
        QTRY_COMPARE_WITH_TIMEOUT(pc.funnel.counts().step(AnalyticsStep::View), 35, 5000);
        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(matchesServer(pc.sync, *m_server, &why), qPrintable(why), 5000);
        QCOMPARE(pc.funnel.counts().revenueCents, 34 * 1990);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::HearthServer> m_server;
    QString m_ordering;
    qint64 m_session = 1;
};

QTEST_MAIN(TestIntegrationAnalytics)
#include "tst_integration_analytics.moc"
