#pragma once

// The one thread that touches a cache file, with the one connection to it. Callers queue writes,
// which are folded while the thread is busy and written in one transaction each; a load waits
// for the writes queued before it. A batch that fails stays queued beneath newer ones and goes
// out with the next write, so the stored position never gets ahead of the stored orders.
#include "store/cachedorders.h"
#include "store/orderswritebatch.h"

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <functional>
#include <memory>

namespace hearth {

class CacheDatabase;

class OrdersCacheWorker final
{
public:
    enum class FailureKind { DiskFull, NotWritable, Other };
    struct Failure
    {
        FailureKind kind = FailureKind::Other;
        QString detail; // SQLite's words, for the log and the message's details
    };

    // `failureNoticed` runs on the worker thread when writes start failing (once per run of
    // failures, not per batch); takeFailures() then has the details.
    OrdersCacheWorker(QString databasePath, std::function<void()> failureNoticed);
    ~OrdersCacheWorker(); // writes what is queued, then joins the thread
    Q_DISABLE_COPY_MOVE(OrdersCacheWorker)

    void enqueue(OrdersWriteBatch batch);
    // Returns once every batch queued before the call has been tried.
    void flush();
    // Runs on the worker thread after the queued writes; the caller waits. Call from one thread.
    CachedOrders load();

    QList<Failure> takeFailures();
    quint64 committedWrites() const { return m_committedWrites.load(std::memory_order_relaxed); }

private:
    void run();
    void write(CacheDatabase &database, OrdersWriteBatch batch);
    CachedOrders read(CacheDatabase &database);

    const QString m_path;
    const std::function<void()> m_failureNoticed;

    QMutex m_mutex; // guards everything down to m_failures
    QWaitCondition m_workQueued;
    QWaitCondition m_workDone;
    OrdersWriteBatch m_pending;
    quint64 m_enqueued = 0;  // batches queued so far
    quint64 m_attempted = 0; // of those, how many the worker has tried to write
    bool m_loadRequested = false;
    CachedOrders m_loaded;
    bool m_stopping = false;
    QList<Failure> m_failures;

    bool m_failing = false; // worker thread only
    std::atomic<quint64> m_committedWrites{0};
    std::unique_ptr<QThread> m_thread; // last: started once everything above exists
};

} // namespace hearth
