#include "ui/analyticscharts.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace hearth {

namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;

QChart *quietChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation); // once a second: motion would only distract
    return chart;
}

// A round upper end for a count axis, so the labels read 0, 5, 10 … rather than 0, 3.4, 6.8.
qint64 niceCeiling(qint64 value)
{
    if (value <= 5)
        return 5;
    qint64 step = 1;
    while (step * 10 < value)
        step *= 10;
    for (qint64 factor : {1, 2, 5, 10}) {
        if (step * factor >= value)
            return step * factor;
    }
    return step * 10;
}

// Views per local hour of the day of `dayStartMs`, 24 entries (the summary's buckets may be
// minutes or hours).
QList<qint64> viewsByHour(const AnalyticsSummary &summary, qint64 dayStartMs)
{
    QList<qint64> hours(24, 0);
    for (const AnalyticsBucket &bucket : summary.series) {
        const qint64 offset = bucket.startMs - dayStartMs;
        if (offset < 0 || offset >= 24 * hourMs)
            continue;
        hours[offset / hourMs] += bucket.counts.step(AnalyticsStep::View);
    }
    return hours;
}

} // namespace

AnalyticsCharts::AnalyticsCharts(QWidget *parent)
    : QObject(parent),
      m_perMinute(new QLineSeries),
      m_minuteAxis(new QDateTimeAxis),
      m_minuteCounts(new QValueAxis),
      m_todaySeries(new QLineSeries),
      m_lastWeekSeries(new QLineSeries),
      m_hourCounts(new QValueAxis)
{
    QChart *lastHour = quietChart(tr("Widget events per minute, last hour"));
    m_perMinute->setName(tr("Events"));
    m_perMinute->setPen(QPen(QColor(0x2f, 0x6b, 0x4f), 2));
    lastHour->addSeries(m_perMinute);
    m_minuteAxis->setFormat(QStringLiteral("HH:mm"));
    m_minuteAxis->setTickCount(8); // ten minutes apart: the range starts on a round ten minutes
    // Counts are whole: 0 to a round maximum in five equal steps (niceCeiling divides by five).
    m_minuteCounts->setTickCount(6);
    m_minuteCounts->setLabelFormat(QStringLiteral("%d"));
    m_minuteCounts->setMin(0);
    lastHour->addAxis(m_minuteAxis, Qt::AlignBottom);
    lastHour->addAxis(m_minuteCounts, Qt::AlignLeft);
    m_perMinute->attachAxis(m_minuteAxis);
    m_perMinute->attachAxis(m_minuteCounts);
    lastHour->legend()->hide();
    m_lastHourView = new QChartView(lastHour, parent);
    m_lastHourView->setObjectName(QStringLiteral("lastHourChart"));
    m_lastHourView->setRenderHint(QPainter::Antialiasing);
    m_lastHourView->setMinimumHeight(180);

    QChart *weekday = quietChart(tr("Widget views per hour"));
    m_todaySeries->setPen(QPen(QColor(0x2f, 0x6b, 0x4f), 2.5));
    m_todaySeries->setPointsVisible(true); // just after midnight today is one point: it must show
    QPen lastWeekPen(QColor(0x8a, 0x8a, 0x8a), 1.5, Qt::DashLine);
    m_lastWeekSeries->setPen(lastWeekPen);
    weekday->addSeries(m_lastWeekSeries);
    weekday->addSeries(m_todaySeries);
    auto *hourAxis = new QValueAxis;
    hourAxis->setRange(0, 24);
    hourAxis->setTickCount(9);
    hourAxis->setLabelFormat(QStringLiteral("%d:00"));
    m_hourCounts->setTickCount(6);
    m_hourCounts->setLabelFormat(QStringLiteral("%d"));
    m_hourCounts->setMin(0);
    weekday->addAxis(hourAxis, Qt::AlignBottom);
    weekday->addAxis(m_hourCounts, Qt::AlignLeft);
    for (QLineSeries *series : {m_todaySeries, m_lastWeekSeries}) {
        series->attachAxis(hourAxis);
        series->attachAxis(m_hourCounts);
    }
    m_weekdayView = new QChartView(weekday, parent);
    m_weekdayView->setObjectName(QStringLiteral("weekdayChart"));
    m_weekdayView->setRenderHint(QPainter::Antialiasing);
    m_weekdayView->setMinimumHeight(180);
}

void AnalyticsCharts::update(const AnalyticsSummary &byMinute, const AnalyticsSummary &lastWeek, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 currentMinute = nowMs - nowMs % minuteMs;
    const qint64 firstMinute = currentMinute - 59 * minuteMs;

    // The last hour: 60 minutes, the current one included, zeros where nothing happened.
    m_lastHour = QList<qint64>(60, 0);
    for (const AnalyticsBucket &bucket : byMinute.series) {
        if (bucket.startMs >= firstMinute && bucket.startMs <= currentMinute)
            m_lastHour[(bucket.startMs - firstMinute) / minuteMs] += bucket.counts.total();
    }
    QList<QPointF> points;
    points.reserve(60);
    for (int i = 0; i < 60; ++i)
        points.append(QPointF(double(firstMinute + i * minuteMs), double(m_lastHour.at(i))));
    m_perMinute->replace(points);
    // Labels at 22:50, 23:00, …: the axis starts on the round ten minutes before the hour shown.
    const qint64 axisStart = firstMinute - firstMinute % (10 * minuteMs);
    m_minuteAxis->setRange(QDateTime::fromMSecsSinceEpoch(axisStart),
                           QDateTime::fromMSecsSinceEpoch(axisStart + 70 * minuteMs));
    m_minuteCounts->setMax(double(niceCeiling(*std::max_element(m_lastHour.cbegin(), m_lastHour.cend()))));

    // Today against the same weekday last week, hour by hour; today only up to the current hour.
    const QDateTime local = now.toLocalTime();
    const qint64 todayStart = local.date().startOfDay().toMSecsSinceEpoch();
    const qint64 lastWeekStart = local.date().addDays(-7).startOfDay().toMSecsSinceEpoch();
    m_today = viewsByHour(byMinute, todayStart);
    m_lastWeek = viewsByHour(lastWeek, lastWeekStart);
    const int currentHour = local.time().hour();
    QList<QPointF> today;
    QList<QPointF> before;
    // Each hour's count sits in the middle of its hour. Today's line stops at the last whole hour:
    // the hour under way would read as a sudden drop (the last hour has its own chart).
    for (int hour = 0; hour < 24; ++hour) {
        if (hour < currentHour)
            today.append(QPointF(hour + 0.5, double(m_today.at(hour))));
        before.append(QPointF(hour + 0.5, double(m_lastWeek.at(hour))));
    }
    m_todaySeries->replace(today);
    m_lastWeekSeries->replace(before);
    m_todaySeries->setName(tr("Today"));
    //: The same weekday a week ago, e.g. "Tuesday last week"
    m_lastWeekSeries->setName(tr("%1 last week").arg(QLocale().dayName(local.date().dayOfWeek())));
    const qint64 peak = std::max(*std::max_element(m_today.cbegin(), m_today.cend()),
                                 *std::max_element(m_lastWeek.cbegin(), m_lastWeek.cend()));
    m_hourCounts->setMax(double(niceCeiling(peak)));
}

} // namespace hearth
