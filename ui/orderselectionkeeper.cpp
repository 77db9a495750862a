#include "ui/orderselectionkeeper.h"

#include "models/ordersmodel.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

namespace hearth {

OrderSelectionKeeper::OrderSelectionKeeper(QAbstractItemView *view, QAbstractItemModel *model)
    : QObject(view), m_view(view), m_model(model)
{
    // Connected before the view's own slots, so the flag is up when the view moves the selection.
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_changing = true; });
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_changing = true; });
    view->setModel(model);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &OrderSelectionKeeper::restore);
    connect(model, &QAbstractItemModel::modelReset, this, &OrderSelectionKeeper::restore);
    connect(model, &QAbstractItemModel::layoutChanged, this, &OrderSelectionKeeper::restore);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OrderSelectionKeeper::onSelectionChanged);
}

void OrderSelectionKeeper::onSelectionChanged()
{
    if (m_changing)
        return;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_selectedId = rows.isEmpty() ? QString() : rows.first().data(OrdersModel::OrderIdRole).toString();
}

void OrderSelectionKeeper::restore()
{
    m_changing = false;
    QItemSelectionModel *selection = m_view->selectionModel();
    const int row = m_selectedId.isEmpty() ? -1 : rowOf(m_selectedId);
    if (row < 0) {
        m_selectedId.clear();
        selection->clearSelection();
        selection->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
        return;
    }
    const QModelIndexList rows = selection->selectedRows();
    const int column = qMax(0, selection->currentIndex().column());
    if (rows.size() != 1 || rows.first().row() != row || selection->currentIndex().row() != row)
        selection->setCurrentIndex(m_model->index(row, column),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

int OrderSelectionKeeper::rowOf(const QString &id) const
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->index(row, 0).data(OrdersModel::OrderIdRole).toString() == id)
            return row;
    return -1;
}

} // namespace hearth
