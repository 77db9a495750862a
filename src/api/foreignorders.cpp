#include "api/foreignorders.h"

#include <QJsonArray>

namespace hearth::ForeignOrders {

namespace {

using namespace Qt::StringLiterals;

// A snapshot of open orders: thousands at most. A list this long is a misconfigured endpoint
// (all orders ever), and mapping it would stall the dashboard.
constexpr qsizetype maxOrders = 20000;

} // namespace

Decoded<Listing> decode(const QJsonDocument &body, const QString &listPath, const FieldMapper &mapper)
{
    const QString where = listPath.isEmpty() ? u"the answer"_s : listPath;
    QJsonValue list(QJsonValue::Undefined);
    if (listPath.isEmpty())
        list = body.isArray() ? QJsonValue(body.array()) : QJsonValue(QJsonValue::Undefined);
    else if (body.isObject())
        list = FieldMapper::valueAt(body.object(), listPath);
    if (!list.isArray()) {
        return Decoded<Listing>::failure(
            {{listPath, list.isUndefined() ? u"%1 holds no list of orders"_s.arg(where)
                                           : u"must be a list of orders"_s}});
    }
    const QJsonArray elements = list.toArray();
    if (elements.size() > maxOrders) {
        return Decoded<Listing>::failure(
            {{listPath, u"holds %1 orders, more than the %2 a snapshot may have"_s.arg(elements.size())
                            .arg(maxOrders)}});
    }
    Listing listing;
    listing.snapshot.orders.reserve(elements.size());
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const QString path = u"%1[%2]"_s.arg(listPath).arg(i);
        Decoded<Order> order = elements.at(i).isObject()
            ? mapper.toOrder(elements.at(i).toObject())
            : Decoded<Order>::failure({{QString(), u"must be an object"_s}});
        if (order.ok()) {
            listing.snapshot.orders.append(std::move(*order.value));
            continue;
        }
        if (listing.skipped++ == 0) {
            for (FieldError &error : order.errors)
                listing.firstSkipped.append(
                    {error.field.isEmpty() ? path : path + u'.' + error.field, std::move(error.message)});
        }
    }
    if (!elements.isEmpty() && listing.snapshot.orders.isEmpty())
        return Decoded<Listing>::failure(std::move(listing.firstSkipped));
    return Decoded<Listing>{std::move(listing), {}};
}

} // namespace hearth::ForeignOrders
