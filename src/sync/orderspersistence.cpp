#include "sync/orderspersistence.h"

#include "core/logging.h"
#include "realtime/realtimeservice.h"
#include "store/orderscache.h"
#include "sync/orderssync.h"

namespace hearth {

OrdersPersistence::OrdersPersistence(OrdersSync *sync, RealtimeService *realtime, QObject *parent)
    : QObject(parent), m_sync(sync), m_realtime(realtime)
{
    connect(m_sync, &OrdersSync::ordersReplaced, this, &OrdersPersistence::saveSnapshot);
    connect(m_sync, &OrdersSync::ordersUpdated, this, &OrdersPersistence::saveChanges);
}

OrdersPersistence::~OrdersPersistence() = default;

CachedOrders OrdersPersistence::open(const QString &databasePath)
{
    close();
    m_cache = std::make_unique<OrdersCache>(databasePath);
    m_snapshotSinceOpen = false;
    connect(m_cache.get(), &OrdersCache::writeFailed, this, &OrdersPersistence::writeFailed);
    connect(m_cache.get(), &OrdersCache::loadedLate, this, &OrdersPersistence::onLoadedLate);
    CachedOrders cached = m_cache->load();
    m_loadDeferred = cached.deferred;
    if (!cached.isEmpty() && cached.position.isValid())
        m_realtime->setSyncPosition(OrdersSync::channelName(), cached.position);
    qCInfo(lcSync) << "restored" << cached.orders.size() << "orders from the local cache, saved"
                   << cached.savedAt.toString(Qt::ISODate);
    return cached;
}

void OrdersPersistence::close()
{
    m_loadDeferred = false;
    m_cache.reset(); // writes what is queued first
}

void OrdersPersistence::flush()
{
    if (m_cache)
        m_cache->flush();
}

void OrdersPersistence::saveSnapshot(const QList<Order> &orders, const SyncPosition &position)
{
    if (!m_cache)
        return;
    m_snapshotSinceOpen = true;
    // What streamed in while the snapshot loaded is merged into `orders`, so they reach where the
    // stream stands when that is past the watermark (same epoch, no snapshot owed): saving only
    // the watermark would make the next start replay what the cache already holds, and no upsert
    // need follow to move it on. Changes the stream still batches are saved by the upsert that
    // follows, as for every other batch — the position saved here stops before them.
    SyncPosition reached = position;
    const SyncPosition stream = m_realtime->deliveredPosition(OrdersSync::channelName());
    if (!m_sync->isSnapshotOwed() && stream.epoch == position.epoch && stream.seq > position.seq)
        reached = stream;
    m_cache->replaceAll(orders, reached);
}

void OrdersPersistence::onLoadedLate(const CachedOrders &cached)
{
    m_loadDeferred = false;
    if (cached.isEmpty())
        return;
    if (m_snapshotSinceOpen) {
        qCInfo(lcSync) << "the local cache became readable after the server's snapshot landed;"
                       << cached.orders.size() << "cached orders left unused";
        return;
    }
    // Resume from the cache only while the stream has no position of its own yet (the link has
    // not subscribed, or its answer is pending); a position it has is the server's, and newer.
    const QString channel = OrdersSync::channelName();
    if (cached.position.isValid() && !m_realtime->syncPosition(channel).isValid()
        && !m_sync->isSnapshotOwed())
        m_realtime->setSyncPosition(channel, cached.position);
    qCInfo(lcSync) << "restored" << cached.orders.size() << "orders from the local cache late, saved"
                   << cached.savedAt.toString(Qt::ISODate);
    emit restoredLate(cached);
}

void OrdersPersistence::saveChanges(const QList<Order> &orders)
{
    if (!m_cache)
        return;
    // While a snapshot is owed the stream's position lies beyond a gap the orders do not cover:
    // saving it would make the next start resume past the gap for good. No position at all
    // makes it load a snapshot instead. A stream with no position of its own yet (the link has
    // not subscribed, or the cache arrives late) leaves the saved one alone: resuming from
    // there replays what these orders already hold, which is harmless.
    if (m_sync->isSnapshotOwed()) {
        m_cache->upsert(orders, SyncPosition{});
        return;
    }
    const SyncPosition delivered = m_realtime->deliveredPosition(OrdersSync::channelName());
    if (delivered.isValid())
        m_cache->upsert(orders, delivered);
    else
        m_cache->upsertAtSavedPosition(orders);
}

} // namespace hearth
