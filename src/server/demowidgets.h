#pragma once

// The demo restaurant's website widgets: a table-booking and an online-ordering widget with the
// values a small bistro would really use, so that the Widgets page has something to edit at once.
#include <QString>

namespace hearth::server {

class WidgetService;

namespace DemoWidgets {

// Creates both widgets when the restaurant's widgets channel has never had an event (a new
// database, or one from before widgets existed). A restaurant with a widget history is left alone.
bool seedIfFresh(WidgetService *widgets, const QString &restaurantId, QString *errorMessage);

} // namespace DemoWidgets

} // namespace hearth::server
