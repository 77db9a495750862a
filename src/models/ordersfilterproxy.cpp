#include "models/ordersfilterproxy.h"

#include "models/ordersmodel.h"

namespace hearth {

OrdersFilterProxy::OrdersFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(OrdersModel::SortRole);
    setDynamicSortFilter(true);
    connect(this, &QAbstractProxyModel::sourceModelChanged, this,
            [this] { m_orders = qobject_cast<const OrdersModel *>(sourceModel()); });
    sort(OrdersModel::ReceivedColumn, Qt::DescendingOrder);
}

bool OrdersFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const Order *a = m_orders ? m_orders->orderAt(left.row()) : nullptr;
    const Order *b = m_orders ? m_orders->orderAt(right.row()) : nullptr;
    if (!a || !b || left.column() != right.column() || sortRole() != OrdersModel::SortRole)
        return QSortFilterProxyModel::lessThan(left, right);
    if (const std::optional<bool> before = OrdersModel::sortsBefore(*a, *b, left.column()))
        return *before;
    return QSortFilterProxyModel::lessThan(left, right); // names: the base class's string rules
}

void OrdersFilterProxy::setOpenOnly(bool openOnly)
{
    if (openOnly == m_openOnly)
        return;
    m_openOnly = openOnly;
    invalidateFilter();
    emit filterChanged();
}

void OrdersFilterProxy::setStatusFilter(std::optional<OrderStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
    emit filterChanged();
}

void OrdersFilterProxy::setTypeFilter(std::optional<OrderType> type)
{
    if (type == m_type)
        return;
    m_type = type;
    invalidateFilter();
    emit filterChanged();
}

QString OrdersFilterProxy::emptyText() const
{
    if (!m_searchText.isEmpty())
        return tr("No orders match “%1”").arg(m_searchText);
    if (m_status || m_type)
        return tr("No orders of this status or type — choose “All” to see the others");
    if (m_openOnly)
        return tr("No open orders — new ones appear here by themselves");
    return tr("No orders yet — new ones appear here by themselves");
}

void OrdersFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateFilter();
    emit filterChanged();
}

void OrdersFilterProxy::setHeld(bool held)
{
    if (held == m_held)
        return;
    if (held) {
        m_shownWhenHeld.clear();
        for (int row = 0; row < rowCount(); ++row)
            m_shownWhenHeld.insert(index(row, 0).data(OrdersModel::OrderIdRole).toString());
        m_held = true;
        // Without a dynamic sort/filter a changed row keeps its place and its visibility.
        setDynamicSortFilter(false);
        return;
    }
    m_held = false;
    m_shownWhenHeld.clear();
    setDynamicSortFilter(true); // re-sorts what changed meanwhile
    invalidateFilter();          // lets the waiting orders in, at their places
}

int OrdersFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : QSortFilterProxyModel::rowCount(parent);
}

int OrdersFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : QSortFilterProxyModel::columnCount(parent);
}

bool OrdersFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return parent.isValid() ? false : QSortFilterProxyModel::hasChildren(parent);
}

QModelIndex OrdersFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    return parent.isValid() ? QModelIndex() : QSortFilterProxyModel::index(row, column, parent);
}

bool OrdersFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (m_held)
        return m_shownWhenHeld.contains(first.data(OrdersModel::OrderIdRole).toString());
    if (m_status) {
        if (first.data(OrdersModel::StatusRole).toInt() != int(*m_status))
            return false;
    } else if (m_openOnly && !first.data(OrdersModel::IsOpenRole).toBool()) {
        return false;
    }
    if (m_type && source->index(sourceRow, OrdersModel::TypeColumn, sourceParent).data(OrdersModel::SortRole).toInt() != int(*m_type))
        return false;
    if (m_searchText.isEmpty())
        return true;
    for (int column : {OrdersModel::NumberColumn, OrdersModel::CustomerColumn, OrdersModel::ItemsColumn}) {
        const QString text = source->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace hearth
