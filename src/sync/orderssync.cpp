#include "sync/orderssync.h"

#include "api/restclient.h"
#include "core/logging.h"
#include "core/versionrule.h"
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
    if (m_started) {
        // Signed in again: a snapshot that a 401 interrupted is still owed, and no stream event
        // will ask for it again (the registry already stands at the server's head).
        if (m_snapshotOwed && !m_loading)
            beginLoad();
        return;
    }
    m_started = true;
    m_realtime->subscribe(channelName());
}

void OrdersSync::stop()
{
    if (!m_started)
        return;
    // Everything of this run goes; the unsubscribe also forgets the channel's position, so the
    // next start() resumes nothing and is told to load a snapshot afresh.
    m_started = false;
    ++m_generation;
    m_loading = false;
    m_snapshotOwed = false;
    m_failedAttempts = 0;
    m_requiredPosition = {};
    m_pendingChanges.clear();
    m_retryTimer.stop();
    m_realtime->unsubscribe(channelName());
    setProblem({});
    emit snapshotStateChanged();
}

void OrdersSync::applyChanges(const QList<Order> &orders)
{
    if (!m_started || orders.isEmpty())
        return;
    if (m_loading)
        keepWhileLoading(orders);
    emit ordersUpdated(orders);
}

void OrdersSync::keepWhileLoading(const QList<Order> &orders)
{
    for (const Order &order : orders) {
        auto pending = m_pendingChanges.find(order.id);
        if (pending == m_pendingChanges.end())
            m_pendingChanges.insert(order.id, order);
        else if (VersionRule::replaces(order, *pending))
            *pending = order;
    }
}

void OrdersSync::onSnapshotRequired(const QString &channel, const SyncPosition &serverPosition)
{
    if (channel != channelName() || !m_started)
        return;
    // Changes kept for a load in another epoch's log (a 401 ended it, and the server answering
    // now has a fresh database) mean nothing in this one: its snapshot is all there is.
    if (m_requiredPosition.isValid() && serverPosition.epoch != m_requiredPosition.epoch)
        m_pendingChanges.clear();
    // The snapshot must reach at least where the server stood, or the events in between are lost.
    if (serverPosition.epoch != m_requiredPosition.epoch || serverPosition.seq > m_requiredPosition.seq)
        m_requiredPosition = serverPosition;
    const bool wasOwed = std::exchange(m_snapshotOwed, true);
    if (!wasOwed)
        emit snapshotStateChanged();
    if (m_loading) {
        // The stream broke again while a snapshot was in flight (or waiting for its retry): that
        // one may predate the break. A new request supersedes it; its reply will be ignored.
        m_retryTimer.stop();
        loadSnapshot();
        return;
    }
    beginLoad();
}

void OrdersSync::beginLoad()
{
    m_loading = true;
    m_failedAttempts = 0;
    loadSnapshot();
}

void OrdersSync::loadSnapshot()
{
    if (!m_started || !m_loading)
        return;
    const quint64 generation = ++m_generation;
    qCInfo(lcSync) << "loading an orders snapshot";
    m_rest->fetchOrders(std::nullopt, this, [this, generation](const ApiResult<OrdersSnapshot> &result) {
        onSnapshotFinished(result, generation);
    });
}

void OrdersSync::retryLater(const QString &message)
{
    ++m_failedAttempts;
    const int exponent = std::min(m_failedAttempts - 1, 5);
    m_retryTimer.start(std::min(maxRetryMs, firstRetryMs << exponent));
    setProblem(message);
    emit errorOccurred(message);
}

void OrdersSync::onSnapshotFinished(const ApiResult<OrdersSnapshot> &result, quint64 generation)
{
    // Stopped since, or superseded by a newer request: this reply belongs to nobody.
    if (generation != m_generation || !m_started || !m_loading)
        return;
    if (!result.ok()) {
        qCWarning(lcSync) << "orders snapshot failed:" << result.error.details;
        if (result.error.kind == ApiError::Kind::Unauthorized) {
            // The session is over; the sign-in flow takes it from here. The snapshot stays owed
            // (start() after signing in again resumes it), and what streamed in stays kept.
            m_loading = false;
            ++m_failedAttempts;
            setProblem(result.error.message);
            emit errorOccurred(result.error.message);
            return;
        }
        retryLater(result.error.message);
        return;
    }
    const OrdersSnapshot &snapshot = *result.value;
    if (snapshot.position.epoch == m_requiredPosition.epoch && snapshot.position.seq < m_requiredPosition.seq) {
        // A lagging replica: the events between its watermark and where the stream continues
        // would be lost. Ask again.
        qCWarning(lcSync) << "orders snapshot at seq" << snapshot.position.seq
                          << "lags behind the stream at seq" << m_requiredPosition.seq << "- loading again";
        retryLater(tr("The server sent outdated orders; loading them again."));
        return;
    }

    // Take, then emit: every piece of state is settled before any signal leaves, so a receiver
    // may stop, restart or ask for another snapshot and find this one finished.
    QHash<QString, Order> merged = std::exchange(m_pendingChanges, {});
    if (m_requiredPosition.isValid() && snapshot.position.epoch != m_requiredPosition.epoch) {
        // The changes were kept from the stream of the log the load was asked for; the server
        // answered from another (replaced meanwhile, the stream not yet back to say so).
        qCInfo(lcSync) << "orders snapshot is of another epoch than the stream;" << merged.size()
                       << "kept changes of the old one dropped";
        merged.clear();
    }
    QList<Order> orders;
    orders.reserve(snapshot.orders.size() + merged.size());
    for (const Order &order : snapshot.orders) {
        const auto streamed = merged.constFind(order.id);
        if (streamed != merged.cend() && streamed->version > order.version) {
            orders.append(*streamed);
        } else {
            orders.append(order);
        }
        if (streamed != merged.cend())
            merged.erase(streamed);
    }
    for (const Order &order : std::as_const(merged))
        orders.append(order); // streamed in after the snapshot's watermark: newer than it
    m_loading = false;
    m_snapshotOwed = false;
    m_failedAttempts = 0;
    m_requiredPosition = {};
    // Resume the stream from the snapshot's watermark unless the stream is already past it.
    if (!snapshot.position.isReachedBy(m_realtime->syncPosition(channelName())))
        m_realtime->setSyncPosition(channelName(), snapshot.position);
    m_problem.clear();
    const quint64 settled = m_generation;
    qCInfo(lcSync) << "orders snapshot applied:" << snapshot.orders.size() << "orders at seq"
                   << snapshot.position.seq;

    emit ordersReplaced(orders, snapshot.position);
    if (settled != m_generation)
        return; // a receiver stopped us or asked for another snapshot: the rest is no longer news
    emit snapshotLoaded(snapshot.position, int(snapshot.orders.size()));
    if (settled == m_generation)
        emit snapshotStateChanged();
}

void OrdersSync::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit snapshotStateChanged();
}

} // namespace hearth
