#pragma once

// SQL for widget analytics, always scoped by restaurant: raw events, their per-minute rollups,
// the summary over a range (grouped in SQL, bound parameters, indexed columns only), retention,
// and the widgets' public keys. Writes run inside the caller's transaction.
#include "core/analytics.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

namespace hearth::server {

class Database;

// One event as stored: the website's widget said it happened.
struct AnalyticsRecord
{
    QString widgetId;
    AnalyticsStep step = AnalyticsStep::View;
    qint64 session = 0;    // hash of the anonymous session id
    qint64 tsMs = 0;
    qint64 valueCents = 0;
};

struct WidgetKey
{
    QString key;
    QString restaurantId;
    QString widgetId;
};

class AnalyticsRepository final
{
public:
    static constexpr QLatin1StringView retentionSetting{"analytics_retention_days"};
    static constexpr qint64 minuteMs = 60 * 1000;
    static constexpr qint64 hourMs = 60 * minuteMs;

    explicit AnalyticsRepository(Database *database);

    // A fresh random key ("hwk_…"), unguessable: the key is all a website's widget shows.
    static QString newKey();
    // The events folded per widget, step and minute, in a stable order.
    static QList<AnalyticsRow> rollUp(const QList<AnalyticsRecord> &records);

    bool insertEvents(const QString &restaurantId, const QList<AnalyticsRecord> &records);
    bool addToRollup(const QString &restaurantId, const QList<AnalyticsRow> &rows);
    // Totals and buckets of [fromMs, toMs) (minutes whose start lies in it), buckets of
    // `bucketMs` counted from fromMs; `widgetId` empty: every widget. False when unreadable.
    bool readSummary(const QString &restaurantId, const QString &widgetId, qint64 fromMs, qint64 toMs,
                     qint64 bucketMs, AnalyticsSummary *summary) const;
    bool hasAny(const QString &restaurantId) const;

    // Deletes raw events and rollups older than `beforeMs`; how many rows went, -1 on error.
    qint64 pruneBefore(qint64 beforeMs);
    int retentionDays() const;
    bool setRetentionDays(int days);

    std::optional<WidgetKey> findKey(const QString &key) const;
    // The widget's key, made now when it has none; empty on a storage error.
    QString ensureKey(const QString &restaurantId, const QString &widgetId);

private:
    Database *m_database;
};

} // namespace hearth::server
