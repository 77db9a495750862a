#include "core/widgetcodec.h"

#include "core/decodearray.h"

#include <cmath>
#include <limits>

namespace hearth::WidgetCodec {

namespace {

const QString settingsPrefix = QStringLiteral("settings");

// Keys and limits of docs/protocol.md, "Widgets".
constexpr QLatin1StringView keyEnabled("enabled");
constexpr QLatin1StringView keyTitle("title");
constexpr QLatin1StringView keyGreeting("greeting");
constexpr QLatin1StringView keyPrimaryColor("primary_color");
constexpr QLatin1StringView keyButtonText("button_text");
constexpr QLatin1StringView keyOpeningHours("opening_hours");
constexpr QLatin1StringView keyMaxPartySize("max_party_size");
constexpr QLatin1StringView keyLeadTime("lead_time_minutes");
constexpr QLatin1StringView keySlotMinutes("slot_minutes");
constexpr QLatin1StringView keyMinimumOrder("minimum_order_cents");
constexpr QLatin1StringView keyPickup("pickup_enabled");
constexpr QLatin1StringView keyDelivery("delivery_enabled");
constexpr QLatin1StringView keyPaused("paused");

constexpr int maxTitle = 80;
constexpr int maxGreeting = 500;
constexpr int maxButtonText = 40;
constexpr int maxName = 80;
constexpr int maxPartySize = 50;
constexpr int maxLeadTime = 7 * 24 * 60;
constexpr qint64 maxMinimumOrder = 100'000'000;
// No restaurant opens more than a handful of times a day; the bound keeps a hostile request small.
constexpr qsizetype maxRangesPerDay = 12;

const QList<QLatin1StringView> commonKeys{keyEnabled, keyTitle, keyGreeting, keyPrimaryColor,
                                          keyButtonText, keyOpeningHours};
const QList<QLatin1StringView> bookingKeys{keyMaxPartySize, keyLeadTime, keySlotMinutes};
const QList<QLatin1StringView> orderingKeys{keyMinimumOrder, keyPickup, keyDelivery, keyPaused};

const QList<QLatin1StringView> &ownKeys(WidgetKind kind)
{
    return kind == WidgetKind::Booking ? bookingKeys : orderingKeys;
}

qsizetype characterCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate())
            ++count;
    }
    return count;
}

bool isColour(const QString &text)
{
    if (text.size() != 7 || text.at(0) != u'#')
        return false;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

QString rangeText(const OpeningRange &range)
{
    return minuteToWire(range.openMinute) + u'\u2013' + minuteToWire(range.closeMinute);
}

// Reads the settings object key by key. A key that is absent is an error, or takes the
// fallback's value when there is one; each bad key adds exactly one error under its path.
class SettingsReader
{
public:
    SettingsReader(const QJsonObject &json, const WidgetSettings *fallback, FieldErrors *errors)
        : m_json(json), m_fallback(fallback), m_errors(errors)
    {
    }

    // The key's value, or nothing when it is absent (then the fallback applies or it was reported).
    std::optional<QJsonValue> take(QLatin1StringView key)
    {
        const QJsonValue value = m_json.value(key);
        if (!value.isUndefined())
            return value;
        if (!m_fallback)
            fail(key, QStringLiteral("is missing"));
        return std::nullopt;
    }

    void readBool(QLatin1StringView key, bool *target)
    {
        if (const auto value = take(key)) {
            if (value->isBool())
                *target = value->toBool();
            else
                fail(key, QStringLiteral("must be true or false"));
        }
    }

    void readText(QLatin1StringView key, int minimum, int maximum, QString *target)
    {
        const auto value = take(key);
        if (!value)
            return;
        if (!value->isString()) {
            fail(key, QStringLiteral("must be text"));
            return;
        }
        const QString text = value->toString();
        const qsizetype length = characterCount(text);
        if (minimum > 0 && text.trimmed().isEmpty())
            fail(key, QStringLiteral("must not be empty"));
        else if (length > maximum)
            fail(key, QStringLiteral("must be at most %1 characters (it has %2)").arg(maximum).arg(length));
        else
            *target = text;
    }

    std::optional<qint64> readWhole(QLatin1StringView key)
    {
        const auto value = take(key);
        if (!value)
            return std::nullopt;
        if (!value->isDouble()) {
            fail(key, QStringLiteral("must be a number"));
            return std::nullopt;
        }
        const double number = value->toDouble();
        // Beyond 2^53 a JSON number no longer holds an exact integer, and nothing here is that big.
        if (std::trunc(number) != number || std::fabs(number) > 9007199254740992.0) {
            fail(key, QStringLiteral("must be a whole number"));
            return std::nullopt;
        }
        return qint64(number);
    }

    void readInteger(QLatin1StringView key, qint64 minimum, qint64 maximum, const QString &rangeMessage,
                     qint64 *target)
    {
        const auto number = readWhole(key);
        if (!number)
            return;
        if (*number < minimum || *number > maximum)
            fail(key, rangeMessage);
        else
            *target = *number;
    }

    void readOpeningHours(WeeklyHours *target)
    {
        const auto value = take(keyOpeningHours);
        if (!value)
            return;
        if (!value->isObject()) {
            fail(keyOpeningHours, QStringLiteral("must list the opening times of each day"));
            return;
        }
        const QJsonObject days = value->toObject();
        const QString hoursPath = pathOf(keyOpeningHours);
        const qsizetype errorsBefore = m_errors->size();
        WeeklyHours hours;
        for (int day = 0; day < WeeklyHours::dayCount; ++day) {
            const QString key = WeeklyHours::dayKey(day);
            readDay(days.value(key), hoursPath + u'.' + key, &hours.days[std::size_t(day)]);
        }
        for (auto it = days.begin(); it != days.end(); ++it) {
            if (!WeeklyHours::dayFromKey(it.key()))
                m_errors->append({hoursPath + u'.' + it.key(),
                                  QStringLiteral("is not a day of the week (mon, tue, … sun)")});
        }
        if (m_errors->size() == errorsBefore)
            *target = std::move(hours);
    }

    // Keys that are neither common nor the kind's own.
    void rejectOtherKeys(WidgetKind kind)
    {
        const WidgetKind other = kind == WidgetKind::Booking ? WidgetKind::Ordering : WidgetKind::Booking;
        for (auto it = m_json.begin(); it != m_json.end(); ++it) {
            const QString &key = it.key();
            if (commonKeys.contains(key) || ownKeys(kind).contains(key))
                continue;
            if (ownKeys(other).contains(key))
                m_errors->append({settingsPrefix + u'.' + key,
                                  QStringLiteral("belongs to %1 widgets, not %2 widgets")
                                      .arg(widgetKindToWire(other), widgetKindToWire(kind))});
            else
                m_errors->append({settingsPrefix + u'.' + key, QStringLiteral("is not a known setting")});
        }
    }

private:
    QString pathOf(QLatin1StringView key) const { return settingsPrefix + u'.' + key; }
    void fail(QLatin1StringView key, const QString &message) { m_errors->append({pathOf(key), message}); }

    void readDay(const QJsonValue &value, const QString &dayPath, QList<OpeningRange> *target)
    {
        if (value.isUndefined()) {
            m_errors->append({dayPath, QStringLiteral("is missing (an empty list means closed that day)")});
            return;
        }
        if (!value.isArray()) {
            m_errors->append({dayPath, QStringLiteral("must be a list of opening times")});
            return;
        }
        const QJsonArray ranges = value.toArray();
        if (ranges.size() > maxRangesPerDay) {
            m_errors->append({dayPath, QStringLiteral("has more than %1 opening times").arg(maxRangesPerDay)});
            return;
        }
        QList<OpeningRange> day;
        QList<bool> usable; // ranges read well enough to be checked for overlaps
        for (qsizetype i = 0; i < ranges.size(); ++i) {
            const QString path = dayPath + u'[' + QString::number(i) + u']';
            const auto problem = readRange(ranges.at(i), &day.emplace_back());
            usable.append(problem.isEmpty());
            if (!problem.isEmpty()) {
                m_errors->append({path, problem});
                continue;
            }
            // The first earlier range it collides with is named, so the message points at a pair.
            for (qsizetype j = 0; j < i; ++j) {
                if (usable.at(j) && day.at(i).overlaps(day.at(j))) {
                    m_errors->append({path, QStringLiteral("overlaps %1").arg(rangeText(day.at(j)))});
                    break;
                }
            }
        }
        *target = std::move(day);
    }

    // Empty when the range is good.
    static QString readRange(const QJsonValue &value, OpeningRange *range)
    {
        const QJsonObject object = value.toObject();
        if (!value.isObject() || !object.contains(QLatin1StringView("open"))
            || !object.contains(QLatin1StringView("close")))
            return QStringLiteral("must have an opening and a closing time, like 12:00 and 14:30");
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() != u"open" && it.key() != u"close")
                return QStringLiteral("has an unknown entry \"%1\"").arg(it.key());
        }
        const auto open = minuteFromWire(object.value(QLatin1StringView("open")).toString());
        if (!open || *open == 24 * 60)
            return QStringLiteral("opening time must be a time like 09:30 (00:00 to 23:59)");
        const auto close = minuteFromWire(object.value(QLatin1StringView("close")).toString());
        if (!close)
            return QStringLiteral("closing time must be a time like 22:00 (00:00 to 24:00)");
        range->openMinute = *open;
        range->closeMinute = *close;
        if (*close == *open)
            return QStringLiteral("opens and closes at the same time");
        if (*close < *open)
            return QStringLiteral("closes before it opens");
        return {};
    }

    QJsonObject m_json;
    const WidgetSettings *m_fallback;
    FieldErrors *m_errors;
};

Decoded<WidgetSettings> decodeSettings(WidgetKind kind, const QJsonObject &json, const WidgetSettings *fallback)
{
    FieldErrors errors;
    SettingsReader reader(json, fallback, &errors);
    WidgetSettings settings = fallback ? *fallback : WidgetSettings{};
    reader.readBool(keyEnabled, &settings.enabled);
    reader.readText(keyTitle, 1, maxTitle, &settings.title);
    reader.readText(keyGreeting, 0, maxGreeting, &settings.greeting);
    if (const auto value = reader.take(keyPrimaryColor)) {
        if (isColour(value->toString()))
            settings.primaryColor = value->toString();
        else
            errors.append({settingsPrefix + u'.' + keyPrimaryColor, QStringLiteral("must be a colour like #1a2b3c")});
    }
    reader.readText(keyButtonText, 1, maxButtonText, &settings.buttonText);
    reader.readOpeningHours(&settings.openingHours);

    qint64 number = 0;
    switch (kind) {
    case WidgetKind::Booking:
        number = settings.maxPartySize;
        reader.readInteger(keyMaxPartySize, 1, maxPartySize,
                           QStringLiteral("must be between 1 and %1 guests").arg(maxPartySize), &number);
        settings.maxPartySize = int(number);
        number = settings.leadTimeMinutes;
        reader.readInteger(keyLeadTime, 0, maxLeadTime,
                           QStringLiteral("must be between 0 and %1 minutes (one week)").arg(maxLeadTime),
                           &number);
        settings.leadTimeMinutes = int(number);
        if (const auto slot = reader.readWhole(keySlotMinutes)) {
            if (*slot == 15 || *slot == 30 || *slot == 60)
                settings.slotMinutes = int(*slot);
            else
                errors.append({settingsPrefix + u'.' + keySlotMinutes, QStringLiteral("must be 15, 30 or 60 minutes")});
        }
        break;
    case WidgetKind::Ordering:
        reader.readInteger(keyMinimumOrder, 0, maxMinimumOrder,
                           QStringLiteral("must be between 0.00 and 1,000,000.00"), &settings.minimumOrderCents);
        reader.readBool(keyPickup, &settings.pickupEnabled);
        reader.readBool(keyDelivery, &settings.deliveryEnabled);
        reader.readBool(keyPaused, &settings.paused);
        break;
    }
    reader.rejectOtherKeys(kind);

    if (!errors.isEmpty())
        return Decoded<WidgetSettings>::failure(std::move(errors));
    return Decoded<WidgetSettings>{std::move(settings), {}};
}

QJsonArray rangesToJson(const QList<OpeningRange> &ranges)
{
    QJsonArray array;
    for (const OpeningRange &range : ranges) {
        array.append(QJsonObject{{QStringLiteral("open"), minuteToWire(range.openMinute)},
                                 {QStringLiteral("close"), minuteToWire(range.closeMinute)}});
    }
    return array;
}

} // namespace

QStringList settingKeys(WidgetKind kind)
{
    QStringList keys;
    for (const QLatin1StringView key : commonKeys)
        keys.append(key);
    for (const QLatin1StringView key : ownKeys(kind))
        keys.append(key);
    return keys;
}

QString settingKeyOfPath(const QString &path)
{
    if (!path.startsWith(settingsPrefix + u'.'))
        return {};
    const QStringView rest = QStringView(path).mid(settingsPrefix.size() + 1);
    qsizetype end = 0;
    while (end < rest.size() && rest.at(end) != u'.' && rest.at(end) != u'[')
        ++end;
    return rest.left(end).toString();
}

QJsonObject settingsToJson(WidgetKind kind, const WidgetSettings &settings)
{
    QJsonObject hours;
    for (int day = 0; day < WeeklyHours::dayCount; ++day)
        hours.insert(WeeklyHours::dayKey(day), rangesToJson(settings.openingHours.days[std::size_t(day)]));
    QJsonObject json{
        {keyEnabled, settings.enabled},
        {keyTitle, settings.title},
        {keyGreeting, settings.greeting},
        {keyPrimaryColor, settings.primaryColor},
        {keyButtonText, settings.buttonText},
        {keyOpeningHours, hours},
    };
    switch (kind) {
    case WidgetKind::Booking:
        json.insert(keyMaxPartySize, settings.maxPartySize);
        json.insert(keyLeadTime, settings.leadTimeMinutes);
        json.insert(keySlotMinutes, settings.slotMinutes);
        break;
    case WidgetKind::Ordering:
        json.insert(keyMinimumOrder, settings.minimumOrderCents);
        json.insert(keyPickup, settings.pickupEnabled);
        json.insert(keyDelivery, settings.deliveryEnabled);
        json.insert(keyPaused, settings.paused);
        break;
    }
    return json;
}

Decoded<WidgetSettings> settingsFromJson(WidgetKind kind, const QJsonObject &json)
{
    return decodeSettings(kind, json, nullptr);
}

Decoded<WidgetSettings> settingsFromJson(WidgetKind kind, const QJsonObject &json, const WidgetSettings &fallback)
{
    return decodeSettings(kind, json, &fallback);
}

FieldErrors validateSettings(WidgetKind kind, const WidgetSettings &settings)
{
    return decodeSettings(kind, settingsToJson(kind, settings), nullptr).errors;
}

QString nameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("must not be empty");
    if (const qsizetype length = characterCount(name); length > maxName)
        return QStringLiteral("must be at most %1 characters (it has %2)").arg(maxName).arg(length);
    return {};
}

QJsonObject editorToJson(const WidgetEditor &editor)
{
    return QJsonObject{{QStringLiteral("username"), editor.username},
                       {QStringLiteral("display_name"), editor.displayName},
                       {QStringLiteral("device"), editor.device}};
}

QJsonObject toJson(const WidgetConfig &widget)
{
    return QJsonObject{
        {QStringLiteral("id"), widget.id},
        {QStringLiteral("kind"), widgetKindToWire(widget.kind)},
        {QStringLiteral("name"), widget.name},
        {QStringLiteral("version"), widget.version},
        {QStringLiteral("archived"), widget.archived},
        {QStringLiteral("settings"), settingsToJson(widget.kind, widget.settings)},
        {QStringLiteral("updated_at"), toWireTimestamp(widget.updatedAt)},
        {QStringLiteral("updated_by"), editorToJson(widget.updatedBy)},
    };
}

Decoded<WidgetConfig> fromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    WidgetConfig widget;
    widget.id = reader.requiredString(QLatin1StringView("id"));

    const QString kind = reader.requiredString(QLatin1StringView("kind"));
    const auto parsedKind = widgetKindFromWire(kind);
    if (parsedKind)
        widget.kind = *parsedKind;
    else if (!kind.isEmpty())
        reader.fail(QLatin1StringView("kind"), QStringLiteral("unknown widget kind \"%1\"").arg(kind));

    widget.name = reader.requiredString(QLatin1StringView("name"), true);
    if (json.value(QLatin1StringView("name")).isString()) {
        if (const QString problem = nameProblem(widget.name); !problem.isEmpty())
            reader.fail(QLatin1StringView("name"), problem);
    }
    widget.version = reader.requiredInteger(QLatin1StringView("version"), 1, std::numeric_limits<qint64>::max() / 2);
    widget.archived = reader.optionalBool(QLatin1StringView("archived"), false);

    const QJsonObject settings = reader.requiredObject(QLatin1StringView("settings"));
    if (parsedKind && json.value(QLatin1StringView("settings")).isObject()) {
        Decoded<WidgetSettings> decoded = settingsFromJson(*parsedKind, settings);
        if (decoded.ok())
            widget.settings = std::move(*decoded.value);
        else
            errors.append(decoded.errors);
    }

    widget.updatedAt = reader.requiredTimestamp(QLatin1StringView("updated_at"));
    const QJsonValue editor = json.value(QLatin1StringView("updated_by"));
    if (editor.isObject()) {
        JsonReader editorReader(editor.toObject(), &errors, QStringLiteral("updated_by"));
        widget.updatedBy.username = editorReader.optionalString(QLatin1StringView("username"));
        widget.updatedBy.displayName = editorReader.optionalString(QLatin1StringView("display_name"));
        widget.updatedBy.device = editorReader.optionalString(QLatin1StringView("device"));
    } else if (!editor.isUndefined() && !editor.isNull()) {
        reader.fail(QLatin1StringView("updated_by"), QStringLiteral("must be an object"));
    }

    if (!errors.isEmpty())
        return Decoded<WidgetConfig>::failure(std::move(errors));
    return Decoded<WidgetConfig>{std::move(widget), {}};
}

Decoded<WidgetConfig> deletionFromJson(const QJsonObject &json)
{
    Decoded<WidgetConfig> whole = fromJson(json);
    if (whole.ok()) {
        whole.value->archived = true;
        return whole;
    }
    FieldErrors errors;
    JsonReader reader(json, &errors);
    WidgetConfig widget;
    widget.id = reader.requiredString(QLatin1StringView("id"));
    widget.archived = true;
    widget.version = json.value(QLatin1StringView("version")).isUndefined()
        ? finalVersion
        : reader.requiredInteger(QLatin1StringView("version"), 1, std::numeric_limits<qint64>::max() / 2);
    if (!errors.isEmpty())
        return Decoded<WidgetConfig>::failure(std::move(errors));
    return Decoded<WidgetConfig>{std::move(widget), {}};
}

QJsonArray toJsonArray(const QList<WidgetConfig> &widgets)
{
    QJsonArray array;
    for (const WidgetConfig &widget : widgets)
        array.append(toJson(widget));
    return array;
}

Decoded<QList<WidgetConfig>> fromJsonArray(const QJsonArray &json)
{
    return decodeArray<WidgetConfig>(json, [](const QJsonObject &object) { return fromJson(object); });
}

} // namespace hearth::WidgetCodec
