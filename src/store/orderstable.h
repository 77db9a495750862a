#pragma once

// The SQL of the orders cache: its schema, one transaction per write batch, the start-up read and
// the pruning of old closed orders. Call these on the thread that opened the connection.
#include "store/cachedatabase.h"
#include "store/cachedorders.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>

#include <chrono>

namespace hearth {

class OrdersWriteBatch;

namespace OrdersTable {

// How long a completed or cancelled order stays after its last change: the server's snapshot
// window, so the cache never shows a closed order that a snapshot would not.
inline constexpr std::chrono::hours closedOrderRetention{24};

QList<CacheDatabase::Migration> migrations();

// Writes the batch and its position in one transaction, recording `savedAt` with the position.
// A replacing batch also prunes old closed orders.
bool write(const QSqlDatabase &database, const OrdersWriteBatch &batch, const QDateTime &savedAt,
           QSqlError *error);

// Deletes closed orders last changed more than closedOrderRetention before `now`.
bool pruneClosed(const QSqlDatabase &database, const QDateTime &now, int *pruned, QSqlError *error);
// What pruneClosed() deletes, for a read that could not prune (another connection held the file).
bool isPrunable(const Order &order, const QDateTime &now);

struct ReadResult
{
    CachedOrders cached;
    qsizetype skipped = 0;   // rows that did not decode
    QString firstSkipReason; // why the first of them did not, for the log
};
// Reads every order with one query, then the position. Rows that do not decode are skipped and
// counted; only a failing query is an error.
bool read(const QSqlDatabase &database, ReadResult *result, QSqlError *error);

} // namespace OrdersTable

} // namespace hearth
