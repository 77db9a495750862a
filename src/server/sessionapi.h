#pragma once

// The sign-in session routes (docs/protocol.md, "Sessions"): POST /api/logout and
// POST /api/session/refresh for everyone signed in, GET /api/sessions and
// DELETE /api/sessions/{id} for the managers of a restaurant. A session that ends here closes
// its open WebSockets at once (1008); the hub's re-check catches the ones ended elsewhere.
#include <QObject>

class QHttpServer;

namespace hearth::server {

class AuthService;
class HttpApi;
class WebSocketHub;

class SessionApi final : public QObject
{
    Q_OBJECT

public:
    SessionApi(QHttpServer *server, HttpApi *guard, AuthService *auth, WebSocketHub *hub, QObject *parent = nullptr);

private:
    HttpApi *m_guard;
    AuthService *m_auth;
    WebSocketHub *m_hub;
};

} // namespace hearth::server
