#include "core/kitchenstatus.h"

#include "core/decodearray.h"

namespace hearth::KitchenCodec {

using namespace Qt::StringLiterals;

Decoded<KitchenWidgetControl> controlFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    KitchenWidgetControl control;
    control.widgetId = reader.requiredString("widget"_L1);
    control.busyAt = int(reader.requiredInteger("busy_at"_L1, 0, 1000000));
    control.pauseAt = int(reader.requiredInteger("pause_at"_L1, 0, 1000000));
    control.baseMinutes = int(reader.requiredInteger("base_minutes"_L1, 0, 100000));
    control.override = reader.requiredString("override"_L1);
    control.state = reader.requiredString("state"_L1);
    control.autoPaused = reader.optionalBool("auto_paused"_L1, false);
    control.quotedMinutes = int(reader.optionalInteger("quoted_minutes"_L1, 0, 100000).value_or(0));
    control.load = int(reader.optionalInteger("load"_L1, 0, 100000000).value_or(0));
    control.message = reader.optionalString("message"_L1);
    if (!errors.isEmpty())
        return Decoded<KitchenWidgetControl>::failure(errors);
    return {control, {}};
}

Decoded<KitchenStatus> statusFromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    KitchenStatus status;
    const QJsonObject load = reader.requiredObject("load"_L1);
    JsonReader loadReader(load, &errors, u"load"_s);
    status.load = int(loadReader.requiredInteger("figure"_L1, 0, 100000000));
    status.openOrders = int(loadReader.optionalInteger("open_orders"_L1, 0, 100000000).value_or(0));
    status.itemsInPreparation = int(loadReader.optionalInteger("items_in_preparation"_L1, 0, 100000000).value_or(0));
    Decoded<QList<KitchenWidgetControl>> widgets = decodeArray<KitchenWidgetControl>(reader.requiredArray("widgets"_L1),
                                                                                     &controlFromJson);
    for (const FieldError &error : std::as_const(widgets.errors))
        errors.append({u"widgets"_s + error.field, error.message});
    status.widgets = widgets.value.value_or(QList<KitchenWidgetControl>{});
    if (!errors.isEmpty())
        return Decoded<KitchenStatus>::failure(errors);
    return {status, {}};
}

} // namespace hearth::KitchenCodec
