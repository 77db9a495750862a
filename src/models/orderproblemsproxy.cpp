#include "models/orderproblemsproxy.h"

#include "models/ordersmodel.h"

#include <QBrush>
#include <QColor>

namespace hearth {

OrderProblemsProxy::OrderProblemsProxy(OrdersModel *orders, QObject *parent)
    : QIdentityProxyModel(parent), m_orders(orders)
{
    setSourceModel(orders);
    // A cleared or replaced model takes its rows' marks with it.
    connect(orders, &QAbstractItemModel::modelReset, this, [this] { m_problems.clear(); });
}

QString OrderProblemsProxy::failedStatusText(const QString &status)
{
    return tr("%1 — failed", "status of an order whose last action failed").arg(status);
}

void OrderProblemsProxy::setProblem(const QString &orderId, const QString &message)
{
    m_problems.insert(orderId, message);
    emitRowChanged(orderId);
}

void OrderProblemsProxy::clearProblem(const QString &orderId)
{
    if (m_problems.remove(orderId))
        emitRowChanged(orderId);
}

void OrderProblemsProxy::clearAll()
{
    const QList<QString> ids = m_problems.keys();
    m_problems.clear();
    for (const QString &id : ids)
        emitRowChanged(id);
}

QVariant OrderProblemsProxy::data(const QModelIndex &index, int role) const
{
    if (m_problems.isEmpty() || !index.isValid())
        return QIdentityProxyModel::data(index, role);
    const auto found = m_problems.constFind(QIdentityProxyModel::data(index, OrdersModel::OrderIdRole).toString());
    if (found == m_problems.constEnd())
        return role == ProblemRole ? QVariant() : QIdentityProxyModel::data(index, role);
    switch (role) {
    case ProblemRole: return *found;
    case Qt::ToolTipRole: return *found;
    case Qt::BackgroundRole: return QBrush(QColor(0xF4, 0xB4, 0xB4)); // red: an action did not happen
    case Qt::DisplayRole:
        if (index.column() == OrdersModel::StatusColumn)
            return failedStatusText(QIdentityProxyModel::data(index, role).toString());
        break;
    default: break;
    }
    return QIdentityProxyModel::data(index, role);
}

void OrderProblemsProxy::emitRowChanged(const QString &orderId)
{
    const int row = m_orders->rowOf(orderId);
    if (row < 0)
        return;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1),
                     {Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole, ProblemRole});
}

} // namespace hearth
