#pragma once

// Who may do what. Roles are ordered: a manager may do everything staff may.
#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace hearth::server {

enum class Role { Staff, Manager };

QString roleToWire(Role role);
std::optional<Role> roleFromWire(const QString &name);
// True when `actual` grants at least what `required` does.
bool roleAtLeast(Role actual, Role required);

// The caller behind a valid token; every query is scoped by its restaurant.
struct AuthContext
{
    qint64 userId = 0;
    QString username;
    QString displayName;
    Role role = Role::Staff;
    QString restaurantId;
    QDateTime expiresAt;
    QByteArray sessionKey; // the SHA-256 of the token: names the session without revealing it
};

} // namespace hearth::server
