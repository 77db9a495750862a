#include "sync/channelpolling.h"

#include "api/restclient.h"
#include "core/logging.h"
#include "realtime/realtimeservice.h"
#include "sync/pollingfallback.h"

namespace hearth {

ChannelPolling::ChannelPolling(QString channel, PollingFallback *pace, RealtimeService *realtime,
                               RestClient *rest, QObject *parent)
    : QObject(parent), m_channel(std::move(channel)), m_pace(pace), m_realtime(realtime), m_rest(rest)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ChannelPolling::poll);
    connect(m_pace, &PollingFallback::pollingChanged, this, &ChannelPolling::onPollingChanged);
}

ChannelPolling::~ChannelPolling() = default;

void ChannelPolling::onPollingChanged(bool polling)
{
    if (polling == m_polling)
        return;
    m_polling = polling;
    ++m_generation;
    m_inFlight = false;
    m_failures = 0;
    m_timer.stop();
    if (m_polling && syncIsStarted())
        poll();
}

void ChannelPolling::poll()
{
    if (!m_polling || m_inFlight || !syncIsStarted())
        return;
    if (!m_rest->speaksHearthApi()) {
        m_inFlight = true;
        ++m_pollsMade;
        fetch(std::nullopt, {m_generation, {}});
        return;
    }
    const SyncPosition position = m_realtime->syncPosition(m_channel);
    const bool canDelta = !snapshotIsOwed() && position.isValid()
        && (m_realtime->serverEpoch().isEmpty() || position.epoch == m_realtime->serverEpoch());
    if (!canDelta) {
        // Only a whole snapshot is meaningful; it replaces, so removed entries go too.
        if (!snapshotIsLoading())
            requestSnapshot();
        scheduleNext();
        return;
    }
    m_inFlight = true;
    ++m_pollsMade;
    fetch(position.seq, {m_generation, position.epoch});
}

bool ChannelPolling::answered(const Ticket &ticket, const ApiError *failure)
{
    if (ticket.generation != m_generation)
        return false;
    m_inFlight = false;
    if (failure) {
        ++m_failures;
        qCInfo(lcSync) << m_channel << "poll failed:" << failure->details;
        emit pollFailed(failure->message);
        if (failure->kind != ApiError::Kind::Unauthorized)
            scheduleNext();
        return false;
    }
    m_failures = 0;
    return true;
}

void ChannelPolling::reached(const Ticket &ticket, const SyncPosition &position)
{
    if (position.epoch != ticket.epoch) {
        requestSnapshot(); // counted in another epoch: changes may be missing
    } else if (!position.isReachedBy(m_realtime->syncPosition(m_channel))) {
        m_realtime->setSyncPosition(m_channel, position);
    }
    scheduleNext();
}

void ChannelPolling::scheduleNext()
{
    if (m_polling)
        m_timer.start(pollingDelay(m_pace->policy(), m_failures, m_pace->randomSource()()));
}

} // namespace hearth
