#include "sync/widgetsclient.h"

#include "api/apicodec.h"
#include "core/logging.h"
#include "core/widgetcodec.h"
#include "store/widgetscache.h"
#include "sync/ordersclient.h"
#include "sync/widgetfields.h"
#include "sync/widgetspolling.h"

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

WidgetDocument documentOf(const WidgetConfig &widget)
{
    return {widget.id, widget.version, WidgetFields::fromWidget(widget)};
}

SaveOutcome outcomeOf(const ApiError &error)
{
    using Kind = SaveOutcome::Kind;
    SaveOutcome outcome;
    outcome.message = error.message;
    switch (error.kind) {
    case ApiError::Kind::Conflict:
        if (std::optional<WidgetConfig> current = ApiCodec::conflictCurrentWidget(error)) {
            outcome.kind = Kind::Conflict;
            outcome.widget = documentOf(*current);
        } else {
            outcome.kind = Kind::Rejected; // a 409 without the widget: nothing to merge with
        }
        return outcome;
    case ApiError::Kind::Unauthorized: outcome.kind = Kind::Unauthorized; return outcome;
    case ApiError::Kind::Forbidden: outcome.kind = Kind::Forbidden; return outcome;
    case ApiError::Kind::NotFound: outcome.kind = Kind::Gone; return outcome;
    default: break;
    }
    if (error.isTransient()) {
        outcome.kind = Kind::Transient;
    } else if (error.code == "idempotency_key_reused"_L1) {
        outcome.kind = Kind::KeyReused;
    } else if (error.code == "validation_failed"_L1 || !error.fieldErrors.isEmpty()) {
        outcome.kind = Kind::Invalid;
        for (auto it = error.fieldErrors.cbegin(); it != error.fieldErrors.cend(); ++it) {
            QString key = WidgetFields::keyOfErrorPath(it.key());
            if (key.isEmpty())
                key = it.key();
            QString &message = outcome.fieldErrors[key];
            message = message.isEmpty() ? it.value() : message + u"; "_s + it.value();
        }
    } else {
        outcome.kind = Kind::Rejected;
    }
    return outcome;
}

} // namespace

WidgetsClient::WidgetsClient(OrdersClient &orders, QObject *parent)
    : QObject(parent),
      m_orders(orders),
      m_sync(&orders.realtime(), &orders.rest()),
      m_presence(&orders.realtime(), &orders.rest()),
      m_polling(std::make_unique<WidgetsPolling>(&orders.polling(), &m_sync, &orders.realtime(), &orders.rest()))
{
    connect(&m_sync, &WidgetsSync::widgetsReplaced, this, &WidgetsClient::onReplaced);
    connect(&m_sync, &WidgetsSync::widgetsUpdated, this, &WidgetsClient::onUpdated);
    connect(&m_sync, &WidgetsSync::snapshotFailed, this, &WidgetsClient::setProblem);
    connect(&m_sync, &WidgetsSync::snapshotLoaded, this, [this] { setProblem({}); });
    connect(&orders.realtime(), &RealtimeService::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Live && m_saver)
            m_saver->retryNow(); // saves that waited for the network go now
    });
    connect(&orders.signIn(), &SignIn::signedIn, this, &WidgetsClient::updateEditable);
    connect(&orders.signIn(), &SignIn::signedOut, this, &WidgetsClient::updateEditable);
    createSaver(std::make_unique<WidgetOutbox>(QString())); // in memory until openStore()
}

WidgetsClient::~WidgetsClient()
{
    stop();
}

void WidgetsClient::setSavePolicy(const SavePolicy &policy)
{
    m_savePolicy = policy;
    m_saver->setPolicy(policy);
}

void WidgetsClient::setSaveClockFactory(std::function<std::unique_ptr<SaveClock>()> factory)
{
    m_clockFactory = std::move(factory);
}

void WidgetsClient::setDeviceName(const QString &device)
{
    m_orders.rest().setDeviceName(device);
    m_presence.setDevice(device);
}

void WidgetsClient::openStore(const QString &cachePath, const QString &outboxPath)
{
    const bool otherFiles = !m_cache || m_cache->databasePath() != cachePath
        || m_outbox->databasePath() != outboxPath;
    const bool memoryOutbox = m_outbox->databasePath().isEmpty();
    if (otherFiles && m_cache) {
        // Another server or restaurant: nothing of the previous one may stay on screen or on
        // the link. start() follows.
        stop();
        m_known.clear();
        emit widgetsReplaced({});
    }
    m_cache.reset();
    if (!cachePath.isEmpty()) {
        m_cache = std::make_unique<WidgetsCache>(cachePath);
        connect(m_cache.get(), &WidgetsCache::writeFailed, this, &WidgetsClient::setProblem);
        const CachedWidgets cached = m_cache->load();
        QList<WidgetConfig> widgets;
        for (const QJsonObject &json : cached.widgets) {
            Decoded<WidgetConfig> widget = WidgetCodec::fromJson(json);
            if (widget.ok())
                widgets.append(std::move(*widget.value));
        }
        if (!widgets.isEmpty()) {
            m_known.clear();
            for (const WidgetConfig &widget : std::as_const(widgets))
                remember(widget);
            if (cached.position.isValid() && !m_sync.isSnapshotOwed())
                m_orders.realtime().setSyncPosition(WidgetsSync::channelName(), cached.position);
            qCInfo(lcSync) << "restored" << widgets.size() << "widgets from the local cache";
            emit widgetsReplaced(widgets);
        }
    }
    if (!outboxPath.isEmpty()) {
        auto outbox = std::make_unique<WidgetOutbox>(outboxPath);
        connect(outbox.get(), &WidgetOutbox::writeFailed, this, &WidgetsClient::setProblem);
        outbox->open();
        // Edits made before any store opened (in memory) join the file's; never another
        // restaurant's file outbox.
        if (memoryOutbox) {
            const QList<OutboxEntry> entries = m_outbox->entries();
            for (const OutboxEntry &entry : entries) {
                if (!outbox->contains(entry.widgetId))
                    outbox->put(entry);
            }
        }
        createSaver(std::move(outbox));
    }
}

void WidgetsClient::closeStore()
{
    m_cache.reset();
    if (m_outbox && !m_outbox->databasePath().isEmpty())
        createSaver(std::make_unique<WidgetOutbox>(QString()));
}

void WidgetsClient::createSaver(std::unique_ptr<WidgetOutbox> outbox)
{
    m_saver.reset(); // before the outbox it uses
    m_outbox = std::move(outbox);
    m_saver = std::make_unique<AutoSaver>(
        m_outbox.get(),
        [this](const SaveRequest &request, QObject *context, AutoSaver::Reply reply) {
            sendSave(request, context, std::move(reply));
        },
        m_clockFactory ? m_clockFactory() : nullptr);
    m_saver->setPolicy(m_savePolicy);
    connect(m_saver.get(), &AutoSaver::statusChanged, this, &WidgetsClient::saveStatusChanged);
    connect(m_saver.get(), &AutoSaver::pendingFieldsChanged, this, &WidgetsClient::pendingFieldsChanged);
    connect(m_saver.get(), &AutoSaver::unsavedCountChanged, this, &WidgetsClient::unsavedCountChanged);
    connect(m_saver.get(), &AutoSaver::readOnlyChanged, this, &WidgetsClient::updateEditable);
    // What the outbox holds shows as unsaved at once, before anything is sent.
    const QList<OutboxEntry> entries = m_outbox->entries();
    for (const OutboxEntry &entry : entries) {
        emit pendingFieldsChanged(entry.widgetId, entry.editedFields);
        emit saveStatusChanged(entry.widgetId, m_saver->status(entry.widgetId));
    }
    emit unsavedCountChanged(m_saver->unsavedCount());
    if (m_started)
        m_saver->start();
    updateEditable();
}

QString WidgetsClient::identity() const
{
    const SignIn &signIn = m_orders.signIn();
    return signIn.address().httpBase.toString() + u'|' + signIn.session().restaurantId + u'|'
        + signIn.session().username;
}

void WidgetsClient::start()
{
    const QString who = identity();
    if (!m_startedAs.isEmpty() && m_startedAs != who) {
        // Signed in as someone else without another store: the previous session's widgets and
        // in-memory edits are not this one's.
        qCInfo(lcSync) << "signed in as someone else: leaving the previous session's widgets";
        stop();
        m_known.clear();
        emit widgetsReplaced({});
        if (m_outbox->databasePath().isEmpty())
            createSaver(std::make_unique<WidgetOutbox>(QString()));
    }
    m_startedAs = who;
    m_started = true;
    m_sync.start();
    // Presence is hearth-server's own ({"op": "presence"} frames, GET /api/presence); a Rails or
    // Phoenix server would take those frames for garbage.
    if (m_orders.rest().speaksHearthApi())
        m_presence.start();
    m_saver->start();
    updateEditable();
}

void WidgetsClient::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_saver->stop();
    m_presence.stop();
    m_sync.stop();
}

bool WidgetsClient::canEdit() const
{
    return readOnlyReason().isEmpty();
}

namespace {

// The kind of server a restaurant manager may know their backend as.
QString backendKind(const BackendProfile *profile)
{
    if (profile && profile->protocol == BackendProtocol::ActionCable)
        return QStringLiteral("Rails");
    if (profile && profile->protocol == BackendProtocol::Phoenix)
        return QStringLiteral("Phoenix");
    return WidgetsClient::tr("another server"); // not reached: only profiles lack the Hearth API
}

} // namespace

QString WidgetsClient::readOnlyReason() const
{
    if (!m_orders.rest().speaksHearthApi()) {
        //: %1 is the kind of server, e.g. "Rails"
        return tr("This restaurant's backend (%1) shows widget settings read-only; change them in "
                  "its own admin.")
            .arg(backendKind(m_orders.rest().foreignProfile()));
    }
    const QString role = m_orders.signIn().session().role;
    if (m_orders.signIn().isSignedIn() && role != "manager"_L1)
        return tr("Only managers can change widgets.");
    if (m_saver && m_saver->isReadOnly())
        return tr("The server does not let this account change widgets.");
    return {};
}

bool WidgetsClient::isAvailable() const
{
    return m_sync.isAvailable();
}

QString WidgetsClient::unavailableReason() const
{
    if (isAvailable())
        return {};
    //: %1 is the kind of server, e.g. "Rails"
    return tr("Website widgets are not available for this restaurant's backend (%1). Whoever set up "
              "Hearth for it can add them to its backend profile.")
        .arg(backendKind(m_orders.rest().foreignProfile()));
}

QList<WidgetConfig> WidgetsClient::widgets() const
{
    return m_known.values();
}

std::optional<WidgetConfig> WidgetsClient::widget(const QString &widgetId) const
{
    const auto it = m_known.constFind(widgetId);
    if (it == m_known.cend())
        return std::nullopt;
    return *it;
}

bool WidgetsClient::edit(const QString &widgetId, const QJsonObject &changes)
{
    const auto known = m_known.constFind(widgetId);
    if (known == m_known.cend())
        return false;
    m_saver->edit(documentOf(*known), changes);
    emit pendingFieldsChanged(widgetId, m_saver->pendingFields(widgetId).value_or(QJsonObject()));
    return true;
}

bool WidgetsClient::editSettings(const QString &widgetId, const WidgetSettings &settings)
{
    const auto known = m_known.constFind(widgetId);
    if (known == m_known.cend())
        return false;
    const QJsonObject current = m_saver->pendingFields(widgetId).value_or(WidgetFields::fromWidget(*known));
    const QJsonObject wanted = WidgetCodec::settingsToJson(known->kind, settings);
    QJsonObject changes;
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        if (current.value(it.key()) != it.value())
            changes.insert(it.key(), it.value());
    }
    return changes.isEmpty() || edit(widgetId, changes);
}

bool WidgetsClient::rename(const QString &widgetId, const QString &name)
{
    return edit(widgetId, {{WidgetFields::nameKey(), name}});
}

void WidgetsClient::resolveConflict(const QString &widgetId, const QHash<QString, WidgetMerge::Choice> &choices)
{
    m_saver->resolve(widgetId, choices);
}

void WidgetsClient::discardChanges(const QString &widgetId)
{
    m_saver->discard(widgetId);
}

WidgetSaveStatus WidgetsClient::saveStatus(const QString &widgetId) const
{
    return m_saver->status(widgetId);
}

std::optional<QJsonObject> WidgetsClient::pendingFields(const QString &widgetId) const
{
    return m_saver->pendingFields(widgetId);
}

std::optional<WidgetConfig> WidgetsClient::effectiveWidget(const QString &widgetId) const
{
    std::optional<WidgetConfig> server = widget(widgetId);
    if (!server)
        return std::nullopt;
    return WidgetFields::applied(*server, m_saver->pendingFields(widgetId).value_or(QJsonObject()));
}

int WidgetsClient::unsavedCount() const
{
    return m_saver->unsavedCount();
}

int WidgetsClient::outboxDepth() const
{
    return m_saver->outboxDepth();
}

bool WidgetsClient::flush(std::chrono::milliseconds timeout)
{
    return m_saver->flush(timeout);
}

void WidgetsClient::sendSave(const SaveRequest &request, QObject *context, AutoSaver::Reply reply)
{
    m_orders.rest().updateWidget(
        request.widgetId, request.ifMatch, WidgetFields::toUpdateBody(request.fields),
        request.idempotencyKey, context, [this, reply](const ApiResult<WidgetConfig> &result) {
            std::optional<WidgetConfig> news;
            SaveOutcome outcome;
            if (result.ok()) {
                outcome.kind = SaveOutcome::Kind::Saved;
                outcome.widget = documentOf(*result.value);
                news = *result.value;
            } else {
                outcome = outcomeOf(result.error);
                if (outcome.kind == SaveOutcome::Kind::Conflict)
                    news = ApiCodec::conflictCurrentWidget(result.error);
            }
            reply(outcome); // the saver settles first; the news then finds it settled
            if (news)
                m_sync.applyChanges({*news});
        });
}

void WidgetsClient::onReplaced(const QList<WidgetConfig> &widgets, const SyncPosition &position)
{
    m_known.clear();
    QList<QJsonObject> json;
    json.reserve(widgets.size());
    for (const WidgetConfig &widget : widgets) {
        remember(widget);
        json.append(WidgetCodec::toJson(widget));
    }
    if (m_cache)
        m_cache->replaceAll(json, position);
    emit widgetsReplaced(widgets);
    for (const WidgetConfig &widget : widgets)
        m_saver->remoteChanged(documentOf(widget));
}

void WidgetsClient::onUpdated(const QList<WidgetConfig> &widgets)
{
    QList<QJsonObject> json;
    QList<WidgetConfig> news;
    for (const WidgetConfig &widget : widgets) {
        const auto known = m_known.constFind(widget.id);
        if (known != m_known.cend() && known->version >= widget.version)
            continue; // an echo or a replay of what is known already
        remember(widget);
        json.append(WidgetCodec::toJson(widget));
        news.append(widget);
    }
    if (news.isEmpty())
        return;
    // While a snapshot is owed the stream's position is ahead of what is known: keep the old one.
    if (m_cache) {
        m_cache->upsert(json, m_sync.isSnapshotOwed()
                                  ? SyncPosition()
                                  : m_orders.realtime().syncPosition(WidgetsSync::channelName()));
    }
    emit widgetsUpdated(news);
    for (const WidgetConfig &widget : std::as_const(news)) {
        if (!widget.archived)
            m_saver->remoteChanged(documentOf(widget));
    }
}

void WidgetsClient::remember(const WidgetConfig &widget)
{
    if (widget.archived)
        m_known.remove(widget.id);
    else
        m_known.insert(widget.id, widget);
}

void WidgetsClient::setProblem(const QString &message)
{
    if (message == m_problem)
        return;
    m_problem = message;
    emit problemChanged(message);
}

void WidgetsClient::updateEditable()
{
    if (const bool available = isAvailable(); available != m_available) {
        m_available = available;
        emit availableChanged(available);
    }
    const bool editable = canEdit();
    if (editable == m_editable)
        return;
    m_editable = editable;
    emit editableChanged(editable);
}

} // namespace hearth
