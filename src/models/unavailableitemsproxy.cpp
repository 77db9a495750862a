#include "models/unavailableitemsproxy.h"

#include "models/ordersmodel.h"


namespace hearth {

UnavailableItemsProxy::UnavailableItemsProxy(const OrdersModel *orders, QObject *parent)
    : QIdentityProxyModel(parent), m_orders(orders)
{
}

void UnavailableItemsProxy::setUnavailableNames(const QSet<QString> &names)
{
    if (names == m_names)
        return;
    m_names = names;
    if (rowCount() > 0)
        emit dataChanged(index(0, OrdersModel::ItemsColumn), index(rowCount() - 1, OrdersModel::ItemsColumn));
}

QStringList UnavailableItemsProxy::unavailableItems(const QModelIndex &index) const
{
    if (m_names.isEmpty() || !index.isValid())
        return {};
    const Order *order = m_orders->orderById(index.siblingAtColumn(0).data(OrdersModel::OrderIdRole).toString());
    if (!order || !order->isOpen())
        return {}; // a finished order's dishes are served already
    QStringList names;
    for (const OrderItem &item : order->items) {
        if (m_names.contains(item.name) && !names.contains(item.name))
            names.append(item.name);
    }
    return names;
}

QVariant UnavailableItemsProxy::data(const QModelIndex &index, int role) const
{
    if (index.column() == OrdersModel::ItemsColumn
        && (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == UnavailableItemsRole)) {
        const QStringList names = unavailableItems(index);
        if (!names.isEmpty()) {
            switch (role) {
            case UnavailableItemsRole: return names;
            case Qt::DisplayRole:
                //: the Items cell of an order holding a dish that cannot be ordered now; %1 the items
                return tr("⊘ %1").arg(QIdentityProxyModel::data(index, role).toString());
            case Qt::ToolTipRole: {
                //: %1 dish names, comma-separated
                const QString mark = tr("Not available now: %1").arg(names.join(QStringLiteral(", ")));
                const QString below = QIdentityProxyModel::data(index, role).toString(); // the note, say
                return below.isEmpty() ? mark : below + u'\n' + mark;
            }
            default: break;
            }
        } else if (role == UnavailableItemsRole) {
            return QStringList();
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace hearth
