#include "server/httpapi.h"

#include "core/jsonreader.h"
#include "core/logging.h"
#include "core/ordercodec.h"
#include "server/authservice.h"
#include "server/clientaddress.h"
#include "server/database.h"
#include "server/httpresponses.h"
#include "server/httpservercompat.h"
#include "server/orderservice.h"
#include "server/trafficcounters.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace hearth::server {

namespace {

using Method = QHttpServerRequest::Method;

#ifndef HEARTH_VERSION
#define HEARTH_VERSION "0.0.0"
#endif

// Every route of the REST API (HttpApi, OrderApi, WidgetApi, the WebSocket path) and the methods it
// takes, for the 405 answer's Allow header. A route added elsewhere belongs here too.
QByteArray allowedMethods(const QString &path)
{
    static const QList<std::pair<QRegularExpression, QByteArray>> routes = {
        {QRegularExpression(QStringLiteral("^/api/login$")), QByteArrayLiteral("POST")},
        {QRegularExpression(QStringLiteral("^/api/logout$")), QByteArrayLiteral("POST")},
        {QRegularExpression(QStringLiteral("^/api/session/refresh$")), QByteArrayLiteral("POST")},
        {QRegularExpression(QStringLiteral("^/api/sessions$")), QByteArrayLiteral("GET")},
        {QRegularExpression(QStringLiteral("^/api/sessions/[^/]+$")), QByteArrayLiteral("DELETE")},
        {QRegularExpression(QStringLiteral("^/api/orders$")), QByteArrayLiteral("GET")},
        {QRegularExpression(QStringLiteral("^/api/orders/[^/]+/(acknowledge|recall|reopen)$")), QByteArrayLiteral("POST")},
        {QRegularExpression(QStringLiteral("^/api/orders/[^/]+$")), QByteArrayLiteral("PATCH")},
        {QRegularExpression(QStringLiteral("^/api/health$")), QByteArrayLiteral("GET")},
        {QRegularExpression(QStringLiteral("^/api/stats$")), QByteArrayLiteral("GET")},
        {QRegularExpression(QStringLiteral("^/api/widgets$")), QByteArrayLiteral("GET, POST")},
        {QRegularExpression(QStringLiteral("^/api/widgets/[^/]+$")), QByteArrayLiteral("GET, PUT, DELETE")},
        {QRegularExpression(QStringLiteral("^/api/presence$")), QByteArrayLiteral("GET")},
        {QRegularExpression(QStringLiteral("^/ws$")), QByteArrayLiteral("GET")},
    };
    for (const auto &[pattern, methods] : routes) {
        if (pattern.match(path).hasMatch())
            return methods;
    }
    return {};
}

// Beyond this many sign-ins waiting for their password check, new ones are turned away (503):
// the queue is what an attacker from many addresses would otherwise grow.
constexpr int maxPendingPasswordChecks = 32;

QJsonObject loginBody(const LoginResult &result)
{
    return QJsonObject{
        {QStringLiteral("token"), result.token},
        {QStringLiteral("expires_at"), toWireTimestamp(result.expiresAt)},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("username"), result.user.username},
                     {QStringLiteral("display_name"), result.user.displayName},
                     {QStringLiteral("role"), roleToWire(result.user.role)}}},
        {QStringLiteral("restaurant"),
         QJsonObject{{QStringLiteral("id"), result.restaurant.id}, {QStringLiteral("name"), result.restaurant.name}}},
    };
}

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
    m_passwordCheckers.setMaxThreadCount(std::clamp(QThread::idealThreadCount(), 1, 4));
    compat::routeDeferred(server, QStringLiteral("/api/login"), Method::Post,
                          [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                              login(request, std::move(responder));
                          });
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
    compat::setMissingHandler(server, this, [](const QHttpServerRequest &request) {
        // A known path asked with a method it does not take is 405 with Allow, not 404.
        const QByteArray allowed = allowedMethods(request.url().path());
        if (allowed.isEmpty())
            return HttpResponses::notFound(QStringLiteral("no such route"));
        QHttpServerResponse response = HttpResponses::error(
            HttpResponses::Status::MethodNotAllowed, QLatin1StringView("method_not_allowed"),
            QStringLiteral("%1 takes %2 only").arg(request.url().path(), QString::fromLatin1(allowed)));
        compat::addResponseHeader(response, QByteArrayLiteral("Allow"), allowed);
        return response;
    });
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

QHttpServerResponse HttpApi::guardedChange(const QHttpServerRequest &request, Role required, const Handler &handler)
{
    return guarded(request, required, [this, &handler](const AuthContext &context) {
        const std::optional<qint64> waitMs = m_mutationLimiter.admit(context.sessionKey, TrafficCounters::nowMs());
        if (waitMs) {
            // Debug only: a misbehaving client would otherwise write the log full.
            qCDebug(lcServer).noquote() << "rate limited a change by" << context.username;
            return HttpResponses::rateLimited(
                QStringLiteral("too many changes in a short time; try again in %1 ms").arg(*waitMs), *waitMs);
        }
        return handler(context);
    });
}

void HttpApi::login(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const auto answer = [&responder](const QHttpServerResponse &response) {
        compat::writeResponse(std::move(responder), response);
    };
    if (!m_accepting)
        return answer(HttpResponses::unavailable(QStringLiteral("the server is stopping")));
    QString problem;
    const std::optional<QJsonObject> body = HttpResponses::parseObject(request.body(), &problem);
    if (!body)
        return answer(HttpResponses::badRequest(problem));
    FieldErrors errors;
    JsonReader reader(*body, &errors);
    const QString username = reader.requiredString(QLatin1StringView("username"));
    const QString password = reader.requiredString(QLatin1StringView("password"));
    if (!errors.isEmpty())
        return answer(HttpResponses::badRequest(describeErrors(errors)));

    const QString address = clientAddressKey(request.remoteAddress());
    if (const std::optional<qint64> waitMs = m_loginThrottle.wait(username, address, TrafficCounters::nowMs())) {
        qCInfo(lcServer).noquote() << "sign-in throttled for" << address;
        return answer(HttpResponses::rateLimited(
            QStringLiteral("too many failed sign-ins; try again in %1 s").arg((*waitMs + 999) / 1000), *waitMs));
    }
    if (m_passwordChecks >= maxPendingPasswordChecks)
        return answer(HttpResponses::busy(QStringLiteral("too many sign-ins at once; try again shortly"), 1000));

    QTcpSocket *socket = responder.socket();
    auto pending = std::make_shared<PendingLogin>(
        PendingLogin{std::move(responder), socket, m_auth->beginLogin(username), username, address});
    ++m_passwordChecks;
    m_passwordCheckers.start([this, pending, password] {
        const PasswordCheck check =
            AuthService::checkPassword(password, pending->attempt.hashToCheck, pending->attempt.wantedIterations);
        // Queued to this object's thread; dropped with the event if the API is gone by then.
        QMetaObject::invokeMethod(this, [this, pending, check] { finishLogin(*pending, check); }, Qt::QueuedConnection);
    });
}

void HttpApi::finishLogin(PendingLogin &pending, const PasswordCheck &check)
{
    --m_passwordChecks;
    if (check.matches)
        m_loginThrottle.recordSuccess(pending.username);
    else
        m_loginThrottle.recordFailure(pending.username, pending.address, TrafficCounters::nowMs());
    if (!pending.socket || pending.socket->state() != QAbstractSocket::ConnectedState)
        return; // the client left; a session nobody can use is not made
    const auto answer = [&pending](const QHttpServerResponse &response) {
        compat::writeResponse(std::move(pending.responder), response);
    };
    if (!m_accepting)
        return answer(HttpResponses::unavailable(QStringLiteral("the server is stopping")));
    const std::optional<LoginResult> result = m_auth->finishLogin(pending.attempt, check);
    if (!result) {
        return answer(HttpResponses::error(HttpResponses::Status::Unauthorized, QLatin1StringView("invalid_credentials"),
                                           QStringLiteral("unknown username or wrong password")));
    }
    answer(HttpResponses::json(loginBody(*result)));
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
