#include "api/foreignlists.h"

#include <QJsonArray>

namespace hearth::ForeignLists {

namespace {

using namespace Qt::StringLiterals;

// A snapshot of open orders: thousands at most. A list this long is a misconfigured endpoint
// (all orders ever), and mapping it would stall the dashboard.
constexpr qsizetype maxOrders = 20000;
// A restaurant has a handful of widgets; a chain a few hundred.
constexpr qsizetype maxWidgets = 2000;
// A store room's lines: a large restaurant group's warehouse stays well below this.
constexpr qsizetype maxInventoryItems = 20000;

// The elements at `listPath`, each mapped by `mapOne` (QJsonObject → Decoded<T>); bad ones are
// skipped and counted. `noun` names the elements in errors ("orders").
template<typename T, typename MapOne>
Decoded<std::pair<QList<T>, SkippedElements>> decodeList(const QJsonDocument &body,
                                                         const QString &listPath, QStringView noun,
                                                         qsizetype maxElements, MapOne mapOne)
{
    using Result = Decoded<std::pair<QList<T>, SkippedElements>>;
    const QString where = listPath.isEmpty() ? u"the answer"_s : listPath;
    QJsonValue list(QJsonValue::Undefined);
    if (listPath.isEmpty())
        list = body.isArray() ? QJsonValue(body.array()) : QJsonValue(QJsonValue::Undefined);
    else if (body.isObject())
        list = FieldMapper::valueAt(body.object(), listPath);
    if (!list.isArray()) {
        return Result::failure({{listPath, list.isUndefined() ? u"%1 holds no list of %2"_s.arg(where, noun)
                                                             : u"must be a list of %1"_s.arg(noun)}});
    }
    const QJsonArray elements = list.toArray();
    if (elements.size() > maxElements) {
        return Result::failure({{listPath, u"holds %1 %2, more than the %3 a snapshot may have"_s
                                               .arg(elements.size()).arg(noun).arg(maxElements)}});
    }
    QList<T> values;
    SkippedElements skipped;
    values.reserve(elements.size());
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const QString path = u"%1[%2]"_s.arg(listPath).arg(i);
        Decoded<T> value = elements.at(i).isObject()
            ? mapOne(elements.at(i).toObject())
            : Decoded<T>::failure({{QString(), u"must be an object"_s}});
        if (value.ok()) {
            values.append(std::move(*value.value));
            continue;
        }
        if (skipped.count++ == 0) {
            for (FieldError &error : value.errors)
                skipped.first.append(
                    {error.field.isEmpty() ? path : path + u'.' + error.field, std::move(error.message)});
        }
    }
    if (!elements.isEmpty() && values.isEmpty())
        return Result::failure(std::move(skipped.first));
    return Result{std::pair{std::move(values), std::move(skipped)}, {}};
}

} // namespace

Decoded<OrdersListing> decodeOrders(const QJsonDocument &body, const QString &listPath,
                                    const FieldMapper &mapper)
{
    auto decoded = decodeList<Order>(body, listPath, u"orders", maxOrders,
                                     [&mapper](const QJsonObject &o) { return mapper.toOrder(o); });
    if (!decoded.ok())
        return Decoded<OrdersListing>::failure(std::move(decoded.errors));
    OrdersListing listing;
    listing.snapshot.orders = std::move(decoded.value->first);
    listing.skipped = std::move(decoded.value->second);
    return Decoded<OrdersListing>{std::move(listing), {}};
}

Decoded<WidgetsListing> decodeWidgets(const QJsonDocument &body, const QString &listPath,
                                      const FieldMapper &mapper)
{
    auto decoded = decodeList<WidgetConfig>(body, listPath, u"widgets", maxWidgets,
                                            [&mapper](const QJsonObject &o) { return mapper.toWidget(o); });
    if (!decoded.ok())
        return Decoded<WidgetsListing>::failure(std::move(decoded.errors));
    WidgetsListing listing;
    listing.snapshot.widgets = std::move(decoded.value->first);
    listing.skipped = std::move(decoded.value->second);
    return Decoded<WidgetsListing>{std::move(listing), {}};
}

Decoded<InventoryListing> decodeInventory(const QJsonDocument &body, const QString &listPath,
                                          const FieldMapper &mapper)
{
    auto decoded = decodeList<InventoryItem>(body, listPath, u"inventory items", maxInventoryItems,
                                             [&mapper](const QJsonObject &o) { return mapper.toInventoryItem(o); });
    if (!decoded.ok())
        return Decoded<InventoryListing>::failure(std::move(decoded.errors));
    InventoryListing listing;
    listing.snapshot.items = std::move(decoded.value->first);
    listing.skipped = std::move(decoded.value->second);
    return Decoded<InventoryListing>{std::move(listing), {}};
}

} // namespace hearth::ForeignLists
