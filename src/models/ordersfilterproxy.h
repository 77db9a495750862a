#pragma once

// Sorting and filtering of the orders for the main table: newest first by default, optionally
// only open orders, and a free-text search over number, customer and items.
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_openOnly = false;
    QString m_searchText;
};

} // namespace hearth
