// AnalyticsSync on its own, by the rules of docs/sync-pattern.md: summaries loaded on start and
// after a resync, frames added once after each summary's own watermark (never twice — not
// after a replay, not when the summary already holds them), frames during a load applied at once
// and merged, a lagging answer loaded again, failures and 401, stop, re-entrancy.
#include "syncfixture.h"

#include "core/analyticscodec.h"
#include "models/analyticsfeedmodel.h"
#include "models/analyticsfunnelmodel.h"
#include "realtime/channelevent.h"
#include "sync/analyticssync.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>

using namespace hearth;
using namespace hearth::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 hourMs = 3600 * 1000;
constexpr qint64 base = 1764633600000; // 2025-12-02 00:00 UTC

AnalyticsQuery dayQuery(const QString &widget = {})
{
    return AnalyticsQuery{widget, base, base + 24 * hourMs, hourMs};
}

FakeHttpServer::Response summaryResponse(const AnalyticsQuery &query, qint64 views, const QString &epoch, qint64 seq)
{
    AnalyticsSummary summary;
    summary.widgetId = query.widgetId;
    summary.fromMs = query.fromMs;
    summary.toMs = query.toMs;
    summary.bucketMs = query.bucketMs;
    summary.epoch = epoch;
    summary.seq = seq;
    if (views > 0) {
        summary.totals.add(AnalyticsStep::View, views, 0);
        summary.series.append(AnalyticsBucket{base, summary.totals});
    }
    return FakeHttpServer::Response::json(
        200, QJsonDocument(AnalyticsCodec::summaryToJson(summary)).toJson(QJsonDocument::Compact));
}

// One second's frame: `views` views of widget w1 at 10:05, and an order of `cents`.
ChannelEvent frame(qint64 seq, qint64 views, qint64 cents = 0)
{
    AnalyticsTick tick;
    tick.rows.append(AnalyticsRow{u"w1"_s, AnalyticsStep::View, base + 10 * hourMs + 5 * 60000, views, 0});
    tick.samples.append(AnalyticsSample{u"w1"_s, AnalyticsStep::View, base + 10 * hourMs + 5 * 60000, 0});
    if (cents > 0) {
        tick.rows.append(AnalyticsRow{u"w1"_s, AnalyticsStep::OrderCompleted, base + 10 * hourMs, 1, cents});
        tick.samples.append(AnalyticsSample{u"w1"_s, AnalyticsStep::OrderCompleted, base + 10 * hourMs, cents});
    }
    return ChannelEvent{u"analytics"_s, seq, u"analytics.event"_s, AnalyticsCodec::tickToJson(tick),
                        QDateTime::currentDateTimeUtc()};
}

struct Stack : SyncFixture
{
    AnalyticsSync sync{&realtime, &rest};
    AnalyticsFunnelModel funnel;
    AnalyticsFeedModel feed;
    QAbstractItemModelTester funnelTester{&funnel, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester feedTester{&feed, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QSignalSpy replaced{&sync, &AnalyticsSync::summariesReplaced};
    QSignalSpy loaded{&sync, &AnalyticsSync::snapshotLoaded};

    explicit Stack(const QList<AnalyticsQuery> &queries = {dayQuery()})
    {
        const auto show = [this] {
            funnel.setCounts(sync.summaries().isEmpty() ? AnalyticsCounts{} : sync.summaries().constFirst().totals);
        };
        QObject::connect(&sync, &AnalyticsSync::summariesReplaced, &funnel, show);
        QObject::connect(&sync, &AnalyticsSync::summariesUpdated, &funnel,
                         [this, show](const QList<AnalyticsSample> &samples) {
                             show();
                             feed.addSamples(samples);
                         });
        // The stream's position, as the service would hold it once subscribed.
        realtime.setSyncPosition(u"analytics"_s, SyncPosition{u"e1"_s, 0});
        sync.setQueries(queries);
        sync.start();
    }

    void requireSnapshot(qint64 serverSeq, const QString &epoch = u"e1"_s)
    {
        emit realtime.snapshotRequired(AnalyticsSync::channelName(), SyncPosition{epoch, serverSeq});
    }
    void stream(const QList<ChannelEvent> &events)
    {
        qint64 newest = realtime.syncPosition(u"analytics"_s).seq;
        for (const ChannelEvent &event : events)
            newest = std::max(newest, event.seq);
        realtime.setSyncPosition(u"analytics"_s, SyncPosition{realtime.syncPosition(u"analytics"_s).epoch, newest});
        emit realtime.channelEvents(AnalyticsSync::channelName(), events);
    }
    bool waitForRequests(qsizetype count) { return QTest::qWaitFor([&] { return http.requests.size() >= count; }, 10000); }
    qint64 views(int index = 0) const { return sync.summaries().at(index).totals.step(AnalyticsStep::View); }
};

} // namespace

class TestAnalyticsSync final : public QObject
{
    Q_OBJECT

private slots:
    void theSummaryIsLoadedOnStartAndFramesAfterItAreAdded()
    {
        Stack stack;
        QVERIFY(stack.sync.isLoadingSnapshot());
        QVERIFY(stack.waitForRequests(1));
        const FakeHttpServer::Request request = stack.http.requests.constFirst();
        QCOMPARE(request.path, QByteArrayLiteral("/api/analytics/summary"));
        QVERIFY(request.query.contains("from=1764633600000"));
        QVERIFY(request.query.contains("bucket=3600"));
        QVERIFY(stack.http.answer(0, summaryResponse(dayQuery(), 10, u"e1"_s, 5)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QCOMPARE(stack.views(), 10);
        QCOMPARE(stack.funnel.counts().step(AnalyticsStep::View), 10);

        // Seq 5 is in the summary already; 6 and 7 are new.
        stack.stream({frame(4, 100), frame(5, 100), frame(6, 2, 2500), frame(7, 3)});
        QCOMPARE(stack.views(), 15);
        QCOMPARE(stack.sync.summaries().constFirst().totals.revenueCents, 2500);
        // The loaded bucket at midnight, and the 10:00 bucket the frames made.
        QCOMPARE(stack.sync.summaries().constFirst().series.size(), 2);
        QCOMPARE(stack.sync.summaries().constFirst().series.at(1).startMs, base + 10 * hourMs);
        QCOMPARE(stack.sync.summaries().constFirst().series.at(1).counts.step(AnalyticsStep::View), 5);
        QCOMPARE(stack.funnel.counts().stage(FunnelStage::Completed), 1);
        QCOMPARE(stack.feed.rowCount(), 3); // the samples of frames 6 and 7 only
        // A replay of what was delivered (a reconnect that resumed too early) adds nothing.
        stack.stream({frame(6, 2, 2500), frame(7, 3)});
        QCOMPARE(stack.views(), 15);
        QCOMPARE(stack.feed.rowCount(), 3);
        QCOMPARE(stack.http.requests.size(), 1); // kept current without reloading
    }

    void framesDuringALoadAreAppliedAtOnceAndCountedOnceAfterIt()
    {
        Stack stack;
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, summaryResponse(dayQuery(), 10, u"e1"_s, 5)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        stack.requireSnapshot(7);
        QVERIFY(stack.sync.isLoadingSnapshot());
        QVERIFY(stack.waitForRequests(2));
        stack.stream({frame(8, 1)});
        QCOMPARE(stack.views(), 11); // at once, on the old summary
        stack.stream({frame(9, 4)});
        QCOMPARE(stack.sync.keptTicks(), 2);
        // The new summary holds up to 8: frame 9 is added to it, frame 8 is not.
        QVERIFY(stack.http.answer(1, summaryResponse(dayQuery(), 30, u"e1"_s, 8)));
        QTRY_COMPARE(stack.loaded.size(), 2);
        QCOMPARE(stack.views(), 34);
        QCOMPARE(stack.sync.keptTicks(), 0);
        QCOMPARE(stack.realtime.syncPosition(u"analytics"_s).seq, 9);
        stack.stream({frame(9, 4), frame(10, 1)});
        QCOMPARE(stack.views(), 35);
    }

    void eachSummaryTakesFramesAfterItsOwnWatermark()
    {
        const AnalyticsQuery other = dayQuery(u"w1"_s);
        Stack stack({dayQuery(), other});
        QVERIFY(stack.waitForRequests(2));
        QVERIFY(stack.http.answer(0, summaryResponse(dayQuery(), 10, u"e1"_s, 5)));
        QVERIFY(stack.http.answer(1, summaryResponse(other, 20, u"e1"_s, 7)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        // The stream goes on after the older watermark.
        QCOMPARE(stack.loaded.constFirst().constFirst().value<SyncPosition>().seq, 5);
        stack.stream({frame(6, 1), frame(7, 1), frame(8, 1)});
        QCOMPARE(stack.views(0), 13);
        QCOMPARE(stack.views(1), 21);
    }

    void aSummaryBehindTheStreamIsLoadedAgain()
    {
        Stack stack;
        stack.requireSnapshot(10);
        QVERIFY(stack.waitForRequests(2)); // start's load, superseded by the resync's
        QVERIFY(stack.http.answer(1, summaryResponse(dayQuery(), 10, u"e1"_s, 8)));
        QVERIFY(stack.waitForRequests(3));
        QCOMPARE(stack.loaded.size(), 0);
        QVERIFY(stack.sync.isSnapshotOwed());
        // The superseded first answer is ignored when it comes.
        QVERIFY(stack.http.answer(0, summaryResponse(dayQuery(), 99, u"e1"_s, 10)));
        QVERIFY(stack.http.answer(2, summaryResponse(dayQuery(), 12, u"e1"_s, 10)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QCOMPARE(stack.views(), 12);
    }

    void framesOfAnotherLogAreNeverMerged()
    {
        Stack stack;
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, summaryResponse(dayQuery(), 10, u"e1"_s, 5)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        stack.requireSnapshot(0, u"e2"_s);
        QVERIFY(stack.waitForRequests(2));
        stack.stream({frame(6, 7)}); // still e1's stream: applied to e1's summary, kept as e1's
        QCOMPARE(stack.views(), 17);
        QVERIFY(stack.http.answer(1, summaryResponse(dayQuery(), 3, u"e2"_s, 1)));
        QTRY_COMPARE(stack.loaded.size(), 2);
        QCOMPARE(stack.views(), 3);
    }

    void aFailureRetriesAndSaysSo()
    {
        Stack stack;
        QSignalSpy failed(&stack.sync, &AnalyticsSync::snapshotFailed);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, errorResponse(500)));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(!stack.sync.snapshotProblem().isEmpty());
        QVERIFY(stack.sync.isSnapshotOwed());
        QVERIFY(stack.waitForRequests(2)); // after the back-off
        QVERIFY(stack.http.answer(1, summaryResponse(dayQuery(), 1, u"e1"_s, 1)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        QVERIFY(stack.sync.snapshotProblem().isEmpty());
    }

    void unauthorizedEndsTheRetriesButNotTheDebt()
    {
        Stack stack;
        QSignalSpy failed(&stack.sync, &AnalyticsSync::snapshotFailed);
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, errorResponse(401)));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(!stack.sync.isLoadingSnapshot());
        QVERIFY(stack.sync.isSnapshotOwed());
        stack.sync.start(); // signed in again
        QVERIFY(stack.waitForRequests(2));
        QVERIFY(stack.http.answer(1, summaryResponse(dayQuery(), 2, u"e1"_s, 1)));
        QTRY_COMPARE(stack.loaded.size(), 1);
    }

    void stopForgetsEverything()
    {
        Stack stack;
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, summaryResponse(dayQuery(), 10, u"e1"_s, 5)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        stack.sync.stop();
        QVERIFY(stack.sync.summaries().isEmpty());
        QCOMPARE(stack.funnel.counts().total(), 0);
        stack.stream({frame(6, 1)});
        QVERIFY(stack.sync.summaries().isEmpty());
        QVERIFY(!stack.sync.isSnapshotOwed());
    }

    void aReceiverMayAskAgainFromInsideTheSignal()
    {
        bool askedOnce = false; // before the stack: its stop() on destruction still signals the lambda
        Stack stack;
        QObject::connect(&stack.sync, &AnalyticsSync::summariesReplaced, &stack.sync, [&] {
            if (askedOnce || stack.sync.summaries().isEmpty())
                return;
            askedOnce = true;
            QVERIFY(!stack.sync.isLoadingSnapshot()); // settled before the signal
            stack.sync.requestSnapshot();
        });
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, summaryResponse(dayQuery(), 10, u"e1"_s, 5)));
        QTRY_VERIFY(askedOnce);
        QVERIFY(stack.sync.isLoadingSnapshot());
        QVERIFY(stack.waitForRequests(2));
        QVERIFY(stack.http.answer(1, summaryResponse(dayQuery(), 11, u"e1"_s, 6)));
        QTRY_COMPARE(stack.loaded.size(), 2);
        QCOMPARE(stack.views(), 11);
    }

    void aNewRangeLoadsAnew()
    {
        Stack stack;
        QVERIFY(stack.waitForRequests(1));
        QVERIFY(stack.http.answer(0, summaryResponse(dayQuery(), 10, u"e1"_s, 5)));
        QTRY_COMPARE(stack.loaded.size(), 1);
        const AnalyticsQuery week{{}, base - 6 * 24 * hourMs, base + 24 * hourMs, 24 * hourMs};
        stack.sync.setQueries({week});
        QVERIFY(stack.waitForRequests(2));
        QVERIFY(stack.http.requests.at(1).query.contains("bucket=86400"));
        QVERIFY(stack.http.answer(1, summaryResponse(week, 70, u"e1"_s, 5)));
        QTRY_COMPARE(stack.loaded.size(), 2);
        QCOMPARE(stack.views(), 70);
    }
};

QTEST_GUILESS_MAIN(TestAnalyticsSync)
#include "tst_analyticssync.moc"
