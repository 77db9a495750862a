#pragma once

// Reads typed fields out of untrusted JSON and records one clear error per bad field, so a
// decoder can report everything wrong with a frame at once instead of throwing or half-building.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <limits>
#include <optional>

namespace hearth {

struct FieldError
{
    QString field;   // dotted path, e.g. "items[2].quantity"
    QString message; // what is wrong with it
};
using FieldErrors = QList<FieldError>;

// "field: message; field: message" — for logs, test output and error details.
QString describeErrors(const FieldErrors &errors);

// The outcome of decoding untrusted input: a value, or the reasons there is none.
template<typename T>
struct Decoded
{
    std::optional<T> value;
    FieldErrors errors;

    bool ok() const { return value.has_value(); }
    QString errorString() const { return describeErrors(errors); }

    static Decoded failure(FieldErrors errors) { return Decoded{std::nullopt, std::move(errors)}; }
};

class JsonReader
{
public:
    JsonReader(const QJsonObject &object, FieldErrors *errors, QString path = {});

    QString requiredString(QLatin1StringView key, bool allowEmpty = false);
    QString optionalString(QLatin1StringView key, const QString &fallback = {});
    qint64 requiredInteger(QLatin1StringView key, qint64 min = std::numeric_limits<qint32>::min(),
                           qint64 max = std::numeric_limits<qint32>::max());
    std::optional<qint64> optionalInteger(QLatin1StringView key,
                                          qint64 min = std::numeric_limits<qint32>::min(),
                                          qint64 max = std::numeric_limits<qint32>::max());
    bool optionalBool(QLatin1StringView key, bool fallback);
    QDateTime requiredTimestamp(QLatin1StringView key);
    // Absent or null gives an invalid QDateTime; anything else must be an ISO 8601 timestamp.
    QDateTime optionalTimestamp(QLatin1StringView key);
    QJsonArray requiredArray(QLatin1StringView key);
    QJsonObject requiredObject(QLatin1StringView key);

    void fail(QLatin1StringView key, const QString &message);
    QString pathOf(QLatin1StringView key) const;
    QString pathOfIndex(QLatin1StringView key, qsizetype index) const;
    bool hasErrors() const { return !m_errors->isEmpty(); }

private:
    std::optional<qint64> integerAt(QLatin1StringView key, const QJsonValue &value, qint64 min,
                                    qint64 max);
    QDateTime timestampAt(QLatin1StringView key, const QJsonValue &value);

    QJsonObject m_object;
    FieldErrors *m_errors;
    QString m_path;
};

// ISO 8601 with milliseconds in UTC: the one timestamp format on Hearth's wire.
QString toWireTimestamp(const QDateTime &timestamp);

} // namespace hearth
