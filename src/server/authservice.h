#pragma once

// Sign-in and token checks: the one place that turns a password or a bearer token into an
// AuthContext. Used by every REST route and by the WebSocket handshake.
#include "server/accountrepository.h"
#include "server/passwordhasher.h"
#include "server/role.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace hearth::server {

class SessionRepository;
struct SessionRecord;

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

    // The session's current expiry; nothing once it has ended (any reason). For open WebSockets.
    std::optional<QDateTime> sessionExpiry(const QByteArray &sessionKey) const;
    // POST /api/logout: the caller's session ends. False when it was already gone.
    bool logout(const AuthContext &context);
    // Sliding expiry: the session lives another token lifetime from now, but never past the
    // maximum age counted from its sign-in. The new expiry, or nothing when it has ended.
    std::optional<QDateTime> refresh(const AuthContext &context);
    // A restaurant's live sessions, and the public id that names one of them (never the token
    // or its hash; the same for the session's whole life).
    QList<SessionRecord> sessions(const QString &restaurantId) const;
    static QString sessionId(const QByteArray &sessionKey);
    // Ends the restaurant's session with `sessionId`; its record (for closing its sockets), or
    // nothing when the restaurant has no such session.
    std::optional<SessionRecord> revoke(const QString &restaurantId, const QString &sessionId);

    static QString bearerToken(QByteArrayView authorizationHeader);
    static bool hasRole(const AuthContext &context, Role required) { return roleAtLeast(context.role, required); }

    void setTokenLifetime(std::chrono::milliseconds lifetime) { m_tokenLifetime = lifetime; }
    void setMaxSessionAge(std::chrono::milliseconds age) { m_maxSessionAge = age; }
    // The work factor of new hashes and of the decoy check for unknown users.
    void setPasswordIterations(int iterations) { m_passwordIterations = iterations; }

private:
    static QString newToken();
    static QByteArray tokenHash(const QString &token);

    AccountRepository *m_accounts;
    SessionRepository *m_sessions;
    std::chrono::milliseconds m_tokenLifetime = defaultTokenLifetime;
    std::chrono::milliseconds m_maxSessionAge = std::chrono::hours(24 * 30);
    int m_passwordIterations = PasswordHasher::defaultIterations;
};

} // namespace hearth::server
