#pragma once

// Opening hours as a manager types them, one line per day: "12:00–14:30, 18:00–22:30", empty (or
// "closed") for a day off. Parsing only reads the text; whether the ranges make sense (closing after
// opening, no overlaps) is the shared codec's judgement, so the editor and the server agree.
#include "core/widgetconfig.h"

#include <QString>

#include <optional>

namespace hearth::OpeningHoursText {

// "12:00–14:30, 18:00–22:30"; empty for a closed day.
QString formatDay(const QList<OpeningRange> &ranges);
// The ranges of a line; nothing (and `problem` says why, in plain words) when the text is not a
// list of "HH:MM–HH:MM". Accepts "-", "–", "—" or "to" between the times and "," or ";" between ranges.
std::optional<QList<OpeningRange>> parseDay(const QString &text, QString *problem);
// The week in a few lines a guest reads: "Mon–Fri 12:00–14:30, 18:00–22:30", "Sun closed".
QStringList summary(const WeeklyHours &hours);
// "Monday" … "Sunday" in the user's language; "Mon" … "Sun" when `shortName`.
QString dayName(int day, bool shortName = false);

} // namespace hearth::OpeningHoursText
