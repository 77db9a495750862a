#include "store/orderstable.h"

#include "core/ordercodec.h"
#include "store/orderswritebatch.h"

#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentMap>
#include <QJsonParseError>
#include <QSqlQuery>

namespace hearth::OrdersTable {

namespace {

// Leaves the connection without an open transaction whatever state the failure left it in.
bool rollBack(const QSqlDatabase &database, const QSqlError &cause, QSqlError *error)
{
    *error = cause;
    QSqlQuery(database).exec(QStringLiteral("ROLLBACK"));
    return false;
}

// Without a position only the time moves: the saved position stays where it was.
bool writeMeta(const QSqlDatabase &database, const std::optional<SyncPosition> &position,
               const QDateTime &savedAt, QSqlError *error)
{
    QSqlQuery query(database);
    const bool prepared = position
        ? query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (id, epoch, seq, saved_at) VALUES (1, ?, ?, ?)"))
        : query.prepare(QStringLiteral("UPDATE meta SET saved_at = ? WHERE id = 1"));
    if (!prepared) {
        *error = query.lastError();
        return false;
    }
    if (position) {
        query.addBindValue(position->epoch.isNull() ? QStringLiteral("") : position->epoch);
        query.addBindValue(position->seq);
    }
    query.addBindValue(savedAt.toMSecsSinceEpoch());
    if (!query.exec()) {
        *error = query.lastError();
        return false;
    }
    return true;
}

} // namespace

QList<CacheDatabase::Migration> migrations()
{
    return {
        // 1: orders keyed by id with the version that decides upserts; `closed` and `updated_at`
        // (ms since the epoch, UTC) exist for pruning, `json` holds the whole order as UTF-8
        // OrderCodec JSON so the schema need not follow every field of the order.
        {
            QStringLiteral("CREATE TABLE orders (id TEXT PRIMARY KEY NOT NULL,"
                           " version INTEGER NOT NULL, closed INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL, json BLOB NOT NULL)"),
            QStringLiteral("CREATE INDEX orders_closed_by_age ON orders (updated_at) WHERE closed = 1"),
            QStringLiteral("CREATE TABLE meta (id INTEGER PRIMARY KEY CHECK (id = 1),"
                           " epoch TEXT NOT NULL, seq INTEGER NOT NULL, saved_at INTEGER NOT NULL)"),
        },
    };
}

bool write(const QSqlDatabase &database, const OrdersWriteBatch &batch, const QDateTime &savedAt,
           QSqlError *error)
{
    QSqlQuery query(database);
    // IMMEDIATE takes the write lock up front, so a busy file is waited for here rather than
    // discovered half-way through the batch.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = query.lastError();
        return false;
    }
    if (batch.replacesAll() && !query.exec(QStringLiteral("DELETE FROM orders")))
        return rollBack(database, query.lastError(), error);

    QSqlQuery upsert(database);
    if (!upsert.prepare(QStringLiteral(
            "INSERT INTO orders (id, version, closed, updated_at, json) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET version = excluded.version, closed = excluded.closed,"
            " updated_at = excluded.updated_at, json = excluded.json"
            // >=: an equal version arrived later and wins (core/versionrule.h); the batch holds
            // one copy per order, the model's.
            " WHERE excluded.version >= orders.version"))) {
        return rollBack(database, upsert.lastError(), error);
    }
    for (const Order &order : batch.orders()) {
        upsert.bindValue(0, order.id);
        upsert.bindValue(1, order.version);
        upsert.bindValue(2, order.isOpen() ? 0 : 1);
        upsert.bindValue(3, order.updatedAt.toMSecsSinceEpoch());
        upsert.bindValue(4, QJsonDocument(OrderCodec::toJson(order)).toJson(QJsonDocument::Compact));
        if (!upsert.exec())
            return rollBack(database, upsert.lastError(), error);
    }

    QSqlError failure;
    int pruned = 0;
    if (batch.replacesAll() && !pruneClosed(database, savedAt, &pruned, &failure))
        return rollBack(database, failure, error);
    if (!writeMeta(database, batch.position(), savedAt, &failure))
        return rollBack(database, failure, error);
    if (!query.exec(QStringLiteral("COMMIT")))
        return rollBack(database, query.lastError(), error);
    return true;
}

bool pruneClosed(const QSqlDatabase &database, const QDateTime &now, int *pruned, QSqlError *error)
{
    const qint64 cutoff =
        now.toMSecsSinceEpoch() - std::chrono::milliseconds(closedOrderRetention).count();
    QSqlQuery query(database);
    if (!query.prepare(QStringLiteral("DELETE FROM orders WHERE closed = 1 AND updated_at < ?"))) {
        *error = query.lastError();
        return false;
    }
    query.addBindValue(cutoff);
    if (!query.exec()) {
        *error = query.lastError();
        return false;
    }
    *pruned = query.numRowsAffected();
    return true;
}

bool isPrunable(const Order &order, const QDateTime &now)
{
    const qint64 cutoff =
        now.toMSecsSinceEpoch() - std::chrono::milliseconds(closedOrderRetention).count();
    return !order.isOpen() && order.updatedAt.toMSecsSinceEpoch() < cutoff;
}

namespace {

struct StoredRow
{
    QString id;
    QByteArray json;
};

// The order a row holds, or why it holds none.
struct DecodedRow
{
    std::optional<Order> order;
    QString reason;
};

DecodedRow decodeRow(const StoredRow &row)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(row.json, &parseError);
    if (!document.isObject()) {
        return {std::nullopt, parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                           : QStringLiteral("not a JSON object")};
    }
    Decoded<Order> decoded = OrderCodec::fromJson(document.object());
    if (!decoded.ok())
        return {std::nullopt, decoded.errorString()};
    if (decoded.value->id != row.id)
        return {std::nullopt, QStringLiteral("holds order \"%1\"").arg(decoded.value->id)};
    return {std::move(decoded.value), {}};
}

} // namespace

bool read(const QSqlDatabase &database, ReadResult *result, QSqlError *error)
{
    QSqlQuery query(database);
    query.setForwardOnly(true); // each row is read once; spares Qt from caching the result set
    if (!query.exec(QStringLiteral("SELECT id, json FROM orders"))) {
        *error = query.lastError();
        return false;
    }
    QList<StoredRow> rows;
    while (query.next())
        rows.append(StoredRow{query.value(0).toString(), query.value(1).toByteArray()});
    // next() also ends at a read error, e.g. a corrupt page half-way through the table.
    if (query.lastError().isValid()) {
        *error = query.lastError();
        return false;
    }
    // Decoding the JSON is most of a start-up from a large cache, and the GUI thread waits for
    // it: every core takes a share (the results keep the rows' order).
    QList<DecodedRow> decoded = QtConcurrent::blockingMapped(rows, decodeRow);
    QList<Order> orders;
    orders.reserve(decoded.size());
    for (qsizetype i = 0; i < decoded.size(); ++i) {
        if (decoded[i].order) {
            orders.append(std::move(*decoded[i].order));
        } else if (result->skipped++ == 0) {
            result->firstSkipReason = QStringLiteral("row \"%1\": %2").arg(rows.at(i).id, decoded.at(i).reason);
        }
    }

    QSqlQuery meta(database);
    meta.setForwardOnly(true);
    if (!meta.exec(QStringLiteral("SELECT epoch, seq, saved_at FROM meta WHERE id = 1"))) {
        *error = meta.lastError();
        return false;
    }
    CachedOrders &cached = result->cached;
    cached.orders = std::move(orders);
    if (meta.next()) {
        cached.position.epoch = meta.value(0).toString();
        cached.position.seq = meta.value(1).toLongLong();
        cached.savedAt = QDateTime::fromMSecsSinceEpoch(meta.value(2).toLongLong(), Qt::UTC);
    } else if (meta.lastError().isValid()) {
        *error = meta.lastError();
        return false;
    }
    return true;
}

} // namespace hearth::OrdersTable
