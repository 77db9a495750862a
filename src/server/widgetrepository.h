#pragma once

// SQL for widget configurations, always scoped by restaurant. Settings are stored as the wire's
// JSON (WidgetCodec), so the one validator decides what a row may hold; `last_seq` is the seq of
// the widgets-channel event that last touched a row, which makes a REST delta a range query.
#include "core/widgetconfig.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hearth::server {

class Database;

class WidgetRepository final
{
public:
    explicit WidgetRepository(Database *database);

    bool insert(const QString &restaurantId, const WidgetConfig &widget, const QDateTime &createdAt, qint64 lastSeq);
    bool update(const QString &restaurantId, const WidgetConfig &widget, qint64 lastSeq);
    // Archived ones included.
    std::optional<WidgetConfig> find(const QString &restaurantId, const QString &widgetId) const;
    bool exists(const QString &restaurantId, const QString &widgetId) const;
    // Widgets not archived, oldest first.
    QList<WidgetConfig> active(const QString &restaurantId) const;
    // Widgets touched by an event with seq > `seq` (archived included), in seq order.
    QList<WidgetConfig> changedSince(const QString &restaurantId, qint64 seq) const;

private:
    QList<WidgetConfig> select(const QString &whereClause, const QVariantList &values) const;

    Database *m_database;
};

} // namespace hearth::server
