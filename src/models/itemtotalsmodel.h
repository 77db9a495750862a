#pragma once

// All-day counts: how many of each item the open orders hold ("Margherita ×7"), so the kitchen
// can batch. One row per item name, in name order (rows keep their places as counts move); the
// summary line ranks them. Kept true as orders arrive, change and close, counted once per
// event-loop turn.
#include <QAbstractListModel>
#include <QList>
#include "models/modelchangecoalescer.h"

namespace hearth {

class OrdersModel;

class ItemTotalsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemTotalsModel)

public:
    enum Role { NameRole = Qt::UserRole + 1, QuantityRole };

    explicit ItemTotalsModel(const OrdersModel *orders, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The items by quantity, most first (then by name): "Margherita ×7 · Tiramisu ×3"; at most
    // `maxItems` of them (0: all). Empty when no open order holds anything.
    QString summary(int maxItems = 0) const;
    // Counts again now instead of at the end of this event-loop turn.
    void recount();

signals:
    void countsChanged();

private:
    struct Row
    {
        QString name;
        int quantity = 0;
    };
    static QString rowText(const Row &row);

    const OrdersModel *m_orders;
    QList<Row> m_rows;
    ModelChangeCoalescer m_changes;
};

} // namespace hearth
