#include "ui/detailpanelayout.h"

#include <QEvent>
#include <QSplitter>

namespace hearth {

DetailPaneLayout::DetailPaneLayout(QSplitter *splitter, std::function<int()> tableWidth, int paneWidth)
    : QObject(splitter), m_splitter(splitter), m_tableWidth(std::move(tableWidth)), m_paneWidth(paneWidth)
{
    m_splitter->setChildrenCollapsible(true);
    m_splitter->setCollapsible(0, false); // the table is the page
    m_splitter->installEventFilter(this);
    update();
}

bool DetailPaneLayout::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_splitter && event->type() == QEvent::Resize)
        update();
    return QObject::eventFilter(watched, event);
}

void DetailPaneLayout::update()
{
    const bool beside = m_splitter->width() >= m_tableWidth() + m_paneWidth + m_splitter->handleWidth();
    const Qt::Orientation wanted = beside ? Qt::Horizontal : Qt::Vertical;
    const QList<int> sizes = m_splitter->sizes();
    // A pane the user dragged shut stays shut, across a switch too.
    const bool collapsed = sizes.value(1) == 0 && m_splitter->isVisible();
    const int length = beside ? m_splitter->width() : m_splitter->height();
    // Beside: the pane at its readable width, the rest for the table's items. Below: two fifths
    // of the height (the pane keeps its height as the window grows, so it is given it again).
    const int pane = collapsed ? 0 : beside ? m_paneWidth : length * 2 / 5;
    if (m_splitter->orientation() != wanted) {
        m_splitter->setOrientation(wanted);
        m_splitter->setSizes({length - pane, pane});
    } else if (!beside && !collapsed && sizes.value(1) < pane) {
        m_splitter->setSizes({length - pane, pane});
    }
}

} // namespace hearth
