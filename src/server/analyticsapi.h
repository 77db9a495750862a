#pragma once

// The analytics routes (docs/protocol.md, "Analytics"): the public POST /api/analytics/events a
// website's widget sends its guests' steps to, authenticated by the widget's key and limited per
// key; GET /api/analytics/summary and GET /api/analytics/keys for managers.
#include "server/restratelimiter.h"
#include "server/role.h"

#include <QHttpServerResponse>
#include <QObject>

class QHttpServer;
class QHttpServerRequest;

namespace hearth::server {

class AnalyticsService;
class HttpApi;
class WidgetService;

class AnalyticsApi final : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxBatch = 100;            // events per POST
    static constexpr int maxSessionLength = 128;
    static constexpr qint64 maxPastMs = 24LL * 3600 * 1000;  // a widget's clock or queue may lag this much
    static constexpr qint64 maxFutureMs = 5LL * 60 * 1000;   // … or run ahead this much
    static constexpr qint64 maxValueCents = 100000000;
    static constexpr int maxBuckets = 5000;

    AnalyticsApi(QHttpServer *server, HttpApi *guard, AnalyticsService *analytics, WidgetService *widgets,
                 QObject *parent = nullptr);

    // Batches per widget key; beyond it 429 with Retry-After. 0: no limit.
    void setLimits(double batchesPerSecond, int burst) { m_limiter.setLimits(batchesPerSecond, burst); }

private:
    QHttpServerResponse postEvents(const QHttpServerRequest &request);
    QHttpServerResponse summary(const AuthContext &context, const QHttpServerRequest &request) const;
    QHttpServerResponse keys(const AuthContext &context) const;

    HttpApi *m_guard;
    AnalyticsService *m_analytics;
    WidgetService *m_widgets;
    RestRateLimiter m_limiter;
};

} // namespace hearth::server
