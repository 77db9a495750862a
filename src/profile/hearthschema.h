#pragma once

// The shapes a backend profile maps onto: Hearth's entities with the kind of each wire field,
// and the Hearth event types with the entity each carries. The field mapper coerces by kind; the
// profile parser checks mapping keys and message rules against these lists.
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

namespace hearth::HearthSchema {

inline constexpr QLatin1StringView order("order");
inline constexpr QLatin1StringView orderItem("order_item");
inline constexpr QLatin1StringView orderStatusChange("order_status_change");
inline constexpr QLatin1StringView inventoryItem("inventory_item");
inline constexpr QLatin1StringView widget("widget");
inline constexpr QLatin1StringView widgetSettings("widget_settings");

enum class Kind {
    String,     // text; a whole number becomes its decimal text (foreign ids are often numbers)
    Integer,    // a whole number; a string of digits becomes the number
    Cents,      // money in integer cents; decimals need "convert": "decimal_to_cents"
    Timestamp,  // any ISO 8601 form becomes Hearth's UTC-with-milliseconds form
    Version,    // a positive whole number; may be derived from a timestamp
    EntityList, // an array of nested entities, each mapped by its own entity mapping
    Entity,     // one nested entity, mapped by its own entity mapping (a widget's settings)
    Boolean,    // true or false, taken as it is
    Object,     // a JSON object taken as it is (opening hours, who made a change)
};

struct Field
{
    QLatin1StringView name;
    Kind kind;
    QLatin1StringView nested; // EntityList: the entity of the elements; Entity: its entity
};

// Empty for an unknown entity.
const QList<Field> &fieldsOf(QStringView entity);
const Field *field(QStringView entity, QStringView name);
QStringList entityNames();

// The Hearth event types a profile may produce (PROTOCOLS.md §1), and the entity each carries:
// "order.created" → "order", "inventory.low_stock" → "inventory_item", "widget.updated" →
// "widget". Empty when the event
// carries no entity Hearth maps (analytics, presence, …) or the type is unknown.
bool isKnownEventType(QStringView type);
QString entityOfEvent(QStringView type);
QStringList knownEventTypes();

// The Hearth channels (docs/protocol.md) and which event types belong to each.
bool isKnownChannel(QStringView channel);
bool channelCarries(QStringView channel, QStringView type);
QStringList knownChannels();

} // namespace hearth::HearthSchema
