#include "server/widgetrepository.h"

#include "core/logging.h"
#include "core/widgetcodec.h"
#include "server/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace hearth::server {

namespace {

const QString selectColumns = QStringLiteral(
    "SELECT id, kind, name, settings, version, archived, updated_at, updated_by FROM widgets ");

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

// Qt binds a null QString as SQL NULL; text columns hold '' instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

std::optional<WidgetConfig> widgetFrom(const QSqlQuery &query)
{
    WidgetConfig widget;
    widget.id = query.value(0).toString();
    const auto kind = widgetKindFromWire(query.value(1).toString());
    if (!kind)
        return std::nullopt;
    widget.kind = *kind;
    widget.name = query.value(2).toString();
    // Rows were validated on the way in; a row that no longer decodes (a hand edit, a rule made
    // stricter later) is served with its kind's defaults for what is unreadable, never dropped.
    const Decoded<WidgetSettings> settings =
        WidgetCodec::settingsFromJson(widget.kind, objectFrom(query.value(3)), WidgetSettings::defaults(widget.kind));
    if (settings.ok()) {
        widget.settings = *settings.value;
    } else {
        qCWarning(lcServer).noquote() << "widget" << widget.id << "has stored settings that do not validate:"
                                      << settings.errorString();
        widget.settings = WidgetSettings::defaults(widget.kind);
    }
    widget.version = query.value(4).toLongLong();
    widget.archived = query.value(5).toBool();
    widget.updatedAt = QDateTime::fromMSecsSinceEpoch(query.value(6).toLongLong(), Qt::UTC);
    const QJsonObject editor = objectFrom(query.value(7));
    widget.updatedBy.username = editor.value(QLatin1StringView("username")).toString();
    widget.updatedBy.displayName = editor.value(QLatin1StringView("display_name")).toString();
    widget.updatedBy.device = editor.value(QLatin1StringView("device")).toString();
    return widget;
}

} // namespace

WidgetRepository::WidgetRepository(Database *database)
    : m_database(database)
{
}

bool WidgetRepository::insert(const QString &restaurantId, const WidgetConfig &widget, const QDateTime &createdAt,
                              qint64 lastSeq)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query,
                        QStringLiteral("INSERT INTO widgets (restaurant_id, id, kind, name, settings, version, "
                                       "archived, created_at, updated_at, updated_by, last_seq) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {restaurantId, widget.id, widgetKindToWire(widget.kind), text(widget.name),
                         compact(WidgetCodec::settingsToJson(widget.kind, widget.settings)), widget.version,
                         widget.archived ? 1 : 0, createdAt.toMSecsSinceEpoch(), widget.updatedAt.toMSecsSinceEpoch(),
                         compact(WidgetCodec::editorToJson(widget.updatedBy)), lastSeq});
}

bool WidgetRepository::update(const QString &restaurantId, const WidgetConfig &widget, qint64 lastSeq)
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("UPDATE widgets SET name = ?, settings = ?, version = ?, archived = ?, "
                                     "updated_at = ?, updated_by = ?, last_seq = ? "
                                     "WHERE restaurant_id = ? AND id = ?"),
                      {text(widget.name), compact(WidgetCodec::settingsToJson(widget.kind, widget.settings)),
                       widget.version, widget.archived ? 1 : 0, widget.updatedAt.toMSecsSinceEpoch(),
                       compact(WidgetCodec::editorToJson(widget.updatedBy)), lastSeq, restaurantId, widget.id}))
        return false;
    return query.numRowsAffected() == 1;
}

std::optional<WidgetConfig> WidgetRepository::find(const QString &restaurantId, const QString &widgetId) const
{
    const QList<WidgetConfig> found =
        select(QStringLiteral("WHERE restaurant_id = ? AND id = ?"), {restaurantId, widgetId});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

bool WidgetRepository::exists(const QString &restaurantId, const QString &widgetId) const
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query, QStringLiteral("SELECT 1 FROM widgets WHERE restaurant_id = ? AND id = ?"),
                        {restaurantId, widgetId})
        && query.next();
}

QList<WidgetConfig> WidgetRepository::active(const QString &restaurantId) const
{
    return select(QStringLiteral("WHERE restaurant_id = ? AND archived = 0 ORDER BY created_at, rowid"), {restaurantId});
}

QList<WidgetConfig> WidgetRepository::changedSince(const QString &restaurantId, qint64 seq) const
{
    return select(QStringLiteral("WHERE restaurant_id = ? AND last_seq > ? ORDER BY last_seq"), {restaurantId, seq});
}

QList<WidgetConfig> WidgetRepository::select(const QString &whereClause, const QVariantList &values) const
{
    QList<WidgetConfig> widgets;
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    if (!execPrepared(query, selectColumns + whereClause, values))
        return widgets;
    while (query.next()) {
        if (std::optional<WidgetConfig> widget = widgetFrom(query))
            widgets.append(std::move(*widget));
    }
    return widgets;
}

} // namespace hearth::server
