#pragma once

// The live list of orders for the views: fed in batches by the sync layer, one ranged insert or
// ranged dataChanged per batch. Knows nothing about views, sockets or REST.
#include "core/order.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

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
        NotesRole,                   // the customer's note, as typed
    };

    using Clock = std::function<QDateTime()>;

    explicit OrdersModel(QObject *parent = nullptr);

    // Closed orders leave the model this long after their last change, as they leave the
    // server's snapshot, so a dashboard open for days does not keep every order of the week.
    static constexpr std::chrono::hours closedOrdersKeptFor{24};
    void setClock(Clock clock) { m_clock = std::move(clock); } // for tests; UTC

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const Order *orderAt(int row) const;
    const Order *orderById(const QString &id) const;
    int rowOf(const QString &id) const;
    int unacknowledgedCount() const { return m_unacknowledged; }
    // SortRole's order without QVariant, for the proxy's hot path: whether `a` sorts before `b`
    // in `column`, or nothing for a column whose key is not a number or a time (names). It
    // must follow sortData()'s keys (tst_ordersfilterproxy holds the two to one order).
    static std::optional<bool> sortsBefore(const Order &a, const Order &b, int column);

public slots:
    // Inserts new orders and applies newer versions of known ones; older or equal versions are
    // ignored, so replays, snapshots and echoes of our own actions can arrive in any order.
    void upsert(const QList<hearth::Order> &orders);
    // Makes the model hold exactly `orders` (a fresh snapshot), as a diff: rows missing from it
    // are removed, newer versions change their rows in place, new orders are inserted, so views
    // keep their selection. A version here newer than the snapshot's is kept.
    void replaceAll(const QList<hearth::Order> &orders);
    void clear();
    // Removes closed orders older than closedOrdersKeptFor, in ranges; runs by itself every
    // few minutes. Returns how many went.
    int pruneClosed();

signals:
    void unacknowledgedCountChanged(int count);

private:
    QVariant displayData(const Order &order, int column) const;
    QVariant sortData(const Order &order, int column) const;

    void emitChangedRows(const QList<int> &rows);
    void appendOrders(QList<Order> orders, int *attention);
    // Removes the rows (any order, no duplicates) in contiguous ranges, bottom up.
    void removeRowsIn(QList<int> rows);
    bool isExpired(const Order &order, const QDateTime &cutoff) const;
    void setUnacknowledgedCount(int count);

    QList<Order> m_orders;
    QHash<QString, int> m_rowById;
    int m_unacknowledged = 0;
    Clock m_clock;
    QTimer m_pruneTimer;
};

// Presentation helpers shared by the model and the widgets.
QString statusDisplayName(OrderStatus status);
QString typeDisplayName(OrderType type);
QString formatCents(qint64 cents);

} // namespace hearth
