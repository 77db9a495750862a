#include "server/orderservice.h"

#include "core/logging.h"
#include "core/ordercodec.h"
#include "server/database.h"
#include "server/demodata.h"
#include "server/eventlog.h"
#include "server/orderrepository.h"

#include <QRandomGenerator>
#include <QUuid>

namespace hearth::server {

namespace {

OrderResult failure(OrderError error, QString message)
{
    OrderResult result;
    result.error = error;
    result.message = std::move(message);
    return result;
}

QString validate(const NewOrder &draft)
{
    if (draft.items.isEmpty())
        return QStringLiteral("an order needs at least one item");
    for (const OrderItem &item : draft.items) {
        if (item.name.trimmed().isEmpty())
            return QStringLiteral("every item needs a name");
        if (item.quantity < 1 || item.unitPriceCents < 0)
            return QStringLiteral("item \"%1\" needs a positive quantity and a price").arg(item.name);
    }
    if (draft.totalCents && *draft.totalCents < 0)
        return QStringLiteral("the total must not be negative");
    return {};
}

} // namespace

OrderService::OrderService(Database *database, OrderRepository *orders, EventLog *events, QObject *parent)
    : QObject(parent), m_database(database), m_orders(orders), m_events(events)
{
}

OrderResult OrderService::createOrder(const QString &restaurantId, const NewOrder &draft, const QDateTime &at)
{
    if (const QString problem = validate(draft); !problem.isEmpty())
        return failure(OrderError::InvalidInput, problem);

    SqlTransaction transaction(m_database->connection());
    if (!transaction.isActive())
        return failure(OrderError::Storage, QStringLiteral("the database is not available"));
    Order order;
    order.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    order.number = m_orders->nextNumber(restaurantId);
    order.status = OrderStatus::New;
    order.type = draft.type;
    order.customerName = draft.customerName.trimmed();
    order.items = draft.items;
    order.notes = draft.notes;
    qint64 total = draft.type == OrderType::Delivery ? deliveryFeeCents : 0;
    for (const OrderItem &item : draft.items)
        total += item.lineTotalCents();
    order.totalCents = draft.totalCents.value_or(total);
    order.createdAt = at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc();
    order.updatedAt = order.createdAt;
    order.version = 1;
    if (order.number < 1)
        return failure(OrderError::Storage, QStringLiteral("cannot number the order"));
    return commit(&transaction, restaurantId, std::move(order), OrderEvents::created, true);
}

Order OrderService::createRandomOrder(const QString &restaurantId)
{
    const OrderResult result = createOrder(restaurantId, DemoData::randomOrder(*QRandomGenerator::global()));
    if (!result.ok())
        qCWarning(lcServer).noquote() << "cannot create a demo order:" << result.message;
    return result.order;
}

OrderResult OrderService::acknowledge(const QString &restaurantId, const QString &orderId)
{
    return change(restaurantId, orderId, OrderStatus::Acknowledged, true, {});
}

OrderResult OrderService::setStatus(const QString &restaurantId, const QString &orderId, OrderStatus status,
                                    const QDateTime &at)
{
    return change(restaurantId, orderId, status, false, at);
}

OrderResult OrderService::change(const QString &restaurantId, const QString &orderId, OrderStatus status,
                                 bool idempotentAcknowledge, const QDateTime &at)
{
    // The row is read inside the write transaction, so the check and the change see one state.
    SqlTransaction transaction(m_database->connection());
    if (!transaction.isActive())
        return failure(OrderError::Storage, QStringLiteral("the database is not available"));
    std::optional<Order> current = m_orders->find(restaurantId, orderId);
    if (!current)
        return failure(OrderError::NotFound, QStringLiteral("there is no order %1").arg(orderId));

    Order order = std::move(*current);
    if (idempotentAcknowledge && order.isOpen() && order.status != OrderStatus::New) {
        OrderResult unchanged; // two PCs clicking at once both succeed, and nothing is recorded
        unchanged.order = std::move(order);
        return unchanged;
    }
    if (!canTransition(order.status, status)) {
        return failure(OrderError::InvalidTransition,
                       QStringLiteral("order #%1 cannot go from %2 to %3")
                           .arg(order.number)
                           .arg(statusToWire(order.status), statusToWire(status)));
    }
    const QDateTime now = at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc();
    order.status = status;
    order.updatedAt = now;
    if (status == OrderStatus::Acknowledged && !order.acknowledgedAt.isValid())
        order.acknowledgedAt = now;
    ++order.version;
    const QLatin1StringView type = status == OrderStatus::Acknowledged ? OrderEvents::acknowledged
                                                                      : OrderEvents::statusChanged;
    return commit(&transaction, restaurantId, std::move(order), type, false);
}

OrderResult OrderService::commit(SqlTransaction *transaction, const QString &restaurantId, Order order,
                                 QLatin1StringView eventType, bool isNew)
{
    const std::optional<StoredEvent> event = m_events->append(
        restaurantId, QString(OrderEvents::channel), QString(eventType), OrderCodec::toJson(order),
        order.updatedAt);
    const bool stored = event
        && (isNew ? m_orders->insert(restaurantId, order, event->seq)
                  : m_orders->update(restaurantId, order, event->seq));
    if (!stored || !transaction->commit())
        return failure(OrderError::Storage, QStringLiteral("the order could not be saved"));

    // Broadcast only what is durable: a client must never see an event a restart would undo.
    emit eventAppended(*event);
    m_events->pruneIfDue();
    OrderResult result;
    result.order = std::move(order);
    return result;
}

std::optional<Order> OrderService::find(const QString &restaurantId, const QString &orderId) const
{
    return m_orders->find(restaurantId, orderId);
}

QList<Order> OrderService::openOrders(const QString &restaurantId) const
{
    return m_orders->openOrders(restaurantId);
}

OrderListing OrderService::snapshot(const QString &restaurantId, std::optional<OrderStatus> status) const
{
    OrderListing listing;
    // One read transaction: the watermark and the rows come from the same state of the database.
    SqlTransaction transaction(m_database->connection());
    if (!transaction.isActive())
        return listing;
    listing.seq = m_events->headSeq(restaurantId, QString(OrderEvents::channel));
    listing.orders = m_orders->openAndClosedSince(
        restaurantId, QDateTime::currentDateTimeUtc().addSecs(-24 * 60 * 60), status);
    listing.epoch = m_database->epoch();
    listing.ok = listing.seq >= 0 && transaction.commit();
    return listing;
}

OrderListing OrderService::changesSince(const QString &restaurantId, qint64 since,
                                        std::optional<OrderStatus> status) const
{
    OrderListing listing;
    SqlTransaction transaction(m_database->connection());
    if (!transaction.isActive())
        return listing;
    listing.seq = m_events->headSeq(restaurantId, QString(OrderEvents::channel));
    listing.orders = m_orders->changedSince(restaurantId, since, status);
    listing.epoch = m_database->epoch();
    listing.ok = listing.seq >= 0 && transaction.commit();
    return listing;
}

} // namespace hearth::server
