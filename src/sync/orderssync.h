#pragma once

// Keeps the orders in step with the server: forwards streamed changes at once, and whenever the
// stream cannot be resumed loads a REST snapshot and merges into it what streamed in meanwhile,
// so that nothing between the snapshot's watermark and the live stream is lost. This is the
// pattern every channel's sync class follows (docs/sync-pattern.md).
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

    // Subscribes. Called again while started (signed in again after a 401), it resumes a
    // snapshot that is still owed.
    void start();
    // Unsubscribes and forgets everything in flight: a reply to a request made before stop()
    // is ignored, so start() begins clean.
    void stop();
    bool isStarted() const { return m_started; }
    bool isLoadingSnapshot() const { return m_loading; }
    // The stream could not be resumed and no snapshot has landed since: the orders on screen
    // may miss changes, and no position beyond the last snapshot may be trusted (or persisted).
    bool isSnapshotOwed() const { return m_snapshotOwed; }
    // User-facing, while snapshots keep failing; empty otherwise.
    QString snapshotProblem() const { return m_problem; }

    static QString channelName();

    // Changes from the stream or from polling: forwarded at once (the higher version wins, so
    // this is safe during a load) and, while a snapshot loads, kept to merge into it.
    void applyChanges(const QList<hearth::Order> &orders);

signals:
    // A snapshot: the orders as of `position` (its watermark), with what streamed in during
    // the load merged in (the newer version of each order).
    void ordersReplaced(const QList<hearth::Order> &orders, const hearth::SyncPosition &position);
    void ordersUpdated(const QList<hearth::Order> &orders);
    void snapshotLoaded(const hearth::SyncPosition &position, int orderCount);
    void errorOccurred(const QString &message);
    // isSnapshotOwed() or snapshotProblem() changed.
    void snapshotStateChanged();

private:
    void onSnapshotRequired(const QString &channel, const SyncPosition &serverPosition);
    void beginLoad();
    void loadSnapshot();
    void onSnapshotFinished(const ApiResult<OrdersSnapshot> &result, quint64 generation);
    void retryLater(const QString &message);
    void keepWhileLoading(const QList<Order> &orders);
    void setProblem(const QString &problem);

    RealtimeService *m_realtime;
    RestClient *m_rest;
    bool m_started = false;
    bool m_loading = false;
    bool m_snapshotOwed = false;
    quint64 m_generation = 0;       // bumped by stop() and per request; older replies are ignored
    int m_failedAttempts = 0;
    SyncPosition m_requiredPosition; // where the server stood when it asked for the snapshot
    QHash<QString, Order> m_pendingChanges; // newest version per order, streamed during a load
    QString m_problem;
    QTimer m_retryTimer;
};

} // namespace hearth
