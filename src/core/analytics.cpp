#include "core/analytics.h"

#include <QLatin1StringView>

#include <algorithm>

namespace hearth {

namespace {

constexpr std::array<QLatin1StringView, analyticsStepCount> stepNames{
    QLatin1StringView("view"),          QLatin1StringView("open"),
    QLatin1StringView("booking_started"), QLatin1StringView("booking_completed"),
    QLatin1StringView("order_started"), QLatin1StringView("order_completed"),
};

} // namespace

QString analyticsStepToWire(AnalyticsStep step)
{
    return QString(stepNames[std::size_t(step)]);
}

std::optional<AnalyticsStep> analyticsStepFromWire(const QString &name)
{
    for (std::size_t i = 0; i < stepNames.size(); ++i) {
        if (name == stepNames[i])
            return AnalyticsStep(i);
    }
    return std::nullopt;
}

FunnelStage funnelStageOf(AnalyticsStep step)
{
    switch (step) {
    case AnalyticsStep::View: return FunnelStage::Viewed;
    case AnalyticsStep::Open: return FunnelStage::Opened;
    case AnalyticsStep::BookingStarted:
    case AnalyticsStep::OrderStarted: return FunnelStage::Started;
    case AnalyticsStep::BookingCompleted:
    case AnalyticsStep::OrderCompleted: return FunnelStage::Completed;
    }
    return FunnelStage::Viewed;
}

qint64 AnalyticsCounts::stage(FunnelStage wanted) const
{
    qint64 sum = 0;
    for (int i = 0; i < analyticsStepCount; ++i) {
        if (funnelStageOf(AnalyticsStep(i)) == wanted)
            sum += steps[std::size_t(i)];
    }
    return sum;
}

qint64 AnalyticsCounts::total() const
{
    qint64 sum = 0;
    for (qint64 count : steps)
        sum += count;
    return sum;
}

double AnalyticsCounts::conversion(FunnelStage wanted) const
{
    if (wanted == FunnelStage::Viewed)
        return stage(FunnelStage::Viewed) > 0 ? 1.0 : 0.0;
    const qint64 before = stage(FunnelStage(int(wanted) - 1));
    return before > 0 ? double(stage(wanted)) / double(before) : 0.0;
}

double AnalyticsCounts::overallConversion() const
{
    const qint64 viewed = stage(FunnelStage::Viewed);
    return viewed > 0 ? double(stage(FunnelStage::Completed)) / double(viewed) : 0.0;
}

void AnalyticsCounts::add(AnalyticsStep step, qint64 count, qint64 valueCents)
{
    steps[std::size_t(step)] += count;
    // A value on a view or a started order is what the guest looked at, not money taken.
    if (funnelStageOf(step) == FunnelStage::Completed)
        revenueCents += valueCents;
}

AnalyticsCounts &AnalyticsCounts::operator+=(const AnalyticsCounts &other)
{
    for (std::size_t i = 0; i < steps.size(); ++i)
        steps[i] += other.steps[i];
    revenueCents += other.revenueCents;
    return *this;
}

bool applyTick(AnalyticsSummary *summary, const AnalyticsTick &tick)
{
    const AnalyticsQuery query = summary->query();
    if (query.bucketMs <= 0)
        return false;
    bool added = false;
    for (const AnalyticsRow &row : tick.rows) {
        if (!query.covers(row.widgetId, row.minuteMs) || row.count <= 0)
            continue;
        const qint64 start = query.fromMs + (row.minuteMs - query.fromMs) / query.bucketMs * query.bucketMs;
        auto bucket = std::lower_bound(summary->series.begin(), summary->series.end(), start,
                                       [](const AnalyticsBucket &b, qint64 value) { return b.startMs < value; });
        if (bucket == summary->series.end() || bucket->startMs != start)
            bucket = summary->series.insert(bucket, AnalyticsBucket{start, {}});
        bucket->counts.add(row.step, row.count, row.valueCents);
        summary->totals.add(row.step, row.count, row.valueCents);
        added = true;
    }
    return added;
}

} // namespace hearth
