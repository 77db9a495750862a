#pragma once

// The website side of the demo service: guests view, open, start and complete bookings and
// orders on the restaurant's widgets (AnalyticsTraffic's day shape and drop-off), posted into
// AnalyticsService as the website would, each step when its time comes. seedHistory() gives a
// fresh demo restaurant its last eight days, so "today against last week" has something to show.
#include "server/analyticstraffic.h"

#include <QObject>

class QTimer;

namespace hearth::server {

class AnalyticsService;
class WidgetService;

class AnalyticsSimulator final : public QObject
{
    Q_OBJECT

public:
    static constexpr double demoSessionsPerDay = 2400;
    static constexpr int maxPending = 5000;

    AnalyticsSimulator(AnalyticsService *analytics, WidgetService *widgets, QString restaurantId,
                       QObject *parent = nullptr);

    void setActive(bool active);
    bool isActive() const { return m_active; }
    // One round now (the timer, tests): visits that began since the last round, steps now due.
    void tick(qint64 nowMs);
    // Imports `days` of history ending at `nowMs` when the restaurant has no analytics yet.
    bool seedHistory(qint64 nowMs, int days, QString *errorMessage);

private:
    QList<TrafficWidget> widgets() const;

    AnalyticsService *m_analytics;
    WidgetService *m_widgets;
    QString m_restaurantId;
    AnalyticsTraffic m_traffic;
    QTimer *m_timer;
    QList<AnalyticsRecord> m_pending; // later steps of visits under way, oldest first
    qint64 m_lastMs = 0;
    bool m_active = false;
};

} // namespace hearth::server
