#include "sync/widgetssync.h"

#include "api/restclient.h"
#include "core/logging.h"
#include "core/widgetcodec.h"
#include "realtime/realtimeservice.h"

#include <algorithm>
#include <utility>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

constexpr int firstRetryMs = 1000;
constexpr int maxRetryMs = 30000;

} // namespace

WidgetsSync::WidgetsSync(RealtimeService *realtime, RestClient *rest, QObject *parent)
    : QObject(parent), m_realtime(realtime), m_rest(rest)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &WidgetsSync::loadSnapshot);
    connect(m_realtime, &RealtimeService::channelEvents, this, &WidgetsSync::onChannelEvents);
    connect(m_realtime, &RealtimeService::snapshotRequired, this, &WidgetsSync::onSnapshotRequired);
    connect(m_realtime, &RealtimeService::stateChanged, this, [this](ConnectionState state) {
        // Back after a 401 (signed in again) or an outage: a snapshot still owed is loaded now,
        // even when the stream itself resumes without asking for one.
        if (state == ConnectionState::Live && m_started && m_snapshotOwed && !m_loading)
            requestSnapshot();
    });
}

WidgetsSync::~WidgetsSync()
{
    stop();
}

QString WidgetsSync::channelName()
{
    return QStringLiteral("widgets");
}

bool WidgetsSync::isAvailable() const
{
    return m_realtime->carriesChannel(channelName());
}

void WidgetsSync::start()
{
    if (!isAvailable()) {
        // A backend profile without channels.widgets: nothing to subscribe to or load.
        qCInfo(lcSync) << "this backend has no widgets channel: widgets are not synced";
        return;
    }
    if (m_started) {
        if (m_snapshotOwed && !m_loading)
            requestSnapshot(); // started again after signing in: what the 401 left owed
        return;
    }
    m_started = true;
    m_realtime->subscribe(channelName());
    if (m_snapshotOwed)
        requestSnapshot(); // owed from before a sign-out or a stop: the stream alone has a gap
}

void WidgetsSync::stop()
{
    if (!m_started)
        return;
    m_started = false;
    ++m_generation;
    m_loading = false;
    m_snapshotOwed = false; // unsubscribing forgets the position: the next start asks afresh
    m_serverPosition = {};
    m_failedAttempts = 0;
    m_appliedWhileLoading.clear();
    m_retryTimer.stop();
    m_realtime->unsubscribe(channelName());
}

void WidgetsSync::applyChanges(const QList<WidgetConfig> &widgets)
{
    if (widgets.isEmpty())
        return;
    if (m_loading || m_snapshotOwed) {
        // Applied now all the same; kept so that the snapshot cannot take them back.
        for (const WidgetConfig &widget : widgets) {
            auto held = m_appliedWhileLoading.find(widget.id);
            if (held == m_appliedWhileLoading.end())
                m_appliedWhileLoading.insert(widget.id, widget);
            else if (widget.version > held->version)
                *held = widget;
        }
    }
    emit widgetsUpdated(widgets);
}

void WidgetsSync::onChannelEvents(const QString &channel, const QList<ChannelEvent> &events)
{
    if (channel != channelName() || !m_started)
        return;
    QList<WidgetConfig> widgets;
    widgets.reserve(events.size());
    for (const ChannelEvent &event : events) {
        // A deletion may carry only the widget's id (a backend that sends just the deleted
        // record's key); everything else carries the whole widget.
        Decoded<WidgetConfig> widget = event.type == "widget.deleted"_L1
            ? WidgetCodec::deletionFromJson(event.data)
            : WidgetCodec::fromJson(event.data);
        if (!widget.ok()) {
            qCWarning(lcSync).noquote() << "dropping" << event.type << "seq" << event.seq << ":"
                                        << widget.errorString();
            continue;
        }
        widgets.append(std::move(*widget.value));
    }
    applyChanges(widgets);
}

void WidgetsSync::onSnapshotRequired(const QString &channel, const SyncPosition &serverPosition)
{
    if (channel != channelName())
        return;
    if (serverPosition.isValid()
        && (serverPosition.epoch != m_serverPosition.epoch || serverPosition.seq > m_serverPosition.seq)) {
        m_serverPosition = serverPosition;
    }
    m_snapshotOwed = true;
    if (m_started)
        requestSnapshot();
}

void WidgetsSync::requestSnapshot()
{
    m_snapshotOwed = true;
    if (!m_started)
        return;
    // A new break while loading supersedes the load in flight: its answer may predate the
    // break, and is ignored when it comes (loadSnapshot() bumps the generation).
    m_loading = true;
    m_failedAttempts = 0;
    loadSnapshot();
}

void WidgetsSync::loadSnapshot()
{
    if (!m_started)
        return;
    m_retryTimer.stop();
    qCInfo(lcSync) << "loading a widgets snapshot";
    const quint64 generation = ++m_generation;
    m_rest->fetchWidgets(std::nullopt, this, [this, generation](const ApiResult<WidgetsSnapshot> &result) {
        onSnapshotFinished(result, generation);
    });
}

void WidgetsSync::onSnapshotFinished(const ApiResult<WidgetsSnapshot> &result, quint64 generation)
{
    if (generation != m_generation || !m_loading)
        return;
    if (!result.ok()) {
        ++m_failedAttempts;
        qCWarning(lcSync) << "widgets snapshot failed:" << result.error.details;
        m_problem = result.error.message;
        if (result.error.kind == ApiError::Kind::Unauthorized) {
            // The session is over; the snapshot stays owed and start() after signing in loads it.
            m_loading = false;
        } else {
            scheduleRetry();
        }
        emit snapshotFailed(m_problem);
        return;
    }
    const WidgetsSnapshot &snapshot = *result.value;
    const bool lagging = m_serverPosition.isValid() && snapshot.position.epoch == m_serverPosition.epoch
        && snapshot.position.seq < m_serverPosition.seq;
    if (lagging) {
        // This answer predates what the server already streamed (a replica behind): the events
        // in between would never arrive. Ask again.
        qCInfo(lcSync) << "widgets snapshot at seq" << snapshot.position.seq
                       << "is behind the stream's" << m_serverPosition.seq << "- loading again";
        ++m_failedAttempts;
        scheduleRetry();
        return;
    }

    // What streamed in meanwhile goes into the snapshot, the higher version winning.
    QList<WidgetConfig> widgets = snapshot.widgets;
    QHash<QString, WidgetConfig> kept = std::exchange(m_appliedWhileLoading, {});
    for (qsizetype i = widgets.size() - 1; i >= 0; --i) {
        const auto newer = kept.constFind(widgets.at(i).id);
        if (newer == kept.cend())
            continue;
        if (newer->version > widgets.at(i).version) {
            if (newer->archived)
                widgets.removeAt(i);
            else
                widgets[i] = *newer;
        }
        kept.erase(newer);
    }
    for (const WidgetConfig &widget : std::as_const(kept)) {
        if (!widget.archived)
            widgets.append(widget); // created after the snapshot's watermark
    }

    // Take, then emit: whoever receives the signals finds this object settled.
    m_loading = false;
    m_snapshotOwed = false;
    m_failedAttempts = 0;
    m_problem.clear();
    ++m_snapshotsLoaded;
    if (!snapshot.position.isReachedBy(m_realtime->syncPosition(channelName())))
        m_realtime->setSyncPosition(channelName(), snapshot.position);
    qCInfo(lcSync) << "widgets snapshot applied:" << snapshot.widgets.size() << "widgets at seq"
                   << snapshot.position.seq;

    emit widgetsReplaced(widgets, snapshot.position);
    emit snapshotLoaded(snapshot.position, int(widgets.size()));
}

void WidgetsSync::scheduleRetry()
{
    const int exponent = std::min(std::max(m_failedAttempts - 1, 0), 5);
    m_retryTimer.start(std::min(maxRetryMs, firstRetryMs << exponent));
}

} // namespace hearth
