#pragma once

// Lossless conversions of values as foreign backends write them into Hearth's forms. Money is
// never rounded: "12.345" is refused rather than silently turned into 1234 or 1235 cents.
#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace hearth::ForeignValues {

// "12.5", "12.50", "12", 12.5, 12 → 1250. Trailing zeros past the cents are fine ("12.500", as a
// numeric(10,3) column writes it); a non-zero third decimal, exponents, signs other than a
// leading "-", thousands separators and more than 13 integer digits are errors (`error` says
// which, in plain English).
std::optional<qint64> decimalToCents(const QJsonValue &value, QString *error);

struct Instant
{
    QDateTime utc;          // millisecond precision, as Qt keeps it
    qint64 microseconds = 0; // since 1970-01-01T00:00:00Z, keeping a Postgres timestamp's precision
};

// ISO 8601 as Rails, Phoenix and Postgres write it: "T" or a space between date and time,
// optional seconds and fraction (any number of digits), and "Z", "+hh:mm", "+hhmm" or "+hh".
// Without an offset the time is taken as UTC.
std::optional<Instant> parseTimestamp(const QString &text);

} // namespace hearth::ForeignValues
