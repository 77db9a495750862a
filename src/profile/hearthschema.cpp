#include "profile/hearthschema.h"

#include <array>

namespace hearth::HearthSchema {

namespace {

using namespace Qt::StringLiterals;

const QList<Field> orderFields{
    {"id"_L1, Kind::String, {}},
    {"number"_L1, Kind::Integer, {}},
    {"status"_L1, Kind::String, {}},
    {"type"_L1, Kind::String, {}},
    {"customer_name"_L1, Kind::String, {}},
    {"items"_L1, Kind::EntityList, orderItem},
    {"notes"_L1, Kind::String, {}},
    {"total_cents"_L1, Kind::Cents, {}},
    {"created_at"_L1, Kind::Timestamp, {}},
    {"updated_at"_L1, Kind::Timestamp, {}},
    {"acknowledged_at"_L1, Kind::Timestamp, {}},
    {"version"_L1, Kind::Version, {}},
    // Optional details (docs/protocol.md, "Orders"); a backend without them maps nothing.
    {"delivery_fee_cents"_L1, Kind::Cents, {}},
    {"service_fee_cents"_L1, Kind::Cents, {}},
    {"tip_cents"_L1, Kind::Cents, {}},
    {"tax_cents"_L1, Kind::Cents, {}},
    {"discount_cents"_L1, Kind::Cents, {}},
    {"customer_phone"_L1, Kind::String, {}},
    {"delivery_address"_L1, Kind::String, {}},
    {"table"_L1, Kind::String, {}},
    {"promised_at"_L1, Kind::Timestamp, {}},
    {"history"_L1, Kind::EntityList, orderStatusChange},
};

const QList<Field> orderStatusChangeFields{
    {"status"_L1, Kind::String, {}},
    {"at"_L1, Kind::Timestamp, {}},
    {"by"_L1, Kind::String, {}},
};

const QList<Field> orderItemFields{
    {"name"_L1, Kind::String, {}},
    {"quantity"_L1, Kind::Integer, {}},
    {"unit_price_cents"_L1, Kind::Cents, {}},
};

const QList<Field> inventoryItemFields{
    {"id"_L1, Kind::String, {}},
    {"name"_L1, Kind::String, {}},
    {"stock"_L1, Kind::Integer, {}},
    {"damaged"_L1, Kind::Integer, {}},
    {"threshold"_L1, Kind::Integer, {}},
    {"unit"_L1, Kind::String, {}},
    {"version"_L1, Kind::Version, {}},
};

// docs/protocol.md, "Widgets"; WidgetCodec validates what the mapper makes of them.
const QList<Field> widgetFields{
    {"id"_L1, Kind::String, {}},
    {"kind"_L1, Kind::String, {}},
    {"name"_L1, Kind::String, {}},
    {"version"_L1, Kind::Version, {}},
    {"archived"_L1, Kind::Boolean, {}},
    {"settings"_L1, Kind::Entity, widgetSettings},
    {"updated_at"_L1, Kind::Timestamp, {}},
    {"updated_by"_L1, Kind::Object, {}},
};

// Every setting of every kind (WidgetCodec::settingKeys); the mapper keeps those of the widget's
// own kind.
const QList<Field> widgetSettingsFields{
    {"enabled"_L1, Kind::Boolean, {}},
    {"title"_L1, Kind::String, {}},
    {"greeting"_L1, Kind::String, {}},
    {"primary_color"_L1, Kind::String, {}},
    {"button_text"_L1, Kind::String, {}},
    {"opening_hours"_L1, Kind::Object, {}},
    {"max_party_size"_L1, Kind::Integer, {}},
    {"lead_time_minutes"_L1, Kind::Integer, {}},
    {"slot_minutes"_L1, Kind::Integer, {}},
    {"minimum_order_cents"_L1, Kind::Cents, {}},
    {"pickup_enabled"_L1, Kind::Boolean, {}},
    {"delivery_enabled"_L1, Kind::Boolean, {}},
    {"paused"_L1, Kind::Boolean, {}},
};

struct EventType
{
    QLatin1StringView type;
    QLatin1StringView channel;
    QLatin1StringView entity;
};

constexpr std::array eventTypes{
    EventType{"order.created"_L1, "orders"_L1, order},
    EventType{"order.updated"_L1, "orders"_L1, order},
    EventType{"order.status_changed"_L1, "orders"_L1, order},
    EventType{"order.acknowledged"_L1, "orders"_L1, order},
    EventType{"order.recalled"_L1, "orders"_L1, order},
    EventType{"order.reopened"_L1, "orders"_L1, order},
    EventType{"inventory.updated"_L1, "inventory"_L1, inventoryItem},
    EventType{"inventory.low_stock"_L1, "inventory"_L1, inventoryItem},
    EventType{"menu.availability_changed"_L1, "inventory"_L1, {}},
    EventType{"widget.created"_L1, "widgets"_L1, widget},
    EventType{"widget.updated"_L1, "widgets"_L1, widget},
    EventType{"widget.deleted"_L1, "widgets"_L1, widget},
    EventType{"analytics.event"_L1, "analytics"_L1, {}},
    EventType{"presence.joined"_L1, "presence"_L1, {}},
    EventType{"presence.left"_L1, "presence"_L1, {}},
    EventType{"presence.editing"_L1, "presence"_L1, {}},
};

constexpr std::array channels{"orders"_L1, "inventory"_L1, "widgets"_L1, "analytics"_L1,
                              "presence"_L1};

const EventType *eventType(QStringView type)
{
    for (const EventType &candidate : eventTypes) {
        if (type == candidate.type)
            return &candidate;
    }
    return nullptr;
}

} // namespace

const QList<Field> &fieldsOf(QStringView entity)
{
    static const QList<Field> none;
    if (entity == order)
        return orderFields;
    if (entity == orderItem)
        return orderItemFields;
    if (entity == orderStatusChange)
        return orderStatusChangeFields;
    if (entity == inventoryItem)
        return inventoryItemFields;
    if (entity == widget)
        return widgetFields;
    if (entity == widgetSettings)
        return widgetSettingsFields;
    return none;
}

const Field *field(QStringView entity, QStringView name)
{
    for (const Field &candidate : fieldsOf(entity)) {
        if (name == candidate.name)
            return &candidate;
    }
    return nullptr;
}

QStringList entityNames()
{
    return {QString(order), QString(orderItem), QString(orderStatusChange), QString(inventoryItem), QString(widget),
            QString(widgetSettings)};
}

bool isKnownEventType(QStringView type)
{
    return eventType(type) != nullptr;
}

QString entityOfEvent(QStringView type)
{
    const EventType *known = eventType(type);
    return known ? QString(known->entity) : QString();
}

QStringList knownEventTypes()
{
    QStringList names;
    for (const EventType &type : eventTypes)
        names.append(QString(type.type));
    return names;
}

bool isKnownChannel(QStringView channel)
{
    for (const QLatin1StringView candidate : channels) {
        if (channel == candidate)
            return true;
    }
    return false;
}

bool channelCarries(QStringView channel, QStringView type)
{
    const EventType *known = eventType(type);
    return known && channel == known->channel;
}

QStringList knownChannels()
{
    QStringList names;
    for (const QLatin1StringView channel : channels)
        names.append(QString(channel));
    return names;
}

} // namespace hearth::HearthSchema
