#include "core/ordercodec.h"

#include "core/decodearray.h"

#include <QJsonArray>

namespace hearth::OrderCodec {

namespace {

constexpr qint64 maxCents = 100'000'000'00; // one hundred million in any currency: surely a typo
constexpr qint64 maxQuantity = 10'000;
constexpr qint64 maxItems = 500;
// The optional details: as long as any real one, short enough that a hostile frame cannot make
// a row or a ticket unreadable.
constexpr qsizetype maxPhoneLength = 40;
constexpr qsizetype maxAddressLength = 500;
constexpr qsizetype maxTableLength = 40;
constexpr qsizetype maxByLength = 120;

struct ChargeField
{
    QLatin1StringView key;
    qint64 OrderCharges::*member;
};
constexpr ChargeField chargeFields[] = {
    {QLatin1StringView("delivery_fee_cents"), &OrderCharges::deliveryFeeCents},
    {QLatin1StringView("service_fee_cents"), &OrderCharges::serviceFeeCents},
    {QLatin1StringView("tip_cents"), &OrderCharges::tipCents},
    {QLatin1StringView("tax_cents"), &OrderCharges::taxCents},
    {QLatin1StringView("discount_cents"), &OrderCharges::discountCents},
};

QString limitedString(JsonReader &reader, QLatin1StringView key, qsizetype maxLength)
{
    const QString value = reader.optionalString(key);
    if (value.size() > maxLength) {
        reader.fail(key, QStringLiteral("is longer than %1 characters").arg(maxLength));
        return {};
    }
    return value;
}

std::optional<OrderStatusChange> readChange(const QJsonValue &value, const QString &path, FieldErrors *errors)
{
    if (!value.isObject()) {
        errors->append({path, QStringLiteral("must be an object")});
        return std::nullopt;
    }
    const qsizetype errorsBefore = errors->size();
    JsonReader reader(value.toObject(), errors, path);
    OrderStatusChange change;
    const QString status = reader.requiredString(QLatin1StringView("status"));
    if (const auto parsed = statusFromWire(status))
        change.status = *parsed;
    else if (!status.isEmpty())
        reader.fail(QLatin1StringView("status"), QStringLiteral("unknown status \"%1\"").arg(status));
    change.at = reader.requiredTimestamp(QLatin1StringView("at"));
    change.by = limitedString(reader, QLatin1StringView("by"), maxByLength);
    change.recall = reader.optionalBool(QLatin1StringView("recall"), false);
    if (errors->size() != errorsBefore)
        return std::nullopt;
    return change;
}

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
    QJsonObject json{
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
    // The optional details only when there is something to say: older peers and fixtures see
    // the order they always did.
    for (const ChargeField &charge : chargeFields) {
        if (const qint64 cents = order.charges.*charge.member; cents != 0)
            json.insert(QString(charge.key), cents);
    }
    if (!order.customerPhone.isEmpty())
        json.insert(QStringLiteral("customer_phone"), order.customerPhone);
    if (!order.deliveryAddress.isEmpty())
        json.insert(QStringLiteral("delivery_address"), order.deliveryAddress);
    if (!order.table.isEmpty())
        json.insert(QStringLiteral("table"), order.table);
    if (order.promisedAt.isValid())
        json.insert(QStringLiteral("promised_at"), toWireTimestamp(order.promisedAt));
    if (!order.history.isEmpty())
        json.insert(QStringLiteral("history"), historyToJson(order.history));
    return json;
}

QJsonArray historyToJson(const QList<OrderStatusChange> &history)
{
    QJsonArray array;
    for (const OrderStatusChange &change : history) {
        QJsonObject entry{{QStringLiteral("status"), statusToWire(change.status)},
                          {QStringLiteral("at"), toWireTimestamp(change.at)}};
        if (!change.by.isEmpty())
            entry.insert(QStringLiteral("by"), change.by);
        if (change.recall)
            entry.insert(QStringLiteral("recall"), true);
        array.append(entry);
    }
    return array;
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

    for (const ChargeField &charge : chargeFields)
        order.charges.*charge.member = reader.optionalInteger(charge.key, 0, maxCents).value_or(0);
    order.customerPhone = limitedString(reader, QLatin1StringView("customer_phone"), maxPhoneLength);
    order.deliveryAddress = limitedString(reader, QLatin1StringView("delivery_address"), maxAddressLength);
    order.table = limitedString(reader, QLatin1StringView("table"), maxTableLength);
    order.promisedAt = reader.optionalTimestamp(QLatin1StringView("promised_at"));
    if (const QJsonValue history = json.value(QLatin1StringView("history")); !history.isUndefined() && !history.isNull()) {
        const QJsonArray entries = reader.requiredArray(QLatin1StringView("history"));
        if (entries.size() > maxHistoryEntries)
            reader.fail(QLatin1StringView("history"), QStringLiteral("has more than %1 entries").arg(maxHistoryEntries));
        for (qsizetype i = 0; i < entries.size() && i < maxHistoryEntries; ++i) {
            if (auto change = readChange(entries.at(i), reader.pathOfIndex(QLatin1StringView("history"), i), &errors))
                order.history.append(std::move(*change));
        }
    }

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
