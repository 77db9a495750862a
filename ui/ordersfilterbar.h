#pragma once

// The band above the orders table: filters by status and by type, each choice with its count
// ("Preparing (4)"), and the all-day counts of the open orders ("All day: Margherita ×7 ·
// Tiramisu ×3"), elided to the width with the whole list in the tooltip.
#include <QWidget>

class QComboBox;
class QLabel;

namespace hearth {

class ItemTotalsModel;
class OrderFacetModel;
class OrdersFilterProxy;
class OrdersModel;

class OrdersFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersFilterBar)

public:
    OrdersFilterBar(const OrdersModel *orders, OrdersFilterProxy *filter, QWidget *parent = nullptr);

    QComboBox *statusFilter() const { return m_status; }
    QComboBox *typeFilter() const { return m_type; }
    ItemTotalsModel *itemTotals() const { return m_totals; }
    // The all-day line as shown (elided) — for tests.
    QString allDayText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateAllDay();
    void followFilter();

    OrdersFilterProxy *m_filter;
    OrderFacetModel *m_statusFacets;
    OrderFacetModel *m_typeFacets;
    ItemTotalsModel *m_totals;
    QComboBox *m_status;
    QComboBox *m_type;
    QLabel *m_allDay;
};

} // namespace hearth
