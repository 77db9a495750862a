#include "server/orderservice.h"

#include "core/logging.h"
#include "core/ordercodec.h"
#include "server/database.h"
#include "server/demodata.h"
#include "server/eventlog.h"
#include "server/orderrepository.h"
#include "server/watermarkedread.h"

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
    const OrderCharges &charges = draft.charges;
    if (charges.deliveryFeeCents < 0 || charges.serviceFeeCents < 0 || charges.tipCents < 0 || charges.taxCents < 0
        || charges.discountCents < 0)
        return QStringLiteral("fees, tip, tax and discount must not be negative");
    if (draft.customerPhone.size() > 40 || draft.table.size() > 40 || draft.deliveryAddress.size() > 500)
        return QStringLiteral("the phone, table or address is too long");
    if (draft.promisedMinutes && (*draft.promisedMinutes < 0 || *draft.promisedMinutes > 24 * 60))
        return QStringLiteral("the promised time must be within a day");
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

    SqlTransaction transaction(m_database->connection(), restaurantId);
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
    order.charges = draft.charges;
    if (draft.type == OrderType::Delivery && order.charges.deliveryFeeCents == 0)
        order.charges.deliveryFeeCents = deliveryFeeCents;
    order.customerPhone = draft.customerPhone.trimmed();
    order.deliveryAddress = draft.deliveryAddress.trimmed();
    order.table = draft.table.trimmed();
    order.totalCents = draft.totalCents.value_or(std::max<qint64>(0, order.itemsSubtotalCents() + order.charges.sumCents()));
    order.createdAt = at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc();
    order.updatedAt = order.createdAt;
    if (draft.promisedMinutes)
        order.promisedAt = order.createdAt.addSecs(qint64(*draft.promisedMinutes) * 60);
    order.history = {OrderStatusChange{OrderStatus::New, order.createdAt, {}}};
    order.version = 1;
    if (order.number < 1)
        return failure(OrderError::Storage, QStringLiteral("cannot number the order"));
    return commit(&transaction, restaurantId, std::move(order), OrderEvents::created, true);
}

Order OrderService::createRandomOrder(const QString &restaurantId,
                                     const std::function<bool(const QString &dishName)> &orderable)
{
    const NewOrder draft = DemoData::randomOrder(*QRandomGenerator::global(), orderable);
    if (draft.items.isEmpty())
        return {}; // everything is sold out: the website takes no orders
    const OrderResult result = createOrder(restaurantId, draft);
    if (!result.ok())
        qCWarning(lcServer).noquote() << "cannot create a demo order:" << result.message;
    return result.order;
}

OrderResult OrderService::acknowledge(const QString &restaurantId, const QString &orderId)
{
    return apply(restaurantId, orderId, OrderAction{OrderAction::Kind::Acknowledge, OrderStatus::Acknowledged, {}, {}},
                 QDateTime(), {});
}

OrderResult OrderService::setStatus(const QString &restaurantId, const QString &orderId, OrderStatus status,
                                    const QDateTime &at, const QString &by)
{
    return apply(restaurantId, orderId, OrderAction{OrderAction::Kind::SetStatus, status, {}, by}, at, {});
}

OrderResult OrderService::apply(const QString &restaurantId, const QString &orderId, const OrderAction &action,
                                const OrderAnswerRecorder &record)
{
    return apply(restaurantId, orderId, action, QDateTime(), record);
}

OrderResult OrderService::apply(const QString &restaurantId, const QString &orderId, const OrderAction &action,
                                const QDateTime &at, const OrderAnswerRecorder &record)
{
    using Kind = OrderAction::Kind;
    // The row is read inside the write transaction, so the check and the change see one state.
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return failure(OrderError::Storage, QStringLiteral("the database is not available"));
    std::optional<Order> current = m_orders->find(restaurantId, orderId);
    if (!current)
        return failure(OrderError::NotFound, QStringLiteral("there is no order %1").arg(orderId));

    Order order = std::move(*current);
    const QDateTime now = at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc();
    // The screen that asked showed an older version: someone else changed the order since.
    const bool stale = action.seenVersion && *action.seenVersion != order.version;
    const auto unchanged = [&order] {
        OrderResult result; // the order already is what was asked for: nothing is recorded
        result.order = order;
        return result;
    };
    const auto conflict = [&order, &action] {
        OrderResult result = failure(OrderError::Conflict,
                                     QStringLiteral("order #%1 changed since version %2: it is now %3")
                                         .arg(order.number)
                                         .arg(action.seenVersion.value_or(0))
                                         .arg(statusToWire(order.status)));
        result.order = order;
        return result;
    };
    const auto refuse = [&](QString message) {
        return stale ? conflict() : failure(OrderError::InvalidTransition, std::move(message));
    };

    OrderStatus target = action.status;
    QLatin1StringView eventType = OrderEvents::statusChanged;
    switch (action.kind) {
    case Kind::Acknowledge:
        if (order.isOpen() && order.status != OrderStatus::New)
            return unchanged(); // two PCs clicking at once both succeed
        target = OrderStatus::Acknowledged;
        break;
    case Kind::SetStatus:
        if (stale && order.status == target)
            return unchanged(); // another PC made the same move first
        break;
    case Kind::Reopen:
        if (stale && order.status == OrderStatus::Ready)
            return unchanged();
        if (order.status != OrderStatus::Completed) {
            return refuse(QStringLiteral("order #%1 is %2; only a completed order can be reopened")
                              .arg(order.number)
                              .arg(statusToWire(order.status)));
        }
        if (order.updatedAt.isValid() && order.updatedAt.secsTo(now) > std::chrono::seconds(reopenWindow).count()) {
            return failure(OrderError::InvalidTransition,
                           QStringLiteral("order #%1 was completed more than a day ago").arg(order.number));
        }
        target = OrderStatus::Ready;
        eventType = OrderEvents::reopened;
        break;
    case Kind::Recall: {
        if (stale)
            return conflict(); // recalling now would undo someone else's change
        const std::optional<StatusChange> last = m_orders->lastStatusChange(restaurantId, orderId);
        if (!last || last->version != order.version || last->to != order.status) {
            return failure(OrderError::NotRecallable,
                           QStringLiteral("order #%1 has no status change to recall").arg(order.number));
        }
        if (last->at.secsTo(now) > recallWindow.count()) {
            return failure(OrderError::NotRecallable,
                           QStringLiteral("order #%1 was changed more than %2 seconds ago; it can no longer be recalled")
                               .arg(order.number)
                               .arg(recallWindow.count()));
        }
        target = last->from;
        eventType = OrderEvents::recalled;
        break;
    }
    }
    if ((action.kind == Kind::Acknowledge || action.kind == Kind::SetStatus) && !canTransition(order.status, target)) {
        return refuse(QStringLiteral("order #%1 cannot go from %2 to %3")
                          .arg(order.number)
                          .arg(statusToWire(order.status), statusToWire(target)));
    }
    if (target == OrderStatus::Acknowledged && eventType == OrderEvents::statusChanged)
        eventType = OrderEvents::acknowledged;

    const OrderStatus from = order.status;
    order.status = target;
    order.updatedAt = now;
    if (target == OrderStatus::Acknowledged && !order.acknowledgedAt.isValid())
        order.acknowledgedAt = now;
    if (target == OrderStatus::New)
        order.acknowledgedAt = QDateTime(); // an acknowledge recalled: the order is unseen again
    // Bounded like the wire's list: the arrival and the latest steps are what anyone reads.
    if (order.history.size() >= OrderCodec::maxHistoryEntries)
        order.history.remove(1, order.history.size() - OrderCodec::maxHistoryEntries + 1);
    order.history.append(OrderStatusChange{target, now, action.by.left(120), action.kind == Kind::Recall});
    ++order.version;
    // A recall is not itself recalled (that would walk the history back step by step); the move
    // it undid is made again with the ordinary action.
    const bool kept = action.kind == Kind::Recall
        ? m_orders->forgetLastStatusChange(restaurantId, orderId)
        : m_orders->setLastStatusChange(restaurantId, orderId, StatusChange{from, target, now, order.version});
    if (!kept)
        return failure(OrderError::Storage, QStringLiteral("the order could not be saved"));
    return commit(&transaction, restaurantId, std::move(order), eventType, false, record);
}

OrderResult OrderService::commit(SqlTransaction *transaction, const QString &restaurantId, Order order,
                                 QLatin1StringView eventType, bool isNew, const OrderAnswerRecorder &record)
{
    const std::optional<StoredEvent> event = m_events->append(
        restaurantId, QString(OrderEvents::channel), QString(eventType), OrderCodec::toJson(order),
        order.updatedAt);
    const bool stored = event
        && (isNew ? m_orders->insert(restaurantId, order, event->seq)
                  : m_orders->update(restaurantId, order, event->seq));
    OrderResult result;
    result.order = std::move(order);
    // The key's answer commits with the change, so a crash cannot keep one without the other.
    if (!stored || (record && !record(result)) || !transaction->commit())
        return failure(OrderError::Storage, QStringLiteral("the order could not be saved"));

    // Broadcast only what is durable: a client must never see an event a restart would undo.
    emit eventAppended(*event);
    m_events->pruneIfDue();
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
    const QDateTime closedSince = QDateTime::currentDateTimeUtc().addSecs(-24 * 60 * 60);
    const Watermark watermark = readWatermarked(m_database, m_events, restaurantId, OrderEvents::channel, [&] {
        listing.orders = m_orders->openAndClosedSince(restaurantId, closedSince, status);
    });
    listing.epoch = watermark.epoch;
    listing.seq = watermark.seq;
    listing.ok = watermark.ok;
    return listing;
}

OrderListing OrderService::changesSince(const QString &restaurantId, qint64 since,
                                        std::optional<OrderStatus> status) const
{
    OrderListing listing;
    const Watermark watermark = readWatermarked(m_database, m_events, restaurantId, OrderEvents::channel, [&] {
        listing.orders = m_orders->changedSince(restaurantId, since, status);
    });
    listing.epoch = watermark.epoch;
    listing.seq = watermark.seq;
    listing.ok = watermark.ok;
    return listing;
}

} // namespace hearth::server
