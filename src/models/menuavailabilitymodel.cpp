#include "models/menuavailabilitymodel.h"

#include "sync/inventoryclient.h"

#include <QColor>
#include <QLocale>

namespace hearth {

QString daysText(const QList<int> &days)
{
    if (days.isEmpty() || days.size() == 7)
        return MenuAvailabilityModel::tr("Every day");
    const QLocale locale;
    bool consecutive = days.size() >= 3;
    for (qsizetype i = 1; i < days.size() && consecutive; ++i)
        consecutive = days.at(i) == days.at(i - 1) + 1;
    if (consecutive) {
        //: a range of weekdays, e.g. "Mon–Fri"
        return MenuAvailabilityModel::tr("%1–%2").arg(locale.dayName(days.constFirst(), QLocale::ShortFormat),
                                                     locale.dayName(days.constLast(), QLocale::ShortFormat));
    }
    QStringList names;
    for (int day : days)
        names.append(locale.dayName(day, QLocale::ShortFormat));
    return names.join(QStringLiteral(", "));
}

MenuAvailabilityModel::MenuAvailabilityModel(QObject *parent)
    : KeyedTableModel<MenuItem>(parent), m_clock([] { return QDate::currentDate(); }), m_today(m_clock())
{
}

void MenuAvailabilityModel::follow(InventoryClient *client)
{
    connect(client, &InventoryClient::inventoryReplaced, this,
            [this](const QList<InventoryItem> &, const QList<MenuItem> &menu) { replaceAll(menu); });
    connect(client, &InventoryClient::inventoryUpdated, this,
            [this](const QList<InventoryItem> &, const QList<MenuItem> &menu) {
                if (!menu.isEmpty())
                    upsert(menu);
            });
    replaceAll(client->menu());
}

void MenuAvailabilityModel::setClock(std::function<QDate()> today)
{
    m_clock = std::move(today);
    refreshDay();
}

void MenuAvailabilityModel::refreshDay()
{
    const QDate today = m_clock();
    if (today == m_today)
        return;
    m_today = today;
    emitAllChanged();
    emit availabilityChanged();
}

int MenuAvailabilityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MenuAvailabilityModel::todayText(const MenuItem &item) const
{
    if (!item.available)
        return tr("Off the menu");
    if (item.soldOut)
        return tr("Sold out");
    if (!item.isScheduledOn(m_today.dayOfWeek()))
        return tr("Not served today");
    return tr("Orderable");
}

QVariant MenuAvailabilityModel::data(const QModelIndex &index, int role) const
{
    const MenuItem *item = rowAt(index.row());
    if (!item || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const bool orderable = item->isOrderableOn(m_today);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return item->name;
        case OfferedColumn: return item->available ? tr("Offered") : tr("Withdrawn");
        case DaysColumn: return daysText(item->days);
        case TodayColumn: return todayText(*item);
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == OfferedColumn)
            return item->available ? Qt::Checked : Qt::Unchecked;
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn: return item->name;
        case OfferedColumn: return item->available;
        case DaysColumn: return item->days.isEmpty() ? 7 : int(item->days.size());
        case TodayColumn: return orderable;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == TodayColumn && !orderable)
            return QColor(0xa3, 0x2d, 0x1e);
        break;
    case MenuItemIdRole: return item->id;
    case OrderableTodayRole: return orderable;
    case DaysRole: return QVariant::fromValue(item->days);
    case MenuItemRole: return QVariant::fromValue(*item);
    default: break;
    }
    return {};
}

QVariant MenuAvailabilityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Dish");
    case OfferedColumn: return tr("On the menu");
    case DaysColumn: return tr("Served on");
    case TodayColumn: return tr("Today");
    default: break;
    }
    return {};
}

QHash<int, QByteArray> MenuAvailabilityModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(MenuItemIdRole, "menuItemId");
    names.insert(OrderableTodayRole, "orderableToday");
    names.insert(DaysRole, "days");
    names.insert(MenuItemRole, "menuItem");
    return names;
}

QSet<QString> MenuAvailabilityModel::unavailableNames() const
{
    QSet<QString> names;
    for (const MenuItem &item : rows()) {
        if (!item.isOrderableOn(m_today))
            names.insert(item.name);
    }
    return names;
}

void MenuAvailabilityModel::replaceAll(const QList<MenuItem> &menu)
{
    replaceAllRows(menu);
    emit availabilityChanged();
}

void MenuAvailabilityModel::upsert(const QList<MenuItem> &menu)
{
    upsertRows(menu);
    emit availabilityChanged();
}

} // namespace hearth
