#include "sync/analyticssync.h"

#include "api/restclient.h"
#include "core/analyticscodec.h"
#include "core/logging.h"
#include "realtime/channelevent.h"
#include "realtime/realtimeservice.h"
#include "sync/retrydelay.h"

#include <algorithm>
#include <utility>

namespace hearth {

namespace {

constexpr std::chrono::milliseconds firstRetry{1000};
constexpr std::chrono::milliseconds maxRetry{30000};

} // namespace

AnalyticsSync::AnalyticsSync(RealtimeService *realtime, RestClient *rest, QObject *parent)
    : QObject(parent), m_realtime(realtime), m_rest(rest)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &AnalyticsSync::loadSnapshot);
    connect(m_realtime, &RealtimeService::channelEvents, this, &AnalyticsSync::onChannelEvents);
    connect(m_realtime, &RealtimeService::snapshotRequired, this, &AnalyticsSync::onSnapshotRequired);
    connect(m_realtime, &RealtimeService::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Live && m_started && m_snapshotOwed && !m_loading)
            requestSnapshot();
    });
}

AnalyticsSync::~AnalyticsSync()
{
    stop();
}

QString AnalyticsSync::channelName()
{
    return QString(AnalyticsCodec::channel);
}

bool AnalyticsSync::isAvailable() const
{
    // Analytics are Hearth's own: a profile backend has neither the channel nor the summary.
    return m_realtime->carriesChannel(channelName()) && !m_rest->foreignProfile();
}

void AnalyticsSync::setQueries(const QList<AnalyticsQuery> &queries)
{
    if (queries == m_queries)
        return;
    m_queries = queries;
    if (m_started)
        requestSnapshot();
    else
        m_snapshotOwed = true;
}

void AnalyticsSync::start()
{
    if (!isAvailable()) {
        qCInfo(lcSync) << "this backend has no analytics channel: analytics are not shown";
        return;
    }
    if (m_started) {
        if (m_snapshotOwed && !m_loading)
            requestSnapshot();
        return;
    }
    m_started = true;
    m_realtime->subscribe(channelName());
    requestSnapshot(); // loaded on open, whatever the stream says
}

void AnalyticsSync::stop()
{
    if (!m_started)
        return;
    m_started = false;
    ++m_generation;
    m_loading = false;
    m_snapshotOwed = false;
    m_serverPosition = {};
    m_failedAttempts = 0;
    m_kept.clear();
    m_answers.clear();
    m_answersMissing = 0;
    m_retryTimer.stop();
    m_realtime->unsubscribe(channelName());
    // Another identity (or none) follows: nothing of this one may stay on screen.
    const bool hadSummaries = !m_summaries.isEmpty();
    m_summaries.clear();
    m_heldSeq.clear();
    m_epoch.clear();
    m_newestSeq = 0;
    if (hadSummaries)
        emit summariesReplaced();
}

void AnalyticsSync::onChannelEvents(const QString &channel, const QList<ChannelEvent> &events)
{
    if (channel != channelName() || !m_started)
        return;
    // The stream's log: events are delivered in the epoch the service is positioned in.
    const QString epoch = m_realtime->syncPosition(channelName()).epoch;
    QList<AnalyticsSample> samples;
    bool changed = false;
    for (const ChannelEvent &event : events) {
        if (event.type != AnalyticsCodec::tickType)
            continue;
        Decoded<AnalyticsTick> tick = AnalyticsCodec::tickFromJson(event.data);
        if (!tick.ok()) {
            qCWarning(lcSync).noquote() << "dropping" << event.type << "seq" << event.seq << ":" << tick.errorString();
            continue;
        }
        if (m_loading || m_snapshotOwed) {
            m_kept.append(KeptTick{epoch, event.seq, *tick.value});
            if (m_kept.size() > maxKeptTicks)
                m_kept.removeFirst();
        }
        if (m_summaries.isEmpty() || epoch != m_epoch)
            continue; // the snapshot owed for the other log will hold it
        for (qsizetype i = 0; i < m_summaries.size(); ++i) {
            if (event.seq <= m_heldSeq.at(i))
                continue; // already counted: in the watermark, or an earlier delivery
            m_heldSeq[i] = event.seq;
            changed = applyTick(&m_summaries[i], *tick.value) || changed;
        }
        if (event.seq > m_newestSeq) {
            m_newestSeq = event.seq;
            samples.append(tick.value->samples);
        }
    }
    if (changed || !samples.isEmpty())
        emit summariesUpdated(samples);
}

void AnalyticsSync::onSnapshotRequired(const QString &channel, const SyncPosition &serverPosition)
{
    if (channel != channelName())
        return;
    if (serverPosition.isValid()
        && (serverPosition.epoch != m_serverPosition.epoch || serverPosition.seq > m_serverPosition.seq)) {
        // Frames kept from the old log must not reach a summary of the new one.
        if (serverPosition.epoch != m_serverPosition.epoch && m_serverPosition.isValid())
            m_kept.clear();
        m_serverPosition = serverPosition;
    }
    m_snapshotOwed = true;
    if (m_started)
        requestSnapshot();
}

void AnalyticsSync::requestSnapshot()
{
    m_snapshotOwed = true;
    if (!m_started)
        return;
    m_loading = true;
    m_failedAttempts = 0;
    loadSnapshot();
}

void AnalyticsSync::loadSnapshot()
{
    if (!m_started)
        return;
    m_retryTimer.stop();
    const quint64 generation = ++m_generation;
    // Frames delivered before now are not kept: a summary must hold them itself.
    m_streamAtLoad = m_realtime->deliveredPosition(channelName());
    m_answers = QList<std::optional<AnalyticsSummary>>(m_queries.size());
    m_answersMissing = int(m_queries.size());
    if (m_queries.isEmpty()) {
        land();
        return;
    }
    qCInfo(lcSync) << "loading" << m_queries.size() << "analytics summaries";
    for (int i = 0; i < m_queries.size(); ++i) {
        m_rest->fetchAnalyticsSummary(m_queries.at(i), this,
                                      [this, i, generation](const ApiResult<AnalyticsSummary> &result) {
                                          onSummaryFinished(i, result, generation);
                                      });
    }
}

void AnalyticsSync::onSummaryFinished(int index, const ApiResult<AnalyticsSummary> &result, quint64 generation)
{
    if (generation != m_generation || !m_loading || index >= m_answers.size())
        return;
    if (!result.ok()) {
        // One failure fails the load; the others of this generation are ignored when they come.
        ++m_generation;
        fail(result.error);
        return;
    }
    m_answers[index] = *result.value;
    if (--m_answersMissing == 0)
        land();
}

void AnalyticsSync::fail(const ApiError &error)
{
    ++m_failedAttempts;
    qCWarning(lcSync) << "analytics summary failed:" << error.details;
    m_problem = error.message;
    m_answers.clear();
    if (error.kind == ApiError::Kind::Unauthorized)
        m_loading = false; // owed still: start() after signing in loads it
    else
        scheduleRetry();
    emit snapshotFailed(m_problem);
    emit snapshotStateChanged();
}

void AnalyticsSync::land()
{
    QList<AnalyticsSummary> summaries;
    for (const std::optional<AnalyticsSummary> &answer : std::as_const(m_answers))
        summaries.append(*answer);
    m_answers.clear();
    SyncPosition oldest;
    for (const AnalyticsSummary &summary : std::as_const(summaries)) {
        if (oldest.isValid() && summary.epoch != oldest.epoch) {
            // Two logs answered (a server replaced between the requests): ask again.
            ++m_failedAttempts;
            scheduleRetry();
            return;
        }
        if (!oldest.isValid() || summary.seq < oldest.seq)
            oldest = SyncPosition{summary.epoch, summary.seq};
    }
    const auto behind = [&oldest](const SyncPosition &position) {
        return oldest.isValid() && position.isValid() && oldest.epoch == position.epoch && oldest.seq < position.seq;
    };
    const bool lagging = behind(m_serverPosition) || behind(m_streamAtLoad);
    if (lagging) {
        qCInfo(lcSync) << "analytics summary at seq" << oldest.seq << "is behind the stream's"
                       << std::max(m_serverPosition.seq, m_streamAtLoad.seq) << "- loading again";
        ++m_failedAttempts;
        scheduleRetry();
        return;
    }
    // Each summary takes the kept frames after its own watermark, in seq order, each once.
    QList<KeptTick> kept = std::exchange(m_kept, {});
    std::stable_sort(kept.begin(), kept.end(), [](const KeptTick &a, const KeptTick &b) { return a.seq < b.seq; });
    QList<qint64> held;
    for (AnalyticsSummary &summary : summaries) {
        qint64 seq = summary.seq;
        for (const KeptTick &tick : std::as_const(kept)) {
            if (tick.epoch != summary.epoch || tick.seq <= seq)
                continue;
            applyTick(&summary, tick.tick);
            seq = tick.seq;
        }
        held.append(seq);
    }

    // Take, then emit.
    const bool newLog = oldest.epoch != m_epoch;
    m_summaries = summaries;
    m_heldSeq = held;
    m_epoch = oldest.epoch;
    qint64 newest = oldest.seq;
    for (qint64 seq : std::as_const(held))
        newest = std::max(newest, seq);
    m_newestSeq = newLog ? newest : std::max(m_newestSeq, newest);
    m_loading = false;
    m_snapshotOwed = false;
    m_failedAttempts = 0;
    m_problem.clear();
    ++m_snapshotsLoaded;
    // The stream continues after the oldest watermark; each summary skips what it holds.
    if (oldest.isValid() && !oldest.isReachedBy(m_realtime->syncPosition(channelName())))
        m_realtime->setSyncPosition(channelName(), oldest);
    qCInfo(lcSync) << "analytics summaries applied at seq" << oldest.seq;
    emit summariesReplaced();
    emit snapshotLoaded(oldest);
    emit snapshotStateChanged();
}

void AnalyticsSync::scheduleRetry()
{
    m_retryTimer.start(retryDelay(firstRetry, maxRetry, m_failedAttempts));
}

} // namespace hearth
