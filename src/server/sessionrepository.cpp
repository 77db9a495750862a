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
                                     "WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0"),
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

QList<SessionRecord> SessionRepository::list(const QString &restaurantId, const QDateTime &now) const
{
    QSqlQuery query(m_database->connection());
    QList<SessionRecord> result;
    if (!execPrepared(query,
                      QStringLiteral("SELECT s.token_hash, u.id, u.username, u.display_name, u.role, s.created_at, "
                                     "s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                                     "WHERE u.restaurant_id = ? AND s.expires_at > ? AND u.disabled = 0 "
                                     "ORDER BY s.created_at, s.token_hash"),
                      {restaurantId, now.toMSecsSinceEpoch()}))
        return result;
    while (query.next()) {
        SessionRecord record;
        record.tokenHash = QByteArray::fromHex(query.value(0).toString().toLatin1());
        record.userId = query.value(1).toLongLong();
        record.username = query.value(2).toString();
        record.displayName = query.value(3).toString();
        record.role = roleFromWire(query.value(4).toString()).value_or(Role::Staff);
        record.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
        record.expiresAt = QDateTime::fromMSecsSinceEpoch(query.value(6).toLongLong(), Qt::UTC);
        result.append(record);
    }
    return result;
}

std::optional<QDateTime> SessionRepository::createdAt(const QByteArray &tokenHash) const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("SELECT created_at FROM sessions WHERE token_hash = ?"),
                      {QString::fromLatin1(tokenHash.toHex())})
        || !query.next())
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
}

bool SessionRepository::setExpiry(const QByteArray &tokenHash, const QDateTime &expiresAt)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query, QStringLiteral("UPDATE sessions SET expires_at = ? WHERE token_hash = ?"),
                        {expiresAt.toMSecsSinceEpoch(), QString::fromLatin1(tokenHash.toHex())})
        && query.numRowsAffected() == 1;
}

bool SessionRepository::remove(const QByteArray &tokenHash)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"),
                        {QString::fromLatin1(tokenHash.toHex())})
        && query.numRowsAffected() > 0;
}

int SessionRepository::removeAllOf(qint64 userId)
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {userId}))
        return -1;
    return query.numRowsAffected();
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
