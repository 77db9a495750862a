#pragma once

// The week's opening hours as seven short lines, one per day ("12:00–14:30, 18:00–22:30"), each with
// its own message underneath when the text or the ranges are wrong. Compact enough for 800×600 and
// quick from the keyboard: Tab walks Monday to Sunday.
#include "core/widgetconfig.h"

#include <QWidget>

#include <array>

class QLabel;
class QLineEdit;

namespace hearth {

class OpeningHoursEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpeningHoursEdit)

public:
    explicit OpeningHoursEdit(QWidget *parent = nullptr);

    void setHours(const WeeklyHours &hours);
    // The week as typed; a day whose text does not read as ranges keeps its value from `fallback`
    // and reports why in `problems` (day → message).
    WeeklyHours hours(const WeeklyHours &fallback, QMap<int, QString> *problems = nullptr) const;
    void setDayError(int day, const QString &message);
    void clearErrors();
    QLineEdit *dayEdit(int day) const { return m_edits.at(static_cast<size_t>(day)); }
    QString dayError(int day) const;
    void setReadOnly(bool readOnly);

signals:
    void edited(int day);

private:
    std::array<QLineEdit *, WeeklyHours::dayCount> m_edits{};
    std::array<QLabel *, WeeklyHours::dayCount> m_errors{};
};

} // namespace hearth
