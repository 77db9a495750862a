#include "server/widgetapi.h"

#include "core/logging.h"
#include "core/widgetcodec.h"
#include "server/httpapi.h"
#include "server/httpresponses.h"
#include "server/httpservercompat.h"
#include "server/idempotentwrites.h"
#include "server/presenceregistry.h"
#include "server/widgetservice.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QUrlQuery>

namespace hearth::server {

namespace {

using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

using IdempotentAnswers::answer;
using IdempotentAnswers::badRequest;
using IdempotentAnswers::parseIfMatch;
using IdempotentAnswers::respond;
using IdempotentAnswers::validationFailed;

StoredAnswer errorAnswer(Status status, QLatin1StringView code, const QString &message)
{
    return IdempotentAnswers::error(status, code, message);
}

StoredAnswer resultAnswer(const WidgetResult &result)
{
    switch (result.error) {
    case WidgetError::None:
        return answer(result.created ? Status::Created : Status::Ok, WidgetCodec::toJson(result.widget));
    case WidgetError::NotFound:
        return errorAnswer(Status::NotFound, QLatin1StringView("not_found"), result.message);
    case WidgetError::Conflict: {
        QJsonObject body = HttpResponses::errorBody(QLatin1StringView("conflict"), result.message);
        body.insert(QStringLiteral("current"), WidgetCodec::toJson(result.widget));
        return answer(Status::Conflict, body);
    }
    case WidgetError::Storage: break;
    }
    return errorAnswer(Status::InternalServerError, QLatin1StringView("internal"), result.message);
}

WidgetEditor editorOf(const AuthContext &context, const QHttpServerRequest &request)
{
    QString device = QString::fromUtf8(compat::requestHeader(request, QByteArrayLiteral("x-hearth-device"))).trimmed();
    if (device.size() > WidgetApi::maxDeviceLength)
        device.truncate(WidgetApi::maxDeviceLength);
    return WidgetEditor{context.username, context.displayName, device};
}

} // namespace

WidgetApi::WidgetApi(QHttpServer *server, HttpApi *guard, WidgetService *widgets, PresenceRegistry *presence,
                     IdempotencyStore *idempotency, QObject *parent)
    : QObject(parent), m_guard(guard), m_widgets(widgets), m_presence(presence), m_writes(idempotency)
{
    server->route(QStringLiteral("/api/widgets"), Method::Get, [this](const QHttpServerRequest &request) {
        return m_guard->guarded(request, Role::Staff,
                                [this, &request](const AuthContext &context) { return list(context, request); });
    });
    server->route(QStringLiteral("/api/widgets"), Method::Post, [this](const QHttpServerRequest &request) {
        return m_guard->guardedChange(request, Role::Manager, [this, &request](const AuthContext &context) {
            return idempotent(context, request,
                              [&](const Recorder &record) { return create(context, request, record); });
        });
    });
    server->route(QStringLiteral("/api/widgets/<arg>"), Method::Get,
                  [this](const QString &widgetId, const QHttpServerRequest &request) {
                      return m_guard->guarded(request, Role::Staff, [this, &widgetId](const AuthContext &context) {
                          return get(context, widgetId);
                      });
                  });
    server->route(QStringLiteral("/api/widgets/<arg>"), Method::Put,
                  [this](const QString &widgetId, const QHttpServerRequest &request) {
                      return m_guard->guardedChange(request, Role::Manager, [&, this](const AuthContext &context) {
                          return idempotent(context, request, [&](const Recorder &record) {
                              return update(context, widgetId, request, record);
                          });
                      });
                  });
    server->route(QStringLiteral("/api/widgets/<arg>"), Method::Delete,
                  [this](const QString &widgetId, const QHttpServerRequest &request) {
                      return m_guard->guardedChange(request, Role::Manager, [&, this](const AuthContext &context) {
                          return idempotent(context, request, [&](const Recorder &record) {
                              return archive(context, widgetId, request, record);
                          });
                      });
                  });
    server->route(QStringLiteral("/api/presence"), Method::Get, [this](const QHttpServerRequest &request) {
        return m_guard->guarded(request, Role::Staff,
                                [this](const AuthContext &context) { return presenceSnapshot(context); });
    });
}

QHttpServerResponse WidgetApi::idempotent(const AuthContext &context, const QHttpServerRequest &request,
                                          const Write &write)
{
    return m_writes.run(context, request, [&](const IdempotentWrites::Recorder &record) {
        return write([&](const WidgetResult &result) { return record(resultAnswer(result)); });
    });
}

QHttpServerResponse WidgetApi::list(const AuthContext &context, const QHttpServerRequest &request) const
{
    const QUrlQuery query = request.query();
    WidgetListing listing;
    if (query.hasQueryItem(QStringLiteral("since"))) {
        bool ok = false;
        const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
        if (!ok || since < 0)
            return HttpResponses::badRequest(QStringLiteral("since must be a sequence number (0 or more)"));
        listing = m_widgets->changesSince(context.restaurantId, since);
    } else {
        listing = m_widgets->snapshot(context.restaurantId);
    }
    if (!listing.ok)
        return HttpResponses::internalError(QStringLiteral("the widgets could not be read"));
    return HttpResponses::json(QJsonObject{{QStringLiteral("widgets"), WidgetCodec::toJsonArray(listing.widgets)},
                                           {QStringLiteral("epoch"), listing.epoch},
                                           {QStringLiteral("seq"), listing.seq}});
}

QHttpServerResponse WidgetApi::get(const AuthContext &context, const QString &widgetId) const
{
    const std::optional<WidgetConfig> widget = m_widgets->find(context.restaurantId, widgetId);
    if (!widget)
        return HttpResponses::notFound(QStringLiteral("there is no widget %1").arg(widgetId));
    return respond(answer(Status::Ok, WidgetCodec::toJson(*widget)));
}

QHttpServerResponse WidgetApi::presenceSnapshot(const AuthContext &context) const
{
    return HttpResponses::json(
        QJsonObject{{QStringLiteral("presence"), m_presence->snapshot(context.restaurantId)},
                    {QStringLiteral("epoch"), m_presence->epoch()},
                    {QStringLiteral("seq"), m_presence->headSeq(context.restaurantId, QString(PresenceEvents::channel))}});
}

StoredAnswer WidgetApi::create(const AuthContext &context, const QHttpServerRequest &request, const Recorder &record)
{
    QString problem;
    const std::optional<QJsonObject> body = HttpResponses::parseObject(request.body(), &problem);
    if (!body)
        return badRequest(problem);
    FieldErrors errors;
    JsonReader reader(*body, &errors);
    NewWidget draft;
    const QString kindName = reader.requiredString(QLatin1StringView("kind"));
    const std::optional<WidgetKind> kind = widgetKindFromWire(kindName);
    if (!kind && !kindName.isEmpty())
        reader.fail(QLatin1StringView("kind"), QStringLiteral("must be booking or ordering"));
    draft.name = reader.requiredString(QLatin1StringView("name"), true);
    if (body->value(QLatin1StringView("name")).isString()) {
        if (const QString nameProblem = WidgetCodec::nameProblem(draft.name); !nameProblem.isEmpty())
            reader.fail(QLatin1StringView("name"), nameProblem);
    }
    const QJsonValue settings = body->value(QLatin1StringView("settings"));
    if (!settings.isUndefined() && !settings.isObject())
        reader.fail(QLatin1StringView("settings"), QStringLiteral("must be an object"));
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"kind" && it.key() != u"name" && it.key() != u"settings")
            errors.append({it.key(), QStringLiteral("is not something a new widget has")});
    }
    if (kind) {
        draft.kind = *kind;
        Decoded<WidgetSettings> decoded =
            WidgetCodec::settingsFromJson(*kind, settings.toObject(), WidgetSettings::defaults(*kind));
        if (decoded.ok())
            draft.settings = std::move(*decoded.value);
        else
            errors.append(decoded.errors);
    }
    if (!errors.isEmpty())
        return validationFailed(errors);
    return resultAnswer(m_widgets->create(context.restaurantId, draft, editorOf(context, request), record));
}

StoredAnswer WidgetApi::update(const AuthContext &context, const QString &widgetId, const QHttpServerRequest &request,
                               const Recorder &record)
{
    const QByteArray ifMatch = compat::requestHeader(request, QByteArrayLiteral("if-match"));
    if (ifMatch.trimmed().isEmpty()) {
        return errorAnswer(Status::PreconditionRequired, QLatin1StringView("precondition_required"),
                           QStringLiteral("a PUT needs If-Match with the version the edit started from"));
    }
    const std::optional<qint64> expected = parseIfMatch(ifMatch);
    if (!expected)
        return badRequest(QStringLiteral("If-Match must be a widget version, like \"7\""));
    QString problem;
    const std::optional<QJsonObject> body = HttpResponses::parseObject(request.body(), &problem);
    if (!body)
        return badRequest(problem);
    const std::optional<WidgetConfig> current = m_widgets->find(context.restaurantId, widgetId);
    if (!current)
        return errorAnswer(Status::NotFound, QLatin1StringView("not_found"),
                           QStringLiteral("there is no widget %1").arg(widgetId));

    FieldErrors errors;
    JsonReader reader(*body, &errors);
    WidgetEdit edit;
    edit.expectedVersion = *expected;
    if (body->contains(QLatin1StringView("name"))) {
        edit.name = reader.requiredString(QLatin1StringView("name"), true);
        if (body->value(QLatin1StringView("name")).isString()) {
            if (const QString nameProblem = WidgetCodec::nameProblem(*edit.name); !nameProblem.isEmpty())
                reader.fail(QLatin1StringView("name"), nameProblem);
        }
    }
    const QJsonObject settings = reader.requiredObject(QLatin1StringView("settings"));
    if (body->value(QLatin1StringView("settings")).isObject()) {
        Decoded<WidgetSettings> decoded = WidgetCodec::settingsFromJson(current->kind, settings);
        if (decoded.ok())
            edit.settings = std::move(*decoded.value);
        else
            errors.append(decoded.errors);
    }
    // A client may send the widget back whole; what it cannot change is ignored, except a kind.
    static const QStringList readOnly{QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("archived"),
                                      QStringLiteral("updated_at"), QStringLiteral("updated_by")};
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() == u"kind") {
            if (it.value().toString() != widgetKindToWire(current->kind))
                errors.append({it.key(), QStringLiteral("a widget's kind cannot change")});
        } else if (it.key() != u"name" && it.key() != u"settings" && !readOnly.contains(it.key())) {
            errors.append({it.key(), QStringLiteral("is not something a widget has")});
        }
    }
    if (!errors.isEmpty())
        return validationFailed(errors);
    return resultAnswer(m_widgets->update(context.restaurantId, widgetId, edit, editorOf(context, request), record));
}

StoredAnswer WidgetApi::archive(const AuthContext &context, const QString &widgetId, const QHttpServerRequest &request,
                                const Recorder &record)
{
    const QByteArray ifMatch = compat::requestHeader(request, QByteArrayLiteral("if-match"));
    std::optional<qint64> expected;
    if (!ifMatch.trimmed().isEmpty()) {
        expected = parseIfMatch(ifMatch);
        if (!expected)
            return badRequest(QStringLiteral("If-Match must be a widget version, like \"7\""));
    }
    return resultAnswer(m_widgets->archive(context.restaurantId, widgetId, expected, editorOf(context, request), record));
}

} // namespace hearth::server
