#include "core/jsonreader.h"

#include <QStringList>

#include <cmath>

namespace hearth {

QString describeErrors(const FieldErrors &errors)
{
    QStringList parts;
    parts.reserve(errors.size());
    for (const FieldError &error : errors)
        parts.append(error.field.isEmpty() ? error.message : error.field + u": " + error.message);
    return parts.join(u"; ");
}

JsonReader::JsonReader(const QJsonObject &object, FieldErrors *errors, QString path)
    : m_object(object), m_errors(errors), m_path(std::move(path))
{
}

QString JsonReader::pathOf(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + u'.' + key;
}

QString JsonReader::pathOfIndex(QLatin1StringView key, qsizetype index) const
{
    return pathOf(key) + u'[' + QString::number(index) + u']';
}

void JsonReader::fail(QLatin1StringView key, const QString &message)
{
    m_errors->append({pathOf(key), message});
}

QString JsonReader::requiredString(QLatin1StringView key, bool allowEmpty)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        fail(key, QStringLiteral("is missing"));
        return {};
    }
    if (!value.isString()) {
        fail(key, QStringLiteral("must be a string"));
        return {};
    }
    QString text = value.toString();
    if (!allowEmpty && text.trimmed().isEmpty())
        fail(key, QStringLiteral("must not be empty"));
    return text;
}

QString JsonReader::optionalString(QLatin1StringView key, const QString &fallback)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isString()) {
        fail(key, QStringLiteral("must be a string"));
        return fallback;
    }
    return value.toString();
}

std::optional<qint64> JsonReader::integerAt(QLatin1StringView key, const QJsonValue &value,
                                            qint64 min, qint64 max)
{
    if (!value.isDouble()) {
        fail(key, QStringLiteral("must be a number"));
        return std::nullopt;
    }
    const double number = value.toDouble();
    // Doubles hold integers exactly up to 2^53; beyond that the wire value is already ambiguous.
    constexpr double exactLimit = 9007199254740992.0;
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > exactLimit) {
        fail(key, QStringLiteral("must be a whole number"));
        return std::nullopt;
    }
    const auto integer = static_cast<qint64>(number);
    if (integer < min || integer > max) {
        fail(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return integer;
}

qint64 JsonReader::requiredInteger(QLatin1StringView key, qint64 min, qint64 max)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        fail(key, QStringLiteral("is missing"));
        return 0;
    }
    return integerAt(key, value, min, max).value_or(0);
}

std::optional<qint64> JsonReader::optionalInteger(QLatin1StringView key, qint64 min, qint64 max)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return integerAt(key, value, min, max);
}

bool JsonReader::optionalBool(QLatin1StringView key, bool fallback)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isBool()) {
        fail(key, QStringLiteral("must be true or false"));
        return fallback;
    }
    return value.toBool();
}

namespace {

// Reads `count` decimal digits at `at`; -1 when any is not a digit.
int digits(QStringView text, qsizetype at, int count)
{
    int number = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        number = number * 10 + (c - u'0');
    }
    return number;
}

// The wire's own form, "2026-11-20T18:01:02.123Z", read by hand: QDateTime's general ISO parser
// costs more than the rest of decoding an order. Anything else (offsets, other precisions) is
// left to QDateTime.
QDateTime parseWireTimestamp(QStringView text)
{
    if ((text.size() != 20 && text.size() != 24) || text.back() != u'Z' || text[4] != u'-' || text[7] != u'-'
        || text[10] != u'T' || text[13] != u':' || text[16] != u':' || (text.size() == 24 && text[19] != u'.'))
        return {};
    const int milliseconds = text.size() == 24 ? digits(text, 20, 3) : 0;
    const QDate date(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    if (milliseconds < 0 || !date.isValid() || !QTime::isValid(hour, minute, second, milliseconds))
        return {};
    return QDateTime(date, QTime(hour, minute, second, milliseconds), Qt::UTC);
}

} // namespace

QDateTime JsonReader::timestampAt(QLatin1StringView key, const QJsonValue &value)
{
    if (!value.isString()) {
        fail(key, QStringLiteral("must be an ISO 8601 timestamp string"));
        return {};
    }
    const QString text = value.toString();
    if (QDateTime fast = parseWireTimestamp(text); fast.isValid())
        return fast;
    QDateTime timestamp = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!timestamp.isValid()) {
        fail(key, QStringLiteral("is not a valid ISO 8601 timestamp"));
        return {};
    }
    return timestamp.toUTC();
}

QDateTime JsonReader::requiredTimestamp(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined()) {
        fail(key, QStringLiteral("is missing"));
        return {};
    }
    return timestampAt(key, value);
}

QDateTime JsonReader::optionalTimestamp(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    return timestampAt(key, value);
}

QJsonArray JsonReader::requiredArray(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(key, value.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be an array"));
        return {};
    }
    return value.toArray();
}

QJsonObject JsonReader::requiredObject(QLatin1StringView key)
{
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        fail(key, value.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be an object"));
        return {};
    }
    return value.toObject();
}

QString toWireTimestamp(const QDateTime &timestamp)
{
    if (!timestamp.isValid())
        return {};
    // By hand for the same reason as parsing: this runs for every timestamp of every order sent.
    const QDateTime utc = timestamp.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (date.year() < 0 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    return QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(), date.day(),
                             time.hour(), time.minute(), time.second(), time.msec());
}

} // namespace hearth
