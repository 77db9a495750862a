#include "ui/openinghourstext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace hearth::OpeningHoursText {

namespace {

// The context lupdate gives tr() calls in this namespace, so the translations are found.
QString tr(const char *text)
{
    return QCoreApplication::translate("hearth::OpeningHoursText", text);
}

const QString dash = QStringLiteral("–");

} // namespace

QString formatDay(const QList<OpeningRange> &ranges)
{
    QStringList parts;
    for (const OpeningRange &range : ranges)
        parts.append(minuteToWire(range.openMinute) + dash + minuteToWire(range.closeMinute));
    return parts.join(QStringLiteral(", "));
}

std::optional<QList<OpeningRange>> parseDay(const QString &text, QString *problem)
{
    static const QRegularExpression separator(QStringLiteral("[,;]"));
    static const QRegularExpression range(
        QStringLiteral(R"(^\s*(\d{1,2})[:.](\d{2})\s*(?:-|–|—|to)\s*(\d{1,2})[:.](\d{2})\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    QList<OpeningRange> ranges;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(tr("closed"), Qt::CaseInsensitive) == 0
        || trimmed.compare(u"closed", Qt::CaseInsensitive) == 0)
        return ranges;
    const QStringList parts = trimmed.split(separator, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QRegularExpressionMatch match = range.match(part);
        if (!match.hasMatch()) {
            if (problem)
                *problem = tr("write the hours like 12:00–14:30, 18:00–22:30 (empty when closed)");
            return std::nullopt;
        }
        const auto minute = [&match](int hourGroup) {
            const int hour = match.captured(hourGroup).toInt();
            const int minutes = match.captured(hourGroup + 1).toInt();
            return hour > 24 || minutes > 59 || (hour == 24 && minutes > 0) ? -1 : hour * 60 + minutes;
        };
        const int open = minute(1);
        const int close = minute(3);
        if (open < 0 || close < 0) {
            if (problem)
                *problem = tr("a time of day runs from 00:00 to 24:00");
            return std::nullopt;
        }
        ranges.append(OpeningRange{open, close});
    }
    return ranges;
}

QString dayName(int day, bool shortName)
{
    // QLocale counts from Monday = 1.
    return QLocale().dayName(day + 1, shortName ? QLocale::ShortFormat : QLocale::LongFormat);
}

QStringList summary(const WeeklyHours &hours)
{
    QStringList lines;
    int day = 0;
    while (day < WeeklyHours::dayCount) {
        int last = day;
        while (last + 1 < WeeklyHours::dayCount && hours.days[last + 1] == hours.days[day])
            ++last;
        const QString days = last == day ? dayName(day, true) : dayName(day, true) + dash + dayName(last, true);
        const QString times = hours.days[day].isEmpty() ? tr("closed") : formatDay(hours.days[day]);
        lines.append(QStringLiteral("%1  %2").arg(days, times));
        day = last + 1;
    }
    return lines;
}

} // namespace hearth::OpeningHoursText
