#pragma once

// The REST routes of docs/protocol.md on a QHttpServer: sign-in, order lists, health, stats. Each route
// authenticates the bearer token, scopes everything by the token's restaurant, and answers
// errors in the protocol's shape.
#include "server/role.h"

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

class QHttpServer;
class QHttpServerRequest;

namespace hearth::server {

class AuthService;
class Database;
class OrderService;

class HttpApi final : public QObject
{
    Q_OBJECT

public:
    HttpApi(QHttpServer *server, AuthService *auth, OrderService *orders, Database *database,
            QObject *parent = nullptr);

    // While false (the server is stopping or stopped) every route answers 503.
    void setAccepting(bool accepting) { m_accepting = accepting; }
    // What GET /api/stats reports for a restaurant; supplied by HearthServer, which sees the hub.
    using StatsSource = std::function<QJsonObject(const QString &restaurantId)>;
    void setStatsSource(StatsSource source) { m_statsSource = std::move(source); }

    using Handler = std::function<QHttpServerResponse(const AuthContext &context)>;
    // Runs `handler` for a caller whose token is valid and whose role is at least `required`
    // (other route sets, such as WidgetApi, guard their routes with it too).
    QHttpServerResponse guarded(const QHttpServerRequest &request, Role required, const Handler &handler) const;

private:
    QHttpServerResponse login(const QHttpServerRequest &request);
    QHttpServerResponse listOrders(const AuthContext &context, const QHttpServerRequest &request) const;
    QHttpServerResponse health() const;
    StatsSource m_statsSource;

    AuthService *m_auth;
    OrderService *m_orders;
    Database *m_database;
    bool m_accepting = false;
};

} // namespace hearth::server
