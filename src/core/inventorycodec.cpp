#include "core/inventorycodec.h"

#include <limits>

namespace hearth::InventoryCodec {

namespace {

using namespace Qt::StringLiterals;

// A billion units of anything on one shelf is a data error, not a big delivery.
constexpr qint64 maxUnits = 1'000'000'000;
constexpr qint64 maxVersion = std::numeric_limits<qint64>::max() / 2;

} // namespace

QJsonObject toJson(const InventoryItem &item)
{
    return QJsonObject{
        {u"id"_s, item.id},
        {u"name"_s, item.name},
        {u"stock"_s, item.stock},
        {u"damaged"_s, item.damaged},
        {u"threshold"_s, item.threshold},
        {u"unit"_s, item.unit},
        {u"version"_s, item.version},
    };
}

Decoded<InventoryItem> fromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    InventoryItem item;
    item.id = reader.requiredString("id"_L1);
    item.name = reader.requiredString("name"_L1);
    item.stock = reader.requiredInteger("stock"_L1, 0, maxUnits);
    item.damaged = reader.optionalInteger("damaged"_L1, 0, maxUnits).value_or(0);
    item.threshold = reader.optionalInteger("threshold"_L1, 0, maxUnits).value_or(0);
    item.unit = reader.optionalString("unit"_L1);
    item.version = reader.optionalInteger("version"_L1, 1, maxVersion).value_or(1);
    if (!errors.isEmpty())
        return Decoded<InventoryItem>::failure(std::move(errors));
    return Decoded<InventoryItem>{std::move(item), {}};
}

} // namespace hearth::InventoryCodec
