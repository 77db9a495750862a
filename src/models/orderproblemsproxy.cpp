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

QString OrderProblemsProxy::queuedStatusText(const QString &status)
{
    return tr("%1 — queued", "status of an order whose actions wait to be sent").arg(status);
}

void OrderProblemsProxy::setQueued(const QString &orderId, const QString &expectedStatus, const QStringList &waiting)
{
    if (waiting.isEmpty()) {
        if (m_queued.remove(orderId))
            emitRowChanged(orderId);
        return;
    }
    m_queued.insert(orderId, Queued{expectedStatus, waiting});
    emitRowChanged(orderId);
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
    if ((m_problems.isEmpty() && m_queued.isEmpty()) || !index.isValid())
        return QIdentityProxyModel::data(index, role);
    const QString orderId = QIdentityProxyModel::data(index, OrdersModel::OrderIdRole).toString();
    const auto found = m_problems.constFind(orderId);
    if (found == m_problems.constEnd()) {
        const auto queued = m_queued.constFind(orderId);
        if (queued == m_queued.constEnd())
            return role == ProblemRole || role == QueuedRole ? QVariant() : QIdentityProxyModel::data(index, role);
        switch (role) {
        case QueuedRole:
        case Qt::ToolTipRole:
            //: %1 lists the actions ("Acknowledge, Start preparing")
            return tr("Waiting to be sent when the server is reachable: %1").arg(queued->waiting.join(u", "));
        case Qt::BackgroundRole: return QBrush(QColor(0xFF, 0xE8, 0xB0)); // amber: not on the server yet
        case Qt::DisplayRole:
            if (index.column() == OrdersModel::StatusColumn)
                return queuedStatusText(queued->expectedStatus);
            break;
        default: break;
        }
        return QIdentityProxyModel::data(index, role);
    }
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
                     {Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole, ProblemRole, QueuedRole});
}

} // namespace hearth
