#pragma once

// Puts the durable events of every instance sharing one PostgreSQL database in front of this
// instance's WebSocket sessions, each channel in seq order and each event once.
//
// This instance's own commits pass straight through (forwardLocal). Other instances' commits are
// announced by NOTIFY on a connection of our own (LISTEN EventLog::notificationChannel); a
// notification only says "channel C of restaurant R reached seq S", and the events themselves
// are read from the log after the last seq forwarded, so a lost or late notification loses
// nothing: the next one, or the poll every few seconds, picks up what it missed. On SQLite (one
// instance) it only passes events through.
#include "server/storedevent.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>

class QTimer;

namespace hearth::server {

class Database;
class EventLog;

class ClusterFeed final : public QObject
{
    Q_OBJECT

public:
    ClusterFeed(Database *database, EventLog *events, QObject *parent = nullptr);
    ~ClusterFeed() override;

    // Starts listening when the database is PostgreSQL (after it is open and migrated); a no-op
    // on SQLite. False with a reason when the listening connection cannot be set up.
    bool start(QString *errorMessage);
    void stop();
    bool isListening() const { return m_listening; }
    // How often the channels' heads are compared with what was forwarded, in case a
    // notification got lost (a reconnect of the listening connection); also when both
    // connections are checked and reopened if the database dropped them.
    void setPollIntervalMs(int intervalMs);

    // An event this instance just committed.
    void forwardLocal(const StoredEvent &event);

signals:
    // Committed events for this instance's sessions, per channel in seq order, each once.
    void eventReady(const StoredEvent &event);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void poll();
    bool listen(QString *errorMessage);
    void closeListener();
    // Forwards the channel's events after the last forwarded one, up to `upToSeq`.
    void catchUp(const QString &restaurantId, const QString &channel, qint64 upToSeq);

    static QString key(const QString &restaurantId, const QString &channel);

    Database *m_database;
    EventLog *m_events;
    QString m_listenerName;
    QTimer *m_pollTimer;
    bool m_listening = false;
    // The last seq forwarded per restaurant and channel ("restaurant\nchannel"). A channel not
    // in here had nothing when listening began, so everything in it is new.
    QHash<QString, qint64> m_forwarded;
};

} // namespace hearth::server
