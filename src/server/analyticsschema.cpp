#include "server/analyticsschema.h"

#include "server/analyticsrepository.h"
#include "server/database.h"
#include "server/migrations.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace hearth::server::AnalyticsSchema {

bool create(QSqlDatabase &database)
{
    const bool created = Migrations::execAll(database, {
        QStringLiteral("CREATE TABLE analytics_events ("
                       " restaurant_id TEXT NOT NULL,"
                       " widget_id TEXT NOT NULL,"
                       " ts INTEGER NOT NULL,"            // ms since the Unix epoch, as the widget said
                       " step INTEGER NOT NULL,"          // AnalyticsStep: 0 view … 5 order_completed
                       " session INTEGER NOT NULL,"       // 64-bit hash of the anonymous session id
                       " value_cents INTEGER NOT NULL)"),
        // Retention deletes by age; a guest's path is looked up by session within a day.
        QStringLiteral("CREATE INDEX analytics_events_by_time ON analytics_events(restaurant_id, ts)"),
        QStringLiteral("CREATE TABLE analytics_minutes ("
                       " restaurant_id TEXT NOT NULL,"
                       " minute INTEGER NOT NULL,"        // ms since the Unix epoch of the minute's start
                       " widget_id TEXT NOT NULL,"
                       " step INTEGER NOT NULL,"
                       " event_count INTEGER NOT NULL,"
                       " value_cents INTEGER NOT NULL,"
                       " PRIMARY KEY (restaurant_id, minute, widget_id, step))"),
        // The summary of all widgets: an index-only range scan.
        QStringLiteral("CREATE INDEX analytics_minutes_by_time "
                       "ON analytics_minutes(restaurant_id, minute, step, event_count, value_cents)"),
        // The summary of one widget: a range of its minutes, without the other widgets' rows.
        QStringLiteral("CREATE INDEX analytics_minutes_by_widget "
                       "ON analytics_minutes(restaurant_id, widget_id, minute, step, event_count, value_cents)"),
        // The same per hour: what a month by day or by hour reads (a few thousand rows, not
        // a hundred thousand minutes).
        QStringLiteral("CREATE TABLE analytics_hours ("
                       " restaurant_id TEXT NOT NULL,"
                       " minute INTEGER NOT NULL,"        // ms since the Unix epoch of the hour's start
                       " widget_id TEXT NOT NULL,"
                       " step INTEGER NOT NULL,"
                       " event_count INTEGER NOT NULL,"
                       " value_cents INTEGER NOT NULL,"
                       " PRIMARY KEY (restaurant_id, minute, widget_id, step))"),
        QStringLiteral("CREATE INDEX analytics_hours_by_time "
                       "ON analytics_hours(restaurant_id, minute, step, event_count, value_cents)"),
        QStringLiteral("CREATE INDEX analytics_hours_by_widget "
                       "ON analytics_hours(restaurant_id, widget_id, minute, step, event_count, value_cents)"),
        QStringLiteral("CREATE TABLE widget_keys ("
                       " key TEXT PRIMARY KEY,"
                       " restaurant_id TEXT NOT NULL,"
                       " widget_id TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " UNIQUE (restaurant_id, widget_id))"),
    });
    if (!created)
        return false;
    QSqlQuery query(database);
    if (!execPrepared(query, QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"),
                      {QString(AnalyticsRepository::retentionSetting), QString::number(defaultRetentionDays)}))
        return false;
    // The widgets there already get their keys now; new ones get theirs when first asked for.
    QSqlQuery widgets(database);
    if (!execPrepared(widgets, QStringLiteral("SELECT restaurant_id, id FROM widgets")))
        return false;
    QList<std::pair<QString, QString>> ids;
    while (widgets.next())
        ids.append({widgets.value(0).toString(), widgets.value(1).toString()});
    for (const auto &[restaurantId, widgetId] : std::as_const(ids)) {
        QSqlQuery insert(database);
        if (!execPrepared(insert,
                          QStringLiteral("INSERT INTO widget_keys (key, restaurant_id, widget_id, created_at) "
                                         "VALUES (?, ?, ?, ?)"),
                          {AnalyticsRepository::newKey(), restaurantId, widgetId,
                           QDateTime::currentMSecsSinceEpoch()}))
            return false;
    }
    return true;
}

} // namespace hearth::server::AnalyticsSchema
