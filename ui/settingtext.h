#pragma once

// Setting keys and values in a manager's words: "opening_hours" → "Opening hours", a value's JSON
// → "Mon–Fri 12:00–14:30". Used wherever the UI names a setting outside its own field: the conflict
// chooser, presence ("typing in the title"), messages that belong to no field.
#include <QJsonValue>
#include <QString>

namespace hearth::SettingText {

QString label(const QString &key);
// The value as a sentence fragment; "(not set)" for an undefined value.
QString value(const QString &key, const QJsonValue &value);

} // namespace hearth::SettingText
