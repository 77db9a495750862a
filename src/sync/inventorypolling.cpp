#include "sync/inventorypolling.h"

#include "api/restclient.h"
#include "core/logging.h"
#include "realtime/realtimeservice.h"
#include "sync/inventorysync.h"
#include "sync/pollingfallback.h"

namespace hearth {

InventoryPolling::InventoryPolling(PollingFallback *pace, InventorySync *sync, RealtimeService *realtime,
                                   RestClient *rest, QObject *parent)
    : QObject(parent), m_pace(pace), m_sync(sync), m_realtime(realtime), m_rest(rest)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &InventoryPolling::poll);
    connect(m_pace, &PollingFallback::pollingChanged, this, &InventoryPolling::onPollingChanged);
}

void InventoryPolling::onPollingChanged(bool polling)
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

void InventoryPolling::poll()
{
    if (!m_polling || m_inFlight || !m_sync->isStarted())
        return;
    if (!m_rest->speaksHearthApi()) {
        // A backend without watermarks: its whole list, applied like streamed changes.
        m_inFlight = true;
        ++m_pollsMade;
        const quint64 generation = m_generation;
        m_rest->fetchInventory(qint64(0), this, [this, generation](const ApiResult<InventorySnapshot> &result) {
            onPolled(result, generation, {});
        });
        return;
    }
    const QString channel = InventorySync::channelName();
    const SyncPosition position = m_realtime->syncPosition(channel);
    const bool canDelta = !m_sync->isSnapshotOwed() && position.isValid()
        && (m_realtime->serverEpoch().isEmpty() || position.epoch == m_realtime->serverEpoch());
    if (!canDelta) {
        if (!m_sync->isLoadingSnapshot())
            m_sync->requestSnapshot();
        scheduleNext();
        return;
    }
    m_inFlight = true;
    ++m_pollsMade;
    const quint64 generation = m_generation;
    m_rest->fetchInventory(position.seq, this,
                           [this, generation, epoch = position.epoch](const ApiResult<InventorySnapshot> &result) {
                               onPolled(result, generation, epoch);
                           });
}

void InventoryPolling::onPolled(const ApiResult<InventorySnapshot> &result, quint64 generation,
                                const QString &deltaEpoch)
{
    if (generation != m_generation)
        return;
    m_inFlight = false;
    if (!result.ok()) {
        ++m_failures;
        qCInfo(lcSync) << "inventory poll failed:" << result.error.details;
        emit pollFailed(result.error.message);
        if (result.error.kind != ApiError::Kind::Unauthorized)
            scheduleNext();
        return;
    }
    m_failures = 0;
    const InventorySnapshot &delta = *result.value;
    m_sync->applyChanges(delta.items, delta.menu);
    if (delta.position.epoch != deltaEpoch) {
        m_sync->requestSnapshot(); // counted in another epoch: changes may be missing
    } else if (!delta.position.isReachedBy(m_realtime->syncPosition(InventorySync::channelName()))) {
        m_realtime->setSyncPosition(InventorySync::channelName(), delta.position);
    }
    scheduleNext();
}

void InventoryPolling::scheduleNext()
{
    if (m_polling)
        m_timer.start(pollingDelay(m_pace->policy(), m_failures, m_pace->randomSource()()));
}

} // namespace hearth
