#pragma once

// What the orders cache hands back at start-up: the last known orders and how far into the
// orders channel they reach.
#include "core/order.h"
#include "core/syncposition.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace hearth {

struct CachedOrders
{
    QList<Order> orders;
    SyncPosition position; // the orders hold the effect of every event up to here
    QDateTime savedAt;     // the last successful write, UTC; invalid when the cache was empty
    // The file was busy (another connection held it): the start goes on without it, and the
    // cache's worker reads it once it can (OrdersCache::loadedLate).
    bool deferred = false;

    bool isEmpty() const { return !savedAt.isValid(); }
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::CachedOrders)
