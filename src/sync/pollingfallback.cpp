#include "sync/pollingfallback.h"

#include "api/restclient.h"
#include "core/logging.h"
#include "realtime/realtimeservice.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace hearth {

using std::chrono::milliseconds;

PollingFallback::PollingFallback(RealtimeService *realtime, RestClient *rest, QObject *parent)
    : QObject(parent),
      m_realtime(realtime),
      m_rest(rest),
      m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    m_startTimer.setSingleShot(true);
    m_pollTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, &PollingFallback::startPolling);
    connect(&m_pollTimer, &QTimer::timeout, this, &PollingFallback::poll);
    connect(m_realtime, &RealtimeService::stateChanged, this, &PollingFallback::onStateChanged);
}

QString PollingFallback::channelName()
{
    return QStringLiteral("orders");
}

void PollingFallback::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    onStateChanged(m_realtime->state());
}

void PollingFallback::onStateChanged(ConnectionState state)
{
    const bool socketDown = state == ConnectionState::Connecting || state == ConnectionState::WaitingToRetry
        || state == ConnectionState::Offline;
    if (!m_enabled || !socketDown) {
        // Live again (or signed out): the socket is the truth, or nothing may be fetched.
        m_startTimer.stop();
        stopPolling();
        return;
    }
    if (!m_polling && !m_startTimer.isActive())
        m_startTimer.start(m_policy.startAfter);
}

void PollingFallback::startPolling()
{
    if (m_polling)
        return;
    m_polling = true;
    m_consecutiveFailures = 0;
    qCInfo(lcSync) << "socket down: polling orders over REST";
    emit pollingChanged(true);
    poll();
}

void PollingFallback::stopPolling()
{
    if (!m_polling)
        return;
    m_polling = false;
    m_requestInFlight = false;
    ++m_generation;
    m_pollTimer.stop();
    qCInfo(lcSync) << "polling stopped after" << m_pollsMade << "polls";
    emit pollingChanged(false);
}

void PollingFallback::poll()
{
    if (!m_polling || m_requestInFlight)
        return;
    const SyncPosition position = m_realtime->syncPosition(channelName());
    // Without a position in the server's current epoch only a full snapshot is meaningful.
    const bool canDelta = !m_needSnapshot && position.isValid()
        && (m_realtime->serverEpoch().isEmpty() || position.epoch == m_realtime->serverEpoch());
    m_requestInFlight = true;
    ++m_pollsMade;
    const quint64 generation = m_generation;
    const QString deltaEpoch = canDelta ? position.epoch : QString();
    m_rest->fetchOrders(canDelta ? std::optional<qint64>(position.seq) : std::nullopt, this,
                        [this, generation, deltaEpoch](const ApiResult<OrdersSnapshot> &result) {
                            onPolled(result, generation, deltaEpoch);
                        },
                        RestClient::ListPurpose::Poll);
}

void PollingFallback::onPolled(const ApiResult<OrdersSnapshot> &result, quint64 generation,
                               const QString &deltaEpoch)
{
    if (generation != m_generation)
        return;
    m_requestInFlight = false;
    m_lastPollAt = QDateTime::currentDateTimeUtc();
    m_lastPollSucceeded = result.ok();
    if (!result.ok()) {
        ++m_consecutiveFailures;
        qCInfo(lcSync) << "poll failed:" << result.error.details;
        emit pollFailed(result.error.message);
        if (result.error.kind == ApiError::Kind::Unauthorized) {
            stopPolling();
            return;
        }
        scheduleNext();
        return;
    }
    m_consecutiveFailures = 0;
    m_lastSuccessAt = m_lastPollAt;
    emit pollSucceeded();
    const OrdersSnapshot &delta = *result.value;
    if (!delta.orders.isEmpty())
        emit ordersPolled(delta.orders);
    // A delta counted in another epoch (the server's log was reset) may miss changes: take a
    // whole snapshot next time. The orders it did bring are real, so they were applied anyway.
    m_needSnapshot = !deltaEpoch.isEmpty() && delta.position.epoch != deltaEpoch;
    if (m_needSnapshot) {
        scheduleNext();
        return;
    }
    // The socket resumes from what polling already brought in, so it replays only the rest.
    if (!delta.position.isReachedBy(m_realtime->syncPosition(channelName())))
        m_realtime->setSyncPosition(channelName(), delta.position);
    scheduleNext();
}

void PollingFallback::scheduleNext()
{
    if (m_polling)
        m_pollTimer.start(nextDelay());
}

milliseconds pollingDelay(const PollingPolicy &policy, int consecutiveFailures, double random)
{
    const double base = std::min(double(policy.maxInterval.count()),
                                 double(policy.interval.count()) * std::pow(2.0, std::min(consecutiveFailures, 10)));
    const double spread = base * policy.jitter * (2.0 * random - 1.0);
    return milliseconds(std::max<qint64>(1, qint64(base + spread)));
}

milliseconds PollingFallback::nextDelay() const
{
    return pollingDelay(m_policy, m_consecutiveFailures, m_random());
}

} // namespace hearth
