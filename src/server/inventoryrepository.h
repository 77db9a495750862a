#pragma once

// SQL for a restaurant's stock lines, always scoped by restaurant. `last_seq` is the seq of the
// inventory-channel event that last touched a row, so a REST delta is a range query.
#include "core/inventoryitem.h"

#include <QList>
#include <QString>

#include <optional>

namespace hearth::server {

class Database;

class InventoryRepository final
{
public:
    explicit InventoryRepository(Database *database);

    bool insert(const QString &restaurantId, const InventoryItem &item, qint64 lastSeq);
    bool update(const QString &restaurantId, const InventoryItem &item, qint64 lastSeq);
    std::optional<InventoryItem> find(const QString &restaurantId, const QString &itemId) const;
    // In the order they were created.
    QList<InventoryItem> all(const QString &restaurantId) const;
    QList<InventoryItem> changedSince(const QString &restaurantId, qint64 seq) const;

private:
    QList<InventoryItem> select(const QString &whereClause, const QVariantList &values) const;

    Database *m_database;
};

} // namespace hearth::server
