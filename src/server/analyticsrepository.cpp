#include "server/analyticsrepository.h"

#include "server/analyticsschema.h"
#include "server/database.h"

#include <QDateTime>
#include <QMap>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

#include <tuple>

namespace hearth::server {

AnalyticsRepository::AnalyticsRepository(Database *database)
    : m_database(database)
{
}

QString AnalyticsRepository::newKey()
{
    quint32 words[6];
    QRandomGenerator::system()->fillRange(words);
    return QStringLiteral("hwk_")
        + QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words))
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QList<AnalyticsRow> AnalyticsRepository::rollUp(const QList<AnalyticsRecord> &records)
{
    QMap<std::tuple<QString, qint64, int>, AnalyticsRow> folded;
    for (const AnalyticsRecord &record : records) {
        const qint64 minute = record.tsMs - (record.tsMs % minuteMs);
        AnalyticsRow &row = folded[std::make_tuple(record.widgetId, minute, int(record.step))];
        row.widgetId = record.widgetId;
        row.step = record.step;
        row.minuteMs = minute;
        row.count += 1;
        row.valueCents += record.valueCents;
    }
    return folded.values();
}

bool AnalyticsRepository::insertEvents(const QString &restaurantId, const QList<AnalyticsRecord> &records)
{
    if (records.isEmpty())
        return true;
    QSqlQuery query(m_database->connection());
    if (!query.prepare(QStringLiteral("INSERT INTO analytics_events (restaurant_id, widget_id, ts, step, session, "
                                      "value_cents) VALUES (?, ?, ?, ?, ?, ?)")))
        return false;
    for (const AnalyticsRecord &record : records) {
        query.addBindValue(restaurantId);
        query.addBindValue(record.widgetId);
        query.addBindValue(record.tsMs);
        query.addBindValue(int(record.step));
        query.addBindValue(record.session);
        query.addBindValue(record.valueCents);
        if (!query.exec())
            return false;
    }
    return true;
}

bool AnalyticsRepository::addToRollup(const QString &restaurantId, const QList<AnalyticsRow> &rows)
{
    if (rows.isEmpty())
        return true;
    // The hours get the minutes folded once more: one upsert per hour, widget and step.
    QMap<std::tuple<QString, qint64, int>, AnalyticsRow> hours;
    for (const AnalyticsRow &row : rows) {
        const qint64 hour = row.minuteMs - row.minuteMs % hourMs;
        AnalyticsRow &folded = hours[std::make_tuple(row.widgetId, hour, int(row.step))];
        folded.widgetId = row.widgetId;
        folded.step = row.step;
        folded.minuteMs = hour;
        folded.count += row.count;
        folded.valueCents += row.valueCents;
    }
    for (const auto &[table, list] : {std::pair{QStringLiteral("analytics_minutes"), rows},
                                      std::pair{QStringLiteral("analytics_hours"), hours.values()}}) {
        QSqlQuery query(m_database->connection());
        if (!query.prepare(QStringLiteral(
                "INSERT INTO %1 (restaurant_id, minute, widget_id, step, event_count, value_cents) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (restaurant_id, minute, widget_id, step) DO UPDATE SET "
                "event_count = %1.event_count + excluded.event_count, "
                "value_cents = %1.value_cents + excluded.value_cents").arg(table)))
            return false;
        for (const AnalyticsRow &row : list) {
            query.addBindValue(restaurantId);
            query.addBindValue(row.minuteMs);
            query.addBindValue(row.widgetId);
            query.addBindValue(int(row.step));
            query.addBindValue(row.count);
            query.addBindValue(row.valueCents);
            if (!query.exec())
                return false;
        }
    }
    return true;
}

bool AnalyticsRepository::readSummary(const QString &restaurantId, const QString &widgetId, qint64 fromMs,
                                      qint64 toMs, qint64 bucketMs, AnalyticsSummary *summary) const
{
    summary->widgetId = widgetId;
    summary->fromMs = fromMs;
    summary->toMs = toMs;
    summary->bucketMs = bucketMs;
    summary->totals = {};
    summary->series.clear();
    // Grouped in SQL by bucket and step: the answer is (buckets × 6) rows whatever the range.
    // Positional GROUP BY, because PostgreSQL sees `(minute - $1) / $2` in the select list and a
    // repeated expression with other parameters in GROUP BY as two different expressions.
    // Whole hours read the hourly rollup, a sixtieth of the rows; anything finer the minutes.
    const bool hourly = bucketMs % hourMs == 0 && fromMs % hourMs == 0 && toMs % hourMs == 0;
    QString sql = QStringLiteral("SELECT (minute - ?) / ?, step, SUM(event_count), SUM(value_cents) "
                                 "FROM %1 WHERE restaurant_id = ? AND minute >= ? AND minute < ?")
                      .arg(hourly ? QStringLiteral("analytics_hours") : QStringLiteral("analytics_minutes"));
    QVariantList values{fromMs, bucketMs, restaurantId, fromMs, toMs};
    if (!widgetId.isEmpty()) {
        sql += QStringLiteral(" AND widget_id = ?");
        values.append(widgetId);
    }
    sql += QStringLiteral(" GROUP BY 1, 2 ORDER BY 1, 2");
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    if (!execPrepared(query, sql, values))
        return false;
    while (query.next()) {
        const qint64 bucketIndex = query.value(0).toLongLong();
        const int step = query.value(1).toInt();
        if (step < 0 || step >= analyticsStepCount)
            continue;
        const qint64 start = fromMs + bucketIndex * bucketMs;
        if (summary->series.isEmpty() || summary->series.constLast().startMs != start)
            summary->series.append(AnalyticsBucket{start, {}});
        const qint64 count = query.value(2).toLongLong();
        const qint64 value = query.value(3).toLongLong();
        summary->series.last().counts.add(AnalyticsStep(step), count, value);
        summary->totals.add(AnalyticsStep(step), count, value);
    }
    return true;
}

bool AnalyticsRepository::hasAny(const QString &restaurantId) const
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query, QStringLiteral("SELECT 1 FROM analytics_minutes WHERE restaurant_id = ? LIMIT 1"),
                        {restaurantId})
        && query.next();
}

qint64 AnalyticsRepository::pruneBefore(qint64 beforeMs)
{
    QSqlQuery events(m_database->connection());
    if (!execPrepared(events, QStringLiteral("DELETE FROM analytics_events WHERE ts < ?"), {beforeMs}))
        return -1;
    QSqlQuery minutes(m_database->connection());
    if (!execPrepared(minutes, QStringLiteral("DELETE FROM analytics_minutes WHERE minute < ?"), {beforeMs}))
        return -1;
    QSqlQuery hours(m_database->connection());
    if (!execPrepared(hours, QStringLiteral("DELETE FROM analytics_hours WHERE minute < ?"), {beforeMs}))
        return -1;
    return events.numRowsAffected() + minutes.numRowsAffected() + hours.numRowsAffected();
}

int AnalyticsRepository::retentionDays() const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {QString(retentionSetting)})
        || !query.next())
        return AnalyticsSchema::defaultRetentionDays;
    bool ok = false;
    const int days = query.value(0).toString().toInt(&ok);
    return ok && days > 0 ? days : AnalyticsSchema::defaultRetentionDays;
}

bool AnalyticsRepository::setRetentionDays(int days)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query,
                        QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                        {QString(retentionSetting), QString::number(days)});
}

std::optional<WidgetKey> AnalyticsRepository::findKey(const QString &key) const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("SELECT restaurant_id, widget_id FROM widget_keys WHERE key = ?"), {key})
        || !query.next())
        return std::nullopt;
    return WidgetKey{key, query.value(0).toString(), query.value(1).toString()};
}

QString AnalyticsRepository::ensureKey(const QString &restaurantId, const QString &widgetId)
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("SELECT key FROM widget_keys WHERE restaurant_id = ? AND widget_id = ?"),
                      {restaurantId, widgetId}))
        return {};
    if (query.next())
        return query.value(0).toString();
    const QString key = newKey();
    QSqlQuery insert(m_database->connection());
    // Another instance may make one at the same moment: theirs stays, and is read back.
    if (!execPrepared(insert,
                      QStringLiteral("INSERT INTO widget_keys (key, restaurant_id, widget_id, created_at) "
                                     "VALUES (?, ?, ?, ?) ON CONFLICT (restaurant_id, widget_id) DO NOTHING"),
                      {key, restaurantId, widgetId, QDateTime::currentMSecsSinceEpoch()}))
        return {};
    QSqlQuery reread(m_database->connection());
    if (!execPrepared(reread, QStringLiteral("SELECT key FROM widget_keys WHERE restaurant_id = ? AND widget_id = ?"),
                      {restaurantId, widgetId})
        || !reread.next())
        return {};
    return reread.value(0).toString();
}

} // namespace hearth::server
