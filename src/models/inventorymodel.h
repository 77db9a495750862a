#pragma once

// The restaurant's stock lines for the Inventory page: one row per line with the available units
// (stock − damaged) beside stock and damaged, the low-stock threshold, and low rows marked. Fed
// by an InventoryClient (follow()); snapshots are applied as a diff. Tells when a line falls to
// its threshold — once per crossing, whether the change streamed, was polled or came with a
// snapshot — for the low-stock notice.
#include "core/inventoryitem.h"
#include "models/keyedtablemodel.h"

namespace hearth {

class InventoryClient;

class InventoryModel final : public KeyedTableModel<InventoryItem>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryModel)

public:
    enum Column { NameColumn, AvailableColumn, StockColumn, DamagedColumn, ThresholdColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value of the column: name, or a number
        ItemIdRole,
        IsLowRole,
        ItemRole,                    // the InventoryItem (QVariant)
    };

    explicit InventoryModel(QObject *parent = nullptr);

    void follow(InventoryClient *client);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int lowCount() const;

public slots:
    void replaceAll(const QList<hearth::InventoryItem> &items);
    void upsert(const QList<hearth::InventoryItem> &items);
    void clear() { clearRows(); }

signals:
    // `item` fell to its threshold or below (it was above it before this change).
    void becameLow(const hearth::InventoryItem &item);

protected:
    void rowReplaced(const InventoryItem &before, const InventoryItem &after) override;

private:
    QList<InventoryItem> m_crossed; // collected during a change, announced after it
    void announceCrossings();
};

// "12 kg", "3 cans", "40": a count with its unit, in the user's locale.
QString unitCount(qint64 count, const QString &unit);

} // namespace hearth
