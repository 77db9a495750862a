#pragma once

// Everything the Widgets page needs, composed on top of an OrdersClient's REST client, socket and
// sign-in (one connection for orders and widgets): the widgets' sync (channel, snapshots,
// polling, local cache), edits with auto-save through the durable outbox, conflicts, and
// presence. It holds no model: WidgetConfigModel::follow() connects one.
//
// The page's use: openStore() once signed in (the cache shows the widgets at once, offline too;
// the outbox's edits from a previous run are sent by start()), start(), then edit() per field,
// resolveConflict() when saveStatus() says Conflict, presence().viewing()/editing() as the
// editor opens widgets and focuses fields, flush() before quitting.
#include "core/widgetconfig.h"
#include "sync/autosaver.h"
#include "sync/presenceclient.h"
#include "sync/widgetssync.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

namespace hearth {

class OrdersClient;
class WidgetsCache;
class WidgetsPolling;

class WidgetsClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WidgetsClient)

public:
    // `orders` provides the REST client, the socket, sign-in and the polling decision; it must
    // outlive this object.
    explicit WidgetsClient(OrdersClient &orders, QObject *parent = nullptr);
    ~WidgetsClient() override;

    // The local files of one server and restaurant: the last known widgets (shown at once and
    // offline; emits widgetsReplaced) and the outbox of unsaved edits. Without openStore()
    // edits are kept in memory only. Empty paths close them.
    void openStore(const QString &cachePath, const QString &outboxPath);
    void closeStore();
    // This PC's name as its user calls it ("Office PC"): in presence and in "changed by … on …".
    void setDeviceName(const QString &device);
    // Tests: the auto-saver's timing and clock (applies to the outbox opened next).
    void setSavePolicy(const SavePolicy &policy);
    void setSaveClockFactory(std::function<std::unique_ptr<SaveClock>()> factory);

    // Call once signed in (after OrdersClient::start()): subscribes and sends the outbox.
    void start();
    void stop();

    // Whether this session may change widgets: a manager on a backend with Hearth's API, and
    // the server has not refused a write. readOnlyReason() says why not, for the editor. On a
    // profile backend (Rails, Phoenix) widgets are shown read-only: Hearth cannot write there.
    bool canEdit() const;
    QString readOnlyReason() const;
    // Whether the backend has widgets at all (a profile without channels.widgets has none);
    // unavailableReason() says so in a manager's words, for the page instead of an empty list.
    bool isAvailable() const;
    QString unavailableReason() const;

    // The widgets as the server last sent them (archived ones are gone).
    QList<WidgetConfig> widgets() const;
    std::optional<WidgetConfig> widget(const QString &widgetId) const;

    // An edit: `changes` by setting key (WidgetCodec::settingKeys) or "name", values as on the
    // wire. Written to the outbox before this returns; saved by itself. False for an unknown
    // widget.
    bool edit(const QString &widgetId, const QJsonObject &changes);
    bool editSettings(const QString &widgetId, const WidgetSettings &settings); // the keys that differ
    bool rename(const QString &widgetId, const QString &name);
    // Decides each conflicting field (see saveStatus().conflicts) and saves; a field left out
    // takes theirs.
    void resolveConflict(const QString &widgetId, const QHash<QString, WidgetMerge::Choice> &choices);
    void discardChanges(const QString &widgetId);

    WidgetSaveStatus saveStatus(const QString &widgetId) const;
    // The unsaved fields (flat: settings' keys and "name"), when there are any.
    std::optional<QJsonObject> pendingFields(const QString &widgetId) const;
    // The widget as the editor shows it: the server's, with the unsaved edits on top (an edit
    // whose value is not valid keeps the server's value here; pendingFields() has it as typed).
    std::optional<WidgetConfig> effectiveWidget(const QString &widgetId) const;
    int unsavedCount() const;
    int outboxDepth() const;

    // Saves what is pending and waits up to `timeout` (quitting). True when nothing is left;
    // what is left stays in the outbox for the next start.
    bool flush(std::chrono::milliseconds timeout = std::chrono::milliseconds(3000));

    WidgetsSync &sync() { return m_sync; }
    PresenceClient &presence() { return m_presence; }
    AutoSaver &saver() { return *m_saver; }
    const WidgetOutbox &outbox() const { return *m_outbox; } // diagnostics: depth, entries
    WidgetsPolling &polling() { return *m_polling; }

signals:
    void widgetsReplaced(const QList<hearth::WidgetConfig> &widgets);
    void widgetsUpdated(const QList<hearth::WidgetConfig> &widgets); // archived: remove
    void saveStatusChanged(const QString &widgetId, const hearth::WidgetSaveStatus &status);
    // After every edit, merge, resolution, discard or save; empty when nothing is pending.
    void pendingFieldsChanged(const QString &widgetId, const QJsonObject &fields);
    void unsavedCountChanged(int count);
    void editableChanged(bool editable);
    void availableChanged(bool available);
    // Trouble the status bar shows (snapshots failing, the outbox not writable); empty: none.
    void problemChanged(const QString &message);

private:
    void createSaver(std::unique_ptr<WidgetOutbox> outbox);
    void sendSave(const SaveRequest &request, QObject *context, AutoSaver::Reply reply);
    void onReplaced(const QList<WidgetConfig> &widgets, const SyncPosition &position);
    void onUpdated(const QList<WidgetConfig> &widgets);
    void remember(const WidgetConfig &widget);
    void setProblem(const QString &message);
    void updateEditable();
    QString identity() const; // server, restaurant and user of the session

    OrdersClient &m_orders;
    WidgetsSync m_sync;
    PresenceClient m_presence;
    std::unique_ptr<WidgetsPolling> m_polling;
    std::unique_ptr<WidgetsCache> m_cache;
    std::unique_ptr<WidgetOutbox> m_outbox;
    std::unique_ptr<AutoSaver> m_saver;
    std::function<std::unique_ptr<SaveClock>()> m_clockFactory;
    SavePolicy m_savePolicy;
    QHash<QString, WidgetConfig> m_known; // the server's widgets, as last heard
    QString m_problem;
    QString m_startedAs;
    bool m_started = false;
    bool m_editable = false;
    bool m_available = true;
};

} // namespace hearth
