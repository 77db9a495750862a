#pragma once

// The REST routes of docs/protocol.md on a QHttpServer: sign-in, order lists, health, stats. Each route
// authenticates the bearer token, scopes everything by the token's restaurant, and answers
// errors in the protocol's shape.
#include "server/authservice.h"
#include "server/loginthrottle.h"
#include "server/restratelimiter.h"
#include "server/role.h"

#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QTcpSocket;

namespace hearth::server {

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
    // Per token: POST and PATCH beyond this answer 429 with Retry-After. 0: no limit.
    void setMutationLimits(double perSecond, int burst) { m_mutationLimiter.setLimits(perSecond, burst); }
    void setLoginLimits(const LoginLimits &limits) { m_loginThrottle.setLimits(limits); }
    // Sign-ins whose password check is queued or running on the worker threads.
    int passwordChecksRunning() const { return m_passwordChecks; }
    // What GET /api/stats reports for a restaurant; supplied by HearthServer, which sees the hub.
    using StatsSource = std::function<QJsonObject(const QString &restaurantId)>;
    void setStatsSource(StatsSource source) { m_statsSource = std::move(source); }

    using Handler = std::function<QHttpServerResponse(const AuthContext &context)>;
    // Runs `handler` for a caller whose token is valid and whose role is at least `required`
    // (other route sets, such as WidgetApi, guard their routes with it too).
    QHttpServerResponse guarded(const QHttpServerRequest &request, Role required, const Handler &handler) const;
    // As guarded(), and within the caller's share of changes.
    QHttpServerResponse guardedChange(const QHttpServerRequest &request, Role required, const Handler &handler);

private:
    // A sign-in whose password is being checked; the answer goes out when the check is done.
    struct PendingLogin
    {
        QHttpServerResponder responder;
        QPointer<QTcpSocket> socket; // the client may leave meanwhile
        LoginAttempt attempt;
        QString username;
        QString address;
    };

    void login(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void finishLogin(PendingLogin &pending, const PasswordCheck &check);
    QHttpServerResponse listOrders(const AuthContext &context, const QHttpServerRequest &request) const;
    QHttpServerResponse health() const;
    StatsSource m_statsSource;
    RestRateLimiter m_mutationLimiter;

    AuthService *m_auth;
    OrderService *m_orders;
    Database *m_database;
    bool m_accepting = false;
    LoginThrottle m_loginThrottle;
    int m_passwordChecks = 0;
    // PBKDF2 runs here, never on the thread that answers everyone. Last member: destroyed
    // first, it waits for running checks, whose answers then find nobody to deliver to.
    QThreadPool m_passwordCheckers;
};

} // namespace hearth::server
