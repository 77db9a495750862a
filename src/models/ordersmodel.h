#pragma once

// The live list of orders for the views: fed in batches by the sync layer, one ranged insert or
// ranged dataChanged per batch. Knows nothing about views, sockets or REST.
#include "core/order.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace hearth {

class OrdersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersModel)

public:
    enum Column { NumberColumn, StatusColumn, TypeColumn, CustomerColumn, ItemsColumn, TotalColumn,
                  ReceivedColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting: numbers, enums, timestamps
        OrderIdRole,
        StatusRole,                  // OrderStatus as int
        IsOpenRole,
        IsAcknowledgedRole,
        CreatedAtRole,
    };

    explicit OrdersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Order *orderAt(int row) const;
    const Order *orderById(const QString &id) const;
    int rowOf(const QString &id) const;
    int unacknowledgedCount() const { return m_unacknowledged; }

public slots:
    // Inserts new orders and applies newer versions of known ones; older or equal versions are
    // ignored, so replays, snapshots and echoes of our own actions can arrive in any order.
    void upsert(const QList<hearth::Order> &orders);
    // Replaces everything at once (a fresh snapshot).
    void replaceAll(const QList<hearth::Order> &orders);

signals:
    void unacknowledgedCountChanged(int count);

private:
    QVariant displayData(const Order &order, int column) const;
    QVariant sortData(const Order &order, int column) const;
    void emitChangedRows(QList<int> rows);
    void setUnacknowledgedCount(int count);

    QList<Order> m_orders;
    QHash<QString, int> m_rowById;
    int m_unacknowledged = 0;
};

// Presentation helpers shared by the model and the widgets.
QString statusDisplayName(OrderStatus status);
QString typeDisplayName(OrderType type);
QString formatCents(qint64 cents);

} // namespace hearth
