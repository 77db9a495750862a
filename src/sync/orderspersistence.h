#pragma once

// Mirrors the orders the dashboard shows into the local cache, with the stream position they are
// complete up to, and restores them at start-up so staff see their open orders at once — even
// when the restaurant's Wi-Fi is down at opening time.
#include "store/cachedorders.h"

#include <QObject>

#include <memory>

namespace hearth {

class OrdersCache;
class OrdersSync;
class RealtimeService;

class OrdersPersistence final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersPersistence)

public:
    OrdersPersistence(OrdersSync *sync, RealtimeService *realtime, QObject *parent = nullptr);
    ~OrdersPersistence() override;

    // Opens the cache file (one per server and restaurant), tells the realtime service where
    // its content reaches so the stream resumes from there, and returns the content. A file
    // another program holds locked is not waited for: the result is empty and `deferred`, and
    // restoredLate() brings the content once the file is free.
    CachedOrders open(const QString &databasePath);
    void close();
    bool isOpen() const { return m_cache != nullptr; }
    // open() found the file locked and its content has not arrived yet.
    bool isLoadDeferred() const { return m_loadDeferred; }
    void flush();

signals:
    void writeFailed(const QString &message);
    // The content of a cache whose open() was deferred, now readable, for whoever shows the
    // orders to merge in (the higher version of each order wins). Only while no snapshot has
    // landed since open(): once the server has sent its own, the cache holds nothing newer, and
    // its orders that the server no longer lists must not come back.
    void restoredLate(const hearth::CachedOrders &cached);

private:
    void saveSnapshot(const QList<Order> &orders, const SyncPosition &position);
    void saveChanges(const QList<Order> &orders);
    void onLoadedLate(const CachedOrders &cached);

    OrdersSync *m_sync;
    RealtimeService *m_realtime;
    std::unique_ptr<OrdersCache> m_cache;
    bool m_snapshotSinceOpen = false;
    bool m_loadDeferred = false;
};

} // namespace hearth
