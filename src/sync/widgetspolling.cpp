#include "sync/widgetspolling.h"

#include "api/restclient.h"
#include "core/logging.h"
#include "realtime/realtimeservice.h"
#include "sync/pollingfallback.h"
#include "sync/widgetssync.h"

namespace hearth {

WidgetsPolling::WidgetsPolling(PollingFallback *pace, WidgetsSync *sync, RealtimeService *realtime,
                               RestClient *rest, QObject *parent)
    : QObject(parent), m_pace(pace), m_sync(sync), m_realtime(realtime), m_rest(rest)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WidgetsPolling::poll);
    connect(m_pace, &PollingFallback::pollingChanged, this, &WidgetsPolling::onPollingChanged);
}

void WidgetsPolling::onPollingChanged(bool polling)
{
    if (polling == m_polling)
        return;
    m_polling = polling;
    ++m_generation;
    m_inFlight = false;
    m_failures = 0;
    m_timer.stop();
    if (m_polling && m_sync->isStarted())
        poll();
}

void WidgetsPolling::poll()
{
    if (!m_polling || m_inFlight || !m_sync->isStarted())
        return;
    if (!m_rest->speaksHearthApi()) {
        // A backend without watermarks (a profile's rest.widgets): its whole poll list, applied
        // like streamed changes, as the orders' polling does. Deletions show with the snapshot
        // that follows the next subscription.
        m_inFlight = true;
        ++m_pollsMade;
        const quint64 generation = m_generation;
        m_rest->fetchWidgets(
            std::nullopt, this,
            [this, generation](const ApiResult<WidgetsSnapshot> &result) { onPolled(result, generation, {}); },
            RestClient::ListPurpose::Poll);
        return;
    }
    const QString channel = WidgetsSync::channelName();
    const SyncPosition position = m_realtime->syncPosition(channel);
    const bool canDelta = !m_sync->isSnapshotOwed() && position.isValid()
        && (m_realtime->serverEpoch().isEmpty() || position.epoch == m_realtime->serverEpoch());
    if (!canDelta) {
        // Only a whole snapshot is meaningful; it replaces, so removed widgets go too.
        if (!m_sync->isLoadingSnapshot())
            m_sync->requestSnapshot();
        scheduleNext();
        return;
    }
    m_inFlight = true;
    ++m_pollsMade;
    const quint64 generation = m_generation;
    m_rest->fetchWidgets(position.seq, this,
                         [this, generation, epoch = position.epoch](const ApiResult<WidgetsSnapshot> &result) {
                             onPolled(result, generation, epoch);
                         });
}

void WidgetsPolling::onPolled(const ApiResult<WidgetsSnapshot> &result, quint64 generation,
                              const QString &deltaEpoch)
{
    if (generation != m_generation)
        return;
    m_inFlight = false;
    if (!result.ok()) {
        ++m_failures;
        qCInfo(lcSync) << "widgets poll failed:" << result.error.details;
        emit pollFailed(result.error.message);
        if (result.error.kind != ApiError::Kind::Unauthorized)
            scheduleNext();
        return;
    }
    m_failures = 0;
    const WidgetsSnapshot &delta = *result.value;
    m_sync->applyChanges(delta.widgets);
    if (delta.position.epoch != deltaEpoch) {
        m_sync->requestSnapshot(); // counted in another epoch: changes may be missing
    } else if (!delta.position.isReachedBy(m_realtime->syncPosition(WidgetsSync::channelName()))) {
        m_realtime->setSyncPosition(WidgetsSync::channelName(), delta.position);
    }
    scheduleNext();
}

void WidgetsPolling::scheduleNext()
{
    if (m_polling)
        m_timer.start(pollingDelay(m_pace->policy(), m_failures, m_pace->randomSource()()));
}

} // namespace hearth
