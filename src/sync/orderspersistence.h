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
    // its content reaches so the stream resumes from there, and returns the content.
    CachedOrders open(const QString &databasePath);
    void close();
    bool isOpen() const { return m_cache != nullptr; }
    void flush();

signals:
    void writeFailed(const QString &message);

private:
    void saveSnapshot(const QList<Order> &orders, const SyncPosition &position);
    void saveChanges(const QList<Order> &orders);

    OrdersSync *m_sync;
    RealtimeService *m_realtime;
    std::unique_ptr<OrdersCache> m_cache;
};

} // namespace hearth
