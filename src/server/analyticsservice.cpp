#include "server/analyticsservice.h"

#include "core/analyticscodec.h"
#include "core/logging.h"
#include "server/database.h"
#include "server/eventlog.h"
#include "server/watermarkedread.h"

#include <QDateTime>
#include <QTimer>

namespace hearth::server {

namespace {

constexpr int pruneIntervalMs = 3600 * 1000;
constexpr qint64 dayMs = 24LL * 3600 * 1000;

} // namespace

AnalyticsService::AnalyticsService(Database *database, AnalyticsRepository *repository, EventLog *events,
                                   QObject *parent)
    : QObject(parent),
      m_database(database),
      m_repository(repository),
      m_events(events),
      m_flushTimer(new QTimer(this)),
      m_pruneTimer(new QTimer(this))
{
    m_flushTimer->setInterval(flushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &AnalyticsService::flush);
    m_pruneTimer->setInterval(pruneIntervalMs);
    connect(m_pruneTimer, &QTimer::timeout, this, [this] { pruneExpired(QDateTime::currentMSecsSinceEpoch()); });
}

void AnalyticsService::start()
{
    m_accepting = true;
    m_flushTimer->start();
    m_pruneTimer->start();
    pruneExpired(QDateTime::currentMSecsSinceEpoch());
}

void AnalyticsService::stop()
{
    if (!m_accepting)
        return;
    m_accepting = false;
    flush();
    m_flushTimer->stop();
    m_pruneTimer->stop();
}

bool AnalyticsService::ingest(const QString &restaurantId, const QList<AnalyticsRecord> &records)
{
    if (m_bufferedCount + records.size() > maxBuffered)
        return false;
    m_buffer[restaurantId].append(records);
    m_bufferedCount += int(records.size());
    return true;
}

void AnalyticsService::flush()
{
    if (m_buffer.isEmpty())
        return;
    const QHash<QString, QList<AnalyticsRecord>> batch = std::exchange(m_buffer, {});
    m_bufferedCount = 0;
    for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
        if (flushRestaurant(it.key(), it.value()))
            continue;
        // Kept for the next second when there is room: a database hiccup loses nothing.
        if (m_bufferedCount + it.value().size() <= maxBuffered) {
            QList<AnalyticsRecord> &kept = m_buffer[it.key()];
            kept = it.value() + kept;
            m_bufferedCount += int(it.value().size());
        } else {
            qCWarning(lcServer) << "analytics: dropped" << it.value().size() << "events that could not be stored";
        }
    }
}

bool AnalyticsService::flushRestaurant(const QString &restaurantId, const QList<AnalyticsRecord> &records)
{
    AnalyticsTick tick;
    tick.rows = AnalyticsRepository::rollUp(records);
    const qsizetype firstSample = std::max<qsizetype>(0, records.size() - AnalyticsTick::maxSamples);
    for (qsizetype i = firstSample; i < records.size(); ++i) {
        const AnalyticsRecord &record = records.at(i);
        tick.samples.append(AnalyticsSample{record.widgetId, record.step, record.tsMs, record.valueCents});
    }
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive() || !m_repository->insertEvents(restaurantId, records)
        || !m_repository->addToRollup(restaurantId, tick.rows))
        return false;
    const std::optional<StoredEvent> event =
        m_events->append(restaurantId, QString(AnalyticsCodec::channel), QString(AnalyticsCodec::tickType),
                         AnalyticsCodec::tickToJson(tick), QDateTime::currentDateTimeUtc());
    if (!event || !transaction.commit())
        return false;
    // Only what is durable goes out.
    emit eventAppended(*event);
    m_events->pruneIfDue();
    return true;
}

bool AnalyticsService::importHistory(const QString &restaurantId, const QList<AnalyticsRecord> &records)
{
    SqlTransaction transaction(m_database->connection(), restaurantId);
    return transaction.isActive() && m_repository->insertEvents(restaurantId, records)
        && m_repository->addToRollup(restaurantId, AnalyticsRepository::rollUp(records)) && transaction.commit();
}

std::optional<AnalyticsSummary> AnalyticsService::summary(const QString &restaurantId, const QString &widgetId,
                                                          qint64 fromMs, qint64 toMs, qint64 bucketMs) const
{
    AnalyticsSummary result;
    bool read = false;
    const Watermark watermark =
        readWatermarked(m_database, m_events, restaurantId, AnalyticsCodec::channel, [&] {
            read = m_repository->readSummary(restaurantId, widgetId, fromMs, toMs, bucketMs, &result);
        });
    if (!watermark.ok || !read)
        return std::nullopt;
    result.epoch = watermark.epoch;
    result.seq = watermark.seq;
    return result;
}

qint64 AnalyticsService::pruneExpired(qint64 nowMs)
{
    if (!m_database->isOpen())
        return 0;
    const qint64 cutoff = nowMs - qint64(m_repository->retentionDays()) * dayMs;
    const qint64 removed = m_repository->pruneBefore(cutoff);
    if (removed > 0)
        qCInfo(lcServer) << "analytics: retention removed" << removed << "rows";
    return removed;
}

} // namespace hearth::server
