#pragma once

// Who has which widget open, and who is typing in which field (docs/protocol.md, "Presence").
// Lives in memory only: entries per connection and widget, forgotten when the connection closes,
// when the client says "left", or when it stops repeating itself for the timeout. Every change of
// a widget's editors becomes a `presence.changed` event in an in-memory log with the usual seq
// rules; the log's epoch is new with every reset(), i.e. every server start, so a client can
// never resume across a restart of a log that no longer exists.
#include "server/eventsource.h"
#include "server/role.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QObject>

#include <deque>
#include <functional>
#include <optional>

class QTimer;

namespace hearth::server {

namespace PresenceEvents {
inline constexpr QLatin1StringView channel{"presence"};
inline constexpr QLatin1StringView changed{"presence.changed"};
} // namespace PresenceEvents

// A client's `{"op": "presence", …}` frame, validated.
struct PresenceUpdate
{
    QString widgetId;
    QString state;  // "viewing", "editing" or "left"
    QString field;  // the setting typed in; null when none
    QString device;

    // Nothing, with the reason in `problem`, for a frame that breaks the protocol's rules.
    static std::optional<PresenceUpdate> fromFrame(const QJsonObject &frame, QString *problem);
};

class PresenceRegistry final : public QObject, public EventSource
{
    Q_OBJECT

public:
    static constexpr int defaultTimeoutMs = 30000;
    static constexpr int maxWidgetsPerConnection = 20;
    static constexpr qsizetype retainedEvents = 1000; // per restaurant

    explicit PresenceRegistry(QObject *parent = nullptr);
    ~PresenceRegistry() override;

    void setTimeoutMs(int timeoutMs);
    int timeoutMs() const { return m_timeoutMs; }
    // A monotonic clock in milliseconds (tests drive time by hand; default: a QElapsedTimer).
    void setClock(std::function<qint64()> monotonicMs);
    // Whether a widget of the restaurant exists (unset: every id is accepted).
    void setWidgetCheck(std::function<bool(const QString &restaurantId, const QString &widgetId)> check);

    // Forgets everything and starts a log with a new epoch (at every server start).
    void reset();
    // Applies one frame of a connection; returns why it was refused (empty: accepted).
    QString apply(const AuthContext &context, const QString &sessionId, const PresenceUpdate &update);
    // The connection closed: its entries go, each affected widget gets an event.
    void removeSession(const QString &restaurantId, const QString &sessionId);
    // Drops entries not repeated within the timeout (the timer calls this too).
    void expireDue();

    // Every entry of the restaurant now, for GET /api/presence.
    QJsonArray snapshot(const QString &restaurantId) const;
    int entryCount(const QString &restaurantId) const;

    QString epoch() const override { return m_epoch; }
    qint64 headSeq(const QString &restaurantId, const QString &channel) const override;
    qint64 oldestRetainedSeq(const QString &restaurantId, const QString &channel) const override;
    bool canReplayFrom(const QString &restaurantId, const QString &channel, qint64 afterSeq) const override;
    QList<StoredEvent> readAfter(const QString &restaurantId, const QString &channel, qint64 afterSeq,
                                 int limit = maxBatch) const override;

signals:
    void eventAppended(const hearth::server::StoredEvent &event);

private:
    struct Entry
    {
        QString sessionId;
        QString widgetId;
        QString username;
        QString displayName;
        QString device;
        QString state;
        QString field;
        QDateTime since;   // when it took its current state and field
        qint64 lastSeenMs = 0;
    };
    struct Restaurant
    {
        QList<Entry> entries;
        qint64 head = 0;
        std::deque<StoredEvent> log;
    };

    void publish(const QString &restaurantId, const QString &widgetId);
    void scheduleExpiry();
    static QJsonObject entryToJson(const Entry &entry);

    QHash<QString, Restaurant> m_restaurants;
    QString m_epoch;
    int m_timeoutMs = defaultTimeoutMs;
    std::function<qint64()> m_clock;
    std::function<bool(const QString &, const QString &)> m_widgetCheck;
    QTimer *m_expiryTimer;
};

} // namespace hearth::server
