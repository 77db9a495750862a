#pragma once

// Keeps the orders in step with the server: forwards streamed changes, and whenever the stream
// cannot be resumed loads a REST snapshot, buffering what streams in meanwhile so that nothing
// between the snapshot's watermark and the live stream is lost.
#include "core/order.h"
#include "core/syncposition.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace hearth {

class RealtimeService;
class RestClient;
struct OrdersSnapshot;
template<typename T> struct ApiResult;

class OrdersSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersSync)

public:
    OrdersSync(RealtimeService *realtime, RestClient *rest, QObject *parent = nullptr);
    ~OrdersSync() override;

    void start();
    void stop();
    bool isLoadingSnapshot() const { return m_loading; }

    static QString channelName();

    // Changes from the stream or from polling: forwarded, or held back while a snapshot loads.
    void applyChanges(const QList<hearth::Order> &orders);

signals:
    // A snapshot: the orders as of `position` (its watermark).
    void ordersReplaced(const QList<hearth::Order> &orders, const hearth::SyncPosition &position);
    void ordersUpdated(const QList<hearth::Order> &orders);
    void snapshotLoaded(const hearth::SyncPosition &position, int orderCount);
    void errorOccurred(const QString &message);

private:
    void onSnapshotRequired(const QString &channel);
    void loadSnapshot();
    void onSnapshotFinished(const ApiResult<OrdersSnapshot> &result);
    void bufferWhileLoading(const QList<Order> &orders);

    RealtimeService *m_realtime;
    RestClient *m_rest;
    bool m_started = false;
    bool m_loading = false;
    bool m_reloadRequested = false; // another snapshot was asked for while one was in flight
    int m_failedAttempts = 0;
    QHash<QString, Order> m_pendingChanges; // newest version per order, streamed during a load
    QTimer m_retryTimer;
};

} // namespace hearth
