// The Analytics page's models under QAbstractItemModelTester: the funnel's figures and its one
// span of changes, the live feed's bound over a long shift, and applyTick's bucketing.
#include "models/analyticsfeedmodel.h"
#include "models/analyticsfunnelmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

AnalyticsCounts counts(qint64 views, qint64 opens, qint64 started, qint64 completed, qint64 cents = 0)
{
    AnalyticsCounts result;
    result.add(AnalyticsStep::View, views, 0);
    result.add(AnalyticsStep::Open, opens, 0);
    result.add(AnalyticsStep::OrderStarted, started, 0);
    result.add(AnalyticsStep::OrderCompleted, completed, cents);
    return result;
}

} // namespace

class TestAnalyticsModels final : public QObject
{
    Q_OBJECT

private slots:
    void theFunnelShowsCountsAndConversions()
    {
        AnalyticsFunnelModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(1, AnalyticsFunnelModel::ConversionColumn).data().toString(), u"–");
        model.setCounts(counts(200, 80, 40, 30, 123450));
        QCOMPARE(model.index(0, AnalyticsFunnelModel::CountColumn).data(AnalyticsFunnelModel::ValueRole).toLongLong(), 200);
        QCOMPARE(model.index(1, AnalyticsFunnelModel::ConversionColumn).data(AnalyticsFunnelModel::ValueRole).toDouble(), 0.4);
        QCOMPARE(model.index(3, AnalyticsFunnelModel::ConversionColumn).data(AnalyticsFunnelModel::ValueRole).toDouble(), 0.75);
        QCOMPARE(model.index(3, AnalyticsFunnelModel::ShareColumn).data(AnalyticsFunnelModel::ValueRole).toDouble(), 0.15);
        QVERIFY(model.index(3, AnalyticsFunnelModel::ConversionColumn).data().toString().contains(u"75"));
        QCOMPARE(model.counts().revenueCents, 123450);
    }

    void aChangeIsOneSpanFromTheFirstChangedStage()
    {
        AnalyticsFunnelModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCounts(counts(200, 80, 40, 30));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCounts(counts(200, 80, 41, 30));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), 3);
        model.setCounts(counts(200, 80, 41, 30));
        QCOMPARE(changed.size(), 1); // nothing new, nothing said
        model.setCounts(counts(201, 80, 41, 30));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 0); // every share moved
    }

    void theFeedKeepsTheNewestAndStaysBounded()
    {
        AnalyticsFeedModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxRows(50);
        model.setWidgetNames({{u"w1"_s, u"Online ordering"_s}});
        // A 12-hour shift of one batch a second.
        for (int second = 0; second < 12 * 3600; second += 60) {
            QList<AnalyticsSample> batch;
            for (int i = 0; i < 3; ++i)
                batch.append(AnalyticsSample{u"w1"_s, AnalyticsStep::View, qint64(second) * 1000 + i, 0});
            model.addSamples(batch);
        }
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.index(0, 0).data(AnalyticsFeedModel::TimestampRole).toLongLong(), qint64(12 * 3600 - 60) * 1000 + 2);
        QCOMPARE(model.index(0, AnalyticsFeedModel::WidgetColumn).data().toString(), u"Online ordering");
        QList<AnalyticsSample> big;
        for (int i = 0; i < 120; ++i)
            big.append(AnalyticsSample{u"w2"_s, AnalyticsStep::OrderCompleted, 100000000 + i, 2500});
        model.addSamples(big);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.index(0, 0).data(AnalyticsFeedModel::TimestampRole).toLongLong(), 100000119);
        QCOMPARE(model.index(0, AnalyticsFeedModel::WidgetColumn).data().toString(), u"w2");
        QVERIFY(!model.index(0, AnalyticsFeedModel::ValueColumn).data().toString().isEmpty());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void aTickLandsInItsBucketAndOnlyInRange()
    {
        constexpr qint64 hour = 3600 * 1000;
        AnalyticsSummary summary;
        summary.fromMs = 10 * hour;
        summary.toMs = 14 * hour;
        summary.bucketMs = hour;
        summary.series.append(AnalyticsBucket{12 * hour, {}});
        AnalyticsTick tick;
        tick.rows = {AnalyticsRow{u"w"_s, AnalyticsStep::View, 11 * hour + 60000, 2, 0},
                     AnalyticsRow{u"w"_s, AnalyticsStep::View, 13 * hour, 1, 0},
                     AnalyticsRow{u"w"_s, AnalyticsStep::OrderCompleted, 13 * hour + 59 * 60000, 1, 4200},
                     AnalyticsRow{u"w"_s, AnalyticsStep::View, 14 * hour, 5, 0},   // after the range
                     AnalyticsRow{u"w"_s, AnalyticsStep::View, 9 * hour, 5, 0}};   // before it
        QVERIFY(applyTick(&summary, tick));
        QCOMPARE(summary.totals.step(AnalyticsStep::View), 3);
        QCOMPARE(summary.totals.revenueCents, 4200);
        QCOMPARE(summary.series.size(), 3);
        QCOMPARE(summary.series.at(0).startMs, 11 * hour);
        QCOMPARE(summary.series.at(1).startMs, 12 * hour);
        QCOMPARE(summary.series.at(2).startMs, 13 * hour);
        QCOMPARE(summary.series.at(2).counts.total(), 2);
        summary.widgetId = u"other"_s;
        QVERIFY(!applyTick(&summary, tick));
    }
};

QTEST_GUILESS_MAIN(TestAnalyticsModels)
#include "tst_analyticsmodels.moc"
