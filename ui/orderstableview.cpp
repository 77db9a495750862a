#include "ui/orderstableview.h"

#include <QMouseEvent>

namespace hearth {

OrdersTableView::OrdersTableView(QWidget *parent) : QTableView(parent)
{
    // Arrow keys move between rows; Tab belongs to the window's focus chain.
    setTabKeyNavigation(false);
}

void OrdersTableView::keyboardSearch(const QString &search)
{
    // QAbstractItemView would jump to the first row whose first column ("#142") starts with the
    // text; staff expect the text to search, as in the search field.
    emit textTyped(search);
}

void OrdersTableView::mousePressEvent(QMouseEvent *event)
{
    // Held before the press selects, so the row clicked is the row that stays under the pointer.
    setPointerHeld(true);
    QTableView::mousePressEvent(event);
}

void OrdersTableView::mouseReleaseEvent(QMouseEvent *event)
{
    QTableView::mouseReleaseEvent(event);
    if (event->buttons() == Qt::NoButton)
        setPointerHeld(false);
}

void OrdersTableView::focusOutEvent(QFocusEvent *event)
{
    // A release can be lost (a dialog opened by the click, a grab elsewhere): never hold forever.
    QTableView::focusOutEvent(event);
    setPointerHeld(false);
}

void OrdersTableView::setPointerHeld(bool held)
{
    if (held == m_pointerHeld)
        return;
    m_pointerHeld = held;
    emit pointerHeldChanged(held);
}

} // namespace hearth
