#pragma once

// The one thread that touches a cache file, with the one connection to it. Callers queue writes,
// which are folded while the thread is busy and written in one transaction each; a load waits
// for the writes queued before it. A batch that fails stays queued beneath newer ones and goes
// out with the next write, so the stored position never gets ahead of the stored orders.
// The start-up load waits for another connection's lock only briefly (the caller is the GUI
// thread): a file held by someone else is loaded later, in the background, and reported then.
#include "store/cachedorders.h"
#include "store/orderswritebatch.h"

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <chrono>
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
    // failures, not per batch); takeFailures() then has the details. `loadedLate` runs on the
    // worker thread when a load that found the file busy has read it after all; takeLateLoad()
    // then has the content.
    OrdersCacheWorker(QString databasePath, std::function<void()> failureNoticed,
                      std::function<void()> loadedLate = {});

    // How long the start-up load waits for a lock held by another connection; the writes and
    // the late load wait the database's usual 5 s.
    static constexpr std::chrono::milliseconds startupBusyTimeout{200};
    ~OrdersCacheWorker(); // writes what is queued, then joins the thread
    Q_DISABLE_COPY_MOVE(OrdersCacheWorker)

    void enqueue(OrdersWriteBatch batch);
    // Returns once every batch queued before the call has been tried.
    void flush();
    // Runs on the worker thread after the queued writes; the caller waits. Call from one thread.
    // A file another connection holds for longer than startupBusyTimeout gives a `deferred`
    // empty result, and the worker loads it once it can (see `loadedLate`).
    CachedOrders load();
    CachedOrders takeLateLoad();

    QList<Failure> takeFailures();
    quint64 committedWrites() const { return m_committedWrites.load(std::memory_order_relaxed); }

private:
    void run();
    void write(CacheDatabase &database, OrdersWriteBatch batch);
    enum class ReadOutcome { Done, Busy };
    // `atStart`: the caller waits, so locks are waited for only briefly, and a prune that cannot
    // get the write lock is left for later.
    ReadOutcome read(CacheDatabase &database, bool atStart, CachedOrders *loaded);

    const QString m_path;
    const std::function<void()> m_failureNoticed;
    const std::function<void()> m_loadedLate;

    QMutex m_mutex; // guards everything down to m_failures
    QWaitCondition m_workQueued;
    QWaitCondition m_workDone;
    OrdersWriteBatch m_pending;
    quint64 m_enqueued = 0;  // batches queued so far
    quint64 m_attempted = 0; // of those, how many the worker has tried to write
    bool m_loadRequested = false;
    CachedOrders m_loaded;
    bool m_lateLoadWanted = false; // the start-up load found the file busy
    CachedOrders m_lateLoaded;
    bool m_stopping = false;
    QList<Failure> m_failures;

    bool m_failing = false; // worker thread only
    std::atomic<quint64> m_committedWrites{0};
    std::unique_ptr<QThread> m_thread; // last: started once everything above exists
};

} // namespace hearth
