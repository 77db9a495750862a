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

// A sign-in in three steps, so that the expensive middle one can run on a worker thread:
// begin (database, this thread) → check (PBKDF2, any thread) → finish (database, this thread).
struct LoginAttempt
{
    std::optional<User> user;
    QString hashToCheck;   // the user's, or a decoy of the same cost for an unknown user
    int wantedIterations = PasswordHasher::defaultIterations;
};

struct PasswordCheck
{
    bool matches = false;
    QString newHash; // set when the stored hash was made with fewer iterations than wanted
};

class AuthService final
{
public:
    static constexpr std::chrono::milliseconds defaultTokenLifetime = std::chrono::hours(12);

    AuthService(AccountRepository *accounts, SessionRepository *sessions);

    // Nothing for an unknown user or a wrong password: callers must not tell the two apart.
    // All three steps at once, in this thread.
    std::optional<LoginResult> login(const QString &username, const QString &password);
    LoginAttempt beginLogin(const QString &username) const;
    // Thread-safe: touches nothing but its arguments.
    static PasswordCheck checkPassword(const QString &password, const QString &hashToCheck, int wantedIterations);
    std::optional<LoginResult> finishLogin(const LoginAttempt &attempt, const PasswordCheck &check);
    std::optional<AuthContext> authenticate(const QString &token) const;
    // Accepts "Bearer <token>" (scheme case-insensitive, as HTTP says).
    std::optional<AuthContext> authenticateBearer(QByteArrayView authorizationHeader) const;

    static QString bearerToken(QByteArrayView authorizationHeader);
    static bool hasRole(const AuthContext &context, Role required) { return roleAtLeast(context.role, required); }

    void setTokenLifetime(std::chrono::milliseconds lifetime) { m_tokenLifetime = lifetime; }
    // The work factor of new hashes and of the decoy check for unknown users.
    void setPasswordIterations(int iterations) { m_passwordIterations = iterations; }

private:
    static QString newToken();
    static QByteArray tokenHash(const QString &token);

    AccountRepository *m_accounts;
    SessionRepository *m_sessions;
    std::chrono::milliseconds m_tokenLifetime = defaultTokenLifetime;
    int m_passwordIterations = PasswordHasher::defaultIterations;
};

} // namespace hearth::server
