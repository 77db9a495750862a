#pragma once

// The choices of one filter beside the orders table — by status or by type — each with how many
// orders it would show ("Preparing (4)"), kept true as orders arrive and change. Row 0 is "All".
// A facet's counts follow the other facet's choice and "open orders only" (not the search), so
// a count is what choosing that row shows before searching. A list model for a QComboBox.
#include "core/order.h"

#include <QAbstractListModel>
#include <QList>
#include "models/modelchangecoalescer.h"

#include <optional>

namespace hearth {

class OrdersFilterProxy;
class OrdersModel;

class OrderFacetModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderFacetModel)

public:
    enum class Facet { Status, Type };
    enum Role {
        FilterValueRole = Qt::UserRole + 1, // the OrderStatus or OrderType as int; -1 for "All"
        CountRole,
    };

    OrderFacetModel(Facet facet, const OrdersModel *orders, const OrdersFilterProxy *filter,
                    QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int countAt(int row) const { return m_counts.value(row); }
    // The row whose filter value is `value` (-1: "All").
    int rowOfValue(int value) const;
    // Counts again now instead of at the end of this event-loop turn.
    void recount();

private:
    bool passesOtherFacet(const Order &order) const;
    QString label(int row) const;

    Facet m_facet;
    const OrdersModel *m_orders;
    const OrdersFilterProxy *m_filter;
    QList<int> m_values; // per row: the filter value
    QList<int> m_counts; // per row
    bool m_allCountsOpenOnly = false;
    ModelChangeCoalescer m_changes;
};

} // namespace hearth
