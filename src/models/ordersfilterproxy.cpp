#include "models/ordersfilterproxy.h"

#include "models/ordersmodel.h"

namespace hearth {

OrdersFilterProxy::OrdersFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(OrdersModel::SortRole);
    setDynamicSortFilter(true);
    sort(OrdersModel::ReceivedColumn, Qt::DescendingOrder);
}

void OrdersFilterProxy::setOpenOnly(bool openOnly)
{
    if (openOnly == m_openOnly)
        return;
    m_openOnly = openOnly;
    invalidateFilter();
}

void OrdersFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateFilter();
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

bool OrdersFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (m_held)
        return m_shownWhenHeld.contains(first.data(OrdersModel::OrderIdRole).toString());
    if (m_openOnly && !first.data(OrdersModel::IsOpenRole).toBool())
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
