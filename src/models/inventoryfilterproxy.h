#pragma once

// Sorting and the "low only" filter of the Inventory page, over an InventoryModel: sorts by the
// model's raw values (SortRole), names compared as the user's locale does.
#include <QSortFilterProxyModel>

namespace hearth {

class InventoryFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryFilterProxy)

public:
    explicit InventoryFilterProxy(QObject *parent = nullptr);

    void setLowOnly(bool lowOnly);
    bool lowOnly() const { return m_lowOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_lowOnly = false;
};

} // namespace hearth
