#pragma once

// The order domain: what a restaurant order is and how its status may move. No I/O here.
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace hearth {

enum class OrderStatus { New, Acknowledged, Preparing, Ready, Completed, Cancelled };
enum class OrderType { Pickup, Delivery, DineIn };

struct OrderItem
{
    QString name;
    int quantity = 1;
    qint64 unitPriceCents = 0;

    qint64 lineTotalCents() const { return unitPriceCents * quantity; }
    friend bool operator==(const OrderItem &a, const OrderItem &b)
    {
        return a.name == b.name && a.quantity == b.quantity && a.unitPriceCents == b.unitPriceCents;
    }
};

// One step of an order's life as the backend recorded it: the status it entered, when, and the
// person who made the change (empty when nobody did: the order arriving, a backend's own rule).
struct OrderStatusChange
{
    OrderStatus status = OrderStatus::New;
    QDateTime at;
    QString by; // a display name ("Sam Staff")
    bool recall = false; // this step undid the one before it; a recall is not recalled again

    friend bool operator==(const OrderStatusChange &a, const OrderStatusChange &b)
    {
        return a.status == b.status && a.at == b.at && a.by == b.by && a.recall == b.recall;
    }
};

// What the total is made of besides the items. Every part is optional on the wire (0 when a
// backend does not say); a discount is a positive amount taken off.
struct OrderCharges
{
    qint64 deliveryFeeCents = 0;
    qint64 serviceFeeCents = 0;
    qint64 tipCents = 0;
    qint64 taxCents = 0;
    qint64 discountCents = 0;

    bool isEmpty() const { return *this == OrderCharges{}; }
    qint64 sumCents() const { return deliveryFeeCents + serviceFeeCents + tipCents + taxCents - discountCents; }
    friend bool operator==(const OrderCharges &a, const OrderCharges &b)
    {
        return a.deliveryFeeCents == b.deliveryFeeCents && a.serviceFeeCents == b.serviceFeeCents
            && a.tipCents == b.tipCents && a.taxCents == b.taxCents && a.discountCents == b.discountCents;
    }
};

struct Order
{
    QString id;
    int number = 0;                // the short number staff call out ("#142")
    OrderStatus status = OrderStatus::New;
    OrderType type = OrderType::Pickup;
    QString customerName;
    QList<OrderItem> items;
    QString notes;
    qint64 totalCents = 0;         // may include fees and tax, so not always the sum of the items
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime acknowledgedAt;      // invalid until a member of staff acknowledges the order
    qint64 version = 1;            // increases with every change; lets replays be applied idempotently
    // Optional details (docs/protocol.md, "Orders"); backends that do not send them leave them empty.
    OrderCharges charges;
    QString customerPhone;
    QString deliveryAddress;       // delivery orders
    QString table;                 // dine-in orders ("12", "Terrace 3")
    QDateTime promisedAt;          // when the customer was told it would be ready; invalid: not said
    QList<OrderStatusChange> history; // oldest first; empty when the backend keeps none

    qint64 itemsSubtotalCents() const;

    bool isAcknowledged() const { return acknowledgedAt.isValid(); }
    bool isOpen() const;
    friend bool operator==(const Order &a, const Order &b);
    friend bool operator!=(const Order &a, const Order &b) { return !(a == b); }
};

// The forward flow is new → acknowledged → preparing → ready → completed; an open order may
// also be cancelled. Completed and cancelled are final.
bool isFinal(OrderStatus status);
bool canTransition(OrderStatus from, OrderStatus to);
// The next status of the forward flow, or nothing when the order is final.
std::optional<OrderStatus> nextStatus(OrderStatus status);

// Wire names ("new", "dine_in", …); the parsers return nothing for an unknown name.
QString statusToWire(OrderStatus status);
std::optional<OrderStatus> statusFromWire(const QString &name);
QString typeToWire(OrderType type);
std::optional<OrderType> typeFromWire(const QString &name);

} // namespace hearth

Q_DECLARE_METATYPE(hearth::Order)
