#include "models/inventoryfilterproxy.h"

#include "models/inventorymodel.h"

namespace hearth {

InventoryFilterProxy::InventoryFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(InventoryModel::SortRole);
    setSortLocaleAware(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // A count that changes may move a row out of "low only" or back in.
    setDynamicSortFilter(true);
}

void InventoryFilterProxy::setLowOnly(bool lowOnly)
{
    if (lowOnly == m_lowOnly)
        return;
    m_lowOnly = lowOnly;
    invalidateRowsFilter();
}

bool InventoryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_lowOnly)
        return true;
    return sourceModel()->index(sourceRow, 0, sourceParent).data(InventoryModel::IsLowRole).toBool();
}

} // namespace hearth
