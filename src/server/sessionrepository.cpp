#include "server/sessionrepository.h"

#include "server/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace hearth::server {

SessionRepository::SessionRepository(Database *database)
    : m_database(database)
{
}

bool SessionRepository::create(const QByteArray &tokenHash, qint64 userId, const QDateTime &createdAt,
                               const QDateTime &expiresAt)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query,
                        QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                                       "VALUES (?, ?, ?, ?)"),
                        {QString::fromLatin1(tokenHash.toHex()), userId, createdAt.toMSecsSinceEpoch(),
                         expiresAt.toMSecsSinceEpoch()});
}

std::optional<AuthContext> SessionRepository::find(const QByteArray &tokenHash, const QDateTime &now) const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("SELECT u.id, u.username, u.display_name, u.role, u.restaurant_id, "
                                     "s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                                     "WHERE s.token_hash = ? AND s.expires_at > ?"),
                      {QString::fromLatin1(tokenHash.toHex()), now.toMSecsSinceEpoch()})
        || !query.next())
        return std::nullopt;
    AuthContext context;
    context.userId = query.value(0).toLongLong();
    context.username = query.value(1).toString();
    context.displayName = query.value(2).toString();
    context.role = roleFromWire(query.value(3).toString()).value_or(Role::Staff);
    context.restaurantId = query.value(4).toString();
    context.expiresAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
    return context;
}

int SessionRepository::deleteExpired(const QDateTime &now)
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("DELETE FROM sessions WHERE expires_at <= ?"),
                      {now.toMSecsSinceEpoch()}))
        return -1;
    return query.numRowsAffected();
}

} // namespace hearth::server
