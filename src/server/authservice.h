#pragma once

// Sign-in and token checks: the one place that turns a password or a bearer token into an
// AuthContext. Used by every REST route and by the WebSocket handshake.
#include "server/accountrepository.h"
#include "server/passwordhasher.h"
#include "server/role.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace hearth::server {

class SessionRepository;

struct LoginResult
{
    QString token; // shown to the client once; only its hash is stored
    QDateTime expiresAt;
    User user;
    Restaurant restaurant;
};

class AuthService final
{
public:
    static constexpr std::chrono::milliseconds defaultTokenLifetime = std::chrono::hours(12);

    AuthService(AccountRepository *accounts, SessionRepository *sessions);

    // Nothing for an unknown user or a wrong password: callers must not tell the two apart.
    std::optional<LoginResult> login(const QString &username, const QString &password);
    std::optional<AuthContext> authenticate(const QString &token) const;
    // Accepts "Bearer <token>" (scheme case-insensitive, as HTTP says).
    std::optional<AuthContext> authenticateBearer(QByteArrayView authorizationHeader) const;

    static QString bearerToken(QByteArrayView authorizationHeader);
    static bool hasRole(const AuthContext &context, Role required) { return roleAtLeast(context.role, required); }

    void setTokenLifetime(std::chrono::milliseconds lifetime) { m_tokenLifetime = lifetime; }
    // The work factor of the decoy check for unknown users; should match the stored hashes.
    void setPasswordIterations(int iterations);

private:
    static QString newToken();
    static QByteArray tokenHash(const QString &token);

    AccountRepository *m_accounts;
    SessionRepository *m_sessions;
    std::chrono::milliseconds m_tokenLifetime = defaultTokenLifetime;
    int m_passwordIterations = PasswordHasher::defaultIterations;
    QString m_decoyHash;
};

} // namespace hearth::server
