#include "ui/openinghoursedit.h"

#include "ui/fielderrorlabel.h"
#include "ui/openinghourstext.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMap>

namespace hearth {

OpeningHoursEdit::OpeningHoursEdit(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setVerticalSpacing(2);
    layout->setColumnStretch(1, 1);
    QWidget *previous = nullptr;
    for (int day = 0; day < WeeklyHours::dayCount; ++day) {
        const QString name = OpeningHoursText::dayName(day);
        auto *label = new QLabel(name, this);
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("hours_%1").arg(WeeklyHours::dayKey(day)));
        edit->setAccessibleName(tr("Opening hours on %1", "weekday").arg(name));
        edit->setPlaceholderText(tr("Closed"));
        edit->setToolTip(tr("Times like 12:00–14:30, 18:00–22:30; empty when closed"));
        label->setBuddy(edit);
        auto *error = makeFieldErrorLabel(this);
        error->setObjectName(QStringLiteral("hoursError_%1").arg(WeeklyHours::dayKey(day)));
        layout->addWidget(label, day * 2, 0);
        layout->addWidget(edit, day * 2, 1);
        layout->addWidget(error, day * 2 + 1, 1);
        m_edits[static_cast<size_t>(day)] = edit;
        m_errors[static_cast<size_t>(day)] = error;
        connect(edit, &QLineEdit::textEdited, this, [this, day] { emit edited(day); });
        if (previous)
            setTabOrder(previous, edit);
        previous = edit;
    }
    setFocusProxy(m_edits.front());
}

void OpeningHoursEdit::setHours(const WeeklyHours &hours)
{
    for (int day = 0; day < WeeklyHours::dayCount; ++day) {
        QLineEdit *edit = m_edits[static_cast<size_t>(day)];
        // Text that already reads as these ranges stays as typed ("9:00-17:00" is not rewritten).
        const std::optional<QList<OpeningRange>> shown = OpeningHoursText::parseDay(edit->text(), nullptr);
        if (!shown || *shown != hours.days[static_cast<size_t>(day)])
            edit->setText(OpeningHoursText::formatDay(hours.days[static_cast<size_t>(day)]));
    }
}

WeeklyHours OpeningHoursEdit::hours(const WeeklyHours &fallback, QMap<int, QString> *problems) const
{
    WeeklyHours week;
    for (int day = 0; day < WeeklyHours::dayCount; ++day) {
        QString problem;
        const auto ranges = OpeningHoursText::parseDay(m_edits[static_cast<size_t>(day)]->text(), &problem);
        week.days[static_cast<size_t>(day)] = ranges ? *ranges : fallback.days[static_cast<size_t>(day)];
        if (!ranges && problems)
            problems->insert(day, problem);
    }
    return week;
}

void OpeningHoursEdit::setDayError(int day, const QString &message)
{
    setFieldError(m_errors[static_cast<size_t>(day)], message);
}

QString OpeningHoursEdit::dayError(int day) const
{
    return m_errors[static_cast<size_t>(day)]->text();
}

void OpeningHoursEdit::clearErrors()
{
    for (QLabel *error : m_errors)
        setFieldError(error, {});
}

void OpeningHoursEdit::setReadOnly(bool readOnly)
{
    for (QLineEdit *edit : m_edits)
        edit->setReadOnly(readOnly);
}

} // namespace hearth
