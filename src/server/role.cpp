#include "server/role.h"

namespace hearth::server {

QString roleToWire(Role role)
{
    return role == Role::Manager ? QStringLiteral("manager") : QStringLiteral("staff");
}

std::optional<Role> roleFromWire(const QString &name)
{
    if (name == u"manager")
        return Role::Manager;
    if (name == u"staff")
        return Role::Staff;
    return std::nullopt;
}

bool roleAtLeast(Role actual, Role required)
{
    return actual == Role::Manager || required == Role::Staff;
}

} // namespace hearth::server
