#include "models/ordersmodel.h"

#include "core/versionrule.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace hearth {

namespace {

QColor statusColor(OrderStatus status)
{
    switch (status) {
    case OrderStatus::New: return QColor(0xFF, 0xE0, 0xB2);          // amber: needs someone
    case OrderStatus::Acknowledged: return QColor(0xFF, 0xF3, 0xC4);
    case OrderStatus::Preparing: return QColor(0xD6, 0xE9, 0xFF);
    case OrderStatus::Ready: return QColor(0xC8, 0xF0, 0xCF);        // green: go serve it
    case OrderStatus::Completed: return QColor(0xEE, 0xEE, 0xEE);
    case OrderStatus::Cancelled: return QColor(0xF6, 0xD5, 0xD5);
    }
    return {};
}

// An open order nobody has acknowledged yet: shown bold and counted in the window title.
bool needsAttention(const Order &order)
{
    return order.isOpen() && !order.isAcknowledged();
}

QString itemsSummary(const Order &order)
{
    QStringList parts;
    parts.reserve(order.items.size());
    for (const OrderItem &item : order.items)
        parts.append(OrdersModel::tr("%1× %2", "quantity and item name").arg(item.quantity).arg(item.name));
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString statusDisplayName(OrderStatus status)
{
    switch (status) {
    case OrderStatus::New: return OrdersModel::tr("New");
    case OrderStatus::Acknowledged: return OrdersModel::tr("Acknowledged");
    case OrderStatus::Preparing: return OrdersModel::tr("Preparing");
    case OrderStatus::Ready: return OrdersModel::tr("Ready");
    case OrderStatus::Completed: return OrdersModel::tr("Completed");
    case OrderStatus::Cancelled: return OrdersModel::tr("Cancelled");
    }
    return {};
}

QString typeDisplayName(OrderType type)
{
    switch (type) {
    case OrderType::Pickup: return OrdersModel::tr("Pickup");
    case OrderType::Delivery: return OrdersModel::tr("Delivery");
    case OrderType::DineIn: return OrdersModel::tr("Dine-in");
    }
    return {};
}

QString formatCents(qint64 cents)
{
    // The backend states no currency: the display locale's (see displaylocale.h).
    return QLocale().toCurrencyString(double(cents) / 100.0);
}

OrdersModel::OrdersModel(QObject *parent) : QAbstractTableModel(parent)
{
    // Often enough that nothing stale lingers on screen for long, rarely enough to cost nothing.
    m_pruneTimer.setInterval(std::chrono::minutes(5));
    connect(&m_pruneTimer, &QTimer::timeout, this, &OrdersModel::pruneClosed);
    m_pruneTimer.start();
}

int OrdersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orders.size());
}

int OrdersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Order *OrdersModel::orderAt(int row) const
{
    return row >= 0 && row < m_orders.size() ? &m_orders.at(row) : nullptr;
}

int OrdersModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
}

const Order *OrdersModel::orderById(const QString &id) const
{
    return orderAt(rowOf(id));
}

QVariant OrdersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Order &order = m_orders.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayData(order, index.column());
    case SortRole: return sortData(order, index.column());
    case OrderIdRole: return order.id;
    case StatusRole: return int(order.status);
    case IsOpenRole: return order.isOpen();
    case IsAcknowledgedRole: return order.isAcknowledged();
    case CreatedAtRole: return order.createdAt;
    case NotesRole: return order.notes;
    case Qt::FontRole:
        if (needsAttention(order)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::BackgroundRole: return QBrush(statusColor(order.status));
    case Qt::ForegroundRole: return QBrush(QColor(0x20, 0x20, 0x20)); // readable on every status colour
    case Qt::TextAlignmentRole:
        if (index.column() == TotalColumn || index.column() == NumberColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ItemsColumn || !order.notes.isEmpty())
            return order.notes.isEmpty() ? itemsSummary(order)
                                         : tr("%1\nNote: %2").arg(itemsSummary(order), order.notes);
        return {};
    default: return {};
    }
}

QVariant OrdersModel::displayData(const Order &order, int column) const
{
    switch (column) {
    case NumberColumn: return tr("#%1").arg(order.number);
    case StatusColumn: return statusDisplayName(order.status);
    case TypeColumn: return typeDisplayName(order.type);
    case CustomerColumn: return order.customerName;
    case ItemsColumn: return itemsSummary(order);
    case TotalColumn: return formatCents(order.totalCents);
    case ReceivedColumn: return QLocale().toString(order.createdAt.toLocalTime().time(), QLocale::ShortFormat);
    default: return {};
    }
}

QVariant OrdersModel::sortData(const Order &order, int column) const
{
    switch (column) {
    case NumberColumn: return order.number;
    case StatusColumn: return int(order.status);
    case TypeColumn: return int(order.type);
    case CustomerColumn: return order.customerName;
    case ItemsColumn: return int(order.items.size());
    case TotalColumn: return order.totalCents;
    case ReceivedColumn: return order.createdAt;
    default: return {};
    }
}

std::optional<bool> OrdersModel::sortsBefore(const Order &a, const Order &b, int column)
{
    switch (column) {
    case NumberColumn: return a.number < b.number;
    case StatusColumn: return int(a.status) < int(b.status);
    case TypeColumn: return int(a.type) < int(b.type);
    case ItemsColumn: return a.items.size() < b.items.size();
    case TotalColumn: return a.totalCents < b.totalCents;
    case ReceivedColumn: return a.createdAt < b.createdAt;
    default: return std::nullopt;
    }
}

QVariant OrdersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn: return tr("Order");
    case StatusColumn: return tr("Status");
    case TypeColumn: return tr("Type");
    case CustomerColumn: return tr("Customer");
    case ItemsColumn: return tr("Items");
    case TotalColumn: return tr("Total");
    case ReceivedColumn: return tr("Received");
    default: return {};
    }
}

QHash<int, QByteArray> OrdersModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(OrderIdRole, "orderId");
    names.insert(StatusRole, "status");
    names.insert(IsOpenRole, "isOpen");
    names.insert(IsAcknowledgedRole, "isAcknowledged");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(NotesRole, "notes");
    return names;
}

void OrdersModel::upsert(const QList<Order> &orders)
{
    QList<Order> inserted;
    QHash<QString, qsizetype> insertedIndex; // a batch may hold several versions of one new order
    QList<int> changedRows;
    int attention = m_unacknowledged;
    for (const Order &order : orders) {
        if (const auto row = m_rowById.constFind(order.id); row != m_rowById.cend()) {
            Order &current = m_orders[*row];
            if (VersionRule::replaces(order, current)) {
                attention += int(needsAttention(order)) - int(needsAttention(current));
                current = order;
                changedRows.append(*row);
            }
        } else if (const auto pending = insertedIndex.constFind(order.id); pending != insertedIndex.cend()) {
            if (VersionRule::replaces(order, inserted.at(*pending)))
                inserted[*pending] = order;
        } else {
            insertedIndex.insert(order.id, inserted.size());
            inserted.append(order);
        }
    }
    // Changed rows are announced before new rows arrive: a sorted proxy places the new rows
    // against the keys of the existing ones, so it must know those keys first.
    emitChangedRows(changedRows);
    appendOrders(std::move(inserted), &attention);
    setUnacknowledgedCount(attention);
}

void OrdersModel::replaceAll(const QList<Order> &orders)
{
    QList<Order> fresh;
    QHash<QString, qsizetype> freshIndex;
    fresh.reserve(orders.size());
    freshIndex.reserve(orders.size());
    for (const Order &order : orders) {
        if (const auto seen = freshIndex.constFind(order.id); seen != freshIndex.cend()) {
            if (VersionRule::replaces(order, fresh.at(*seen)))
                fresh[*seen] = order;
            continue;
        }
        freshIndex.insert(order.id, fresh.size());
        fresh.append(order);
    }

    QList<int> gone;
    for (int row = 0; row < m_orders.size(); ++row) {
        if (!freshIndex.contains(m_orders.at(row).id))
            gone.append(row);
    }
    removeRowsIn(std::move(gone));

    QList<int> changedRows;
    QList<Order> inserted;
    for (Order &order : fresh) {
        const auto row = m_rowById.constFind(order.id);
        if (row == m_rowById.cend()) {
            inserted.append(std::move(order));
            continue;
        }
        Order &current = m_orders[*row];
        // A newer version here (streamed, or our own action's echo) beats an older snapshot; an
        // equal one arrived later and corrects what is held (VersionRule).
        if (VersionRule::replaces(order, current)) {
            current = std::move(order);
            changedRows.append(*row);
        }
    }
    emitChangedRows(changedRows);
    int attention = 0;
    appendOrders(std::move(inserted), &attention);
    setUnacknowledgedCount(int(std::count_if(m_orders.cbegin(), m_orders.cend(), needsAttention)));
}

void OrdersModel::clear()
{
    if (m_orders.isEmpty())
        return;
    beginResetModel();
    m_orders.clear();
    m_rowById.clear();
    endResetModel();
    setUnacknowledgedCount(0);
}

bool OrdersModel::isExpired(const Order &order, const QDateTime &cutoff) const
{
    return !order.isOpen() && order.updatedAt.isValid() && order.updatedAt < cutoff;
}

int OrdersModel::pruneClosed()
{
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    const QDateTime cutoff = now.addSecs(-std::chrono::seconds(closedOrdersKeptFor).count());
    QList<int> expired;
    for (int row = 0; row < m_orders.size(); ++row) {
        if (isExpired(m_orders.at(row), cutoff))
            expired.append(row);
    }
    const int count = int(expired.size());
    removeRowsIn(std::move(expired)); // closed orders never count as needing attention
    return count;
}

void OrdersModel::appendOrders(QList<Order> orders, int *attention)
{
    if (orders.isEmpty())
        return;
    const int first = int(m_orders.size());
    beginInsertRows({}, first, first + int(orders.size()) - 1);
    // The first fill (the cache at start-up, a snapshot into an empty table) in one allocation.
    // Not later batches: reserving for those re-hashed the whole index inside a burst's slice.
    if (m_orders.isEmpty()) {
        m_orders.reserve(orders.size());
        m_rowById.reserve(orders.size());
    }
    for (Order &order : orders) {
        *attention += int(needsAttention(order));
        m_rowById.insert(order.id, int(m_orders.size()));
        m_orders.append(std::move(order));
    }
    endInsertRows();
}

void OrdersModel::removeRowsIn(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // Bottom up, so the rows of the ranges still to remove keep their numbers.
    qsizetype runEnd = rows.size() - 1;
    for (qsizetype i = rows.size() - 1; i >= 0; --i) {
        if (i > 0 && rows.at(i - 1) == rows.at(i) - 1)
            continue;
        const int first = rows.at(i);
        const int last = rows.at(runEnd);
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row)
            m_rowById.remove(m_orders.at(row).id);
        m_orders.remove(first, last - first + 1);
        for (int row = first; row < m_orders.size(); ++row)
            m_rowById[m_orders.at(row).id] = row;
        endRemoveRows();
        runEnd = i - 1;
    }
}

void OrdersModel::emitChangedRows(const QList<int> &rows)
{
    if (rows.isEmpty())
        return;
    // One range from the first changed row to the last, never several: every row's data has
    // already changed when the first signal goes out, and a sorted QSortFilterProxyModel checks
    // a changed row only against its neighbours' current keys. Told about rows one range at a
    // time it finds a neighbour "already in place" that has in fact moved too, re-sorts one row
    // into an unsorted list, and the table stays out of order (issue 13: seen with two orders
    // marked ready in one batch). Unchanged rows inside the range are merely re-checked.
    const auto [first, last] = std::minmax_element(rows.cbegin(), rows.cend());
    emit dataChanged(index(*first, 0), index(*last, ColumnCount - 1));
}

void OrdersModel::setUnacknowledgedCount(int count)
{
    if (count == m_unacknowledged)
        return;
    m_unacknowledged = count;
    emit unacknowledgedCountChanged(count);
}

} // namespace hearth
