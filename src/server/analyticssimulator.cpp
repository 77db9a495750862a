#include "server/analyticssimulator.h"

#include "core/logging.h"
#include "server/analyticsservice.h"
#include "server/widgetservice.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace hearth::server {

AnalyticsSimulator::AnalyticsSimulator(AnalyticsService *analytics, WidgetService *widgets, QString restaurantId,
                                       QObject *parent)
    : QObject(parent),
      m_analytics(analytics),
      m_widgets(widgets),
      m_restaurantId(std::move(restaurantId)),
      m_traffic(QRandomGenerator::global()->generate(), demoSessionsPerDay),
      m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, [this] { tick(QDateTime::currentMSecsSinceEpoch()); });
}

void AnalyticsSimulator::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    m_pending.clear();
    m_lastMs = QDateTime::currentMSecsSinceEpoch();
    if (active)
        m_timer->start();
    else
        m_timer->stop();
}

QList<TrafficWidget> AnalyticsSimulator::widgets() const
{
    QList<TrafficWidget> result;
    const WidgetListing listing = m_widgets->snapshot(m_restaurantId);
    for (const WidgetConfig &widget : listing.widgets)
        result.append(TrafficWidget{widget.id, widget.kind});
    return result;
}

void AnalyticsSimulator::tick(qint64 nowMs)
{
    if (nowMs > m_lastMs) {
        const QList<AnalyticsRecord> started = m_traffic.visits(widgets(), m_lastMs, nowMs);
        m_lastMs = nowMs;
        m_pending.append(started);
        std::stable_sort(m_pending.begin(), m_pending.end(),
                         [](const AnalyticsRecord &a, const AnalyticsRecord &b) { return a.tsMs < b.tsMs; });
        if (m_pending.size() > maxPending)
            m_pending.remove(maxPending, m_pending.size() - maxPending);
    }
    const auto firstLater = std::find_if(m_pending.cbegin(), m_pending.cend(),
                                         [nowMs](const AnalyticsRecord &record) { return record.tsMs > nowMs; });
    const qsizetype due = firstLater - m_pending.cbegin();
    if (due == 0)
        return;
    if (m_analytics->ingest(m_restaurantId, m_pending.first(due)))
        m_pending.remove(0, due);
}

bool AnalyticsSimulator::seedHistory(qint64 nowMs, int days, QString *errorMessage)
{
    if (m_analytics->repository()->hasAny(m_restaurantId))
        return true;
    AnalyticsTraffic history(QRandomGenerator::global()->generate(), demoSessionsPerDay);
    QList<AnalyticsRecord> records = history.visits(widgets(), nowMs - qint64(days) * 24 * 3600 * 1000, nowMs);
    records.erase(std::remove_if(records.begin(), records.end(),
                                 [nowMs](const AnalyticsRecord &record) { return record.tsMs >= nowMs; }),
                  records.end());
    if (!m_analytics->importHistory(m_restaurantId, records)) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot seed the demo restaurant's widget analytics");
        return false;
    }
    qCInfo(lcServer) << "seeded" << records.size() << "widget analytics events over" << days << "days";
    return true;
}

} // namespace hearth::server
