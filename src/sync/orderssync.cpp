#include "sync/orderssync.h"

#include "api/restclient.h"
#include "core/logging.h"
#include "realtime/realtimeservice.h"

#include <algorithm>

namespace hearth {

namespace {

constexpr int firstRetryMs = 1000;
constexpr int maxRetryMs = 30000;

} // namespace

OrdersSync::OrdersSync(RealtimeService *realtime, RestClient *rest, QObject *parent)
    : QObject(parent), m_realtime(realtime), m_rest(rest)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &OrdersSync::loadSnapshot);
    connect(m_realtime, &RealtimeService::ordersChanged, this, &OrdersSync::applyChanges);
    connect(m_realtime, &RealtimeService::snapshotRequired, this, &OrdersSync::onSnapshotRequired);
}

OrdersSync::~OrdersSync()
{
    stop();
}

QString OrdersSync::channelName()
{
    return QStringLiteral("orders");
}

void OrdersSync::start()
{
    if (m_started)
        return;
    m_started = true;
    m_realtime->subscribe(channelName());
}

void OrdersSync::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_retryTimer.stop();
    m_realtime->unsubscribe(channelName());
}

void OrdersSync::applyChanges(const QList<Order> &orders)
{
    if (m_loading) {
        bufferWhileLoading(orders);
        return;
    }
    emit ordersUpdated(orders);
}

void OrdersSync::bufferWhileLoading(const QList<Order> &orders)
{
    for (const Order &order : orders) {
        auto pending = m_pendingChanges.find(order.id);
        if (pending == m_pendingChanges.end())
            m_pendingChanges.insert(order.id, order);
        else if (order.version > pending->version)
            *pending = order;
    }
}

void OrdersSync::onSnapshotRequired(const QString &channel)
{
    if (channel != channelName() || !m_started)
        return;
    if (m_loading) {
        m_reloadRequested = true;
        return;
    }
    m_loading = true;
    m_failedAttempts = 0;
    loadSnapshot();
}

void OrdersSync::loadSnapshot()
{
    m_reloadRequested = false;
    qCInfo(lcSync) << "loading an orders snapshot";
    m_rest->fetchOrders(std::nullopt, this, [this](const ApiResult<OrdersSnapshot> &result) {
        onSnapshotFinished(result);
    });
}

void OrdersSync::onSnapshotFinished(const ApiResult<OrdersSnapshot> &result)
{
    if (!m_started)
        return;
    if (!result.ok()) {
        ++m_failedAttempts;
        qCWarning(lcSync) << "orders snapshot failed:" << result.error.details;
        emit errorOccurred(result.error.message);
        if (result.error.kind == ApiError::Kind::Unauthorized) {
            m_loading = false; // the session is over; the sign-in flow takes it from here
            m_pendingChanges.clear();
            return;
        }
        const int exponent = std::min(m_failedAttempts - 1, 5);
        m_retryTimer.start(std::min(maxRetryMs, firstRetryMs << exponent));
        return;
    }
    if (m_reloadRequested) {
        // The stream broke again while this snapshot was in flight; it may predate the break.
        loadSnapshot();
        return;
    }

    const OrdersSnapshot &snapshot = *result.value;
    emit ordersReplaced(snapshot.orders, snapshot.position);
    if (!m_pendingChanges.isEmpty()) {
        // Changes streamed while the snapshot loaded; the model keeps whichever version is newer.
        emit ordersUpdated(m_pendingChanges.values());
        m_pendingChanges.clear();
    }
    m_loading = false;
    m_failedAttempts = 0;

    // Resume the stream from the snapshot's watermark unless the stream is already past it.
    if (!snapshot.position.isReachedBy(m_realtime->syncPosition(channelName())))
        m_realtime->setSyncPosition(channelName(), snapshot.position);
    qCInfo(lcSync) << "orders snapshot applied:" << snapshot.orders.size() << "orders at seq"
                   << snapshot.position.seq;
    emit snapshotLoaded(snapshot.position, int(snapshot.orders.size()));
}

} // namespace hearth
