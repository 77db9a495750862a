#include "core/order.h"

#include <array>
#include <utility>

namespace hearth {

namespace {

constexpr std::array statusNames{
    std::pair{OrderStatus::New, u"new"},
    std::pair{OrderStatus::Acknowledged, u"acknowledged"},
    std::pair{OrderStatus::Preparing, u"preparing"},
    std::pair{OrderStatus::Ready, u"ready"},
    std::pair{OrderStatus::Completed, u"completed"},
    std::pair{OrderStatus::Cancelled, u"cancelled"},
};

constexpr std::array typeNames{
    std::pair{OrderType::Pickup, u"pickup"},
    std::pair{OrderType::Delivery, u"delivery"},
    std::pair{OrderType::DineIn, u"dine_in"},
};

template<typename Enum, typename Table>
QString nameOf(const Table &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template<typename Enum, typename Table>
std::optional<Enum> valueOf(const Table &table, const QString &name)
{
    for (const auto &[candidate, wireName] : table) {
        if (name == QStringView(wireName))
            return candidate;
    }
    return std::nullopt;
}

} // namespace

bool Order::isOpen() const
{
    return !isFinal(status);
}

bool operator==(const Order &a, const Order &b)
{
    return a.id == b.id && a.number == b.number && a.status == b.status && a.type == b.type
        && a.customerName == b.customerName && a.items == b.items && a.notes == b.notes
        && a.totalCents == b.totalCents && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt
        && a.acknowledgedAt == b.acknowledgedAt && a.version == b.version && a.charges == b.charges
        && a.customerPhone == b.customerPhone && a.deliveryAddress == b.deliveryAddress && a.table == b.table
        && a.promisedAt == b.promisedAt && a.history == b.history;
}

qint64 Order::itemsSubtotalCents() const
{
    qint64 sum = 0;
    for (const OrderItem &item : items)
        sum += item.lineTotalCents();
    return sum;
}

bool isFinal(OrderStatus status)
{
    return status == OrderStatus::Completed || status == OrderStatus::Cancelled;
}

std::optional<OrderStatus> nextStatus(OrderStatus status)
{
    switch (status) {
    case OrderStatus::New: return OrderStatus::Acknowledged;
    case OrderStatus::Acknowledged: return OrderStatus::Preparing;
    case OrderStatus::Preparing: return OrderStatus::Ready;
    case OrderStatus::Ready: return OrderStatus::Completed;
    case OrderStatus::Completed:
    case OrderStatus::Cancelled: return std::nullopt;
    }
    return std::nullopt;
}

bool canTransition(OrderStatus from, OrderStatus to)
{
    if (isFinal(from))
        return false;
    return to == OrderStatus::Cancelled || nextStatus(from) == to;
}

QString statusToWire(OrderStatus status) { return nameOf(statusNames, status); }
std::optional<OrderStatus> statusFromWire(const QString &name) { return valueOf<OrderStatus>(statusNames, name); }
QString typeToWire(OrderType type) { return nameOf(typeNames, type); }
std::optional<OrderType> typeFromWire(const QString &name) { return valueOf<OrderType>(typeNames, name); }

} // namespace hearth
