#pragma once

// The selected order in full beside the table: items with quantities and prices, the note (an
// allergy in red), the total with its currency, the customer, the type, and the times it moved.
// Follows the order as new versions arrive; says so when nothing is selected.
#include <QString>
#include <QWidget>

class QTextBrowser;

namespace hearth {

class OrdersModel;
struct Order;

class OrderDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderDetailPane)

public:
    explicit OrderDetailPane(OrdersModel *orders, QWidget *parent = nullptr);

    void showOrder(const QString &orderId); // empty: nothing selected
    QString orderId() const { return m_orderId; }
    QString text() const; // as shown, for tests and screen readers

private:
    void refresh();
    static QString html(const Order &order);

    OrdersModel *m_orders;
    QTextBrowser *m_browser;
    QString m_orderId;
};

} // namespace hearth
