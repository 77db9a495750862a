#include "profile/foreignvalues.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace hearth::ForeignValues {

namespace {

using namespace Qt::StringLiterals;

constexpr qsizetype maxIntegerDigits = 13; // 10^13 cents would overflow nothing, and is absurd

std::optional<qint64> centsFromText(const QString &text, QString *error)
{
    static const QRegularExpression decimal(u"^(-?)(\\d+)(?:\\.(\\d+))?$"_s);
    const QRegularExpressionMatch match = decimal.match(text);
    if (!match.hasMatch()) {
        *error = u"\"%1\" is not a decimal amount like \"12.50\""_s.arg(text.left(40));
        return std::nullopt;
    }
    const QString whole = match.captured(2);
    QString fraction = match.captured(3);
    if (whole.size() > maxIntegerDigits) {
        *error = u"\"%1\" is too large an amount"_s.arg(text.left(40));
        return std::nullopt;
    }
    // Zeros after the cents change nothing; anything else would need rounding, which money
    // must not get silently.
    for (qsizetype i = 2; i < fraction.size(); ++i) {
        if (fraction.at(i) != u'0') {
            *error = u"\"%1\" has more than two decimal places; Hearth does not round money"_s.arg(
                text.left(40));
            return std::nullopt;
        }
    }
    fraction = fraction.left(2).leftJustified(2, u'0');
    const qint64 cents = whole.toLongLong() * 100 + fraction.toLongLong();
    return match.captured(1).isEmpty() ? cents : -cents;
}

} // namespace

std::optional<qint64> decimalToCents(const QJsonValue &value, QString *error)
{
    if (value.isString())
        return centsFromText(value.toString().trimmed(), error);
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (!std::isfinite(number) || std::fabs(number) >= 1e13) {
            *error = u"%1 is too large an amount"_s.arg(number);
            return std::nullopt;
        }
        // The shortest text that reads back as the same double: 12.345 stays "12.345" (refused)
        // and 0.1 + 0.2 becomes "0.30000000000000004" (refused) instead of guessing.
        return centsFromText(QString::number(number, 'f', QLocale::FloatingPointShortest), error);
    }
    *error = u"must be a decimal amount (a string like \"12.50\" or a number)"_s;
    return std::nullopt;
}

std::optional<Instant> parseTimestamp(const QString &text)
{
    static const QRegularExpression iso(
        u"^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
        u"\\s*(?:([Zz])|([+-])(\\d{2})(?::?(\\d{2}))?)?$"_s);
    const QRegularExpressionMatch match = iso.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const auto number = [&](int group) { return match.captured(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const QTime time(number(4), number(5), match.hasCaptured(6) ? number(6) : 0);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    int offsetSeconds = 0;
    if (match.hasCaptured(9)) {
        const int hours = number(10);
        const int minutes = match.hasCaptured(11) ? number(11) : 0;
        if (hours > 18 || minutes > 59)
            return std::nullopt;
        offsetSeconds = (hours * 3600 + minutes * 60) * (match.captured(9) == u"-" ? -1 : 1);
    }
    const QDateTime local(date, time, QTimeZone(offsetSeconds));
    const qint64 seconds = local.toSecsSinceEpoch();
    const qint64 micros = match.captured(7).left(6).leftJustified(6, u'0').toLongLong();
    Instant instant;
    instant.utc = QDateTime::fromMSecsSinceEpoch(seconds * 1000 + micros / 1000, Qt::UTC);
    instant.microseconds = seconds * 1'000'000 + micros;
    return instant;
}

} // namespace hearth::ForeignValues
