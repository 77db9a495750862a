#pragma once

// The widget analytics domain shared by hearth-server and the dashboard: the six steps a guest
// takes on a website widget, how they fold into a four-stage funnel, and the counts of one
// period. No I/O here; AnalyticsCodec maps it to the wire.
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace hearth {

enum class AnalyticsStep { View, Open, BookingStarted, BookingCompleted, OrderStarted, OrderCompleted };
inline constexpr int analyticsStepCount = 6;

// "view", "open", "booking_started", "booking_completed", "order_started", "order_completed".
QString analyticsStepToWire(AnalyticsStep step);
std::optional<AnalyticsStep> analyticsStepFromWire(const QString &name);

// Booking and ordering share the first two stages and differ only in what is started and
// completed, so one funnel describes both kinds of widget (and all widgets together).
enum class FunnelStage { Viewed, Opened, Started, Completed };
inline constexpr int funnelStageCount = 4;
FunnelStage funnelStageOf(AnalyticsStep step);

// Counts of each step and the revenue of completed orders and bookings, over some period.
struct AnalyticsCounts
{
    std::array<qint64, analyticsStepCount> steps{};
    qint64 revenueCents = 0;

    qint64 step(AnalyticsStep step) const { return steps[std::size_t(step)]; }
    qint64 stage(FunnelStage stage) const;
    qint64 total() const;
    // Of one stage against the one before it (Viewed: 1 when anything was viewed); 0 when the
    // stage before it is 0.
    double conversion(FunnelStage stage) const;
    // Completed against viewed.
    double overallConversion() const;
    void add(AnalyticsStep step, qint64 count, qint64 valueCents);
    AnalyticsCounts &operator+=(const AnalyticsCounts &other);

    friend bool operator==(const AnalyticsCounts &a, const AnalyticsCounts &b)
    {
        return a.steps == b.steps && a.revenueCents == b.revenueCents;
    }
    friend bool operator!=(const AnalyticsCounts &a, const AnalyticsCounts &b) { return !(a == b); }
};

// One bucket of a summary's series: its start (ms since the Unix epoch, UTC) and its counts.
struct AnalyticsBucket
{
    qint64 startMs = 0;
    AnalyticsCounts counts;
};

// What a summary covers: [fromMs, toMs) in buckets of bucketMs counted from fromMs, of one widget
// or (empty) all of them.
struct AnalyticsQuery
{
    QString widgetId;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 bucketMs = 3600 * 1000;

    bool covers(const QString &widget, qint64 minuteMs) const
    {
        return (widgetId.isEmpty() || widget == widgetId) && minuteMs >= fromMs && minuteMs < toMs;
    }
    friend bool operator==(const AnalyticsQuery &a, const AnalyticsQuery &b)
    {
        return a.widgetId == b.widgetId && a.fromMs == b.fromMs && a.toMs == b.toMs && a.bucketMs == b.bucketMs;
    }
    friend bool operator!=(const AnalyticsQuery &a, const AnalyticsQuery &b) { return !(a == b); }
};

// GET /api/analytics/summary: the totals and series of [fromMs, toMs) for one widget or all,
// with the analytics channel's watermark (the summary holds every event up to `seq`).
struct AnalyticsSummary
{
    QString widgetId;         // empty: every widget
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 bucketMs = 3600 * 1000;
    AnalyticsCounts totals;
    QList<AnalyticsBucket> series; // buckets with something in them, oldest first
    QString epoch;
    qint64 seq = 0;

    AnalyticsQuery query() const { return AnalyticsQuery{widgetId, fromMs, toMs, bucketMs}; }
};

// What the analytics channel carries once a second: the events of that second folded per
// widget, step and minute (by the event's own timestamp), and a few of them as they were, for
// a live feed.
struct AnalyticsRow
{
    QString widgetId;
    AnalyticsStep step = AnalyticsStep::View;
    qint64 minuteMs = 0;   // the start of the minute the events happened in
    qint64 count = 0;
    qint64 valueCents = 0;
};

struct AnalyticsSample
{
    QString widgetId;
    AnalyticsStep step = AnalyticsStep::View;
    qint64 tsMs = 0;
    qint64 valueCents = 0;
};

struct AnalyticsTick
{
    static constexpr int maxSamples = 20;
    QList<AnalyticsRow> rows;
    QList<AnalyticsSample> samples; // at most maxSamples, oldest first
};

// Adds a channel tick's rows that fall in the summary's range and widget to its totals and to
// their buckets (the buckets stay in order; a new one is inserted where it belongs), as the
// server would have counted them. True when anything was added.
bool applyTick(AnalyticsSummary *summary, const AnalyticsTick &tick);

} // namespace hearth
