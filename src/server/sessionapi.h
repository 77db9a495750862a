#pragma once

// The sign-in session routes (docs/protocol.md, "Sessions"): POST /api/logout and
// POST /api/session/refresh for everyone signed in, GET /api/sessions and
// DELETE /api/sessions/{id} for the managers of a restaurant. A session that ends here closes
// its open WebSockets at once (1008); the hub's re-check catches the ones ended elsewhere.
// DELETE takes an Idempotency-Key: a retry whose first answer was lost gets that answer again.
#include "server/idempotentwrites.h"

#include <QObject>

class QHttpServer;

namespace hearth::server {

class AuthService;
class HttpApi;
class IdempotencyStore;
class WebSocketHub;

class SessionApi final : public QObject
{
    Q_OBJECT

public:
    SessionApi(QHttpServer *server, HttpApi *guard, AuthService *auth, WebSocketHub *hub, IdempotencyStore *idempotency,
               QObject *parent = nullptr);

private:
    HttpApi *m_guard;
    AuthService *m_auth;
    WebSocketHub *m_hub;
    IdempotentWrites m_writes;
};

} // namespace hearth::server
