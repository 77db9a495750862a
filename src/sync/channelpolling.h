#pragma once

// Keeps one channel fresh over REST while the WebSocket is down. It does not decide when to poll:
// it follows the orders' PollingFallback (socket down for a few seconds, signed in; stopped the
// moment the socket is live) and polls at that fallback's pace and backoff. Changes since the
// channel's position go to the channel's sync like streamed changes; the position reached is
// handed to the realtime service so the socket resumes from there. Without a position in the
// server's epoch it asks the sync for a snapshot instead. A backend without watermarks (a
// profile's REST list) is polled for its whole list, applied the same way; deletions show with
// the snapshot that follows the next subscription.
//
// WidgetsPolling and InventoryPolling say what to fetch and where the changes go.
#include "api/apitypes.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace hearth {

class PollingFallback;
class RealtimeService;
class RestClient;

class ChannelPolling : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelPolling)

public:
    ~ChannelPolling() override;

    bool isPolling() const { return m_polling; }
    int pollsMade() const { return m_pollsMade; }

signals:
    void pollFailed(const QString &message);

protected:
    // One poll's request: an answer to an older poll (before the fallback stopped) is dropped.
    struct Ticket
    {
        quint64 generation = 0;
        QString epoch; // of the position asked from; empty for a whole list
    };

    ChannelPolling(QString channel, PollingFallback *pace, RealtimeService *realtime, RestClient *rest,
                   QObject *parent);

    RestClient *rest() const { return m_rest; }

    // The channel's sync.
    virtual bool syncIsStarted() const = 0;
    virtual bool snapshotIsOwed() const = 0;
    virtual bool snapshotIsLoading() const = 0;
    virtual void requestSnapshot() = 0;
    // Asks for the changes since `sinceSeq`, or the whole list (nullopt); the answer goes to
    // answered(), then, with the changes applied, to reached().
    virtual void fetch(std::optional<qint64> sinceSeq, const Ticket &ticket) = 0;

    // Whether the answer is current and carries changes to apply; a failure is counted and shown.
    bool answered(const Ticket &ticket, const ApiError *failure);
    void reached(const Ticket &ticket, const SyncPosition &position);

private:
    void onPollingChanged(bool polling);
    void poll();
    void scheduleNext();

    const QString m_channel;
    PollingFallback *m_pace;
    RealtimeService *m_realtime;
    RestClient *m_rest;
    QTimer m_timer;
    bool m_polling = false;
    bool m_inFlight = false;
    quint64 m_generation = 0;
    int m_failures = 0;
    int m_pollsMade = 0;
};

// The sync-facing half for a sync class with the usual members (isStarted, isSnapshotOwed,
// isLoadingSnapshot, requestSnapshot).
template<typename Sync>
class SyncedChannelPolling : public ChannelPolling
{
protected:
    SyncedChannelPolling(PollingFallback *pace, Sync *sync, RealtimeService *realtime, RestClient *rest,
                         QObject *parent)
        : ChannelPolling(Sync::channelName(), pace, realtime, rest, parent), m_sync(sync)
    {
    }

    Sync *sync() const { return m_sync; }

private:
    bool syncIsStarted() const final { return m_sync->isStarted(); }
    bool snapshotIsOwed() const final { return m_sync->isSnapshotOwed(); }
    bool snapshotIsLoading() const final { return m_sync->isLoadingSnapshot(); }
    void requestSnapshot() final { m_sync->requestSnapshot(); }

    Sync *m_sync;
};

} // namespace hearth
