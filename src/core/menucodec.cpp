#include "core/menucodec.h"

#include "core/inventoryrules.h"

#include <limits>

namespace hearth::MenuCodec {

namespace {

using namespace Qt::StringLiterals;

constexpr qint64 maxVersion = std::numeric_limits<qint64>::max() / 2;

} // namespace

QJsonArray daysToJson(const QList<int> &days)
{
    QJsonArray array;
    for (int day : days)
        array.append(weekdayToWire(day));
    return array;
}

QList<int> daysFromJson(JsonReader &reader, QLatin1StringView key, const QJsonValue &value)
{
    QList<int> days;
    if (value.isUndefined() || value.isNull())
        return days;
    if (!value.isArray()) {
        reader.fail(key, u"must be a list of weekdays such as [\"mon\", \"fri\"]"_s);
        return days;
    }
    for (const QJsonValue &day : value.toArray()) {
        const int weekday = weekdayFromWire(day.toString());
        if (weekday == 0) {
            reader.fail(key, u"\"%1\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)"_s.arg(day.toString()));
            return {};
        }
        days.append(weekday);
    }
    normalizeDays(&days);
    return days;
}

QJsonObject toJson(const MenuItem &item)
{
    QJsonArray ingredients;
    for (const MenuIngredient &ingredient : item.ingredients)
        ingredients.append(QJsonObject{{u"item_id"_s, ingredient.itemId}, {u"quantity"_s, ingredient.quantity}});
    return QJsonObject{
        {u"id"_s, item.id},
        {u"name"_s, item.name},
        {u"available"_s, item.available},
        {u"sold_out"_s, item.soldOut},
        {u"days"_s, daysToJson(item.days)},
        {u"ingredients"_s, ingredients},
        {u"version"_s, item.version},
    };
}

Decoded<MenuItem> fromJson(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    MenuItem item;
    item.id = reader.requiredString("id"_L1);
    item.name = reader.requiredString("name"_L1);
    item.available = reader.optionalBool("available"_L1, true);
    item.soldOut = reader.optionalBool("sold_out"_L1, false);
    item.days = daysFromJson(reader, "days"_L1, json.value("days"_L1));
    const QJsonValue ingredients = json.value("ingredients"_L1);
    if (ingredients.isArray()) {
        const QJsonArray list = ingredients.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            JsonReader line(list.at(i).toObject(), &errors, reader.pathOfIndex("ingredients"_L1, i));
            MenuIngredient ingredient;
            ingredient.itemId = line.requiredString("item_id"_L1);
            ingredient.quantity = line.optionalInteger("quantity"_L1, 1, InventoryRules::maxUnits).value_or(1);
            item.ingredients.append(ingredient);
        }
    } else if (!ingredients.isUndefined() && !ingredients.isNull()) {
        reader.fail("ingredients"_L1, u"must be a list"_s);
    }
    item.version = reader.optionalInteger("version"_L1, 1, maxVersion).value_or(1);
    if (!errors.isEmpty())
        return Decoded<MenuItem>::failure(std::move(errors));
    return Decoded<MenuItem>{std::move(item), {}};
}

} // namespace hearth::MenuCodec
