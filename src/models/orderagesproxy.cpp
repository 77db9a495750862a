#include "models/orderagesproxy.h"

#include "models/ordersmodel.h"
#include "models/serverclock.h"

#include <QBrush>
#include <QColor>

namespace hearth {

OrderAgesProxy::OrderAgesProxy(const ServerClock *clock, QObject *parent)
    : QIdentityProxyModel(parent), m_clock(clock)
{
    // Minutes are shown: a few seconds late is invisible, a repaint every second is not free.
    m_tick.setInterval(std::chrono::seconds(10));
    connect(&m_tick, &QTimer::timeout, this, &OrderAgesProxy::refresh);
    m_tick.start();
}

void OrderAgesProxy::setThresholds(std::chrono::minutes warning, std::chrono::minutes urgent)
{
    m_default = Thresholds{warning, urgent};
    m_byStatus.clear();
    refresh();
}

void OrderAgesProxy::setThresholds(OrderStatus status, std::chrono::minutes warning, std::chrono::minutes urgent)
{
    m_byStatus.insert(int(status), Thresholds{warning, urgent});
    refresh();
}

OrderAgesProxy::Thresholds OrderAgesProxy::thresholdsFor(const QModelIndex &index) const
{
    return m_byStatus.value(QIdentityProxyModel::data(index, OrdersModel::StatusRole).toInt(), m_default);
}

void OrderAgesProxy::refresh()
{
    if (rowCount() == 0)
        return;
    emit dataChanged(index(0, OrdersModel::ReceivedColumn), index(rowCount() - 1, OrdersModel::ReceivedColumn),
                     {Qt::DisplayRole, Qt::BackgroundRole, Qt::ToolTipRole, AgeSecondsRole});
}

QString OrderAgesProxy::ageText(qint64 seconds)
{
    const qint64 minutes = seconds / 60;
    if (minutes < 1)
        return tr("< 1 min");
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    return tr("%1 h %2 min", "hours and minutes").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

qint64 OrderAgesProxy::ageSeconds(const QModelIndex &index) const
{
    if (!QIdentityProxyModel::data(index, OrdersModel::IsOpenRole).toBool())
        return -1;
    const QDateTime created = QIdentityProxyModel::data(index, OrdersModel::CreatedAtRole).toDateTime();
    if (!created.isValid())
        return -1;
    // Never negative: a stamp a little ahead of our estimate of the server's clock is "just now".
    return qMax<qint64>(0, created.secsTo(m_clock->now()));
}

QVariant OrderAgesProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() != OrdersModel::ReceivedColumn)
        return QIdentityProxyModel::data(index, role);
    switch (role) {
    case AgeSecondsRole: {
        const qint64 age = ageSeconds(index);
        return age < 0 ? QVariant() : QVariant(age);
    }
    case Qt::DisplayRole: {
        const qint64 age = ageSeconds(index);
        const QString time = QIdentityProxyModel::data(index, role).toString();
        return age < 0 ? time : tr("%1 · %2", "age, time received").arg(ageText(age), time);
    }
    case Qt::BackgroundRole: {
        const qint64 age = ageSeconds(index);
        const Thresholds thresholds = thresholdsFor(index);
        if (age < 0)
            break;
        if (age >= std::chrono::duration_cast<std::chrono::seconds>(thresholds.urgent).count())
            return QBrush(QColor(0xE5, 0x73, 0x73)); // red: late
        if (age >= std::chrono::duration_cast<std::chrono::seconds>(thresholds.warning).count())
            return QBrush(QColor(0xFF, 0xC1, 0x4D)); // amber: getting late
        break;
    }
    case Qt::ToolTipRole: {
        const qint64 age = ageSeconds(index);
        if (age >= 0)
            return tr("Waiting for %1 (by the server's clock)").arg(ageText(age));
        break;
    }
    default: break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace hearth
