#pragma once

// Keeps a few analytics summaries (the Analytics page's range, today by minute, last week's day)
// current over the `analytics` channel, by the rules of docs/sync-pattern.md. A summary is
// loaded over REST on start and after every resync; from then on each `analytics.event` frame
// (one second's events, folded) is added to it, never reloaded. Frames are additive, so the
// version rule of entities becomes a sequence rule: each summary remembers the seq it holds
// (its REST watermark, then every frame added) and takes only frames after it — a replay after
// a reconnect, or a frame the snapshot already holds, is never counted twice. Frames that stream
// in while a load is under way are applied at once and kept, and those after each new summary's
// watermark are added to it before it is shown.
#include "api/apitypes.h"
#include "core/analytics.h"
#include "core/syncposition.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

namespace hearth {

class RealtimeService;
class RestClient;
struct ChannelEvent;

class AnalyticsSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsSync)

public:
    // Frames kept while a load is under way (an hour of seconds); older ones are dropped, and the
    // load that follows such a long outage has them in its watermark anyway.
    static constexpr int maxKeptTicks = 3600;

    AnalyticsSync(RealtimeService *realtime, RestClient *rest, QObject *parent = nullptr);
    ~AnalyticsSync() override;

    static QString channelName();

    // False for a backend without the analytics channel.
    bool isAvailable() const;
    // The summaries to keep current, by index; a change loads them all anew.
    void setQueries(const QList<AnalyticsQuery> &queries);
    QList<AnalyticsQuery> queries() const { return m_queries; }
    // The current summaries (loaded and kept current), by index of queries(); empty before the
    // first load.
    const QList<AnalyticsSummary> &summaries() const { return m_summaries; }

    void start();
    void stop();
    bool isStarted() const { return m_started; }
    bool isLoadingSnapshot() const { return m_loading; }
    bool isSnapshotOwed() const { return m_snapshotOwed; }
    QString snapshotProblem() const { return m_problem; }
    int snapshotsLoaded() const { return m_snapshotsLoaded; }
    int keptTicks() const { return int(m_kept.size()); }
    void requestSnapshot();

signals:
    // Every summary anew (a load landed, or stop() emptied them).
    void summariesReplaced();
    // Frames were added to the summaries; `samples` are the newest events they brought, once each.
    void summariesUpdated(const QList<hearth::AnalyticsSample> &samples);
    void snapshotLoaded(const hearth::SyncPosition &position);
    void snapshotFailed(const QString &message);
    void snapshotStateChanged();

private:
    struct KeptTick
    {
        QString epoch;
        qint64 seq = 0;
        AnalyticsTick tick;
    };

    void onChannelEvents(const QString &channel, const QList<hearth::ChannelEvent> &events);
    void onSnapshotRequired(const QString &channel, const hearth::SyncPosition &serverPosition);
    void loadSnapshot();
    void onSummaryFinished(int index, const ApiResult<AnalyticsSummary> &result, quint64 generation);
    void land();
    void fail(const ApiError &error);
    void scheduleRetry();

    RealtimeService *m_realtime;
    RestClient *m_rest;
    QList<AnalyticsQuery> m_queries;
    QList<AnalyticsSummary> m_summaries;
    QList<qint64> m_heldSeq;          // per summary: the newest frame it holds
    QString m_epoch;                  // of the summaries' log
    qint64 m_newestSeq = 0;           // the newest frame seen: samples go out once
    QList<std::optional<AnalyticsSummary>> m_answers; // of the load under way
    int m_answersMissing = 0;
    QList<KeptTick> m_kept;
    bool m_started = false;
    bool m_loading = false;
    bool m_snapshotOwed = false;
    SyncPosition m_serverPosition;
    SyncPosition m_streamAtLoad;
    quint64 m_generation = 0;
    int m_failedAttempts = 0;
    int m_snapshotsLoaded = 0;
    QString m_problem;
    QTimer m_retryTimer;
};

} // namespace hearth
