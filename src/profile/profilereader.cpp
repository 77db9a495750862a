#include "profile/profilereader.h"

#include "profile/placeholders.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace hearth::ProfileParsing {

namespace {

using namespace Qt::StringLiterals;

QString describeType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"true or false"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Array: return u"a list"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: break;
    }
    return u"nothing"_s;
}

} // namespace

ProfileReader::ProfileReader(QJsonObject object, QString path, FieldErrors *errors)
    : m_object(std::move(object)), m_path(std::move(path)), m_errors(errors)
{
}

QString ProfileReader::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

QJsonValue ProfileReader::value(const QString &key)
{
    m_known.insert(key);
    return m_object.value(key);
}

void ProfileReader::fail(const QString &key, const QString &message)
{
    m_errors->append({pathOf(key), message});
}

void ProfileReader::failHere(const QString &message)
{
    m_errors->append({m_path, message});
}

void ProfileReader::rejectKey(const QString &key, const QString &message)
{
    m_known.insert(key);
    if (m_object.contains(key))
        fail(key, message);
}

std::optional<QString> ProfileReader::string(const QString &key, Need need, bool allowEmpty)
{
    const QJsonValue v = value(key);
    if (v.isUndefined()) {
        if (need == Need::Required)
            fail(key, u"is missing"_s);
        return std::nullopt;
    }
    if (!v.isString()) {
        fail(key, u"must be a string, not %1"_s.arg(describeType(v)));
        return std::nullopt;
    }
    const QString text = v.toString();
    if (!allowEmpty && text.trimmed().isEmpty()) {
        fail(key, u"must not be empty"_s);
        return std::nullopt;
    }
    return text;
}

std::optional<QJsonObject> ProfileReader::object(const QString &key, Need need)
{
    const QJsonValue v = value(key);
    if (v.isUndefined()) {
        if (need == Need::Required)
            fail(key, u"is missing"_s);
        return std::nullopt;
    }
    if (!v.isObject()) {
        fail(key, u"must be an object"_s);
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<qint64> ProfileReader::integer(const QString &key, Need need, qint64 min, qint64 max)
{
    const QJsonValue v = value(key);
    if (v.isUndefined()) {
        if (need == Need::Required)
            fail(key, u"is missing"_s);
        return std::nullopt;
    }
    const double number = v.toDouble();
    if (!v.isDouble() || !std::isfinite(number) || std::trunc(number) != number) {
        fail(key, u"must be a whole number"_s);
        return std::nullopt;
    }
    if (number < double(min) || number > double(max)) {
        fail(key, u"must be between %1 and %2"_s.arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(number);
}

std::optional<bool> ProfileReader::boolean(const QString &key, Need need)
{
    const QJsonValue v = value(key);
    if (v.isUndefined()) {
        if (need == Need::Required)
            fail(key, u"is missing"_s);
        return std::nullopt;
    }
    if (!v.isBool()) {
        fail(key, u"must be true or false"_s);
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<QString> ProfileReader::stringOrInteger(const QString &key, Need need)
{
    const QJsonValue v = m_object.value(key);
    if (v.isDouble()) {
        const std::optional<qint64> number = integer(key, need, 0, qint64(1) << 53);
        return number ? std::optional<QString>(QString::number(*number)) : std::nullopt;
    }
    return string(key, need);
}

void ProfileReader::rejectUnknownKeys()
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_known.contains(it.key()))
            fail(it.key(), u"is not a setting Hearth knows (a typo?)"_s);
    }
}

void checkPlaceholders(const QJsonValue &value, const QString &path, bool tokenAllowed,
                       PlaceholderUse *use, FieldErrors *errors)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            checkPlaceholders(it.value(), path + u'.' + it.key(), tokenAllowed, use, errors);
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            checkPlaceholders(array.at(i), path + u'[' + QString::number(i) + u']', tokenAllowed,
                              use, errors);
        return;
    }
    if (!value.isString())
        return;
    for (const QString &name : Placeholders::namesIn(value.toString())) {
        if (!Placeholders::isKnown(name)) {
            errors->append({path, u"unknown placeholder {%1} (known: {restaurant_id}, {token}, "
                                  u"{token_base64url})"_s.arg(name)});
        } else if (Placeholders::isTokenName(name) && !tokenAllowed) {
            errors->append({path, u"{%1} is only allowed in auth settings and Phoenix join payloads "
                                  u"(anywhere else the token would end up in logs)"_s.arg(name)});
        } else if (name == Placeholders::restaurantId && use->firstRestaurantIdPath.isEmpty()) {
            use->firstRestaurantIdPath = path;
        }
    }
}

bool mentionsToken(const QString &text)
{
    return text.contains("{token}"_L1) || text.contains("{token_base64url}"_L1);
}

bool isValidDottedPath(const QString &path)
{
    if (path.isEmpty() || path.size() > 200)
        return false;
    const QStringList parts = path.split(u'.');
    return std::all_of(parts.begin(), parts.end(), [](const QString &part) { return !part.isEmpty(); });
}

} // namespace hearth::ProfileParsing
