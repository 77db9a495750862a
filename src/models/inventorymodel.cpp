#include "models/inventorymodel.h"

#include "core/inventoryrules.h"
#include "sync/inventoryclient.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <utility>

namespace hearth {

QString unitCount(qint64 count, const QString &unit)
{
    const QString number = QLocale().toString(count);
    if (unit.isEmpty())
        return number;
    //: %1 is a number, %2 its unit as the restaurant wrote it ("kg", "cans")
    return InventoryModel::tr("%1 %2").arg(number, unit);
}

InventoryModel::InventoryModel(QObject *parent)
    : KeyedTableModel<InventoryItem>(parent)
{
}

void InventoryModel::follow(InventoryClient *client)
{
    connect(client, &InventoryClient::inventoryReplaced, this,
            [this](const QList<InventoryItem> &items) { replaceAll(items); });
    connect(client, &InventoryClient::inventoryUpdated, this,
            [this](const QList<InventoryItem> &items) { upsert(items); });
    replaceAll(client->items());
}

int InventoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InventoryModel::data(const QModelIndex &index, int role) const
{
    const InventoryItem *item = rowAt(index.row());
    if (!item || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return item->name;
        case AvailableColumn: return unitCount(item->available(), item->unit);
        case StockColumn: return QLocale().toString(item->stock);
        case DamagedColumn: return QLocale().toString(item->damaged);
        case ThresholdColumn: return QLocale().toString(item->threshold);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn: return item->name;
        case AvailableColumn: return item->available();
        case StockColumn: return item->stock;
        case DamagedColumn: return item->damaged;
        case ThresholdColumn: return item->threshold;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::BackgroundRole:
        if (item->isLow())
            return QBrush(item->available() <= 0 ? QColor(0xf8, 0xd7, 0xd2) : QColor(0xfc, 0xe8, 0xc8));
        break;
    case Qt::FontRole:
        if (index.column() == AvailableColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ToolTipRole:
        if (item->isLow()) {
            //: %1 the item, %2 the available units with unit, %3 the threshold
            return tr("%1 is low: %2 available, alert at %3 or fewer")
                .arg(item->name, unitCount(item->available(), item->unit), QLocale().toString(item->threshold));
        }
        break;
    case ItemIdRole: return item->id;
    case IsLowRole: return item->isLow();
    case ItemRole: return QVariant::fromValue(*item);
    default: break;
    }
    return {};
}

QVariant InventoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Item");
    case AvailableColumn: return tr("Available");
    case StockColumn: return tr("Stock");
    case DamagedColumn: return tr("Damaged");
    case ThresholdColumn: return tr("Low at");
    default: break;
    }
    return {};
}

QHash<int, QByteArray> InventoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(ItemIdRole, "itemId");
    names.insert(IsLowRole, "isLow");
    names.insert(ItemRole, "item");
    return names;
}

int InventoryModel::lowCount() const
{
    return int(std::count_if(rows().cbegin(), rows().cend(), [](const InventoryItem &item) { return item.isLow(); }));
}

void InventoryModel::replaceAll(const QList<InventoryItem> &items)
{
    replaceAllRows(items);
    announceCrossings();
}

void InventoryModel::upsert(const QList<InventoryItem> &items)
{
    upsertRows(items);
    announceCrossings();
}

void InventoryModel::rowReplaced(const InventoryItem &before, const InventoryItem &after)
{
    if (InventoryRules::crossing(before, after) == InventoryRules::Crossing::BecameLow)
        m_crossed.append(after);
}

void InventoryModel::announceCrossings()
{
    // After the model is settled: a receiver may read it, or open the page.
    const QList<InventoryItem> crossed = std::exchange(m_crossed, {});
    for (const InventoryItem &item : crossed)
        emit becameLow(item);
}

} // namespace hearth
