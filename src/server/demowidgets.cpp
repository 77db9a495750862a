#include "server/demowidgets.h"

#include "core/logging.h"
#include "server/demoaccounts.h"
#include "server/widgetservice.h"

namespace hearth::server::DemoWidgets {

namespace {

OpeningRange hours(int openHour, int openMinute, int closeHour, int closeMinute)
{
    return OpeningRange{openHour * 60 + openMinute, closeHour * 60 + closeMinute};
}

NewWidget booking()
{
    NewWidget widget;
    widget.kind = WidgetKind::Booking;
    widget.name = QStringLiteral("Table booking");
    WidgetSettings &settings = widget.settings;
    settings = WidgetSettings::defaults(WidgetKind::Booking);
    settings.title = QStringLiteral("Book a table at Demo Bistro");
    settings.greeting = QStringLiteral("Lunch and dinner from Tuesday to Sunday. For groups of more than ten, "
                                       "please call us on 020 7946 0321.");
    settings.primaryColor = QStringLiteral("#b5432f");
    settings.buttonText = QStringLiteral("Find a table");
    settings.openingHours = {};
    for (int day = 1; day <= 5; ++day) // Tuesday to Saturday: lunch and dinner
        settings.openingHours.days[std::size_t(day)] = {hours(12, 0, 14, 30), hours(18, 0, 22, 30)};
    settings.openingHours.days[6] = {hours(12, 0, 16, 0)}; // a long Sunday lunch; closed on Mondays
    settings.maxPartySize = 10;
    settings.leadTimeMinutes = 60;
    settings.slotMinutes = 30;
    return widget;
}

NewWidget ordering()
{
    NewWidget widget;
    widget.kind = WidgetKind::Ordering;
    widget.name = QStringLiteral("Online ordering");
    WidgetSettings &settings = widget.settings;
    settings = WidgetSettings::defaults(WidgetKind::Ordering);
    settings.title = QStringLiteral("Order from Demo Bistro");
    settings.greeting = QStringLiteral("Wood-fired pizza and fresh pasta, ready for pickup in 20 minutes "
                                       "or delivered within 3 km.");
    settings.primaryColor = QStringLiteral("#2f6b4f");
    settings.buttonText = QStringLiteral("Start your order");
    settings.openingHours = {};
    for (int day = 1; day <= 6; ++day)
        settings.openingHours.days[std::size_t(day)] = {hours(12, 0, 14, 30), hours(17, 30, 22, 0)};
    settings.minimumOrderCents = 1500;
    settings.pickupEnabled = true;
    settings.deliveryEnabled = true;
    settings.paused = false;
    return widget;
}

} // namespace

bool seedIfFresh(WidgetService *widgets, const QString &restaurantId, QString *errorMessage)
{
    const auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    const WidgetListing current = widgets->snapshot(restaurantId);
    if (!current.ok)
        return fail(QStringLiteral("cannot read the widgets to seed the demo restaurant's"));
    if (current.seq != 0)
        return true;
    const WidgetEditor editor{QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerDisplayName),
                              QStringLiteral("Office PC")};
    for (const NewWidget &draft : {booking(), ordering()}) {
        const WidgetResult result = widgets->create(restaurantId, draft, editor);
        if (!result.ok())
            return fail(QStringLiteral("cannot seed the demo widgets: %1").arg(result.message));
    }
    qCInfo(lcServer) << "seeded the demo restaurant's booking and ordering widgets";
    return true;
}

} // namespace hearth::server::DemoWidgets
