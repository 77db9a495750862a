#pragma once

// Widget rows as a Rails app and a Supabase project store them, for the shipped profiles'
// `widget` mappings: the Rails serializer names things its own way (widget_type, label, config,
// brand_color, minimum_order as a decimal string) and Supabase keeps Hearth's shape in a jsonb
// column. Each table hands out strictly increasing updated_at stamps, as a real server does, so
// derived versions grow with every change.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace foreignwidgets {

inline QJsonObject openingHours()
{
    const QJsonArray lunchAndDinner{QJsonObject{{QStringLiteral("open"), QStringLiteral("11:00")},
                                                {QStringLiteral("close"), QStringLiteral("14:30")}},
                                    QJsonObject{{QStringLiteral("open"), QStringLiteral("17:00")},
                                                {QStringLiteral("close"), QStringLiteral("21:00")}}};
    QJsonObject hours;
    for (const char *day : {"mon", "tue", "wed", "thu", "fri", "sat"})
        hours.insert(QLatin1StringView(day), lunchAndDinner);
    hours.insert(QStringLiteral("sun"), QJsonArray());
    return hours;
}

// A stamp source: Hawaii time with microseconds, one millisecond later each call.
class Stamps
{
public:
    QString next()
    {
        m_clock = m_clock.addMSecs(1);
        return m_clock.toOffsetFromUtc(-10 * 3600).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz"))
            + QStringLiteral("250-10:00");
    }
    // Microseconds since 1970 of the latest stamp: the version the profile derives from it.
    qint64 lastVersion() const { return m_clock.toMSecsSinceEpoch() * 1000 + 250; }

private:
    QDateTime m_clock = QDateTime(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC);
};

// The Rails app's widgets table, as its serializer writes rows (hafaloha-actioncable.json).
class RailsWidgets
{
public:
    QJsonObject createBooking(const QString &label, const QString &title)
    {
        QJsonObject config{{QStringLiteral("enabled"), true},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("brand_color"), QStringLiteral("#b5432f")},
                           {QStringLiteral("button_text"), QStringLiteral("Book now")},
                           {QStringLiteral("opening_hours"), openingHours()},
                           {QStringLiteral("max_party_size"), QStringLiteral("8")}, // a digit string
                           {QStringLiteral("lead_time_minutes"), 120},
                           {QStringLiteral("slot_minutes"), 30},
                           {QStringLiteral("internal_note"), QStringLiteral("not Hearth's")}};
        return insert(QStringLiteral("reservations"), label, config);
    }

    QJsonObject createOrdering(const QString &label, const char *minimumOrder)
    {
        QJsonObject config{{QStringLiteral("enabled"), true},
                           {QStringLiteral("title"), QStringLiteral("Order online")},
                           {QStringLiteral("greeting"), QStringLiteral("Aloha!")},
                           {QStringLiteral("brand_color"), QStringLiteral("#1d6f42")},
                           {QStringLiteral("button_text"), QStringLiteral("Start order")},
                           {QStringLiteral("opening_hours"), openingHours()},
                           {QStringLiteral("minimum_order"), QString::fromLatin1(minimumOrder)},
                           {QStringLiteral("pickup_enabled"), true},
                           {QStringLiteral("delivery_enabled"), false},
                           {QStringLiteral("paused"), false}};
        return insert(QStringLiteral("online_ordering"), label, config);
    }

    // Changes one key of the config, stamping the row.
    QJsonObject setConfig(int id, const QString &key, const QJsonValue &value)
    {
        QJsonObject &row = m_rows[id];
        QJsonObject config = row.value(QStringLiteral("config")).toObject();
        config.insert(key, value);
        row.insert(QStringLiteral("config"), config);
        row.insert(QStringLiteral("updated_at"), m_stamps.next());
        return row;
    }

    QJsonObject destroy(int id) { return m_rows.take(id); } // Rails' destroy: updated_at untouched
    QJsonObject row(int id) const { return m_rows.value(id); }
    qint64 lastVersion() const { return m_stamps.lastVersion(); }

    QByteArray listBody() const
    {
        QJsonArray widgets;
        for (const QJsonObject &row : m_rows)
            widgets.append(row);
        return QJsonDocument(QJsonObject{{QStringLiteral("widgets"), widgets}}).toJson(QJsonDocument::Compact);
    }

private:
    QJsonObject insert(const QString &type, const QString &label, const QJsonObject &config)
    {
        const int id = m_nextId++;
        const QJsonObject row{{QStringLiteral("id"), id},
                              {QStringLiteral("restaurant_id"), 1},
                              {QStringLiteral("widget_type"), type},
                              {QStringLiteral("label"), label},
                              {QStringLiteral("config"), config},
                              {QStringLiteral("created_at"), m_stamps.next()},
                              {QStringLiteral("updated_at"), m_stamps.next()}};
        m_rows.insert(id, row);
        return row;
    }

    QMap<int, QJsonObject> m_rows;
    int m_nextId = 1;
    Stamps m_stamps;
};

// A Supabase `widgets` table (supabase-phoenix.json): Hearth's own names, settings in jsonb,
// uuid keys, a soft-delete flag.
class SupabaseWidgets
{
public:
    QJsonObject createBooking(const QString &id, const QString &name, const QString &title)
    {
        const QJsonObject settings{{QStringLiteral("enabled"), true},
                                   {QStringLiteral("title"), title},
                                   {QStringLiteral("greeting"), QString()},
                                   {QStringLiteral("primary_color"), QStringLiteral("#334455")},
                                   {QStringLiteral("button_text"), QStringLiteral("Reserve")},
                                   {QStringLiteral("opening_hours"), openingHours()},
                                   {QStringLiteral("max_party_size"), 12},
                                   {QStringLiteral("lead_time_minutes"), 60},
                                   {QStringLiteral("slot_minutes"), 15}};
        const QJsonObject row{{QStringLiteral("id"), id},
                              {QStringLiteral("restaurant_id"), 42},
                              {QStringLiteral("kind"), QStringLiteral("booking")},
                              {QStringLiteral("name"), name},
                              {QStringLiteral("archived"), false},
                              {QStringLiteral("settings"), settings},
                              {QStringLiteral("updated_at"), m_stamps.next()}};
        m_rows.insert(id, row);
        return row;
    }

    QJsonObject setSetting(const QString &id, const QString &key, const QJsonValue &value)
    {
        QJsonObject &row = m_rows[id];
        QJsonObject settings = row.value(QStringLiteral("settings")).toObject();
        settings.insert(key, value);
        row.insert(QStringLiteral("settings"), settings);
        row.insert(QStringLiteral("updated_at"), m_stamps.next());
        return row;
    }

    QJsonObject remove(const QString &id) { return m_rows.take(id); }
    QJsonObject row(const QString &id) const { return m_rows.value(id); }

    // PostgREST answers the array itself.
    QByteArray listBody() const
    {
        QJsonArray rows;
        for (const QJsonObject &row : m_rows)
            rows.append(row);
        return QJsonDocument(rows).toJson(QJsonDocument::Compact);
    }

private:
    QMap<QString, QJsonObject> m_rows;
    Stamps m_stamps;
};

} // namespace foreignwidgets
