#pragma once

// Keeps the widgets in step with the server over the `widgets` channel: applies streamed and
// polled changes at once (the higher version wins, so they are safe before, during and after a
// snapshot), and whenever the stream cannot be resumed loads a REST snapshot, merging into it
// what streamed in meanwhile. A snapshot stays owed until one lands — across failures and a
// 401 — and one whose watermark is behind the server position that asked for it (a lagging
// replica, same epoch) is loaded again. State is settled before any signal leaves. Follows
// docs/sync-pattern.md.
#include "api/apitypes.h"
#include "core/syncposition.h"
#include "core/widgetconfig.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace hearth {

class RealtimeService;
class RestClient;
struct ChannelEvent;

class WidgetsSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetsSync)

public:
    WidgetsSync(RealtimeService *realtime, RestClient *rest, QObject *parent = nullptr);
    ~WidgetsSync() override;

    static QString channelName();

    // False for a backend whose profile has no widgets channel: start() then does nothing.
    bool isAvailable() const;
    // Subscribes; while started (signed in again after a 401) it loads the snapshot still owed.
    void start();
    // Unsubscribes and resets everything (a snapshot owed too: unsubscribing forgets the
    // position, so the next start asks afresh); answers in flight are ignored from here on.
    void stop();
    bool isStarted() const { return m_started; }
    bool isLoadingSnapshot() const { return m_loading; }
    bool isSnapshotOwed() const { return m_snapshotOwed; }
    // User-facing, while snapshots keep failing; empty once one landed.
    QString snapshotProblem() const { return m_problem; }
    int snapshotsLoaded() const { return m_snapshotsLoaded; }

    // Loads a snapshot now (or after the one in flight), e.g. when polling finds the server's
    // log was reset.
    void requestSnapshot();
    // Changes from the stream, polling or a save's answer: applied at once.
    void applyChanges(const QList<hearth::WidgetConfig> &widgets);

signals:
    // A snapshot: every widget not archived, as of `position`.
    void widgetsReplaced(const QList<hearth::WidgetConfig> &widgets, const hearth::SyncPosition &position);
    // Newer versions; archived ones mean "remove".
    void widgetsUpdated(const QList<hearth::WidgetConfig> &widgets);
    void snapshotLoaded(const hearth::SyncPosition &position, int widgetCount);
    // A snapshot failed (user-facing; retried by itself unless the session ended).
    void snapshotFailed(const QString &message);

private:
    void onChannelEvents(const QString &channel, const QList<hearth::ChannelEvent> &events);
    void onSnapshotRequired(const QString &channel, const hearth::SyncPosition &serverPosition);
    void loadSnapshot();
    void onSnapshotFinished(const ApiResult<WidgetsSnapshot> &result, quint64 generation);
    void scheduleRetry();

    RealtimeService *m_realtime;
    RestClient *m_rest;
    bool m_started = false;
    bool m_loading = false;
    bool m_snapshotOwed = false;
    SyncPosition m_serverPosition;  // where the stream stood when it asked for a snapshot
    quint64 m_generation = 0;       // bumped by stop(): older answers are ignored
    int m_failedAttempts = 0;
    int m_snapshotsLoaded = 0;
    QString m_problem;
    QHash<QString, WidgetConfig> m_appliedWhileLoading; // merged into the next snapshot
    QTimer m_retryTimer;
};

} // namespace hearth
