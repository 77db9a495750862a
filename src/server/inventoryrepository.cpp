#include "server/inventoryrepository.h"

#include "server/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace hearth::server {

namespace {

const QString selectColumns =
    QStringLiteral("SELECT id, name, unit, stock, damaged, threshold, version FROM inventory_items ");

// Qt binds a null QString as SQL NULL; text columns hold '' instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

InventoryRepository::InventoryRepository(Database *database)
    : m_database(database)
{
}

bool InventoryRepository::insert(const QString &restaurantId, const InventoryItem &item, qint64 lastSeq)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query,
                        QStringLiteral("INSERT INTO inventory_items (restaurant_id, id, name, unit, stock, damaged, "
                                       "threshold, version, position, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                       "(SELECT COUNT(*) FROM inventory_items WHERE restaurant_id = ?), ?)"),
                        {restaurantId, item.id, text(item.name), text(item.unit), item.stock, item.damaged,
                         item.threshold, item.version, restaurantId, lastSeq});
}

bool InventoryRepository::update(const QString &restaurantId, const InventoryItem &item, qint64 lastSeq)
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("UPDATE inventory_items SET name = ?, unit = ?, stock = ?, damaged = ?, "
                                     "threshold = ?, version = ?, last_seq = ? WHERE restaurant_id = ? AND id = ?"),
                      {text(item.name), text(item.unit), item.stock, item.damaged, item.threshold, item.version,
                       lastSeq, restaurantId, item.id}))
        return false;
    return query.numRowsAffected() == 1;
}

std::optional<InventoryItem> InventoryRepository::find(const QString &restaurantId, const QString &itemId) const
{
    const QList<InventoryItem> found =
        select(QStringLiteral("WHERE restaurant_id = ? AND id = ?"), {restaurantId, itemId});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

QList<InventoryItem> InventoryRepository::all(const QString &restaurantId) const
{
    return select(QStringLiteral("WHERE restaurant_id = ? ORDER BY position"), {restaurantId});
}

QList<InventoryItem> InventoryRepository::changedSince(const QString &restaurantId, qint64 seq) const
{
    return select(QStringLiteral("WHERE restaurant_id = ? AND last_seq > ? ORDER BY last_seq"), {restaurantId, seq});
}

QList<InventoryItem> InventoryRepository::select(const QString &whereClause, const QVariantList &values) const
{
    QList<InventoryItem> items;
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    if (!execPrepared(query, selectColumns + whereClause, values))
        return items;
    while (query.next()) {
        InventoryItem item;
        item.id = query.value(0).toString();
        item.name = query.value(1).toString();
        item.unit = query.value(2).toString();
        item.stock = query.value(3).toLongLong();
        item.damaged = query.value(4).toLongLong();
        item.threshold = query.value(5).toLongLong();
        item.version = query.value(6).toLongLong();
        items.append(std::move(item));
    }
    return items;
}

} // namespace hearth::server
