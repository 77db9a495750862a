#include "server/widgetservice.h"

#include "core/logging.h"
#include "core/widgetcodec.h"
#include "server/database.h"
#include "server/eventlog.h"
#include "server/watermarkedread.h"
#include "server/widgetrepository.h"

#include <QUuid>

namespace hearth::server {

namespace {

WidgetResult failure(WidgetError error, QString message, WidgetConfig current = {})
{
    WidgetResult result;
    result.error = error;
    result.message = std::move(message);
    result.widget = std::move(current);
    return result;
}

WidgetResult unavailable()
{
    return failure(WidgetError::Storage, QStringLiteral("the database is not available"));
}

} // namespace

WidgetService::WidgetService(Database *database, WidgetRepository *widgets, EventLog *events, QObject *parent)
    : QObject(parent), m_database(database), m_widgets(widgets), m_events(events)
{
}

WidgetResult WidgetService::create(const QString &restaurantId, const NewWidget &draft, const WidgetEditor &editor,
                                   const AnswerRecorder &record)
{
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return unavailable();
    WidgetResult result;
    result.created = true;
    result.changed = true;
    WidgetConfig &widget = result.widget;
    widget.id = QStringLiteral("w-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    widget.kind = draft.kind;
    widget.name = draft.name.trimmed();
    widget.version = 1;
    widget.archived = false;
    widget.settings = draft.settings;
    widget.updatedAt = QDateTime::currentDateTimeUtc();
    widget.updatedBy = editor;
    return commit(&transaction, restaurantId, std::move(result), WidgetEvents::created, record);
}

WidgetResult WidgetService::update(const QString &restaurantId, const QString &widgetId, const WidgetEdit &edit,
                                   const WidgetEditor &editor, const AnswerRecorder &record)
{
    // Read inside the write transaction, so the version check and the change see one state.
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return unavailable();
    std::optional<WidgetConfig> current = m_widgets->find(restaurantId, widgetId);
    if (!current || current->archived)
        return failure(WidgetError::NotFound, current ? QStringLiteral("widget %1 was deleted").arg(widgetId)
                                                      : QStringLiteral("there is no widget %1").arg(widgetId));
    if (current->version != edit.expectedVersion) {
        return failure(WidgetError::Conflict,
                       QStringLiteral("widget %1 is at version %2, not %3: someone else saved it first")
                           .arg(widgetId)
                           .arg(current->version)
                           .arg(edit.expectedVersion),
                       std::move(*current));
    }
    WidgetResult result;
    result.widget = std::move(*current);
    WidgetConfig &widget = result.widget;
    const QString name = edit.name ? edit.name->trimmed() : widget.name;
    if (name == widget.name && edit.settings == widget.settings) {
        // Saving what is already there (a retry after a lost answer, two PCs saving the same
        // value): the answer is the widget as it is, and nobody is told of a change.
        if (record && (!record(result) || !transaction.commit()))
            return failure(WidgetError::Storage, QStringLiteral("the answer could not be recorded"));
        return result;
    }
    result.changed = true;
    widget.name = name;
    widget.settings = edit.settings;
    ++widget.version;
    widget.updatedAt = QDateTime::currentDateTimeUtc();
    widget.updatedBy = editor;
    return commit(&transaction, restaurantId, std::move(result), WidgetEvents::updated, record);
}

WidgetResult WidgetService::archive(const QString &restaurantId, const QString &widgetId,
                                    std::optional<qint64> expectedVersion, const WidgetEditor &editor,
                                    const AnswerRecorder &record)
{
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return unavailable();
    std::optional<WidgetConfig> current = m_widgets->find(restaurantId, widgetId);
    if (!current)
        return failure(WidgetError::NotFound, QStringLiteral("there is no widget %1").arg(widgetId));
    WidgetResult result;
    if (current->archived) {
        // Two PCs deleting at once both succeed; the second changes nothing.
        result.widget = std::move(*current);
        if (record && (!record(result) || !transaction.commit()))
            return failure(WidgetError::Storage, QStringLiteral("the answer could not be recorded"));
        return result;
    }
    if (expectedVersion && *expectedVersion != current->version) {
        return failure(WidgetError::Conflict,
                       QStringLiteral("widget %1 is at version %2, not %3: someone else saved it first")
                           .arg(widgetId)
                           .arg(current->version)
                           .arg(*expectedVersion),
                       std::move(*current));
    }
    result.changed = true;
    result.widget = std::move(*current);
    result.widget.archived = true;
    ++result.widget.version;
    result.widget.updatedAt = QDateTime::currentDateTimeUtc();
    result.widget.updatedBy = editor;
    return commit(&transaction, restaurantId, std::move(result), WidgetEvents::deleted, record);
}

WidgetResult WidgetService::applyAutomatic(const QString &restaurantId, const QString &widgetId,
                                           const std::function<void(WidgetSettings &settings)> &change,
                                           const QJsonObject &reason)
{
    SqlTransaction transaction(m_database->connection(), restaurantId);
    if (!transaction.isActive())
        return unavailable();
    std::optional<WidgetConfig> current = m_widgets->find(restaurantId, widgetId);
    if (!current || current->archived)
        return failure(WidgetError::NotFound, QStringLiteral("there is no widget %1").arg(widgetId));
    WidgetResult result;
    result.changed = true;
    result.widget = std::move(*current);
    change(result.widget.settings);
    ++result.widget.version;
    result.widget.updatedAt = QDateTime::currentDateTimeUtc();
    result.widget.updatedBy = WidgetEditor{QStringLiteral("kitchen"), QStringLiteral("Kitchen load"), QString()};
    return commit(&transaction, restaurantId, std::move(result), WidgetEvents::updated, {}, reason);
}

WidgetResult WidgetService::commit(SqlTransaction *transaction, const QString &restaurantId, WidgetResult result,
                                   QLatin1StringView eventType, const AnswerRecorder &record, const QJsonObject &reason)
{
    const WidgetConfig &widget = result.widget;
    QJsonObject data = WidgetCodec::toJson(widget);
    if (!reason.isEmpty())
        data.insert(QStringLiteral("reason"), reason);
    const std::optional<StoredEvent> event = m_events->append(restaurantId, QString(WidgetEvents::channel),
                                                              QString(eventType), data, widget.updatedAt);
    const bool stored = event
        && (result.created ? m_widgets->insert(restaurantId, widget, widget.updatedAt, event->seq)
                           : m_widgets->update(restaurantId, widget, event->seq));
    if (!stored || (record && !record(result)) || !transaction->commit())
        return failure(WidgetError::Storage, QStringLiteral("the widget could not be saved"));

    qCInfo(lcServer).noquote() << eventType << widget.id << "version" << widget.version << "by"
                               << widget.updatedBy.username;
    // Broadcast only what is durable: a client must never see an event a restart would undo.
    emit eventAppended(*event);
    m_events->pruneIfDue();
    return result;
}

std::optional<WidgetConfig> WidgetService::find(const QString &restaurantId, const QString &widgetId) const
{
    return m_widgets->find(restaurantId, widgetId);
}

bool WidgetService::exists(const QString &restaurantId, const QString &widgetId) const
{
    return m_widgets->exists(restaurantId, widgetId);
}

WidgetListing WidgetService::snapshot(const QString &restaurantId) const
{
    WidgetListing listing;
    const Watermark watermark = readWatermarked(m_database, m_events, restaurantId, WidgetEvents::channel,
                                                [&] { listing.widgets = m_widgets->active(restaurantId); });
    listing.epoch = watermark.epoch;
    listing.seq = watermark.seq;
    listing.ok = watermark.ok;
    return listing;
}

WidgetListing WidgetService::changesSince(const QString &restaurantId, qint64 since) const
{
    WidgetListing listing;
    const Watermark watermark = readWatermarked(m_database, m_events, restaurantId, WidgetEvents::channel,
                                                [&] { listing.widgets = m_widgets->changedSince(restaurantId, since); });
    listing.epoch = watermark.epoch;
    listing.seq = watermark.seq;
    listing.ok = watermark.ok;
    return listing;
}

} // namespace hearth::server
