#include "server/analyticstraffic.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cmath>

namespace hearth::server {

namespace {

// Guests per local hour relative to the daily mean (they average to 1 over the day).
constexpr std::array<double, 24> hourShape{
    0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.15, 0.35, 0.50, 0.60, 0.80, 1.30,
    2.00, 1.70, 0.90, 0.70, 0.90, 1.80, 3.00, 3.40, 2.60, 1.40, 0.60, 0.20,
};

double shapeMean()
{
    double sum = 0;
    for (double value : hourShape)
        sum += value;
    return sum / double(hourShape.size());
}

// How many guests take the next step, of those at this one.
constexpr double openRate = 0.42;
constexpr double bookingStartRate = 0.55;
constexpr double bookingCompleteRate = 0.72;
constexpr double orderStartRate = 0.48;
constexpr double orderCompleteRate = 0.63;

} // namespace

AnalyticsTraffic::AnalyticsTraffic(quint32 seed, double sessionsPerDay)
    : m_random(seed), m_sessionsPerDay(sessionsPerDay)
{
}

double AnalyticsTraffic::rateFactor(qint64 ms)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    const int weekday = local.date().dayOfWeek(); // 1 Monday … 7 Sunday
    const double dayFactor = weekday == 5 || weekday == 6 ? 1.3 : weekday == 1 ? 0.75 : 1.0;
    static const double mean = shapeMean();
    return hourShape[std::size_t(local.time().hour())] / mean * dayFactor;
}

QList<AnalyticsRecord> AnalyticsTraffic::visits(const QList<TrafficWidget> &widgets, qint64 fromMs, qint64 toMs)
{
    QList<AnalyticsRecord> out;
    if (widgets.isEmpty() || toMs <= fromMs)
        return out;
    constexpr qint64 minuteMs = 60 * 1000;
    const double perWidgetPerMs = m_sessionsPerDay / double(widgets.size()) / (24.0 * 3600 * 1000);
    // Minute by minute, so the rate follows the clock; a partial minute gets its share.
    for (qint64 start = fromMs; start < toMs;) {
        const qint64 end = std::min(toMs, start - start % minuteMs + minuteMs);
        const double mean = perWidgetPerMs * double(end - start) * rateFactor(start);
        for (const TrafficWidget &widget : widgets) {
            const int guests = poisson(mean);
            for (int i = 0; i < guests; ++i)
                visit(widget, start + qint64(m_random.bounded(double(end - start))), &out);
        }
        start = end;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const AnalyticsRecord &a, const AnalyticsRecord &b) { return a.tsMs < b.tsMs; });
    return out;
}

void AnalyticsTraffic::visit(const TrafficWidget &widget, qint64 startMs, QList<AnalyticsRecord> *out)
{
    const qint64 session = qint64(m_random.generate64() >> 1);
    qint64 ts = startMs;
    const auto step = [&](AnalyticsStep kind, qint64 minDelayS, qint64 maxDelayS, qint64 value = 0) {
        ts += (minDelayS + qint64(m_random.bounded(int(maxDelayS - minDelayS + 1)))) * 1000;
        out->append(AnalyticsRecord{widget.id, kind, session, ts, value});
    };
    out->append(AnalyticsRecord{widget.id, AnalyticsStep::View, session, ts, 0});
    if (m_random.generateDouble() >= openRate)
        return;
    step(AnalyticsStep::Open, 2, 25);
    if (widget.kind == WidgetKind::Booking) {
        if (m_random.generateDouble() >= bookingStartRate)
            return;
        step(AnalyticsStep::BookingStarted, 5, 60);
        if (m_random.generateDouble() < bookingCompleteRate)
            step(AnalyticsStep::BookingCompleted, 30, 240);
        return;
    }
    if (m_random.generateDouble() >= orderStartRate)
        return;
    step(AnalyticsStep::OrderStarted, 5, 60);
    if (m_random.generateDouble() < orderCompleteRate) {
        // Baskets of €14–€95, most around €30–€45.
        const double basket = 1400 + 2600 * (m_random.generateDouble() + m_random.generateDouble())
            + (m_random.generateDouble() < 0.15 ? 3000 * m_random.generateDouble() : 0);
        step(AnalyticsStep::OrderCompleted, 60, 420, qint64(basket / 10) * 10);
    }
}

int AnalyticsTraffic::poisson(double mean)
{
    if (mean <= 0)
        return 0;
    if (mean > 30) // normal approximation; only the benchmark's busiest minutes get here
        return std::max(0, int(std::lround(mean + std::sqrt(mean) * (m_random.generateDouble() * 2 - 1))));
    const double limit = std::exp(-mean);
    double product = m_random.generateDouble();
    int count = 0;
    while (product > limit) {
        ++count;
        product *= m_random.generateDouble();
    }
    return count;
}

} // namespace hearth::server
