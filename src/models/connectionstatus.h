#pragma once

// What the connection-status bar says, derived from the realtime service: state, transport,
// round-trip time, age of the last event, the retry countdown. Ticks once a second so ages and
// countdowns stay true without the widgets doing any arithmetic.
#include "realtime/connectionstate.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace hearth {

class PollingFallback;
class RealtimeService;

class ConnectionStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionStatus)

public:
    enum class Transport { Live, Polling, Offline };
    Q_ENUM(Transport)

    ConnectionStatus(RealtimeService *service, PollingFallback *polling, QObject *parent = nullptr);

    ConnectionState state() const;
    Transport transport() const;
    // "Live", "Connecting…", "Reconnecting in 7 s", "Polling · reconnecting in 7 s", "Offline", "Signed out"
    QString stateText() const;
    QString transportText() const; // "live", "polling", "offline"
    QString roundTripText() const; // "12 ms", or empty before the first measurement
    QString lastEventText() const; // "3 s ago", "no events yet"
    // How fresh the orders on screen are: "last event 3 s ago", or while only the local cache
    // has spoken, "saved orders from 12 min ago".
    QString freshnessText() const;
    bool isShowingCachedData() const { return m_cachedSince.isValid(); }
    // The orders on screen came from the local cache, saved at `savedAt`; cleared once live.
    void setShowingCachedData(const QDateTime &savedAt);
    QString problemText() const;   // the last error, for the tooltip; empty while all is well
    // The orders could not be brought up to date (a snapshot keeps failing): the link may be
    // live, yet what is on screen may miss changes. Empty once a snapshot landed.
    void setSyncProblem(const QString &message);
    QString syncProblem() const { return m_syncProblem; }
    bool canReconnectNow() const;
    void reconnectNow();

    // A human age: "just now", "42 s ago", "5 min ago", "2 h ago".
    static QString describeAge(qint64 seconds);

signals:
    void changed();

private:
    QString reconnectText() const;

    RealtimeService *m_service;
    PollingFallback *m_polling;
    QDateTime m_cachedSince;
    QString m_syncProblem;
    QTimer m_tick;
};

} // namespace hearth
