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

bool OrdersFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
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
