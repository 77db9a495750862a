#pragma once

// SQL for a restaurant's menu items (availability, weekdays, ingredients), always scoped by
// restaurant; `last_seq` as for InventoryRepository (both live on the inventory channel).
#include "core/menuitem.h"

#include <QList>
#include <QString>

#include <optional>

namespace hearth::server {

class Database;

class MenuRepository final
{
public:
    explicit MenuRepository(Database *database);

    bool insert(const QString &restaurantId, const MenuItem &item, qint64 lastSeq);
    bool update(const QString &restaurantId, const MenuItem &item, qint64 lastSeq);
    std::optional<MenuItem> find(const QString &restaurantId, const QString &menuItemId) const;
    std::optional<MenuItem> findByName(const QString &restaurantId, const QString &name) const;
    QList<MenuItem> all(const QString &restaurantId) const;
    QList<MenuItem> changedSince(const QString &restaurantId, qint64 seq) const;

private:
    QList<MenuItem> select(const QString &whereClause, const QVariantList &values) const;

    Database *m_database;
};

} // namespace hearth::server
