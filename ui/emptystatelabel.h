#pragma once

// A sentence in the middle of the orders table when it shows nothing ("No open orders — new ones
// appear here by themselves"), so an empty table reads as calm rather than broken. The text
// comes from the filter (what narrows the view most); it hides as soon as a row is there.
#include <QLabel>

class QAbstractItemView;

namespace hearth {

class OrdersFilterProxy;

class EmptyStateLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateLabel)

public:
    EmptyStateLabel(QAbstractItemView *view, OrdersFilterProxy *filter);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();

    QAbstractItemView *m_view;
    OrdersFilterProxy *m_filter;
};

} // namespace hearth
