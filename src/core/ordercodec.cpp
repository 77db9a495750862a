#include "core/ordercodec.h"

#include "core/decodearray.h"

#include <QJsonArray>

namespace hearth::OrderCodec {

namespace {

constexpr qint64 maxCents = 100'000'000'00; // one hundred million in any currency: surely a typo
constexpr qint64 maxQuantity = 10'000;
constexpr qint64 maxItems = 500;

std::optional<OrderItem> readItem(const QJsonValue &value, const QString &path, FieldErrors *errors)
{
    if (!value.isObject()) {
        errors->append({path, QStringLiteral("must be an object")});
        return std::nullopt;
    }
    const qsizetype errorsBefore = errors->size();
    JsonReader reader(value.toObject(), errors, path);
    OrderItem item;
    item.name = reader.requiredString(QLatin1StringView("name"));
    item.quantity = int(reader.requiredInteger(QLatin1StringView("quantity"), 1, maxQuantity));
    item.unitPriceCents = reader.requiredInteger(QLatin1StringView("unit_price_cents"), 0, maxCents);
    if (errors->size() != errorsBefore)
        return std::nullopt;
    return item;
}

} // namespace

QJsonObject toJson(const Order &order)
{
    QJsonArray items;
    for (const OrderItem &item : order.items) {
        items.append(QJsonObject{{QStringLiteral("name"), item.name},
                                 {QStringLiteral("quantity"), item.quantity},
                                 {QStringLiteral("unit_price_cents"), item.unitPriceCents}});
    }
    return QJsonObject{
        {QStringLiteral("id"), order.id},
        {QStringLiteral("number"), order.number},
        {QStringLiteral("status"), statusToWire(order.status)},
        {QStringLiteral("type"), typeToWire(order.type)},
        {QStringLiteral("customer_name"), order.customerName},
        {QStringLiteral("items"), items},
        {QStringLiteral("notes"), order.notes},
        {QStringLiteral("total_cents"), order.totalCents},
        {QStringLiteral("created_at"), toWireTimestamp(order.createdAt)},
        {QStringLiteral("updated_at"), toWireTimestamp(order.updatedAt)},
        {QStringLiteral("acknowledged_at"),
         order.acknowledgedAt.isValid() ? QJsonValue(toWireTimestamp(order.acknowledgedAt))
                                        : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("version"), order.version},
    };
}

Decoded<Order> fromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    Order order;
    order.id = reader.requiredString(QLatin1StringView("id"));
    order.number = int(reader.requiredInteger(QLatin1StringView("number"), 1));

    const QString status = reader.requiredString(QLatin1StringView("status"));
    if (const auto parsed = statusFromWire(status))
        order.status = *parsed;
    else if (!status.isEmpty())
        reader.fail(QLatin1StringView("status"), QStringLiteral("unknown status \"%1\"").arg(status));

    const QString type = reader.requiredString(QLatin1StringView("type"));
    if (const auto parsed = typeFromWire(type))
        order.type = *parsed;
    else if (!type.isEmpty())
        reader.fail(QLatin1StringView("type"), QStringLiteral("unknown order type \"%1\"").arg(type));

    order.customerName = reader.requiredString(QLatin1StringView("customer_name"), true);
    const QJsonArray items = reader.requiredArray(QLatin1StringView("items"));
    if (items.isEmpty() && json.value(QLatin1StringView("items")).isArray())
        reader.fail(QLatin1StringView("items"), QStringLiteral("must hold at least one item"));
    if (items.size() > maxItems)
        reader.fail(QLatin1StringView("items"), QStringLiteral("has more than %1 entries").arg(maxItems));
    for (qsizetype i = 0; i < items.size() && i < maxItems; ++i) {
        if (auto item = readItem(items.at(i), reader.pathOfIndex(QLatin1StringView("items"), i), &errors))
            order.items.append(std::move(*item));
    }
    order.notes = reader.optionalString(QLatin1StringView("notes"));
    order.totalCents = reader.requiredInteger(QLatin1StringView("total_cents"), 0, maxCents);
    order.createdAt = reader.requiredTimestamp(QLatin1StringView("created_at"));
    order.updatedAt = reader.requiredTimestamp(QLatin1StringView("updated_at"));
    order.acknowledgedAt = reader.optionalTimestamp(QLatin1StringView("acknowledged_at"));
    order.version = reader.optionalInteger(QLatin1StringView("version"), 1,
                                           std::numeric_limits<qint64>::max() / 2)
                        .value_or(1);

    if (!errors.isEmpty())
        return Decoded<Order>::failure(std::move(errors));
    return Decoded<Order>{std::move(order), {}};
}

QJsonArray toJsonArray(const QList<Order> &orders)
{
    QJsonArray array;
    for (const Order &order : orders)
        array.append(toJson(order));
    return array;
}

Decoded<QList<Order>> fromJsonArray(const QJsonArray &json)
{
    return decodeArray<Order>(json, [](const QJsonObject &object) { return fromJson(object); });
}

} // namespace hearth::OrderCodec
