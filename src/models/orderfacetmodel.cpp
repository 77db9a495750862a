#include "models/orderfacetmodel.h"

#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"

namespace hearth {

OrderFacetModel::OrderFacetModel(Facet facet, const OrdersModel *orders, const OrdersFilterProxy *filter,
                                 QObject *parent)
    : QAbstractListModel(parent), m_facet(facet), m_orders(orders), m_filter(filter), m_changes(orders)
{
    m_values << -1;
    if (facet == Facet::Status) {
        for (OrderStatus status : {OrderStatus::New, OrderStatus::Acknowledged, OrderStatus::Preparing,
                                   OrderStatus::Ready, OrderStatus::Completed, OrderStatus::Cancelled})
            m_values << int(status);
    } else {
        for (OrderType type : {OrderType::Pickup, OrderType::Delivery, OrderType::DineIn})
            m_values << int(type);
    }
    m_counts.fill(0, m_values.size());

    // A burst of changes is counted once, when the event loop comes back: counting walks every order.
    connect(&m_changes, &ModelChangeCoalescer::due, this, &OrderFacetModel::recount);
    connect(filter, &OrdersFilterProxy::filterChanged, &m_changes, &ModelChangeCoalescer::schedule);
    recount();
}

int OrderFacetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_values.size());
}

int OrderFacetModel::rowOfValue(int value) const
{
    return int(m_values.indexOf(value));
}

QString OrderFacetModel::label(int row) const
{
    const int value = m_values.at(row);
    if (value < 0) {
        if (m_facet == Facet::Type)
            return tr("All types");
        return m_allCountsOpenOnly ? tr("All open") : tr("All statuses");
    }
    return m_facet == Facet::Status ? statusDisplayName(OrderStatus(value)) : typeDisplayName(OrderType(value));
}

QVariant OrderFacetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole: return tr("%1 (%2)", "filter choice and how many orders it shows").arg(label(index.row())).arg(m_counts.at(index.row()));
    case Qt::AccessibleTextRole:
        // Spelled out: "%n order(s)" would be read as is without a translation loaded.
        return m_counts.at(index.row()) == 1 ? tr("%1: 1 order").arg(label(index.row()))
                                             : tr("%1: %2 orders").arg(label(index.row())).arg(m_counts.at(index.row()));
    case FilterValueRole: return m_values.at(index.row());
    case CountRole: return m_counts.at(index.row());
    default: return {};
    }
}

QHash<int, QByteArray> OrderFacetModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(FilterValueRole, "filterValue");
    names.insert(CountRole, "count");
    return names;
}

bool OrderFacetModel::passesOtherFacet(const Order &order) const
{
    if (m_facet == Facet::Status)
        return !m_filter->typeFilter() || order.type == *m_filter->typeFilter();
    if (const std::optional<OrderStatus> status = m_filter->statusFilter())
        return order.status == *status;
    return !m_filter->openOnly() || order.isOpen();
}

void OrderFacetModel::recount()
{
    m_changes.cancel();
    QList<int> counts(m_values.size(), 0);
    // "All statuses" follows "open orders only"; a named status counts its orders, closed too.
    const bool allCountsOpenOnly = m_facet == Facet::Status && m_filter->openOnly();
    for (int row = 0; row < m_orders->rowCount(); ++row) {
        const Order &order = *m_orders->orderAt(row);
        if (!passesOtherFacet(order))
            continue;
        if (!allCountsOpenOnly || order.isOpen())
            ++counts[0];
        const int value = m_facet == Facet::Status ? int(order.status) : int(order.type);
        const qsizetype at = m_values.indexOf(value, 1);
        if (at > 0)
            ++counts[at];
    }
    // The "All" label follows "open orders only" even when no count moved.
    const bool changed = counts != m_counts || allCountsOpenOnly != m_allCountsOpenOnly;
    m_counts = counts;
    m_allCountsOpenOnly = allCountsOpenOnly;
    if (changed)
        emit dataChanged(index(0), index(int(m_values.size()) - 1), {Qt::DisplayRole, Qt::AccessibleTextRole, CountRole});
}

} // namespace hearth
