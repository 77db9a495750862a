#include "server/eventlog.h"

#include "core/logging.h"
#include "server/database.h"
#include "server/sqldialect.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace hearth::server {

EventLog::EventLog(Database *database, qint64 retention)
    : m_database(database), m_retention(std::max<qint64>(1, retention))
{
}

QString EventLog::notificationPayload(const QString &restaurantId, const QString &channel, qint64 seq)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("restaurant"), restaurantId},
                                                       {QStringLiteral("channel"), channel},
                                                       {QStringLiteral("seq"), seq}})
                                 .toJson(QJsonDocument::Compact));
}

QString EventLog::epoch() const
{
    return m_database->epoch();
}

std::optional<StoredEvent> EventLog::append(const QString &restaurantId, const QString &channel,
                                            const QString &type, const QJsonObject &data,
                                            const QDateTime &ts)
{
    StoredEvent event;
    event.restaurantId = restaurantId;
    event.channel = channel;
    event.type = type;
    event.data = QJsonDocument(data).toJson(QJsonDocument::Compact);
    event.ts = ts.toUTC();
    // The seq comes from the channel's counter row, which this statement locks until the caller's
    // transaction ends: another instance's append to the channel waits, then takes the next one.
    // So seqs are unique across instances and commit in order, without gaps.
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("INSERT INTO event_counters (restaurant_id, channel, head) VALUES (?, ?, 1) "
                                     "ON CONFLICT (restaurant_id, channel) DO UPDATE SET head = event_counters.head + 1 "
                                     "RETURNING head"),
                      {restaurantId, channel})
        || !query.next())
        return std::nullopt;
    event.seq = query.value(0).toLongLong();
    query.finish();
    if (event.seq <= 0)
        return std::nullopt;
    if (!execPrepared(query,
                      QStringLiteral("INSERT INTO events (restaurant_id, channel, seq, type, data, ts) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"),
                      {restaurantId, channel, event.seq, type, QString::fromUtf8(event.data),
                       event.ts.toMSecsSinceEpoch()}))
        return std::nullopt;
    // The other instances hear of it once it commits, and read it from the log (ClusterFeed).
    if (!SqlDialect::notifyOnCommit(m_database->connection(), QString(notificationChannel),
                                    notificationPayload(restaurantId, channel, event.seq)))
        return std::nullopt;
    ++m_appendsSincePrune;
    return event;
}

QList<StoredEvent> EventLog::readAfter(const QString &restaurantId, const QString &channel,
                                       qint64 afterSeq, int limit) const
{
    QList<StoredEvent> events;
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    if (!execPrepared(query,
                      QStringLiteral("SELECT seq, type, data, ts FROM events WHERE restaurant_id = ? "
                                     "AND channel = ? AND seq > ? ORDER BY seq LIMIT ?"),
                      {restaurantId, channel, afterSeq, std::clamp(limit, 1, maxBatch)}))
        return events;
    while (query.next()) {
        StoredEvent event;
        event.restaurantId = restaurantId;
        event.channel = channel;
        event.seq = query.value(0).toLongLong();
        event.type = query.value(1).toString();
        event.data = query.value(2).toString().toUtf8();
        event.ts = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
        events.append(std::move(event));
    }
    return events;
}

qint64 EventLog::headSeq(const QString &restaurantId, const QString &channel) const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events "
                                     "WHERE restaurant_id = ? AND channel = ?"),
                      {restaurantId, channel})
        || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 EventLog::oldestRetainedSeq(const QString &restaurantId, const QString &channel) const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("SELECT MIN(seq), MAX(seq) FROM events "
                                     "WHERE restaurant_id = ? AND channel = ?"),
                      {restaurantId, channel})
        || !query.next())
        return -1;
    if (query.value(0).isNull())
        return 1; // nothing ever appended: a replay from 0 is complete
    return query.value(0).toLongLong();
}

bool EventLog::canReplayFrom(const QString &restaurantId, const QString &channel, qint64 afterSeq) const
{
    const qint64 head = headSeq(restaurantId, channel);
    const qint64 oldest = oldestRetainedSeq(restaurantId, channel);
    return head >= 0 && oldest >= 0 && afterSeq >= 0 && afterSeq <= head && afterSeq + 1 >= oldest;
}

void EventLog::setRetention(qint64 retention)
{
    m_retention = std::max<qint64>(1, retention);
}

qint64 EventLog::prune()
{
    m_appendsSincePrune = 0;
    QSqlQuery heads(m_database->connection());
    if (!execPrepared(heads, QStringLiteral("SELECT restaurant_id, channel, MAX(seq) FROM events "
                                            "GROUP BY restaurant_id, channel")))
        return 0;
    struct Head { QString restaurantId; QString channel; qint64 seq; };
    QList<Head> channels;
    while (heads.next())
        channels.append({heads.value(0).toString(), heads.value(1).toString(), heads.value(2).toLongLong()});
    heads.finish();

    qint64 deleted = 0;
    for (const Head &head : std::as_const(channels)) {
        const qint64 keepFrom = head.seq - m_retention + 1;
        if (keepFrom <= 1)
            continue;
        QSqlQuery query(m_database->connection());
        if (execPrepared(query,
                         QStringLiteral("DELETE FROM events WHERE restaurant_id = ? AND channel = ? AND seq < ?"),
                         {head.restaurantId, head.channel, keepFrom}))
            deleted += query.numRowsAffected();
    }
    if (deleted > 0)
        qCInfo(lcServer) << "event log pruned:" << deleted << "events beyond the retention of" << m_retention;
    return deleted;
}

void EventLog::pruneIfDue()
{
    // A tenth of the retention (at most 1000) between prunes keeps the log within 110 % of it
    // while a busy channel pays for one DELETE per thousand events, not per event.
    const qint64 interval = std::clamp<qint64>(m_retention / 10, 1, 1000);
    if (m_appendsSincePrune >= interval)
        prune();
}

} // namespace hearth::server
