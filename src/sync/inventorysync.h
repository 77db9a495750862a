#pragma once

// Keeps stock lines and menu items in step with the server over the `inventory` channel, by the
// rules of docs/sync-pattern.md, as WidgetsSync does for widgets: streamed and polled changes
// are applied at once (the higher version wins); when the stream cannot be resumed a REST
// snapshot is loaded, with what streamed in meanwhile merged into it; a snapshot stays owed
// until one lands — across failures and a 401 — and one behind the stream's position (same
// epoch) is loaded again. State is settled before any signal leaves.
#include "api/apitypes.h"
#include "core/inventoryitem.h"
#include "core/menuitem.h"
#include "core/syncposition.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace hearth {

class RealtimeService;
class RestClient;
struct ChannelEvent;

class InventorySync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventorySync)

public:
    InventorySync(RealtimeService *realtime, RestClient *rest, QObject *parent = nullptr);
    ~InventorySync() override;

    static QString channelName();

    // False for a backend without the inventory channel (or without Hearth's REST inventory).
    bool isAvailable() const;
    void start();
    void stop();
    bool isStarted() const { return m_started; }
    bool isLoadingSnapshot() const { return m_loading; }
    bool isSnapshotOwed() const { return m_snapshotOwed; }
    QString snapshotProblem() const { return m_problem; }
    int snapshotsLoaded() const { return m_snapshotsLoaded; }

    void requestSnapshot();
    // Changes from the stream, polling or a write's answer: applied at once.
    void applyChanges(const QList<hearth::InventoryItem> &items, const QList<hearth::MenuItem> &menu);

signals:
    // A snapshot: every stock line and menu item, as of `position`.
    void inventoryReplaced(const QList<hearth::InventoryItem> &items, const QList<hearth::MenuItem> &menu,
                           const hearth::SyncPosition &position);
    void inventoryUpdated(const QList<hearth::InventoryItem> &items, const QList<hearth::MenuItem> &menu);
    void snapshotLoaded(const hearth::SyncPosition &position);
    void snapshotFailed(const QString &message);

private:
    void onChannelEvents(const QString &channel, const QList<hearth::ChannelEvent> &events);
    void onSnapshotRequired(const QString &channel, const hearth::SyncPosition &serverPosition);
    void loadSnapshot();
    void onSnapshotFinished(const ApiResult<InventorySnapshot> &result, quint64 generation);
    void scheduleRetry();

    RealtimeService *m_realtime;
    RestClient *m_rest;
    bool m_started = false;
    bool m_loading = false;
    bool m_snapshotOwed = false;
    SyncPosition m_serverPosition;
    quint64 m_generation = 0;
    int m_failedAttempts = 0;
    int m_snapshotsLoaded = 0;
    QString m_problem;
    QHash<QString, InventoryItem> m_itemsWhileLoading; // merged into the next snapshot
    QHash<QString, MenuItem> m_menuWhileLoading;
    QTimer m_retryTimer;
};

// Merges `kept` (newer versions that arrived meanwhile) into `list` by id, the higher version
// winning; ids only in `kept` are appended. For any entity with `id` and `version`.
template<typename T>
void mergeNewer(QList<T> *list, QHash<QString, T> kept)
{
    for (T &entity : *list) {
        const auto newer = kept.constFind(entity.id);
        if (newer == kept.cend())
            continue;
        if (newer->version > entity.version)
            entity = *newer;
        kept.erase(newer);
    }
    for (const T &entity : std::as_const(kept))
        list->append(entity);
}

} // namespace hearth
