#include "sync/orderactions.h"

#include "api/apicodec.h"
#include "core/logging.h"
#include "sync/retrydelay.h"


namespace hearth {

namespace {

QString statusName(OrderStatus status)
{
    switch (status) {
    case OrderStatus::New: return OrderActions::tr("New");
    case OrderStatus::Acknowledged: return OrderActions::tr("Acknowledged");
    case OrderStatus::Preparing: return OrderActions::tr("Preparing");
    case OrderStatus::Ready: return OrderActions::tr("Ready");
    case OrderStatus::Completed: return OrderActions::tr("Completed");
    case OrderStatus::Cancelled: return OrderActions::tr("Cancelled");
    }
    return {};
}

} // namespace

OrderActions::OrderActions(RestClient *rest, QObject *parent)
    : QObject(parent), m_rest(rest)
{
    setClock(nullptr);
    setQueue(std::make_unique<OrderActionQueue>());
}

OrderActions::~OrderActions()
{
    m_clock->setHandler({});
    m_clock->cancel();
}

void OrderActions::setClock(std::unique_ptr<SaveClock> clock)
{
    if (m_clock) {
        m_clock->setHandler({});
        m_clock->cancel();
    }
    m_clock = clock ? std::move(clock) : std::make_unique<SystemSaveClock>();
    m_clock->setHandler([this] { pump(); });
}

void OrderActions::setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds max)
{
    m_firstRetry = first;
    m_maxRetry = max;
}

bool OrderActions::openQueue(const QString &path)
{
    if (path == m_queue->databasePath() && (path.isEmpty() || m_queue->isDurable()))
        return true;
    auto queue = std::make_unique<OrderActionQueue>(path);
    // What was queued in memory before any file opened joins the file, behind what it holds.
    const bool fromMemory = m_queue->databasePath().isEmpty();
    if (fromMemory) {
        const QList<QueuedOrderAction> waiting = m_queue->entries();
        for (const QueuedOrderAction &entry : waiting)
            queue->append(entry);
    }
    connect(queue.get(), &OrderActionQueue::writeFailed, this, &OrderActions::storageProblem);
    const bool ok = path.isEmpty() || queue->open();
    setQueue(std::move(queue));
    return ok;
}

void OrderActions::leaveIdentity()
{
    if (m_queue->databasePath().isEmpty())
        setQueue(std::make_unique<OrderActionQueue>());
}

void OrderActions::setQueue(std::unique_ptr<OrderActionQueue> queue)
{
    QStringList touched;
    if (m_queue) {
        for (const QueuedOrderAction &entry : m_queue->entries())
            touched.append(entry.orderId);
    }
    if (m_inFlight != 0) {
        emit busyChanged(std::exchange(m_inFlightOrder, {}), false);
        m_inFlight = 0;
    }
    ++m_generation; // an answer for the old queue finds nothing to settle
    m_failures = 0;
    m_dueAtMs = -1;
    m_queue = std::move(queue);
    connect(m_queue.get(), &OrderActionQueue::depthChanged, this, &OrderActions::queuedCountChanged);
    for (const QueuedOrderAction &entry : m_queue->entries())
        touched.append(entry.orderId);
    touched.removeDuplicates();
    emit queuedCountChanged(m_queue->depth());
    for (const QString &orderId : std::as_const(touched))
        emit queueChanged(orderId);
    pump();
}

void OrderActions::start()
{
    if (m_started)
        return;
    m_started = true;
    m_failures = 0;
    m_dueAtMs = -1;
    pump();
}

void OrderActions::stop()
{
    if (!m_started && m_inFlight == 0)
        return;
    m_started = false;
    ++m_generation;
    m_clock->cancel();
    if (m_inFlight != 0) {
        // It may or may not have been applied; the entry keeps its key for the next start.
        m_inFlight = 0;
        const QString orderId = std::exchange(m_inFlightOrder, {});
        emit busyChanged(orderId, false);
        emit queueChanged(orderId);
    }
}

void OrderActions::retryNow()
{
    if (m_dueAtMs < 0)
        return;
    m_dueAtMs = m_clock->nowMs();
    pump();
}

void OrderActions::acknowledge(const Order &order)
{
    enqueue(order, QueuedOrderAction::Kind::Acknowledge, OrderStatus::Acknowledged);
}

void OrderActions::moveTo(const Order &order, OrderStatus status)
{
    enqueue(order, QueuedOrderAction::Kind::Move, status);
}

void OrderActions::reopen(const Order &order)
{
    enqueue(order, QueuedOrderAction::Kind::Reopen, OrderStatus::Ready);
}

void OrderActions::recall(const Order &order)
{
    const QList<QueuedOrderAction> waiting = m_queue->entriesFor(order.id);
    if (!waiting.isEmpty()) {
        const QueuedOrderAction &last = waiting.constLast();
        if (last.attempts == 0 && last.sequence != m_inFlight && last.kind != QueuedOrderAction::Kind::Recall) {
            // Never sent: undone here, and the server never hears of it.
            qCInfo(lcSync) << "order" << order.id << "- a queued action was taken back before it was sent";
            m_queue->remove(last.sequence);
            emit queueChanged(order.id);
            return;
        }
    }
    enqueue(order, QueuedOrderAction::Kind::Recall);
}

void OrderActions::enqueue(const Order &order, QueuedOrderAction::Kind kind, OrderStatus status)
{
    QueuedOrderAction action;
    action.orderId = order.id;
    action.orderNumber = order.number;
    action.kind = kind;
    action.status = status;
    action.seenVersion = order.version;
    // Committed before anything is sent: from here on a crash loses nothing.
    m_queue->append(action);
    emit queueChanged(order.id);
    pump();
}

bool OrderActions::isBusy(const QString &orderId) const
{
    return m_inFlight != 0 && m_inFlightOrder == orderId;
}

bool OrderActions::isQueued(const QString &orderId) const
{
    for (const QueuedOrderAction &entry : m_queue->entries()) {
        if (entry.orderId != orderId)
            continue;
        // The first try of an action on its way is "busy", not queued; anything else waits.
        if (entry.sequence != m_inFlight || entry.attempts > 1)
            return true;
    }
    return false;
}

QStringList OrderActions::queuedActionNames(const QString &orderId) const
{
    QStringList names;
    for (const QueuedOrderAction &entry : m_queue->entriesFor(orderId))
        names.append(actionName(entry));
    return names;
}

std::optional<OrderStatus> OrderActions::expectedStatus(const Order &order) const
{
    OrderStatus status = order.status;
    for (const QueuedOrderAction &entry : m_queue->entriesFor(order.id)) {
        switch (entry.kind) {
        case QueuedOrderAction::Kind::Acknowledge:
            if (status == OrderStatus::New)
                status = OrderStatus::Acknowledged;
            break;
        case QueuedOrderAction::Kind::Move: status = entry.status; break;
        case QueuedOrderAction::Kind::Reopen: status = OrderStatus::Ready; break;
        case QueuedOrderAction::Kind::Recall: return std::nullopt;
        }
    }
    return status;
}

QString OrderActions::actionName(const QueuedOrderAction &action)
{
    switch (action.kind) {
    case QueuedOrderAction::Kind::Acknowledge: return tr("Acknowledge");
    case QueuedOrderAction::Kind::Recall: return tr("Recall");
    case QueuedOrderAction::Kind::Reopen: return tr("Reopen");
    case QueuedOrderAction::Kind::Move: break;
    }
    switch (action.status) {
    case OrderStatus::Acknowledged: return tr("Acknowledge");
    case OrderStatus::Preparing: return tr("Start preparing");
    case OrderStatus::Ready: return tr("Mark ready");
    case OrderStatus::Completed: return tr("Complete");
    case OrderStatus::Cancelled: return tr("Cancel order");
    case OrderStatus::New: break;
    }
    return tr("Move on");
}

void OrderActions::pump()
{
    if (!m_started || m_inFlight != 0)
        return;
    std::optional<QueuedOrderAction> head = m_queue->head();
    if (!head) {
        m_clock->cancel();
        return;
    }
    const qint64 now = m_clock->nowMs();
    if (m_dueAtMs > now) {
        m_clock->wakeAt(m_dueAtMs); // the head waits for the network; the rest waits behind it, in order
        return;
    }
    m_clock->cancel();
    ++head->attempts;
    m_queue->update(*head); // on disk before it is on the wire
    m_inFlight = head->sequence;
    m_inFlightOrder = head->orderId;
    ++m_requestsSent;
    qCDebug(lcSync) << "order action" << head->sequence << "for order" << head->orderId << "attempt" << head->attempts;
    emit busyChanged(head->orderId, true);
    emit queueChanged(head->orderId);
    const quint64 generation = m_generation;
    const qint64 sequence = head->sequence;
    send(*head, [this, sequence, generation](const ApiResult<Order> &result) { onReply(sequence, generation, result); });
}

void OrderActions::send(const QueuedOrderAction &action, Reply reply)
{
    const RestClient::OrderAction call{action.orderId, action.idempotencyKey, action.seenVersion};
    switch (action.kind) {
    case QueuedOrderAction::Kind::Acknowledge: m_rest->acknowledgeOrder(call, this, std::move(reply)); return;
    case QueuedOrderAction::Kind::Move: m_rest->setOrderStatus(call, action.status, this, std::move(reply)); return;
    case QueuedOrderAction::Kind::Recall: m_rest->recallOrder(call, this, std::move(reply)); return;
    case QueuedOrderAction::Kind::Reopen: m_rest->reopenOrder(call, this, std::move(reply)); return;
    }
}

void OrderActions::onReply(qint64 sequence, quint64 generation, const ApiResult<Order> &result)
{
    if (generation != m_generation)
        return;
    const QString orderId = std::exchange(m_inFlightOrder, {});
    m_inFlight = 0;
    std::optional<QueuedOrderAction> action;
    for (const QueuedOrderAction &entry : m_queue->entries()) {
        if (entry.sequence == sequence)
            action = entry;
    }
    // Settled before any signal leaves: a receiver may queue another action from its slot.
    if (!action) {
        emit busyChanged(orderId, false);
        pump();
        return;
    }
    if (result.ok()) {
        m_failures = 0;
        m_dueAtMs = -1;
        m_queue->remove(sequence);
        // Actions made on the same screen state after this one are based on it, not on someone
        // else's change: they carry its result's version (they were never sent, so their keys
        // are still unused).
        for (QueuedOrderAction later : m_queue->entriesFor(orderId)) {
            if (later.attempts == 0 && later.seenVersion == action->seenVersion) {
                later.seenVersion = result.value->version;
                m_queue->update(later);
            }
        }
        emit busyChanged(orderId, false);
        emit orderChanged({*result.value});
        emit queueChanged(orderId);
        pump();
        return;
    }
    const ApiError &error = result.error;
    if (error.isTransient()) {
        ++m_failures;
        const qint64 delay = retryDelay(m_firstRetry, m_maxRetry, m_failures).count();
        m_dueAtMs = m_clock->nowMs() + delay;
        qCInfo(lcSync) << "order action for" << orderId << "failed (" << error.details << "); retry" << m_failures
                       << "in" << delay << "ms with the same key";
        emit busyChanged(orderId, false);
        emit queueChanged(orderId);
        pump();
        return;
    }
    if (error.kind == ApiError::Kind::Unauthorized) {
        // The session is over: nothing goes out until start() after signing in again.
        m_started = false;
        emit busyChanged(orderId, false);
        emit queueChanged(orderId);
        return;
    }
    m_failures = 0;
    m_dueAtMs = -1;
    QString reason = error.message;
    if (error.kind == ApiError::Kind::Conflict) {
        const std::optional<Order> current = ApiCodec::conflictCurrentOrder(error);
        reason = current ? tr("The order was changed on another screen meanwhile; it is now %1.")
                               .arg(statusName(current->status))
                         : tr("The order was changed on another screen meanwhile.");
        drop(*action, reason);
        emit busyChanged(orderId, false);
        if (current)
            emit orderChanged({*current});
    } else {
        drop(*action, reason);
        emit busyChanged(orderId, false);
    }
    pump();
}

void OrderActions::drop(const QueuedOrderAction &action, const QString &reason)
{
    // What was queued behind it for the same order was made on the state it would have made.
    int dropped = 0;
    for (const QueuedOrderAction &later : m_queue->entriesFor(action.orderId)) {
        if (later.sequence != action.sequence)
            ++dropped;
        m_queue->remove(later.sequence);
    }
    qCInfo(lcSync) << "order action for" << action.orderId << "not done:" << reason << "- dropped" << dropped
                   << "queued behind it";
    //: %1 is what staff asked for ("Start preparing"), %2 why it was not done
    QString message = tr("“%1” was not done. %2").arg(actionName(action), reason);
    if (dropped > 0)
        message += u' ' + tr("%n later change(s) to it were not sent either.", nullptr, dropped);
    emit queueChanged(action.orderId);
    emit actionFailed(action.orderId, message);
}

} // namespace hearth
