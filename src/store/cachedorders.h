#pragma once

// What the orders cache hands back at start-up: the last known orders and how far into the
// orders channel they reach.
#include "core/order.h"
#include "core/syncposition.h"

#include <QDateTime>
#include <QList>

namespace hearth {

struct CachedOrders
{
    QList<Order> orders;
    SyncPosition position; // the orders hold the effect of every event up to here
    QDateTime savedAt;     // the last successful write, UTC; invalid when the cache was empty

    bool isEmpty() const { return !savedAt.isValid(); }
};

} // namespace hearth
