#include "ui/emptystatelabel.h"

#include "models/ordersfilterproxy.h"

#include <QAbstractItemView>
#include <QEvent>

namespace hearth {

EmptyStateLabel::EmptyStateLabel(QAbstractItemView *view, OrdersFilterProxy *filter)
    : QLabel(view->viewport()), m_view(view), m_filter(filter)
{
    setObjectName(QStringLiteral("emptyState"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setAttribute(Qt::WA_TransparentForMouseEvents); // clicks still reach the table
    setForegroundRole(QPalette::PlaceholderText);
    QFont larger = font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    setFont(larger);
    view->viewport()->installEventFilter(this);
    connect(filter, &QAbstractItemModel::rowsInserted, this, &EmptyStateLabel::refresh);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &EmptyStateLabel::refresh);
    connect(filter, &QAbstractItemModel::modelReset, this, &EmptyStateLabel::refresh);
    connect(filter, &QAbstractItemModel::layoutChanged, this, &EmptyStateLabel::refresh);
    connect(filter, &OrdersFilterProxy::filterChanged, this, &EmptyStateLabel::refresh);
    refresh();
}

bool EmptyStateLabel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        setGeometry(m_view->viewport()->rect().adjusted(24, 24, -24, -24));
    return QLabel::eventFilter(watched, event);
}

void EmptyStateLabel::refresh()
{
    const bool empty = m_filter->rowCount() == 0;
    if (empty) {
        setText(m_filter->emptyText());
        setAccessibleName(text());
    }
    setVisible(empty);
}

} // namespace hearth
