#include "ui/settingtext.h"

#include "core/widgetconfig.h"
#include "ui/openinghourstext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace hearth::SettingText {

namespace {

// The context lupdate gives tr() calls in this namespace, so the translations are found.
QString tr(const char *text, const char *comment = nullptr)
{
    return QCoreApplication::translate("hearth::SettingText", text, comment);
}

WeeklyHours hoursFromJson(const QJsonObject &json)
{
    WeeklyHours hours;
    for (int day = 0; day < WeeklyHours::dayCount; ++day) {
        const QJsonArray ranges = json.value(WeeklyHours::dayKey(day)).toArray();
        for (const QJsonValue &range : ranges) {
            const QJsonObject object = range.toObject();
            hours.days[static_cast<size_t>(day)].append(
                OpeningRange{minuteFromWire(object.value(QLatin1StringView("open")).toString()).value_or(0),
                             minuteFromWire(object.value(QLatin1StringView("close")).toString()).value_or(0)});
        }
    }
    return hours;
}

} // namespace

QString label(const QString &key)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("hearth::SettingText", "Name")},
        {QStringLiteral("enabled"), QT_TRANSLATE_NOOP("hearth::SettingText", "Shown on the website")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("hearth::SettingText", "Title")},
        {QStringLiteral("greeting"), QT_TRANSLATE_NOOP("hearth::SettingText", "Greeting")},
        {QStringLiteral("primary_color"), QT_TRANSLATE_NOOP("hearth::SettingText", "Primary colour")},
        {QStringLiteral("button_text"), QT_TRANSLATE_NOOP("hearth::SettingText", "Button text")},
        {QStringLiteral("opening_hours"), QT_TRANSLATE_NOOP("hearth::SettingText", "Opening hours")},
        {QStringLiteral("max_party_size"), QT_TRANSLATE_NOOP("hearth::SettingText", "Largest party")},
        {QStringLiteral("lead_time_minutes"), QT_TRANSLATE_NOOP("hearth::SettingText", "Booking lead time")},
        {QStringLiteral("slot_minutes"), QT_TRANSLATE_NOOP("hearth::SettingText", "Slot length")},
        {QStringLiteral("minimum_order_cents"), QT_TRANSLATE_NOOP("hearth::SettingText", "Minimum order")},
        {QStringLiteral("pickup_enabled"), QT_TRANSLATE_NOOP("hearth::SettingText", "Pickup")},
        {QStringLiteral("delivery_enabled"), QT_TRANSLATE_NOOP("hearth::SettingText", "Delivery")},
        {QStringLiteral("paused"), QT_TRANSLATE_NOOP("hearth::SettingText", "Online orders paused")},
    };
    const char *text = labels.value(key);
    return text ? tr(text) : key;
}

QString value(const QString &key, const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return tr("(not set)");
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    if (key == u"opening_hours")
        return OpeningHoursText::summary(hoursFromJson(value.toObject())).join(u'\n');
    if (key == u"minimum_order_cents")
        return QLocale().toCurrencyString(value.toDouble() / 100.0);
    if (key == u"lead_time_minutes" || key == u"slot_minutes")
        return tr("%1 min").arg(value.toInt());
    if (key == u"max_party_size")
        return value.toInt() == 1 ? tr("1 guest") : tr("%1 guests").arg(value.toInt());
    if (value.isString())
        return value.toString().isEmpty() ? tr("(empty)") : tr("“%1”", "a quoted text setting").arg(value.toString());
    if (value.isDouble())
        return QLocale().toString(value.toDouble());
    return tr("(changed)");
}

} // namespace hearth::SettingText
