#pragma once

// Keeps stock and menu fresh over REST while the WebSocket is down, at the pace of the orders'
// PollingFallback (as WidgetsPolling does for widgets): deltas since the inventory channel's
// position go to InventorySync like streamed changes, and the position reached is handed to the
// realtime service so the socket resumes from there. Without a position in the server's epoch
// it asks InventorySync for a snapshot instead.
#include "api/apitypes.h"

#include <QObject>
#include <QTimer>

namespace hearth {

class InventorySync;
class PollingFallback;
class RealtimeService;
class RestClient;

class InventoryPolling final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryPolling)

public:
    InventoryPolling(PollingFallback *pace, InventorySync *sync, RealtimeService *realtime, RestClient *rest,
                     QObject *parent = nullptr);

    bool isPolling() const { return m_polling; }
    int pollsMade() const { return m_pollsMade; }

signals:
    void pollFailed(const QString &message);

private:
    void onPollingChanged(bool polling);
    void poll();
    void onPolled(const ApiResult<InventorySnapshot> &result, quint64 generation, const QString &deltaEpoch);
    void scheduleNext();

    PollingFallback *m_pace;
    InventorySync *m_sync;
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
