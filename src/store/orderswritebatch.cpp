#include "store/orderswritebatch.h"

#include "core/versionrule.h"

namespace hearth {

OrdersWriteBatch::OrdersWriteBatch(const QList<Order> &orders, const std::optional<SyncPosition> &position,
                                   bool replacesAll)
    : m_position(position), m_replacesAll(replacesAll), m_hasContent(true)
{
    m_orders.reserve(orders.size());
    for (const Order &order : orders)
        merge(order);
}

OrdersWriteBatch OrdersWriteBatch::replacing(const QList<Order> &orders, const SyncPosition &position)
{
    return OrdersWriteBatch(orders, position, true);
}

OrdersWriteBatch OrdersWriteBatch::upserting(const QList<Order> &orders, const SyncPosition &position)
{
    return OrdersWriteBatch(orders, position, false);
}

OrdersWriteBatch OrdersWriteBatch::upsertingAtSavedPosition(const QList<Order> &orders)
{
    return OrdersWriteBatch(orders, std::nullopt, false);
}

void OrdersWriteBatch::append(OrdersWriteBatch later)
{
    if (later.isEmpty())
        return;
    if (later.m_replacesAll || isEmpty()) {
        *this = std::move(later);
        return;
    }
    for (const Order &order : std::as_const(later.m_orders))
        merge(order);
    if (later.m_position)
        m_position = later.m_position;
}

void OrdersWriteBatch::merge(const Order &order)
{
    const auto existing = m_orders.find(order.id);
    if (existing == m_orders.end())
        m_orders.insert(order.id, order);
    else if (VersionRule::replaces(order, *existing))
        *existing = order;
}

} // namespace hearth
