#pragma once

// SQL for sign-in sessions. Only the SHA-256 of a token is stored: a copy of the database
// does not let anyone act as a signed-in user.
#include "server/role.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace hearth::server {

class Database;

class SessionRepository final
{
public:
    explicit SessionRepository(Database *database);

    bool create(const QByteArray &tokenHash, qint64 userId, const QDateTime &createdAt,
                const QDateTime &expiresAt);
    // The user behind an unexpired session, with the session's expiry.
    std::optional<AuthContext> find(const QByteArray &tokenHash, const QDateTime &now) const;
    int deleteExpired(const QDateTime &now);

private:
    Database *m_database;
};

} // namespace hearth::server
