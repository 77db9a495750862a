#pragma once

// Sorting and filtering of the orders for the main table: newest first by default, optionally
// only open orders, one status, one type, and a free-text search over number, customer and items.
#include "core/order.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace hearth {

class OrdersModel;

class OrdersFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersFilterProxy)

public:
    explicit OrdersFilterProxy(QObject *parent = nullptr);

    bool openOnly() const { return m_openOnly; }
    void setOpenOnly(bool openOnly);
    void setSearchText(const QString &text);
    const QString &searchText() const { return m_searchText; }
    // One status only (closed ones too, whatever "open only" says), or any (nothing).
    std::optional<OrderStatus> statusFilter() const { return m_status; }
    void setStatusFilter(std::optional<hearth::OrderStatus> status);
    std::optional<OrderType> typeFilter() const { return m_type; }
    void setTypeFilter(std::optional<hearth::OrderType> type);
    // What the table says when it shows nothing, after what narrows it most.
    QString emptyText() const;
    // While held (a mouse button is down over the table) the rows shown stay where they are:
    // arriving orders wait outside, changed ones are neither re-sorted nor filtered out. Release
    // applies everything that happened meanwhile. Removals from the source still go at once.
    void setHeld(bool held);
    bool isHeld() const { return m_held; }

    // The orders are a flat list: no row has children. Answered here, without the base class,
    // which creates and keeps a mapping for every parent it is asked about — one per row once a
    // tree walker (QAbstractItemModelTester, accessibility) has passed — and, when a changed
    // range holds rows that left the filter, erases theirs from the same hash it holds an
    // iterator into while it goes on to announce the range (the shape of issue 13's crash).
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;

signals:
    // Any of open-only, status, type or search changed.
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Numbers and times straight from the orders, not through QVariant: sorting 50 000 rows
    // compares some 800 000 pairs, and every burst re-sorts the rows it changed.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_openOnly = false;
    QString m_searchText;
    std::optional<OrderStatus> m_status;
    std::optional<OrderType> m_type;
    bool m_held = false;
    const OrdersModel *m_orders = nullptr; // the source, when it is the orders model
    QSet<QString> m_shownWhenHeld; // order ids on screen when the hold began
};

} // namespace hearth
