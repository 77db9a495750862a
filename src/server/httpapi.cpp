#include "server/httpapi.h"

#include "core/jsonreader.h"
#include "core/logging.h"
#include "core/ordercodec.h"
#include "server/authservice.h"
#include "server/database.h"
#include "server/httpresponses.h"
#include "server/httpservercompat.h"
#include "server/orderservice.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QUrlQuery>

namespace hearth::server {

namespace {

using Method = QHttpServerRequest::Method;

#ifndef HEARTH_VERSION
#define HEARTH_VERSION "0.0.0"
#endif

QJsonObject listingBody(const OrderListing &listing)
{
    return QJsonObject{{QStringLiteral("orders"), OrderCodec::toJsonArray(listing.orders)},
                       {QStringLiteral("epoch"), listing.epoch},
                       {QStringLiteral("seq"), listing.seq}};
}

} // namespace

HttpApi::HttpApi(QHttpServer *server, AuthService *auth, OrderService *orders, Database *database,
                 QObject *parent)
    : QObject(parent), m_auth(auth), m_orders(orders), m_database(database)
{
    server->route(QStringLiteral("/api/login"), Method::Post,
                  [this](const QHttpServerRequest &request) { return login(request); });
    server->route(QStringLiteral("/api/orders"), Method::Get, [this](const QHttpServerRequest &request) {
        return guarded(request, Role::Staff,
                       [this, &request](const AuthContext &context) { return listOrders(context, request); });
    });
    // Order actions (acknowledge, status, recall, reopen) are OrderApi's.
    server->route(QStringLiteral("/api/health"), Method::Get, [this] { return health(); });
    // Figures for support (hearthctl stats); managers only, since they describe the whole site.
    server->route(QStringLiteral("/api/stats"), Method::Get, [this](const QHttpServerRequest &request) {
        return guarded(request, Role::Manager, [this](const AuthContext &context) {
            return HttpResponses::json(m_statsSource ? m_statsSource(context.restaurantId) : QJsonObject{});
        });
    });
    compat::setNotFoundHandler(server, this,
                               HttpResponses::errorBody(QLatin1StringView("not_found"),
                                                        QStringLiteral("no such route")));
}

QHttpServerResponse HttpApi::guarded(const QHttpServerRequest &request, Role required,
                                     const Handler &handler) const
{
    if (!m_accepting)
        return HttpResponses::unavailable(QStringLiteral("the server is stopping"));
    const std::optional<AuthContext> context = m_auth->authenticateBearer(
        compat::requestHeader(request, QByteArrayLiteral("authorization")));
    if (!context)
        return HttpResponses::unauthorized(QStringLiteral("a valid bearer token is required"));
    if (!AuthService::hasRole(*context, required)) {
        return HttpResponses::forbidden(QStringLiteral("this needs the %1 role").arg(roleToWire(required)));
    }
    return handler(*context);
}

QHttpServerResponse HttpApi::login(const QHttpServerRequest &request)
{
    if (!m_accepting)
        return HttpResponses::unavailable(QStringLiteral("the server is stopping"));
    QString problem;
    const std::optional<QJsonObject> body = HttpResponses::parseObject(request.body(), &problem);
    if (!body)
        return HttpResponses::badRequest(problem);
    FieldErrors errors;
    JsonReader reader(*body, &errors);
    const QString username = reader.requiredString(QLatin1StringView("username"));
    const QString password = reader.requiredString(QLatin1StringView("password"));
    if (!errors.isEmpty())
        return HttpResponses::badRequest(describeErrors(errors));

    const std::optional<LoginResult> result = m_auth->login(username, password);
    if (!result) {
        return HttpResponses::error(HttpResponses::Status::Unauthorized, QLatin1StringView("invalid_credentials"),
                                    QStringLiteral("unknown username or wrong password"));
    }
    return HttpResponses::json(QJsonObject{
        {QStringLiteral("token"), result->token},
        {QStringLiteral("expires_at"), toWireTimestamp(result->expiresAt)},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("username"), result->user.username},
                     {QStringLiteral("display_name"), result->user.displayName},
                     {QStringLiteral("role"), roleToWire(result->user.role)}}},
        {QStringLiteral("restaurant"),
         QJsonObject{{QStringLiteral("id"), result->restaurant.id},
                     {QStringLiteral("name"), result->restaurant.name}}},
    });
}

QHttpServerResponse HttpApi::listOrders(const AuthContext &context, const QHttpServerRequest &request) const
{
    const QUrlQuery query = request.query();
    std::optional<OrderStatus> status;
    if (query.hasQueryItem(QStringLiteral("status"))) {
        const QString name = query.queryItemValue(QStringLiteral("status"));
        status = statusFromWire(name);
        if (!status)
            return HttpResponses::badRequest(QStringLiteral("unknown status \"%1\"").arg(name));
    }
    OrderListing listing;
    if (query.hasQueryItem(QStringLiteral("since"))) {
        bool ok = false;
        const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
        if (!ok || since < 0)
            return HttpResponses::badRequest(QStringLiteral("since must be a sequence number (0 or more)"));
        listing = m_orders->changesSince(context.restaurantId, since, status);
    } else {
        listing = m_orders->snapshot(context.restaurantId, status);
    }
    if (!listing.ok)
        return HttpResponses::internalError(QStringLiteral("the orders could not be read"));
    return HttpResponses::json(listingBody(listing));
}

QHttpServerResponse HttpApi::health() const
{
    if (!m_accepting)
        return HttpResponses::unavailable(QStringLiteral("the server is stopping"));
    return HttpResponses::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                           {QStringLiteral("version"), QStringLiteral(HEARTH_VERSION)},
                                           {QStringLiteral("epoch"), m_database->epoch()}});
}

} // namespace hearth::server
