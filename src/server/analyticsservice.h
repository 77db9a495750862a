#pragma once

// Widget analytics on the server: accepts the events websites post (into a bounded buffer), and
// once a second writes what came in — raw rows, per-minute rollups and one `analytics.event` per
// restaurant on the analytics channel — in one transaction per restaurant. So the channel says
// "this second brought these counts", never one frame per guest click, and a summary read at the
// channel's watermark holds exactly the events of the frames up to it: a client that loads a
// summary and then adds the frames after its seq counts every event once.
#include "core/analytics.h"
#include "server/analyticsrepository.h"
#include "server/storedevent.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace hearth::server {

class Database;
class EventLog;

class AnalyticsService final : public QObject
{
    Q_OBJECT

public:
    // Events held between flushes, all restaurants together; a post beyond it is refused (503)
    // rather than growing memory without bound when the database cannot keep up.
    static constexpr int maxBuffered = 50000;
    static constexpr int flushIntervalMs = 1000;

    AnalyticsService(Database *database, AnalyticsRepository *repository, EventLog *events,
                     QObject *parent = nullptr);

    // Starts the flush and retention timers (after the database is open); stop() flushes what is
    // buffered first.
    void start();
    void stop();
    bool isAccepting() const { return m_accepting; }

    // False (nothing taken) when the buffer has no room for all of them.
    bool ingest(const QString &restaurantId, const QList<AnalyticsRecord> &records);
    int buffered() const { return m_bufferedCount; }
    // Writes and announces what is buffered now (the timer, stop(), tests).
    void flush();

    // Straight into storage without a channel event: history for the demo and benchmarks.
    bool importHistory(const QString &restaurantId, const QList<AnalyticsRecord> &records);

    std::optional<AnalyticsSummary> summary(const QString &restaurantId, const QString &widgetId, qint64 fromMs,
                                            qint64 toMs, qint64 bucketMs) const;
    // Deletes what is older than the retention setting; rows deleted, -1 on error.
    qint64 pruneExpired(qint64 nowMs);

    AnalyticsRepository *repository() const { return m_repository; }

signals:
    void eventAppended(const hearth::server::StoredEvent &event);

private:
    bool flushRestaurant(const QString &restaurantId, const QList<AnalyticsRecord> &records);

    Database *m_database;
    AnalyticsRepository *m_repository;
    EventLog *m_events;
    QTimer *m_flushTimer;
    QTimer *m_pruneTimer;
    QHash<QString, QList<AnalyticsRecord>> m_buffer;
    int m_bufferedCount = 0;
    bool m_accepting = false;
};

} // namespace hearth::server
