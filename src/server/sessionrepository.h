#pragma once

// SQL for sign-in sessions. Only the SHA-256 of a token is stored: a copy of the database
// does not let anyone act as a signed-in user.
#include "server/role.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hearth::server {

class Database;

// One signed-in session as a manager sees it (GET /api/sessions).
struct SessionRecord
{
    QByteArray tokenHash; // raw SHA-256, as AuthContext::sessionKey
    qint64 userId = 0;
    QString username;
    QString displayName;
    Role role = Role::Staff;
    QDateTime createdAt;
    QDateTime expiresAt;
};

class SessionRepository final
{
public:
    explicit SessionRepository(Database *database);

    bool create(const QByteArray &tokenHash, qint64 userId, const QDateTime &createdAt,
                const QDateTime &expiresAt);
    // The (enabled) user behind an unexpired session, with the session's expiry.
    std::optional<AuthContext> find(const QByteArray &tokenHash, const QDateTime &now) const;
    // The unexpired sessions of a restaurant's enabled users, oldest first.
    QList<SessionRecord> list(const QString &restaurantId, const QDateTime &now) const;
    std::optional<QDateTime> createdAt(const QByteArray &tokenHash) const;
    bool setExpiry(const QByteArray &tokenHash, const QDateTime &expiresAt);
    // False when there was no such session.
    bool remove(const QByteArray &tokenHash);
    int removeAllOf(qint64 userId);
    int deleteExpired(const QDateTime &now);

private:
    Database *m_database;
};

} // namespace hearth::server
