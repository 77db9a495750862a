#pragma once

// Saves widget edits by itself. Every edit goes into the durable WidgetOutbox at once; a save
// follows ~800 ms after the last edit, and at least every 5 s while the manager keeps typing.
// Saves go out one at a time, the outbox's oldest edit first, each with the entry's idempotency
// key, and are retried with a capped backoff while the network or the server fails. A 409 is
// merged per field with the server's current widget (WidgetMerge): different fields save by
// themselves, the same field changed on both sides waits for the manager's choice. A 422 puts
// the server's messages on the fields and waits for the next edit. It speaks flat field JSON
// (WidgetFields) and sends through a Sender, so it knows neither the REST client nor the model.
#include "store/widgetoutbox.h"
#include "sync/saveclock.h"
#include "sync/widgetmerge.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace hearth {

// One widget as the server holds it, in flat fields.
struct WidgetDocument
{
    QString id;
    qint64 version = 0;
    QJsonObject fields;
};

enum class SaveState {
    Saved,    // nothing pending (savedAt says when this PC last saved it, if it did)
    Unsaved,  // edits waiting for the debounce
    Saving,   // a request is in flight
    Offline,  // the network or the server failed; saved by itself when they are back
    Conflict, // someone else changed the same field: conflicts lists them, resolve() decides
    Rejected, // the server refused (invalid fields, not allowed, widget gone): see message
};

struct WidgetSaveStatus
{
    SaveState state = SaveState::Saved;
    QDateTime savedAt;                   // the last save this PC made (UTC); may be invalid
    QString message;                     // user-facing, for Offline and Rejected
    QHash<QString, QString> fieldErrors; // field key → the server's message (422)
    QList<MergeConflict> conflicts;      // for Conflict

    bool isPending() const { return state != SaveState::Saved; }
};

struct SavePolicy
{
    std::chrono::milliseconds quietPeriod{800}; // after the last edit
    std::chrono::milliseconds maxDelay{5000};   // from the first unsaved edit, under continuous typing
    std::chrono::milliseconds firstRetry{1000};
    std::chrono::milliseconds maxRetry{30000};
};

// PUT /api/widgets/{id} as the AutoSaver needs it.
struct SaveRequest
{
    QString widgetId;
    qint64 ifMatch = 0;
    QJsonObject fields;
    QString idempotencyKey;
};

struct SaveOutcome
{
    enum class Kind {
        Saved,        // widget: the server's widget after the save
        Conflict,     // widget: the server's current widget (409)
        Invalid,      // fieldErrors: per field key (422 validation_failed)
        KeyReused,    // 422 idempotency_key_reused: the key must change
        Forbidden,    // 403: this account may not edit widgets
        Gone,         // 404: the widget no longer exists
        Unauthorized, // 401: the session is over; sending resumes after start()
        Transient,    // network, timeout, 5xx, 429: retried with backoff
        Rejected,     // any other refusal: not retried
    };
    Kind kind = Kind::Transient;
    std::optional<WidgetDocument> widget;
    QHash<QString, QString> fieldErrors;
    QString message; // user-facing
};

class AutoSaver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutoSaver)

public:
    using Reply = std::function<void(const SaveOutcome &)>;
    // Sends one save; must call `reply` exactly once, later, from the event loop (never inside
    // the call), unless `context` is destroyed first.
    using Sender = std::function<void(const SaveRequest &request, QObject *context, Reply reply)>;

    // The outbox must be open (or fail to open: then edits live in memory only). Without a
    // clock the system clock is used.
    AutoSaver(WidgetOutbox *outbox, Sender sender, std::unique_ptr<SaveClock> clock = {},
              QObject *parent = nullptr);
    ~AutoSaver() override;

    void setPolicy(const SavePolicy &policy) { m_policy = policy; }
    const SavePolicy &policy() const { return m_policy; }
    SaveClock *clock() const { return m_clock.get(); }

    // Sending is allowed (signed in with a server that takes edits). Picks up what the outbox
    // holds — from a previous run too — and sends it in order.
    void start();
    // Nothing more is sent; answers still in flight are ignored (their entries stay in the
    // outbox with their keys, so the next start retries them safely).
    void stop();
    bool isStarted() const { return m_started; }
    // The link came back: saves waiting for the network go now.
    void retryNow();

    // An edit of `widget` (the server's widget as the editor shows it): `changes` holds the
    // fields the manager changed, by key. The first edit of a widget takes `widget` as its base.
    void edit(const WidgetDocument &widget, const QJsonObject &changes);
    // The server holds a newer version (streamed, polled, loaded): merged into a pending edit,
    // exactly like a 409's current widget. Widgets without pending edits are not touched.
    void remoteChanged(const WidgetDocument &widget);
    // Decides the conflicts of a widget (a key without a choice keeps theirs) and saves.
    void resolve(const QString &widgetId, const QHash<QString, WidgetMerge::Choice> &choices);
    // Throws the widget's unsaved edits away; the editor shows the server's widget again.
    void discard(const QString &widgetId);

    // Saves everything pending now and waits, running the event loop, until done or `timeout`
    // passed. True when nothing is left unsaved; what is left stays in the outbox.
    bool flush(std::chrono::milliseconds timeout);

    WidgetSaveStatus status(const QString &widgetId) const;
    // The fields as the manager left them, when the widget has unsaved edits.
    std::optional<QJsonObject> pendingFields(const QString &widgetId) const;
    QStringList pendingWidgets() const; // in sending order
    int unsavedCount() const { return m_outbox->depth(); }
    int outboxDepth() const { return m_outbox->depth(); }
    bool isReadOnly() const { return m_readOnly; }
    int savesSent() const { return m_savesSent; }

signals:
    void statusChanged(const QString &widgetId, const hearth::WidgetSaveStatus &status);
    // The widget's pending fields changed other than by edit() (merged, resolved, discarded,
    // saved): the editor shows them. Empty when nothing is pending any more.
    void pendingFieldsChanged(const QString &widgetId, const QJsonObject &fields);
    void unsavedCountChanged(int count);
    // The server said this account may not edit widgets (403): the editor becomes read-only.
    void readOnlyChanged(bool readOnly);

private:
    struct Runtime
    {
        qint64 dueAtMs = -1;       // the next save's deadline; -1: none (waiting for a person)
        qint64 burstStartMs = -1;  // the first edit not yet sent, for the max delay
        int failures = 0;
        bool inFlight = false;
        QJsonObject sentFields;    // what the request in flight carries
        std::optional<WidgetDocument> remoteWhileSaving; // newer server state, held until the answer
        std::optional<WidgetDocument> conflictTheirs;    // set while in Conflict
    };

    void onClockFired();
    // Sends the oldest edit that is due, or sets the clock for the next one.
    void schedule();
    void send(const QString &widgetId);
    void onReply(const QString &widgetId, quint64 generation, const SaveOutcome &outcome);
    void onSaved(const QString &widgetId, const WidgetDocument &server);
    // Merges `theirs` into the pending edit; true when it left something to save.
    void mergeTheirs(const QString &widgetId, const WidgetDocument &theirs, bool saveNow);
    void rebase(OutboxEntry entry, const WidgetDocument &server, const QJsonObject &fields);
    void finish(const QString &widgetId, bool savedByMe);
    void setStatus(const QString &widgetId, WidgetSaveStatus status);
    void setState(const QString &widgetId, SaveState state, const QString &message = {});
    std::chrono::milliseconds retryDelay(int failures) const;

    WidgetOutbox *m_outbox;
    Sender m_sender;
    std::unique_ptr<SaveClock> m_clock;
    SavePolicy m_policy;
    QHash<QString, Runtime> m_runtime;
    QHash<QString, WidgetSaveStatus> m_status;
    bool m_started = false;
    bool m_busy = false;      // a request is in flight (one at a time keeps the outbox's order)
    bool m_readOnly = false;
    quint64 m_generation = 0; // bumped by stop(): older answers are ignored
    int m_lastCount = 0;
    int m_savesSent = 0;
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::WidgetSaveStatus)
