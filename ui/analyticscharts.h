#pragma once

// The two charts of the Analytics page: widget events per minute over the last hour, and widget
// views per hour today against the same weekday last week. They are redrawn from the summaries
// AnalyticsSync keeps (a few dozen points, once a second at most), never from raw events.
#include "core/analytics.h"

#include <QDateTime>
#include <QObject>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
class QWidget;

namespace hearth {

class AnalyticsCharts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsCharts)

public:
    explicit AnalyticsCharts(QWidget *parent);

    QChartView *lastHourView() const { return m_lastHourView; }
    QChartView *weekdayView() const { return m_weekdayView; }

    // `byMinute`: a summary by minute that covers the last hour and today; `lastWeek`: the same
    // weekday a week ago, by hour (either may be empty before the first load).
    void update(const AnalyticsSummary &byMinute, const AnalyticsSummary &lastWeek, const QDateTime &now);

    // The points drawn, for tests: events per minute (oldest first), views per hour.
    QList<qint64> lastHourCounts() const { return m_lastHour; }
    QList<qint64> todayByHour() const { return m_today; }
    QList<qint64> lastWeekByHour() const { return m_lastWeek; }

private:
    QChartView *m_lastHourView;
    QChartView *m_weekdayView;
    QLineSeries *m_perMinute;
    QDateTimeAxis *m_minuteAxis;
    QValueAxis *m_minuteCounts;
    QLineSeries *m_todaySeries;
    QLineSeries *m_lastWeekSeries;
    QValueAxis *m_hourCounts;
    QList<qint64> m_lastHour;
    QList<qint64> m_today;
    QList<qint64> m_lastWeek;
};

} // namespace hearth
