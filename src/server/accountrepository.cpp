#include "server/accountrepository.h"

#include "server/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace hearth::server {

AccountRepository::AccountRepository(Database *database)
    : m_database(database)
{
}

bool AccountRepository::createRestaurant(const QString &id, const QString &name)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query, QStringLiteral("INSERT INTO restaurants (id, name) VALUES (?, ?)"),
                        {id, name});
}

std::optional<Restaurant> AccountRepository::restaurant(const QString &id) const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("SELECT id, name FROM restaurants WHERE id = ?"), {id})
        || !query.next())
        return std::nullopt;
    return Restaurant{query.value(0).toString(), query.value(1).toString()};
}

int AccountRepository::restaurantCount() const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("SELECT COUNT(*) FROM restaurants")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

std::optional<qint64> AccountRepository::createUser(const QString &restaurantId, const QString &username,
                                                    const QString &displayName, Role role,
                                                    const QString &passwordHash)
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("INSERT INTO users (restaurant_id, username, display_name, role, "
                                     "password_hash) VALUES (?, ?, ?, ?, ?)"),
                      {restaurantId, username, displayName, roleToWire(role), passwordHash}))
        return std::nullopt;
    return query.lastInsertId().toLongLong();
}

bool AccountRepository::setPasswordHash(qint64 userId, const QString &passwordHash)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {passwordHash, userId})
        && query.numRowsAffected() == 1;
}

namespace {

const QString userColumns =
    QStringLiteral("SELECT id, restaurant_id, username, display_name, role, password_hash, disabled FROM users ");

User userFrom(const QSqlQuery &query)
{
    User user;
    user.id = query.value(0).toLongLong();
    user.restaurantId = query.value(1).toString();
    user.username = query.value(2).toString();
    user.displayName = query.value(3).toString();
    user.role = roleFromWire(query.value(4).toString()).value_or(Role::Staff);
    user.passwordHash = query.value(5).toString();
    user.disabled = query.value(6).toInt() != 0;
    return user;
}

} // namespace

std::optional<User> AccountRepository::userByUsername(const QString &username) const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, userColumns + QStringLiteral("WHERE username = ?"), {username}) || !query.next())
        return std::nullopt;
    return userFrom(query);
}

QList<User> AccountRepository::users(const QString &restaurantId) const
{
    QSqlQuery query(m_database->connection());
    const bool ok = restaurantId.isEmpty()
        ? execPrepared(query, userColumns + QStringLiteral("ORDER BY restaurant_id, username"))
        : execPrepared(query, userColumns + QStringLiteral("WHERE restaurant_id = ? ORDER BY username"), {restaurantId});
    QList<User> result;
    while (ok && query.next())
        result.append(userFrom(query));
    return result;
}

QList<Restaurant> AccountRepository::restaurants() const
{
    QSqlQuery query(m_database->connection());
    QList<Restaurant> result;
    if (!execPrepared(query, QStringLiteral("SELECT id, name FROM restaurants ORDER BY id")))
        return result;
    while (query.next())
        result.append(Restaurant{query.value(0).toString(), query.value(1).toString()});
    return result;
}

bool AccountRepository::setDisabled(qint64 userId, bool disabled)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query, QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"), {disabled ? 1 : 0, userId})
        && query.numRowsAffected() == 1;
}

} // namespace hearth::server
