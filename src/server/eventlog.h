#pragma once

// The append-only log behind replay: events per restaurant and channel, numbered without gaps
// by a counter row per channel, so that several instances sharing a PostgreSQL database agree.
// Appends run inside the caller's transaction, so an entity change and its event commit together.
// Retention keeps the newest N events per channel; pruning runs every so many appends, not on each.
#include "server/eventsource.h"
#include "server/storedevent.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace hearth::server {

class Database;

class EventLog final : public EventSource
{
public:
    // Where every append is announced to the other instances on PostgreSQL (LISTEN/NOTIFY),
    // with notificationPayload() as the payload.
    static constexpr QLatin1StringView notificationChannel{"hearth_events"};
    static QString notificationPayload(const QString &restaurantId, const QString &channel, qint64 seq);

    EventLog(Database *database, qint64 retention);

    // Must run inside a transaction (see SqlTransaction); returns the stored event with its seq.
    std::optional<StoredEvent> append(const QString &restaurantId, const QString &channel,
                                      const QString &type, const QJsonObject &data,
                                      const QDateTime &ts);
    // The database's epoch (empty while it is closed).
    QString epoch() const override;
    QList<StoredEvent> readAfter(const QString &restaurantId, const QString &channel, qint64 afterSeq,
                                 int limit = maxBatch) const override;
    qint64 headSeq(const QString &restaurantId, const QString &channel) const override;
    qint64 oldestRetainedSeq(const QString &restaurantId, const QString &channel) const override;
    bool canReplayFrom(const QString &restaurantId, const QString &channel, qint64 afterSeq) const override;

    qint64 retention() const { return m_retention; }
    void setRetention(qint64 retention);
    // Deletes events beyond the retention in every channel; returns how many.
    qint64 prune();
    // Prunes once enough appends have accumulated since the last prune.
    void pruneIfDue();

private:
    Database *m_database;
    qint64 m_retention;
    qint64 m_appendsSincePrune = 0;
};

} // namespace hearth::server
