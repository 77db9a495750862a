#pragma once

// Cache writes that are still queued, folded into the one transaction the worker will write.
// Folding keeps one entry per order id, so the queue is bounded by the number of distinct
// orders, not by the number of calls.
#include "core/order.h"
#include "core/syncposition.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace hearth {

class OrdersWriteBatch
{
public:
    OrdersWriteBatch() = default; // empty: nothing to write

    // After a snapshot: the cache will hold exactly these orders.
    static OrdersWriteBatch replacing(const QList<Order> &orders, const SyncPosition &position);
    // After a streamed batch: the cache keeps the higher version of each order.
    static OrdersWriteBatch upserting(const QList<Order> &orders, const SyncPosition &position);
    // The same, leaving the saved position as it is (the stream has none of its own yet).
    static OrdersWriteBatch upsertingAtSavedPosition(const QList<Order> &orders);

    // Folds in a batch queued after this one. A replacement supersedes everything before it;
    // otherwise each order keeps its higher version (the earlier one on a tie, as the table does)
    // and the later position wins, if it has one.
    void append(OrdersWriteBatch later);

    bool isEmpty() const { return !m_hasContent; }
    bool replacesAll() const { return m_replacesAll; }
    const QHash<QString, Order> &orders() const { return m_orders; }
    // Empty: leave the saved position as it is.
    const std::optional<SyncPosition> &position() const { return m_position; }

private:
    OrdersWriteBatch(const QList<Order> &orders, const std::optional<SyncPosition> &position, bool replacesAll);
    void merge(const Order &order);

    QHash<QString, Order> m_orders;
    std::optional<SyncPosition> m_position;
    bool m_replacesAll = false;
    bool m_hasContent = false;
};

} // namespace hearth
