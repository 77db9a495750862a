#pragma once

// A widget's editable fields as one flat JSON object: every setting by its wire key, plus the
// widget's "name". Edits, the outbox, the merge and the field errors all speak these keys, so a
// conflict or a validation message points at exactly one field of the editor.
#include "core/widgetconfig.h"

#include <QJsonObject>
#include <QString>

namespace hearth::WidgetFields {

// The key of the widget's own name among the settings' keys (no setting is called so).
QString nameKey();

// From a widget as the server sends it ({"name", "settings": {…}, …}).
QJsonObject fromWidgetJson(const QJsonObject &widget);
// From a typed widget: its kind's settings and its name.
QJsonObject fromWidget(const WidgetConfig &widget);
// `widget` with the pending fields on top: the name, and each setting whose value is valid (an
// invalid one keeps the widget's value; the editor shows it as typed from the fields).
WidgetConfig applied(const WidgetConfig &widget, const QJsonObject &fields);
// The body of PUT /api/widgets/{id}: {"name": …, "settings": {…}}.
QJsonObject toUpdateBody(const QJsonObject &fields);
// The field a server error path names: "settings.opening_hours.mon[1]" → "opening_hours",
// "name" → "name"; empty for a path that names no field.
QString keyOfErrorPath(const QString &path);

} // namespace hearth::WidgetFields
