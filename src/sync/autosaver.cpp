#include "sync/autosaver.h"

#include "core/logging.h"
#include "sync/retrydelay.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <utility>

namespace hearth {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(hearth::AutoSaver)
};

// Earlier attempts remembered per entry; more than a few unanswered ones in a row is a network
// so bad that an honest conflict is the better outcome.
constexpr qsizetype maxUnconfirmed = 8;

} // namespace

AutoSaver::AutoSaver(WidgetOutbox *outbox, Sender sender, std::unique_ptr<SaveClock> clock,
                     QObject *parent)
    : QObject(parent), m_outbox(outbox), m_sender(std::move(sender)), m_clock(std::move(clock))
{
    Q_ASSERT(m_outbox);
    if (!m_clock)
        m_clock = std::make_unique<SystemSaveClock>();
    m_clock->setHandler([this] { onClockFired(); });
    m_lastCount = m_outbox->depth();
    const QList<OutboxEntry> entries = m_outbox->entries();
    for (const OutboxEntry &entry : entries)
        m_status[entry.widgetId].state = SaveState::Unsaved; // from a previous run: sent by start()
    connect(m_outbox, &WidgetOutbox::depthChanged, this, [this](int depth) {
        if (depth == m_lastCount)
            return;
        m_lastCount = depth;
        emit unsavedCountChanged(depth);
    });
}

AutoSaver::~AutoSaver()
{
    m_clock->setHandler({});
    m_clock->cancel();
}

void AutoSaver::start()
{
    if (m_started)
        return;
    m_started = true;
    m_readOnly = false; // the next refusal says again; the role is checked by whoever shows edits
    const qint64 now = m_clock->nowMs();
    // What the outbox holds — this run's edits and a previous run's — goes out in its order.
    const QList<OutboxEntry> entries = m_outbox->entries();
    for (const OutboxEntry &entry : entries) {
        Runtime &runtime = m_runtime[entry.widgetId];
        if (runtime.conflictTheirs)
            continue; // waits for the manager's choice
        runtime.dueAtMs = now;
        runtime.failures = 0;
        if (status(entry.widgetId).state == SaveState::Saved)
            setState(entry.widgetId, SaveState::Unsaved);
    }
    schedule();
}

void AutoSaver::stop()
{
    if (!m_started && !m_busy)
        return;
    m_started = false;
    m_busy = false;
    ++m_generation;
    m_clock->cancel();
    for (auto it = m_runtime.begin(); it != m_runtime.end(); ++it) {
        if (!it->inFlight)
            continue;
        it->inFlight = false;
        // The request may or may not have been applied; the entry keeps its key for the retry.
        setState(it.key(), SaveState::Unsaved);
    }
}

void AutoSaver::retryNow()
{
    const qint64 now = m_clock->nowMs();
    for (auto it = m_runtime.begin(); it != m_runtime.end(); ++it) {
        if (status(it.key()).state == SaveState::Offline && !it->inFlight) {
            it->dueAtMs = now;
            it->failures = 0;
        }
    }
    schedule();
}

void AutoSaver::edit(const WidgetDocument &widget, const QJsonObject &changes)
{
    std::optional<OutboxEntry> existing = m_outbox->entry(widget.id);
    OutboxEntry entry;
    if (existing) {
        entry = *existing;
    } else {
        entry.widgetId = widget.id;
        entry.baseVersion = widget.version;
        entry.baseFields = widget.fields;
        entry.editedFields = widget.fields;
    }
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        entry.editedFields.insert(it.key(), it.value());
    if (existing && entry.editedFields == existing->editedFields)
        return;
    entry.editedAt = QDateTime::currentDateTimeUtc();
    // Written before anything else happens: a crash from here on loses nothing.
    m_outbox->put(entry);

    Runtime &runtime = m_runtime[widget.id];
    WidgetSaveStatus current = status(widget.id);
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        current.fieldErrors.remove(it.key()); // the server judges the new value at the next save
    if (m_readOnly) {
        current.state = SaveState::Rejected;
        current.message = Text::tr("Your account may not change widgets, so this change is not saved.");
        setStatus(widget.id, current);
        return;
    }
    if (runtime.conflictTheirs) {
        setStatus(widget.id, current); // still a conflict; resolve() saves
        return;
    }
    const qint64 now = m_clock->nowMs();
    if (runtime.burstStartMs < 0)
        runtime.burstStartMs = now;
    runtime.dueAtMs = std::min(now + qint64(m_policy.quietPeriod.count()),
                               runtime.burstStartMs + qint64(m_policy.maxDelay.count()));
    runtime.failures = 0;
    if (!runtime.inFlight) {
        current.state = SaveState::Unsaved;
        current.message.clear();
    }
    setStatus(widget.id, current);
    schedule();
}

void AutoSaver::remoteChanged(const WidgetDocument &widget)
{
    if (!m_outbox->contains(widget.id))
        return;
    Runtime &runtime = m_runtime[widget.id];
    if (runtime.inFlight) {
        // The answer may be this very change (our own echo); decide once it is in.
        if (!runtime.remoteWhileSaving || runtime.remoteWhileSaving->version < widget.version)
            runtime.remoteWhileSaving = widget;
        return;
    }
    mergeTheirs(widget.id, widget, false);
    schedule();
}

void AutoSaver::resolve(const QString &widgetId, const QHash<QString, WidgetMerge::Choice> &choices)
{
    const std::optional<OutboxEntry> entry = m_outbox->entry(widgetId);
    Runtime &runtime = m_runtime[widgetId];
    if (!entry || !runtime.conflictTheirs)
        return;
    const WidgetDocument theirs = *std::exchange(runtime.conflictTheirs, std::nullopt);
    const MergeResult merged = WidgetMerge::merge(entry->baseFields, entry->editedFields, theirs.fields);
    const QJsonObject fields = WidgetMerge::resolve(merged, choices);
    if (fields == theirs.fields) {
        finish(widgetId, false);
        schedule();
        return;
    }
    rebase(*entry, theirs, fields);
    runtime.dueAtMs = m_clock->nowMs();
    WidgetSaveStatus current = status(widgetId);
    current.conflicts.clear();
    current.state = SaveState::Unsaved;
    current.message.clear();
    setStatus(widgetId, current);
    emit pendingFieldsChanged(widgetId, fields);
    schedule();
}

void AutoSaver::discard(const QString &widgetId)
{
    if (!m_outbox->contains(widgetId))
        return;
    const bool inFlight = m_runtime.value(widgetId).inFlight;
    m_outbox->remove(widgetId);
    if (inFlight) {
        Runtime spent; // only its answer is still to come, and it is ignored
        spent.inFlight = true;
        m_runtime[widgetId] = spent;
    } else
        m_runtime.remove(widgetId);
    WidgetSaveStatus current;
    current.savedAt = status(widgetId).savedAt;
    setStatus(widgetId, current);
    emit pendingFieldsChanged(widgetId, {});
}

bool AutoSaver::flush(std::chrono::milliseconds timeout)
{
    if (!m_started)
        return m_outbox->depth() == 0;
    const qint64 now = m_clock->nowMs();
    for (auto it = m_runtime.begin(); it != m_runtime.end(); ++it) {
        if (it->dueAtMs >= 0 || status(it.key()).state == SaveState::Offline)
            it->dueAtMs = now;
    }
    const auto dueNow = [this] {
        const qint64 at = m_clock->nowMs();
        return std::any_of(m_runtime.cbegin(), m_runtime.cend(),
                           [at](const Runtime &r) { return r.dueAtMs >= 0 && r.dueAtMs <= at; });
    };
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &AutoSaver::statusChanged, &loop, [&] {
        if (!m_busy && !dueNow())
            loop.quit();
    });
    schedule();
    if (m_busy || dueNow()) {
        deadline.start(timeout);
        loop.exec();
    }
    qCInfo(lcSync) << "flushed widget edits;" << m_outbox->depth() << "left in the outbox";
    return m_outbox->depth() == 0;
}

WidgetSaveStatus AutoSaver::status(const QString &widgetId) const
{
    return m_status.value(widgetId);
}

std::optional<QJsonObject> AutoSaver::pendingFields(const QString &widgetId) const
{
    const std::optional<OutboxEntry> entry = m_outbox->entry(widgetId);
    if (!entry)
        return std::nullopt;
    return entry->editedFields;
}

QStringList AutoSaver::pendingWidgets() const
{
    QStringList ids;
    const QList<OutboxEntry> entries = m_outbox->entries();
    for (const OutboxEntry &entry : entries)
        ids.append(entry.widgetId);
    return ids;
}

void AutoSaver::onClockFired()
{
    schedule();
}

void AutoSaver::schedule()
{
    if (!m_started || m_busy) {
        m_clock->cancel(); // an answer, or start(), schedules again
        return;
    }
    const qint64 now = m_clock->nowMs();
    // The outbox's order is the sending order. The oldest edit waiting for the clock goes first:
    // when it is due, and also when a newer one is due while it only waits for its quiet period
    // (its own typing, or an edit after a failure restarted it) — then it goes early rather than
    // be overtaken, and the newer one keeps its 5 s ceiling. While it waits for the network
    // (a retry's backoff), everything newer waits behind it.
    QString oldest;
    bool oldestDue = false;
    qint64 wake = -1;
    const QList<OutboxEntry> entries = m_outbox->entries(); // oldest edit first
    for (const OutboxEntry &entry : entries) {
        const auto runtime = m_runtime.constFind(entry.widgetId);
        if (runtime == m_runtime.cend() || runtime->dueAtMs < 0)
            continue; // waits for a person (a conflict, refused fields), not for the clock
        const bool due = runtime->dueAtMs <= now;
        if (due && entry.editedFields == entry.baseFields) {
            finish(entry.widgetId, false); // edited back to where it started: nothing to send
            continue;
        }
        if (wake < 0 || runtime->dueAtMs < wake)
            wake = runtime->dueAtMs;
        if (oldest.isEmpty()) {
            oldest = entry.widgetId;
            oldestDue = due;
            if (due || runtime->failures > 0)
                break; // it goes now, or it holds back everything newer until its retry
        }
    }
    if (!oldest.isEmpty() && (oldestDue || wake <= now)) {
        m_clock->cancel();
        const OutboxEntry entry = *m_outbox->entry(oldest);
        if (entry.editedFields == entry.baseFields) { // pulled forward, and nothing to send
            finish(oldest, false);
            schedule();
            return;
        }
        send(oldest);
        return;
    }
    if (wake < 0)
        m_clock->cancel();
    else
        m_clock->wakeAt(wake);
}

void AutoSaver::send(const QString &widgetId)
{
    OutboxEntry entry = *m_outbox->entry(widgetId);
    Runtime &runtime = m_runtime[widgetId];
    // The same fields again reuse the key: the last attempt may have been applied and only its
    // answer lost, and the server answers a known key with that first answer. Other fields are
    // another request and need a key of their own.
    if (entry.attempted && entry.attemptedFields != entry.editedFields) {
        entry.unconfirmedFields.append(entry.attemptedFields);
        while (entry.unconfirmedFields.size() > maxUnconfirmed)
            entry.unconfirmedFields.removeFirst();
        entry.idempotencyKey = WidgetOutbox::newIdempotencyKey();
        entry.attempted = false;
    }
    entry.attempted = true;
    entry.attemptedFields = entry.editedFields;
    m_outbox->put(entry, false); // on disk before it is on the wire

    runtime.inFlight = true;
    runtime.sentFields = entry.editedFields;
    runtime.dueAtMs = -1;
    runtime.burstStartMs = -1;
    m_busy = true;
    ++m_savesSent;
    setState(widgetId, SaveState::Saving);
    qCDebug(lcSync) << "saving widget" << widgetId << "on version" << entry.baseVersion;
    const quint64 generation = m_generation;
    m_sender(SaveRequest{widgetId, entry.baseVersion, entry.editedFields, entry.idempotencyKey}, this,
             [this, widgetId, generation](const SaveOutcome &outcome) {
                 onReply(widgetId, generation, outcome);
             });
}

void AutoSaver::onReply(const QString &widgetId, quint64 generation, const SaveOutcome &outcome)
{
    if (generation != m_generation)
        return;
    m_busy = false;
    Runtime &runtime = m_runtime[widgetId];
    runtime.inFlight = false;
    // Taken now: the branches below may finish the widget and drop its runtime.
    const std::optional<WidgetDocument> remote = std::exchange(runtime.remoteWhileSaving, std::nullopt);
    const std::optional<OutboxEntry> entry = m_outbox->entry(widgetId);
    if (!entry) { // discarded while in flight
        m_runtime.remove(widgetId);
        schedule();
        return;
    }
    const bool editedSince = entry->editedFields != runtime.sentFields;
    const qint64 now = m_clock->nowMs();
    using Kind = SaveOutcome::Kind;
    switch (outcome.kind) {
    case Kind::Saved:
        runtime.failures = 0;
        onSaved(widgetId, *outcome.widget);
        break;
    case Kind::Conflict:
        runtime.failures = 0;
        mergeTheirs(widgetId, *outcome.widget, true);
        break;
    case Kind::KeyReused: {
        OutboxEntry renewed = *entry;
        renewed.idempotencyKey = WidgetOutbox::newIdempotencyKey();
        renewed.attempted = false;
        renewed.attemptedFields = {};
        m_outbox->put(renewed, false);
        runtime.dueAtMs = now;
        setState(widgetId, SaveState::Unsaved);
        break;
    }
    case Kind::Transient:
        ++runtime.failures;
        runtime.dueAtMs = now + qint64(retryDelay(runtime.failures).count());
        qCInfo(lcSync) << "saving widget" << widgetId << "failed; retry" << runtime.failures
                       << "in" << runtime.dueAtMs - now << "ms";
        setState(widgetId, SaveState::Offline, outcome.message);
        break;
    case Kind::Unauthorized:
        // The session is over: nothing more goes out until start() after signing in again.
        m_started = false;
        runtime.dueAtMs = -1;
        setState(widgetId, SaveState::Offline, outcome.message);
        break;
    case Kind::Invalid: {
        WidgetSaveStatus current = status(widgetId);
        current.state = editedSince ? SaveState::Unsaved : SaveState::Rejected;
        current.fieldErrors = outcome.fieldErrors;
        current.message = outcome.message;
        if (!editedSince)
            runtime.dueAtMs = -1; // the same values would be refused again; the next edit saves
        setStatus(widgetId, current);
        break;
    }
    case Kind::Forbidden:
        runtime.dueAtMs = -1;
        if (!m_readOnly) {
            m_readOnly = true;
            emit readOnlyChanged(true);
        }
        setState(widgetId, SaveState::Rejected, outcome.message);
        break;
    case Kind::Gone:
    case Kind::Rejected:
        if (!editedSince)
            runtime.dueAtMs = -1;
        setState(widgetId, SaveState::Rejected, outcome.message);
        break;
    }
    if (m_outbox->contains(widgetId) && remote) {
        mergeTheirs(widgetId, *remote, false);
    } else if (!m_outbox->contains(widgetId)) {
        m_runtime.remove(widgetId);
    }
    schedule();
}

void AutoSaver::onSaved(const QString &widgetId, const WidgetDocument &server)
{
    const OutboxEntry entry = *m_outbox->entry(widgetId);
    const Runtime &runtime = m_runtime[widgetId];
    if (entry.editedFields == runtime.sentFields) {
        finish(widgetId, true);
        return;
    }
    // Typed on while the save was on its way: what was sent is the new base of the rest.
    rebase(entry, server, entry.editedFields);
    WidgetSaveStatus current = status(widgetId);
    current.state = SaveState::Unsaved;
    current.savedAt = QDateTime::currentDateTimeUtc();
    current.fieldErrors.clear();
    current.message.clear();
    setStatus(widgetId, current);
}

void AutoSaver::mergeTheirs(const QString &widgetId, const WidgetDocument &theirs, bool saveNow)
{
    const std::optional<OutboxEntry> entry = m_outbox->entry(widgetId);
    if (!entry || theirs.version <= entry->baseVersion)
        return; // nothing pending, or old news
    Runtime &runtime = m_runtime[widgetId];
    const qint64 now = m_clock->nowMs();
    WidgetSaveStatus current = status(widgetId);

    QJsonObject fields;
    const bool ours = (entry->attempted && theirs.fields == entry->attemptedFields)
        || entry->unconfirmedFields.contains(theirs.fields);
    if (ours) {
        // Our own earlier attempt was applied and its answer lost: no one else is involved.
        fields = entry->editedFields;
    } else {
        const MergeResult merged = WidgetMerge::merge(entry->baseFields, entry->editedFields, theirs.fields);
        if (!merged.isClean()) {
            runtime.conflictTheirs = theirs;
            runtime.dueAtMs = -1;
            current.state = SaveState::Conflict;
            current.conflicts = merged.conflicts;
            current.message.clear();
            qCInfo(lcSync) << "widget" << widgetId << "conflicts with version" << theirs.version
                           << "in" << merged.conflicts.size() << "fields";
            setStatus(widgetId, current);
            return;
        }
        fields = merged.merged;
    }
    runtime.conflictTheirs.reset();
    if (fields == theirs.fields) {
        finish(widgetId, ours);
        return;
    }
    rebase(*entry, theirs, fields);
    if (saveNow || runtime.dueAtMs < 0)
        runtime.dueAtMs = saveNow ? now : now + qint64(m_policy.quietPeriod.count());
    current.state = SaveState::Unsaved;
    current.conflicts.clear();
    current.message.clear();
    setStatus(widgetId, current);
    if (fields != entry->editedFields)
        emit pendingFieldsChanged(widgetId, fields);
}

void AutoSaver::rebase(OutboxEntry entry, const WidgetDocument &server, const QJsonObject &fields)
{
    entry.baseVersion = server.version;
    entry.baseFields = server.fields;
    entry.editedFields = fields;
    // A saved (or superseded) request's key is spent; the next request is another one.
    entry.idempotencyKey = WidgetOutbox::newIdempotencyKey();
    entry.attempted = false;
    entry.attemptedFields = {};
    entry.unconfirmedFields.clear(); // requests on older versions can no longer apply
    m_outbox->put(entry, false);
}

void AutoSaver::finish(const QString &widgetId, bool savedByMe)
{
    m_outbox->remove(widgetId);
    m_runtime.remove(widgetId);
    WidgetSaveStatus current;
    current.savedAt = savedByMe ? QDateTime::currentDateTimeUtc() : status(widgetId).savedAt;
    setStatus(widgetId, current);
    emit pendingFieldsChanged(widgetId, {});
}

void AutoSaver::setStatus(const QString &widgetId, WidgetSaveStatus status)
{
    if (status.state != SaveState::Conflict)
        status.conflicts.clear();
    m_status.insert(widgetId, status);
    emit statusChanged(widgetId, status);
}

void AutoSaver::setState(const QString &widgetId, SaveState state, const QString &message)
{
    WidgetSaveStatus current = status(widgetId);
    current.state = state;
    current.message = message;
    setStatus(widgetId, current);
}

std::chrono::milliseconds AutoSaver::retryDelay(int failures) const
{
    return hearth::retryDelay(m_policy.firstRetry, m_policy.maxRetry, failures);
}

} // namespace hearth
