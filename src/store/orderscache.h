#pragma once

// The local copy of the last known orders, so the dashboard starts at once from disk (offline
// too) and then resyncs. Writes are queued and done on a worker thread, folded so that a burst of
// calls becomes one transaction; load() is synchronous. Use it from the thread that created it.
#include "store/cachedorders.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace hearth {

class OrdersCacheWorker;

class OrdersCache final : public QObject
{
    Q_OBJECT

public:
    // One file per server and restaurant; the app picks the path, missing folders are created.
    // Nothing touches the disk before the first load() or write.
    explicit OrdersCache(QString databasePath, QObject *parent = nullptr);
    ~OrdersCache() override; // writes what is queued, then joins the worker
    Q_DISABLE_COPY_MOVE(OrdersCache)

    // Waits for the writes queued before it, prunes closed orders older than 24 h, and reads the
    // rest. A file that is not a usable cache is reported, moved aside to "<path>.broken" and an
    // empty cache returned; a file that is unreadable for us is left alone. A file another
    // connection holds is waited for only briefly (this is the GUI thread at start-up): the
    // result is then empty and `deferred`, and loadedLate() brings the content once it is free.
    CachedOrders load();

    // After a snapshot: the cache then holds exactly `orders` (less old closed ones) at `position`.
    void replaceAll(const QList<Order> &orders, const SyncPosition &position);
    // After a streamed batch: each order is kept unless the cache holds a higher version of it.
    // `position` is stored as given, so it must be one the cached orders are complete up to.
    void upsert(const QList<Order> &orders, const SyncPosition &position);
    // The same, leaving the saved position as it is: always safe, since a resume from there
    // replays what these orders already hold.
    void upsertAtSavedPosition(const QList<Order> &orders);

    // Blocks until every write queued so far has been tried, then emits writeFailed at once if
    // one failed (otherwise that happens on the next event-loop turn).
    void flush();

    // Transactions committed since construction; usually far fewer than calls (diagnostics).
    quint64 committedWrites() const;
    const QString &databasePath() const { return m_databasePath; }

signals:
    // Writes to the file started failing (disk full, read-only…); emitted once until a write works
    // again. The changes stay queued and go out with the next write that works.
    void writeFailed(const QString &message);
    // A load() that came back `deferred` has read the file after all. Whatever the caller has
    // received since (a snapshot, streamed changes) is newer; it decides whether this is of use.
    void loadedLate(const hearth::CachedOrders &cached);

private:
    void deliverFailures();
    void deliverLateLoad();

    QString m_databasePath;
    std::unique_ptr<OrdersCacheWorker> m_worker;
};

} // namespace hearth
