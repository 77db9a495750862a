#pragma once

// What the connection-status bar says, and the one place that decides whether the orders on
// screen are being kept up to date: by the live link, by polls that succeed, or by nothing
// ("Offline — orders are not updating"). It also gives the round trip, the age of the last good
// data and the retry countdown. Ticks once a second so ages, countdowns and the "nothing has
// succeeded for a while" verdict stay true without the widgets doing any arithmetic.
#include "realtime/connectionstate.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>

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
    // The verdict, as someone looking at the orders needs it.
    enum class Health {
        Live,         // the live link is up
        Polling,      // the link is down, but polls succeed: orders update every few seconds
        Reconnecting, // the link is (re)starting and nothing has failed long enough to say more
        Offline,      // neither the link nor a poll has succeeded recently: orders are not updating
        SignedOut,    // nothing can update the orders until someone signs in
    };
    Q_ENUM(Health)

    ConnectionStatus(RealtimeService *service, PollingFallback *polling, QObject *parent = nullptr);

    // How long the link may be down without a successful poll before the verdict is Offline
    // even though no poll has failed yet (one may hang on a network that drops packets).
    void setStaleAfter(std::chrono::milliseconds staleAfter) { m_staleAfter = staleAfter; }

    ConnectionState state() const; // the live link's own state
    Health health() const;
    Transport transport() const;   // Polling only while polls succeed
    // "Live", "Connecting…", "Reconnecting in 7 s", "Polling", "Polling · reconnecting in 7 s",
    // "Offline — orders are not updating", "Signed out"
    QString stateText() const;
    // After "Connection:": "live updates", "checking every few seconds", "reconnecting",
    // "offline", "signed out"
    QString transportText() const;
    QString roundTripText() const; // "12 ms", "< 1 ms"; empty without a live link or a measurement
    QString lastEventText() const; // "3 s ago", "none yet"
    // How fresh the orders on screen are: "Last order change: 3 s ago" while live, "Last checked: 4 s ago"
    // while polling, otherwise the age of the last good data ("Last update: 2 min ago"), or while
    // only the local cache has spoken, "Saved orders from 12 min ago".
    QString freshnessText() const;
    // "Next try in 7 s" while offline and a retry is scheduled; empty otherwise.
    QString retryText() const;
    bool isShowingCachedData() const { return m_cachedSince.isValid(); }
    // The orders on screen came from the local cache, saved at `savedAt`; cleared once live.
    void setShowingCachedData(const QDateTime &savedAt);
    // No session: the sign-in was cancelled over saved orders, or the session ended.
    void setSignInNeeded(bool needed);
    QString problemText() const;   // the last error, for the tooltip; empty while all is well
    // The orders could not be brought up to date (a snapshot keeps failing): the link may be
    // live, yet what is on screen may miss changes. Empty once a snapshot landed.
    void setSyncProblem(const QString &message);
    QString syncProblem() const { return m_syncProblem; }
    bool canReconnectNow() const;
    bool canSignIn() const { return health() == Health::SignedOut; }
    void reconnectNow();

    // A human age: "just now", "42 s ago", "5 min ago", "2 h ago".
    static QString describeAge(qint64 seconds);
    // "12 ms"; a loopback or LAN answer within the millisecond is "< 1 ms", never "0 ms".
    static QString describeRoundTrip(qint64 milliseconds);

signals:
    void changed();

private:
    void onStateChanged(ConnectionState state);
    QString reconnectText() const;
    // When the orders on screen were last known to be current: now while live, else the end of
    // the live link or the last successful poll, whichever is later. Invalid if neither happened.
    QDateTime lastGoodDataAt() const;

    RealtimeService *m_service;
    PollingFallback *m_polling;
    QString m_syncProblem;
    QTimer m_tick;
    std::chrono::milliseconds m_staleAfter{15000};
    ConnectionState m_lastState;
    QDateTime m_downSince;  // the link left Live, or was (re)started from Offline/SignedOut
    QDateTime m_liveUntil;  // the last moment the link was live
    QDateTime m_cachedSince;
    bool m_signInNeeded = false;
};

} // namespace hearth
