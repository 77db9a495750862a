#include "models/itemtotalsmodel.h"

#include "models/ordersmodel.h"

#include <QMap>
#include <QStringList>

#include <algorithm>

namespace hearth {

ItemTotalsModel::ItemTotalsModel(const OrdersModel *orders, QObject *parent)
    : QAbstractListModel(parent), m_orders(orders), m_changes(orders)
{
    connect(&m_changes, &ModelChangeCoalescer::due, this, &ItemTotalsModel::recount);
    recount();
}

int ItemTotalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ItemTotalsModel::rowText(const Row &row)
{
    return tr("%1 ×%2", "item name and how many the open orders hold").arg(row.name).arg(row.quantity);
}

QVariant ItemTotalsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return rowText(row);
    case NameRole: return row.name;
    case QuantityRole: return row.quantity;
    default: return {};
    }
}

QHash<int, QByteArray> ItemTotalsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(QuantityRole, "quantity");
    return names;
}

QString ItemTotalsModel::summary(int maxItems) const
{
    QList<Row> ranked = m_rows;
    std::stable_sort(ranked.begin(), ranked.end(), [](const Row &a, const Row &b) { return a.quantity > b.quantity; });
    if (maxItems > 0 && ranked.size() > maxItems)
        ranked.resize(maxItems);
    QStringList parts;
    for (const Row &row : std::as_const(ranked))
        parts << rowText(row);
    return parts.join(QStringLiteral(" · "));
}

void ItemTotalsModel::recount()
{
    m_changes.cancel();
    QMap<QString, int> fresh; // name order, as the rows
    for (int i = 0; i < m_orders->rowCount(); ++i) {
        const Order &order = *m_orders->orderAt(i);
        if (!order.isOpen())
            continue;
        for (const OrderItem &item : order.items) {
            if (item.quantity > 0)
                fresh[item.name] += item.quantity;
        }
    }

    bool changed = false;
    // Items no open order holds any more, bottom up so the rows above keep their numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (fresh.contains(m_rows.at(row).name))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        changed = true;
    }
    // What is left is a subsequence of `fresh` in the same order: walk both, inserting the new
    // names where they belong. A row changed before a later insert keeps its number (inserts
    // only happen further down), so one dataChanged over the changed span is right at the end.
    int firstChanged = -1;
    int lastChanged = -1;
    int row = 0;
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it, ++row) {
        if (row < m_rows.size() && m_rows.at(row).name == it.key()) {
            if (m_rows.at(row).quantity != it.value()) {
                m_rows[row].quantity = it.value();
                firstChanged = firstChanged < 0 ? row : firstChanged;
                lastChanged = row;
            }
            continue;
        }
        beginInsertRows({}, row, row);
        m_rows.insert(row, Row{it.key(), it.value()});
        endInsertRows();
        changed = true;
    }
    if (firstChanged >= 0) {
        emit dataChanged(index(firstChanged), index(lastChanged), {Qt::DisplayRole, QuantityRole});
        changed = true;
    }
    if (changed)
        emit countsChanged();
}

} // namespace hearth
