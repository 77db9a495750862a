#pragma once

// The widget domain: the configuration of a restaurant's website widgets (table booking, online
// ordering) as managers edit it. No I/O here; WidgetCodec maps it to the wire and validates it.
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <array>
#include <optional>

namespace hearth {

enum class WidgetKind { Booking, Ordering };

// Wire names ("booking", "ordering"); the parser returns nothing for an unknown name.
QString widgetKindToWire(WidgetKind kind);
std::optional<WidgetKind> widgetKindFromWire(const QString &name);

// One span of a day when the restaurant is open, in minutes since midnight (0..1440; 1440 is the
// "24:00" that closes a day at midnight). Closing is exclusive, so 12:00–14:30 and 14:30–18:00
// touch without overlapping.
struct OpeningRange
{
    int openMinute = 0;
    int closeMinute = 0;

    bool overlaps(const OpeningRange &other) const
    {
        return openMinute < other.closeMinute && other.openMinute < closeMinute;
    }
    friend bool operator==(const OpeningRange &a, const OpeningRange &b)
    {
        return a.openMinute == b.openMinute && a.closeMinute == b.closeMinute;
    }
    friend bool operator!=(const OpeningRange &a, const OpeningRange &b) { return !(a == b); }
};

// "HH:MM" on the wire; "24:00" is allowed (midnight at the end of a day). The parser accepts
// exactly two digits, a colon and two digits, and returns nothing for anything else.
QString minuteToWire(int minuteOfDay);
std::optional<int> minuteFromWire(const QString &text);

// The opening hours of a week: for each day, Monday first, its ranges (none: closed that day).
struct WeeklyHours
{
    static constexpr int dayCount = 7;
    std::array<QList<OpeningRange>, dayCount> days;

    // "mon" … "sun", the wire keys, for day 0 (Monday) … 6 (Sunday).
    static QString dayKey(int day);
    static std::optional<int> dayFromKey(const QString &key);

    friend bool operator==(const WeeklyHours &a, const WeeklyHours &b) { return a.days == b.days; }
    friend bool operator!=(const WeeklyHours &a, const WeeklyHours &b) { return !(a == b); }
};

// Every setting of every kind. A widget uses the settings of its kind (see WidgetCodec's
// settingKeys); those of the other kind keep their initial values and never go on the wire.
struct WidgetSettings
{
    // All kinds
    bool enabled = true;
    QString title;
    QString greeting;
    QString primaryColor;        // "#rrggbb"
    QString buttonText;
    WeeklyHours openingHours;
    // Booking
    int maxPartySize = 8;        // 1..50 guests
    int leadTimeMinutes = 120;   // 0..10080: how long before the visit a table must be booked
    int slotMinutes = 30;        // 15, 30 or 60
    // Ordering
    qint64 minimumOrderCents = 0; // 0..100 000 000
    bool pickupEnabled = true;
    bool deliveryEnabled = false;
    bool paused = false;         // "pause online orders": the widget shows, orders are refused

    // Values a new widget of that kind starts with; they pass validation.
    static WidgetSettings defaults(WidgetKind kind);

    friend bool operator==(const WidgetSettings &a, const WidgetSettings &b);
    friend bool operator!=(const WidgetSettings &a, const WidgetSettings &b) { return !(a == b); }
};

// Who made a widget's latest change, and from which PC (as its user names it; may be empty).
struct WidgetEditor
{
    QString username;
    QString displayName;
    QString device;

    friend bool operator==(const WidgetEditor &a, const WidgetEditor &b)
    {
        return a.username == b.username && a.displayName == b.displayName && a.device == b.device;
    }
    friend bool operator!=(const WidgetEditor &a, const WidgetEditor &b) { return !(a == b); }
};

struct WidgetConfig
{
    QString id;
    WidgetKind kind = WidgetKind::Booking;
    QString name;                // the managers' own name for it ("Table booking")
    qint64 version = 1;          // grows by one with every change; the If-Match of an edit
    bool archived = false;       // deleted widgets are archived, never erased
    WidgetSettings settings;
    QDateTime updatedAt;
    WidgetEditor updatedBy;

    friend bool operator==(const WidgetConfig &a, const WidgetConfig &b);
    friend bool operator!=(const WidgetConfig &a, const WidgetConfig &b) { return !(a == b); }
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::WidgetSettings)
Q_DECLARE_METATYPE(hearth::WidgetConfig)
