#include "store/orderscache.h"

#include "store/orderscacheworker.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace hearth {

OrdersCache::OrdersCache(QString databasePath, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath))
{
    // The worker reports from its own thread; the signal is emitted on ours.
    m_worker = std::make_unique<OrdersCacheWorker>(
        m_databasePath,
        [this] { QMetaObject::invokeMethod(this, &OrdersCache::deliverFailures, Qt::QueuedConnection); },
        [this] { QMetaObject::invokeMethod(this, &OrdersCache::deliverLateLoad, Qt::QueuedConnection); });
}

OrdersCache::~OrdersCache()
{
    // Joined here, while `this` is whole: the worker's last failure report may still call us.
    m_worker.reset();
}

CachedOrders OrdersCache::load()
{
    return m_worker->load();
}

void OrdersCache::replaceAll(const QList<Order> &orders, const SyncPosition &position)
{
    m_worker->enqueue(OrdersWriteBatch::replacing(orders, position));
}

void OrdersCache::upsert(const QList<Order> &orders, const SyncPosition &position)
{
    m_worker->enqueue(OrdersWriteBatch::upserting(orders, position));
}

void OrdersCache::upsertAtSavedPosition(const QList<Order> &orders)
{
    m_worker->enqueue(OrdersWriteBatch::upsertingAtSavedPosition(orders));
}

void OrdersCache::flush()
{
    m_worker->flush();
    if (QThread::currentThread() == thread())
        deliverFailures();
}

quint64 OrdersCache::committedWrites() const
{
    return m_worker->committedWrites();
}

void OrdersCache::deliverLateLoad()
{
    emit loadedLate(m_worker->takeLateLoad());
}

void OrdersCache::deliverFailures()
{
    const QString folder = QDir::toNativeSeparators(QFileInfo(m_databasePath).absolutePath());
    const QList<OrdersCacheWorker::Failure> failures = m_worker->takeFailures();
    for (const OrdersCacheWorker::Failure &failure : failures) {
        switch (failure.kind) {
        case OrdersCacheWorker::FailureKind::DiskFull:
            //: %1 is the folder that holds the offline copy.
            emit writeFailed(tr("The disk is full, so Hearth cannot update its offline copy of the "
                                "orders in %1. The dashboard keeps working; free some space to keep "
                                "the copy up to date.")
                                 .arg(folder));
            break;
        case OrdersCacheWorker::FailureKind::NotWritable:
            //: %1 is the folder that holds the offline copy.
            emit writeFailed(tr("Hearth may not write its offline copy of the orders in %1. The "
                                "dashboard keeps working; check that the folder exists and can be "
                                "written to.")
                                 .arg(folder));
            break;
        case OrdersCacheWorker::FailureKind::Other:
            //: %1 is the folder that holds the offline copy, %2 the technical reason (English).
            emit writeFailed(tr("Hearth could not update its offline copy of the orders in %1 (%2). "
                                "The dashboard keeps working.")
                                 .arg(folder, failure.detail));
            break;
        }
    }
}

} // namespace hearth
