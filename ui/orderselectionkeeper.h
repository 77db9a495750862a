#pragma once

// Keeps a view's selection on the same order while the rows under it change: when the selected
// order leaves the view (completed, filtered out, gone from a snapshot) nothing is selected —
// QAbstractItemView would select the neighbour, and the next Ctrl+Return would move the wrong ticket.
#include <QObject>
#include <QString>

class QAbstractItemModel;
class QAbstractItemView;

namespace hearth {

class OrderSelectionKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderSelectionKeeper)

public:
    // Sets `model` on `view`: the keeper must hear of removals before the view does.
    OrderSelectionKeeper(QAbstractItemView *view, QAbstractItemModel *model);

    QString selectedId() const { return m_selectedId; }

private:
    void onSelectionChanged();
    void restore();
    int rowOf(const QString &id) const;

    QAbstractItemView *m_view;
    QAbstractItemModel *m_model;
    QString m_selectedId;
    bool m_changing = false; // rows are going; selection changes now are the view's, not the user's
};

} // namespace hearth
