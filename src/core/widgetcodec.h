#pragma once

// JSON for widget configurations, as on Hearth's wire (docs/protocol.md, "Widgets"), and the one
// validator of their settings: the server answers 422 with its errors, the editor shows the same
// messages while the manager types. Decoding never throws and reports every bad field at once,
// one FieldError per path ("settings.primary_color", "settings.opening_hours.mon[1]"), with a
// message written for a restaurant manager ("must be between 1 and 50", "overlaps 12:00–14:30").
#include "core/jsonreader.h"
#include "core/widgetconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <limits>

namespace hearth::WidgetCodec {

// The top-level setting keys of a kind, in the order an editor shows them ("enabled", "title", …,
// "opening_hours", then the kind's own). These are the "fields" of a widget everywhere: merges
// compare settings key by key (settingsToJson(...).value(key)), presence names the one being
// typed in, and every error path below starts with "settings." and one of them.
QStringList settingKeys(WidgetKind kind);
// The setting key an error path belongs to: "settings.opening_hours.mon[1]" → "opening_hours";
// empty for a path outside the settings ("name").
QString settingKeyOfPath(const QString &path);

// Only the kind's keys, each of them.
QJsonObject settingsToJson(WidgetKind kind, const WidgetSettings &settings);
// Every key of the kind is required (a PUT carries them all); unknown keys and the other kind's
// keys are errors. Error paths start with "settings.".
Decoded<WidgetSettings> settingsFromJson(WidgetKind kind, const QJsonObject &json);
// The same, but a key that is absent takes its value from `fallback` (a POST: the kind's defaults).
Decoded<WidgetSettings> settingsFromJson(WidgetKind kind, const QJsonObject &json,
                                         const WidgetSettings &fallback);
// The errors the server would answer for these settings (none: valid).
FieldErrors validateSettings(WidgetKind kind, const WidgetSettings &settings);

// What is wrong with a widget's name (1–80 characters, not only spaces); empty when nothing.
QString nameProblem(const QString &name);

QJsonObject editorToJson(const WidgetEditor &editor);

QJsonObject toJson(const WidgetConfig &widget);
Decoded<WidgetConfig> fromJson(const QJsonObject &json);

// The data of a widget.deleted: the whole widget (hearth-server sends it archived), or for a
// backend that sends only the deleted record's key, {"id"} with an optional "version" (the
// deletion's). Either way the result is archived. Without a version the deletion is final: it
// takes finalVersion, so no earlier state can bring the widget back.
Decoded<WidgetConfig> deletionFromJson(const QJsonObject &json);
inline constexpr qint64 finalVersion = std::numeric_limits<qint64>::max();

QJsonArray toJsonArray(const QList<WidgetConfig> &widgets);
// Decodes every element; a single bad element fails the whole list (a snapshot must be whole).
Decoded<QList<WidgetConfig>> fromJsonArray(const QJsonArray &json);

} // namespace hearth::WidgetCodec
