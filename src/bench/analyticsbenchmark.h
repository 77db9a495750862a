#pragma once

// The analytics summary benchmark (issue 11: within 50 ms for a month of a busy restaurant):
// generates a month of website traffic with AnalyticsTraffic into a fresh hearth-server database
// and times GET /api/analytics/summary's query as the server runs it.
#include <QString>

namespace hearth::bench {

struct AnalyticsSummaryResult
{
    qint64 events = 0;           // raw events stored
    qint64 rollupRows = 0;       // per-minute rows the summary reads from
    double importSeconds = 0;
    double monthByDayMs = 0;     // median: a month, all widgets, day buckets
    double monthByHourMs = 0;    // median: a month, one widget, hour buckets
    double dayByMinuteMs = 0;    // median: today, all widgets, minute buckets
    double worstMs = 0;          // the slowest single summary of all runs
    QString database;            // "SQLite" or the PostgreSQL location without password
};

// `sessionsPerDay` guests a day over three widgets, for `days` days ending now. `location`
// empty: a temporary SQLite file; else a postgresql:// URL.
AnalyticsSummaryResult measureAnalyticsSummary(double sessionsPerDay, int days, const QString &location = {});

} // namespace hearth::bench
