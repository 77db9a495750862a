#pragma once

// Sorting and filtering of the orders for the main table: newest first by default, optionally
// only open orders, and a free-text search over number, customer and items.
#include <QSet>
#include <QSortFilterProxyModel>

namespace hearth {

class OrdersFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersFilterProxy)

public:
    explicit OrdersFilterProxy(QObject *parent = nullptr);

    bool openOnly() const { return m_openOnly; }
    void setOpenOnly(bool openOnly);
    void setSearchText(const QString &text);
    // While held (a mouse button is down over the table) the rows shown stay where they are:
    // arriving orders wait outside, changed ones are neither re-sorted nor filtered out. Release
    // applies everything that happened meanwhile. Removals from the source still go at once.
    void setHeld(bool held);
    bool isHeld() const { return m_held; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_openOnly = false;
    QString m_searchText;
    bool m_held = false;
    QSet<QString> m_shownWhenHeld; // order ids on screen when the hold began
};

} // namespace hearth
