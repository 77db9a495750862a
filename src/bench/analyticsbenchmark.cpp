#include "bench/analyticsbenchmark.h"

#include "server/analyticsrepository.h"
#include "server/analyticsservice.h"
#include "server/analyticstraffic.h"
#include "server/database.h"
#include "server/eventlog.h"
#include "server/migrations.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace hearth::bench {

namespace {

using namespace hearth::server;

constexpr int runs = 25;
const QString restaurant = QStringLiteral("bench");

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

AnalyticsSummaryResult measureAnalyticsSummary(double sessionsPerDay, int days, const QString &location)
{
    AnalyticsSummaryResult result;
    QTemporaryDir dir;
    Database database;
    QString problem;
    const QString where = location.isEmpty() ? dir.filePath(QStringLiteral("bench.db")) : location;
    result.database = location.isEmpty() ? QStringLiteral("SQLite") : Database::displayLocation(location);
    if (!database.open(where, &problem) || !Migrations::apply(database.connection(), &problem)
        || !database.loadEpoch(&problem)) {
        std::fprintf(stderr, "analytics benchmark: %s\n", qPrintable(problem));
        return result;
    }
    EventLog events(&database, 100000);
    AnalyticsRepository repository(&database);
    AnalyticsService analytics(&database, &repository, &events);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 dayMs = 24LL * 3600 * 1000;
    const QList<TrafficWidget> widgets{{QStringLiteral("w-booking"), WidgetKind::Booking},
                                       {QStringLiteral("w-ordering"), WidgetKind::Ordering},
                                       {QStringLiteral("w-catering"), WidgetKind::Ordering}};
    AnalyticsTraffic traffic(20261202, sessionsPerDay);
    QElapsedTimer importing;
    importing.start();
    // A day per transaction, as a server's flushes would have written it over the month.
    for (int day = days; day > 0; --day) {
        const qint64 from = now - qint64(day) * dayMs;
        QList<AnalyticsRecord> records = traffic.visits(widgets, from, from + dayMs);
        result.events += records.size();
        if (!analytics.importHistory(restaurant, records)) {
            std::fprintf(stderr, "analytics benchmark: the import failed\n");
            return result;
        }
    }
    result.importSeconds = double(importing.elapsed()) / 1000;
    QSqlQuery count(database.connection());
    if (count.exec(QStringLiteral("SELECT COUNT(*) FROM analytics_minutes")) && count.next())
        result.rollupRows = count.value(0).toLongLong();
    if (database.isPostgres())
        QSqlQuery(database.connection()).exec(QStringLiteral("ANALYZE"));

    const qint64 todayStart = now - now % dayMs;
    const auto time = [&](const QString &widget, qint64 from, qint64 to, qint64 bucketMs) {
        QList<double> samples;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            const std::optional<AnalyticsSummary> summary = analytics.summary(restaurant, widget, from, to, bucketMs);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (!summary || summary->totals.total() == 0)
                return -1.0;
            samples.append(ms);
            result.worstMs = std::max(result.worstMs, ms);
        }
        return median(samples);
    };
    // As the Analytics page asks: whole days up to the end of today.
    const qint64 todayEnd = todayStart + dayMs;
    result.monthByDayMs = time({}, todayEnd - qint64(days) * dayMs, todayEnd, dayMs);
    result.monthByHourMs = time(QStringLiteral("w-ordering"), todayEnd - qint64(days) * dayMs, todayEnd, 3600 * 1000);
    result.dayByMinuteMs = time({}, todayStart - dayMs, todayStart + dayMs, 60 * 1000);
    return result;
}

} // namespace hearth::bench
