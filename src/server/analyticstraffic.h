#pragma once

// Believable website traffic for the demo, the simulator and the benchmark: guests arrive at a
// rate that follows the restaurant's day (quiet mornings, a lunch bump, a dinner peak, busier
// Fridays and Saturdays, local time) and drop off at every step of the funnel; completed orders
// carry a basket value. Deterministic for a seed, so fixtures and benchmarks repeat.
#include "core/widgetconfig.h"
#include "server/analyticsrepository.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace hearth::server {

struct TrafficWidget
{
    QString id;
    WidgetKind kind = WidgetKind::Booking;
};

class AnalyticsTraffic final
{
public:
    // `sessionsPerDay`: guests who see one of the widgets on an average weekday, all widgets.
    AnalyticsTraffic(quint32 seed, double sessionsPerDay);

    // The events of the guests whose visit starts in [fromMs, toMs), oldest first; a visit's
    // later steps may lie after toMs.
    QList<AnalyticsRecord> visits(const QList<TrafficWidget> &widgets, qint64 fromMs, qint64 toMs);
    // Relative arrival rate at a local time (1 = the day's average).
    static double rateFactor(qint64 ms);

private:
    void visit(const TrafficWidget &widget, qint64 startMs, QList<AnalyticsRecord> *out);
    int poisson(double mean);

    QRandomGenerator m_random;
    double m_sessionsPerDay;
};

} // namespace hearth::server
