#pragma once

// Keeps the widgets fresh over REST while the WebSocket is down. It does not decide when to poll:
// it follows the orders' PollingFallback (socket down for a few seconds, signed in; stopped the
// moment the socket is live) and polls at that fallback's pace and backoff. Deltas since the
// widgets channel's position go to WidgetsSync like streamed changes; the position reached is
// handed to the realtime service so the socket resumes from there. Without a position in the
// server's epoch it asks WidgetsSync for a snapshot instead.
#include "api/apitypes.h"

#include <QObject>
#include <QTimer>

namespace hearth {

class PollingFallback;
class RealtimeService;
class RestClient;
class WidgetsSync;

class WidgetsPolling final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetsPolling)

public:
    WidgetsPolling(PollingFallback *pace, WidgetsSync *sync, RealtimeService *realtime,
                   RestClient *rest, QObject *parent = nullptr);

    bool isPolling() const { return m_polling; }
    int pollsMade() const { return m_pollsMade; }

signals:
    void pollFailed(const QString &message);

private:
    void onPollingChanged(bool polling);
    void poll();
    void onPolled(const ApiResult<WidgetsSnapshot> &result, quint64 generation, const QString &deltaEpoch);
    void scheduleNext();

    PollingFallback *m_pace;
    WidgetsSync *m_sync;
    RealtimeService *m_realtime;
    RestClient *m_rest;
    QTimer m_timer;
    bool m_polling = false;
    bool m_inFlight = false;
    quint64 m_generation = 0;
    int m_failures = 0;
    int m_pollsMade = 0;
};

} // namespace hearth
