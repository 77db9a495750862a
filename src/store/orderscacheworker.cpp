#include "store/orderscacheworker.h"

#include "core/logging.h"
#include "store/cachedatabase.h"
#include "store/orderstable.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutexLocker>

namespace hearth {

namespace {

OrdersCacheWorker::FailureKind failureKindOf(SqliteFault fault)
{
    switch (fault) {
    case SqliteFault::DiskFull: return OrdersCacheWorker::FailureKind::DiskFull;
    case SqliteFault::NotWritable: return OrdersCacheWorker::FailureKind::NotWritable;
    default: return OrdersCacheWorker::FailureKind::Other;
    }
}

} // namespace

OrdersCacheWorker::OrdersCacheWorker(QString databasePath, std::function<void()> failureNoticed,
                                     std::function<void()> loadedLate)
    : m_path(std::move(databasePath)),
      m_failureNoticed(std::move(failureNoticed)),
      m_loadedLate(std::move(loadedLate))
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("hearth-orders-cache"));
    m_thread->start();
}

OrdersCacheWorker::~OrdersCacheWorker()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_workQueued.wakeOne();
    }
    m_thread->wait();
}

void OrdersCacheWorker::enqueue(OrdersWriteBatch batch)
{
    QMutexLocker locker(&m_mutex);
    m_pending.append(std::move(batch));
    ++m_enqueued;
    m_workQueued.wakeOne();
}

void OrdersCacheWorker::flush()
{
    QMutexLocker locker(&m_mutex);
    const quint64 target = m_enqueued;
    while (m_attempted < target)
        m_workDone.wait(&m_mutex);
}

CachedOrders OrdersCacheWorker::load()
{
    QMutexLocker locker(&m_mutex);
    m_loadRequested = true;
    m_workQueued.wakeOne();
    while (m_loadRequested)
        m_workDone.wait(&m_mutex);
    return std::exchange(m_loaded, {});
}

CachedOrders OrdersCacheWorker::takeLateLoad()
{
    QMutexLocker locker(&m_mutex);
    return std::exchange(m_lateLoaded, {});
}

QList<OrdersCacheWorker::Failure> OrdersCacheWorker::takeFailures()
{
    QMutexLocker locker(&m_mutex);
    return std::exchange(m_failures, {});
}

void OrdersCacheWorker::run()
{
    CacheDatabase database(m_path, OrdersTable::migrations());
    for (;;) {
        OrdersWriteBatch batch;
        quint64 generation = 0;
        bool loadWanted = false;
        bool lateLoadWanted = false;
        {
            QMutexLocker locker(&m_mutex);
            while (m_attempted == m_enqueued && !m_loadRequested && !m_lateLoadWanted && !m_stopping)
                m_workQueued.wait(&m_mutex);
            if (m_attempted == m_enqueued && !m_loadRequested && m_stopping)
                break; // stopping, and everything queued has been tried (a late load is moot)
            // Everything queued since the last turn goes out in one transaction.
            batch = std::exchange(m_pending, {});
            generation = m_enqueued;
            loadWanted = m_loadRequested;
            lateLoadWanted = !loadWanted && m_lateLoadWanted && !m_stopping;
        }
        if (!batch.isEmpty())
            write(database, std::move(batch));
        CachedOrders loaded;
        ReadOutcome outcome = ReadOutcome::Done;
        if (loadWanted || lateLoadWanted)
            outcome = read(database, loadWanted, &loaded);

        QMutexLocker locker(&m_mutex);
        m_attempted = generation;
        if (loadWanted) {
            loaded.deferred = outcome == ReadOutcome::Busy;
            m_lateLoadWanted = loaded.deferred;
            m_loaded = std::move(loaded);
            m_loadRequested = false;
        } else if (lateLoadWanted && outcome == ReadOutcome::Done) {
            // Still busy: tried again at the next turn, each try waiting the usual busy timeout.
            m_lateLoadWanted = false;
            m_lateLoaded = std::move(loaded);
            locker.unlock();
            if (m_loadedLate)
                m_loadedLate();
            locker.relock();
        }
        m_workDone.wakeAll();
    }

    // A batch that failed before is still queued: one last try before the data is given up.
    OrdersWriteBatch leftover;
    {
        QMutexLocker locker(&m_mutex);
        leftover = std::exchange(m_pending, {});
    }
    if (leftover.isEmpty())
        return;
    write(database, std::move(leftover));
    QMutexLocker locker(&m_mutex);
    if (!m_pending.isEmpty()) {
        qCWarning(lcStore) << "giving up on" << m_pending.orders().size()
                           << "unsaved orders; the cache stays at its last saved position and the"
                              " next start fetches the rest from the server";
    }
}

void OrdersCacheWorker::write(CacheDatabase &database, OrdersWriteBatch batch)
{
    QSqlError error;
    SqliteFault fault = SqliteFault::None;
    if (!database.open()) {
        error = database.lastError();
        fault = database.lastFault();
    } else if (!OrdersTable::write(database.database(), batch, QDateTime::currentDateTimeUtc(), &error)) {
        fault = classifySqliteFault(error);
        // Start the next attempt from a fresh connection: the folder may have been fixed.
        database.close();
    }

    if (fault == SqliteFault::None) {
        m_committedWrites.fetch_add(1, std::memory_order_relaxed);
        qCDebug(lcStore) << "saved" << batch.orders().size() << "orders"
                         << (batch.replacesAll() ? "(replacing all)" : "") << "at seq"
                         << (batch.position() ? batch.position()->seq : -1);
        if (m_failing) {
            m_failing = false;
            qCInfo(lcStore) << "cache" << QDir::toNativeSeparators(m_path) << "is writable again";
        }
        return;
    }

    const bool firstFailure = !m_failing;
    m_failing = true;
    {
        QMutexLocker locker(&m_mutex);
        // Beneath anything queued meanwhile, so newer versions and the newer position still win.
        batch.append(std::exchange(m_pending, {}));
        m_pending = std::move(batch);
        if (firstFailure)
            m_failures.append({failureKindOf(fault), error.text()});
    }
    if (!firstFailure) {
        qCDebug(lcStore) << "cache write failed again:" << error.text();
        return;
    }
    qCWarning(lcStore) << "cannot write cache" << QDir::toNativeSeparators(m_path) << ":"
                       << error.text() << "- keeping the changes queued for the next write";
    if (m_failureNoticed)
        m_failureNoticed();
}

OrdersCacheWorker::ReadOutcome OrdersCacheWorker::read(CacheDatabase &database, bool atStart,
                                                       CachedOrders *loaded)
{
    QElapsedTimer timer;
    timer.start();
    const std::chrono::milliseconds usualBusyTimeout = database.busyTimeout();
    if (atStart)
        database.setBusyTimeout(startupBusyTimeout);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    OrdersTable::ReadResult result;
    QSqlError error;
    SqliteFault fault = SqliteFault::None;
    int pruned = 0;
    bool pruneSkipped = false;
    if (!database.open()) {
        error = database.lastError();
        fault = database.lastFault();
    } else {
        QSqlError pruneError;
        if (!OrdersTable::pruneClosed(database.database(), now, &pruned, &pruneError)) {
            // A file we may not write, or one another connection is writing, can still be read
            // (WAL); pruning waits for a later start or the next snapshot's write.
            pruneSkipped = true;
            qCWarning(lcStore) << "could not prune old closed orders:" << pruneError.text();
        }
        if (!OrdersTable::read(database.database(), &result, &error))
            fault = classifySqliteFault(error);
    }
    if (atStart)
        database.setBusyTimeout(usualBusyTimeout);

    const QString path = QDir::toNativeSeparators(m_path);
    if (fault == SqliteFault::None) {
        if (result.skipped > 0) {
            qCWarning(lcStore) << "skipped" << result.skipped << "cached orders that do not decode;"
                               << "first:" << result.firstSkipReason;
        }
        if (pruneSkipped) {
            // What the prune would have deleted is not shown either.
            QList<Order> &orders = result.cached.orders;
            orders.removeIf([&now](const Order &order) { return OrdersTable::isPrunable(order, now); });
        }
        qCInfo(lcStore) << "loaded" << result.cached.orders.size() << "cached orders (pruned"
                        << pruned << "old closed ones) in" << timer.elapsed() << "ms";
        *loaded = std::move(result.cached);
        return ReadOutcome::Done;
    }

    if (fault == SqliteFault::Busy) {
        // Another connection holds the file: it is fine, just not ours yet.
        qCWarning(lcStore) << "cache" << path << "is busy (" << error.text() << ") -"
                           << (atStart ? "starting without it and loading it once it is free"
                                       : "trying again");
        return ReadOutcome::Busy;
    }
    if (fault != SqliteFault::Broken || !QFile::exists(m_path)) {
        // Not readable for us, an I/O error: the file may be fine, so it is left alone.
        qCWarning(lcStore) << "cannot read cache" << path << ":" << error.text()
                           << "- starting without it, the file is left as it is";
        return ReadOutcome::Done;
    }
    const QString movedTo = database.moveAside();
    if (movedTo.isEmpty()) {
        qCWarning(lcStore) << "cache" << path << "is unusable (" << error.text()
                           << ") and could not be moved aside; starting without it";
        return ReadOutcome::Done;
    }
    qCWarning(lcStore) << "cache" << path << "is unusable (" << error.text() << "); moved it to"
                       << QDir::toNativeSeparators(movedTo) << "and starting with an empty cache";
    if (!database.open()) {
        qCWarning(lcStore) << "could not create a new cache at" << path << ":"
                           << database.lastError().text();
    }
    return ReadOutcome::Done;
}

} // namespace hearth
