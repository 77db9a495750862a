#include "ui/orderstableview.h"

#include <QHeaderView>
#include <QMouseEvent>
#include <QScrollBar>

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

void OrdersTableView::setColumnWidths(int column, int preferred, int minimum)
{
    m_widths.insert(column, Widths{preferred, qMin(minimum, preferred)});
    if (minimum < preferred && !m_squeezeOrder.contains(column))
        m_squeezeOrder.append(column);
    fitColumns();
}

void OrdersTableView::setStretchColumn(int column, int minimum)
{
    m_stretchColumn = column;
    m_stretchMinimum = minimum;
    fitColumns();
}

int OrdersTableView::preferredWidth() const
{
    int width = m_stretchMinimum + 2 * frameWidth() + verticalScrollBar()->sizeHint().width();
    for (const Widths &widths : m_widths)
        width += widths.preferred;
    return width;
}

void OrdersTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitColumns();
}

void OrdersTableView::fitColumns()
{
    // Squeezed columns give back letters in the order they were declared until the stretch
    // column has its minimum; a wide window leaves every column at its preferred width, so
    // widths never change while scrolling.
    int available = viewport()->width() - m_stretchMinimum;
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it)
        available -= it->preferred;
    QHash<int, int> widths;
    for (auto it = m_widths.cbegin(); it != m_widths.cend(); ++it)
        widths.insert(it.key(), it->preferred);
    for (const int column : std::as_const(m_squeezeOrder)) {
        if (available >= 0)
            break;
        const Widths limits = m_widths.value(column);
        const int give = qMin(limits.preferred - limits.minimum, -available);
        widths[column] -= give;
        available += give;
    }
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        if (columnWidth(it.key()) != it.value())
            setColumnWidth(it.key(), it.value());
    }
}

void OrdersTableView::setPointerHeld(bool held)
{
    if (held == m_pointerHeld)
        return;
    m_pointerHeld = held;
    emit pointerHeldChanged(held);
}

} // namespace hearth
