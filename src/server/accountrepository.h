#pragma once

// SQL for restaurants and their users. No rules here: AuthService decides who may sign in.
#include "server/role.h"

#include <QList>
#include <QString>

#include <optional>

namespace hearth::server {

class Database;

struct Restaurant
{
    QString id;
    QString name;
};

struct User
{
    qint64 id = 0;
    QString restaurantId;
    QString username;
    QString displayName;
    Role role = Role::Staff;
    QString passwordHash;
    bool disabled = false; // may not sign in; has no sessions
};

class AccountRepository final
{
public:
    explicit AccountRepository(Database *database);

    bool createRestaurant(const QString &id, const QString &name);
    std::optional<Restaurant> restaurant(const QString &id) const;
    int restaurantCount() const;

    // `passwordHash` comes from PasswordHasher::hash; usernames are unique across restaurants.
    std::optional<qint64> createUser(const QString &restaurantId, const QString &username,
                                     const QString &displayName, Role role,
                                     const QString &passwordHash);
    std::optional<User> userByUsername(const QString &username) const;
    // A restaurant's users by username; every restaurant's when `restaurantId` is empty.
    QList<User> users(const QString &restaurantId = {}) const;
    QList<Restaurant> restaurants() const;
    bool setPasswordHash(qint64 userId, const QString &passwordHash);
    bool setDisabled(qint64 userId, bool disabled);

private:
    Database *m_database;
};

} // namespace hearth::server
