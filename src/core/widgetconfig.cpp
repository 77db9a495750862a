#include "core/widgetconfig.h"

namespace hearth {

namespace {

constexpr std::array<const char16_t *, WeeklyHours::dayCount> dayKeys{u"mon", u"tue", u"wed", u"thu",
                                                                    u"fri", u"sat", u"sun"};
constexpr int minutesPerDay = 24 * 60;

OpeningRange range(int openHour, int openMinute, int closeHour, int closeMinute)
{
    return OpeningRange{openHour * 60 + openMinute, closeHour * 60 + closeMinute};
}

} // namespace

QString widgetKindToWire(WidgetKind kind)
{
    switch (kind) {
    case WidgetKind::Booking: return QStringLiteral("booking");
    case WidgetKind::Ordering: return QStringLiteral("ordering");
    }
    return {};
}

std::optional<WidgetKind> widgetKindFromWire(const QString &name)
{
    if (name == u"booking")
        return WidgetKind::Booking;
    if (name == u"ordering")
        return WidgetKind::Ordering;
    return std::nullopt;
}

QString minuteToWire(int minuteOfDay)
{
    return QString::asprintf("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
}

std::optional<int> minuteFromWire(const QString &text)
{
    if (text.size() != 5 || text.at(2) != u':')
        return std::nullopt;
    for (const qsizetype i : {0, 1, 3, 4}) {
        if (text.at(i) < u'0' || text.at(i) > u'9')
            return std::nullopt;
    }
    const int hours = (text.at(0).unicode() - u'0') * 10 + (text.at(1).unicode() - u'0');
    const int minutes = (text.at(3).unicode() - u'0') * 10 + (text.at(4).unicode() - u'0');
    if (minutes > 59)
        return std::nullopt;
    const int total = hours * 60 + minutes;
    if (total > minutesPerDay)
        return std::nullopt;
    return total;
}

QString WeeklyHours::dayKey(int day)
{
    if (day < 0 || day >= dayCount)
        return {};
    return QString::fromUtf16(dayKeys.at(std::size_t(day)));
}

std::optional<int> WeeklyHours::dayFromKey(const QString &key)
{
    for (int day = 0; day < dayCount; ++day) {
        if (key == QStringView(dayKeys.at(std::size_t(day))))
            return day;
    }
    return std::nullopt;
}

WidgetSettings WidgetSettings::defaults(WidgetKind kind)
{
    WidgetSettings settings;
    settings.enabled = true;
    switch (kind) {
    case WidgetKind::Booking: {
        settings.title = QStringLiteral("Book a table");
        settings.greeting = QStringLiteral("We look forward to seeing you!");
        settings.primaryColor = QStringLiteral("#b5432f");
        settings.buttonText = QStringLiteral("Book now");
        // Lunch and dinner Tuesday to Saturday, a long Sunday lunch, closed on Mondays.
        for (int day = 1; day <= 5; ++day)
            settings.openingHours.days[std::size_t(day)] = {range(12, 0, 14, 30), range(18, 0, 22, 30)};
        settings.openingHours.days[6] = {range(12, 0, 16, 0)};
        settings.maxPartySize = 8;
        settings.leadTimeMinutes = 120;
        settings.slotMinutes = 30;
        break;
    }
    case WidgetKind::Ordering: {
        settings.title = QStringLiteral("Order online");
        settings.greeting = QStringLiteral("Order ahead and skip the queue.");
        settings.primaryColor = QStringLiteral("#2f6b4f");
        settings.buttonText = QStringLiteral("Start your order");
        for (int day = 0; day < WeeklyHours::dayCount; ++day)
            settings.openingHours.days[std::size_t(day)] = {range(11, 30, 21, 30)};
        settings.minimumOrderCents = 1500;
        settings.pickupEnabled = true;
        settings.deliveryEnabled = true;
        settings.paused = false;
        break;
    }
    }
    return settings;
}

bool operator==(const WidgetSettings &a, const WidgetSettings &b)
{
    return a.enabled == b.enabled && a.title == b.title && a.greeting == b.greeting
        && a.primaryColor == b.primaryColor && a.buttonText == b.buttonText
        && a.openingHours == b.openingHours && a.maxPartySize == b.maxPartySize
        && a.leadTimeMinutes == b.leadTimeMinutes && a.slotMinutes == b.slotMinutes
        && a.minimumOrderCents == b.minimumOrderCents && a.pickupEnabled == b.pickupEnabled
        && a.deliveryEnabled == b.deliveryEnabled && a.paused == b.paused;
}

bool operator==(const WidgetConfig &a, const WidgetConfig &b)
{
    return a.id == b.id && a.kind == b.kind && a.name == b.name && a.version == b.version
        && a.archived == b.archived && a.settings == b.settings && a.updatedAt == b.updatedAt
        && a.updatedBy == b.updatedBy;
}

} // namespace hearth
