#pragma once

// The WebSocket channels this server serves and the least role that may read each. A new
// channel (inventory, widgets, analytics, presence) is one add() plus a service that appends
// its events to the EventLog; the hub and the sessions need no change.
#include "server/role.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <algorithm>

#include <optional>

namespace hearth::server {

class ChannelCatalog final
{
public:
    void add(const QString &channel, Role readRole) { m_readRoles.insert(channel, readRole); }
    bool contains(const QString &channel) const { return m_readRoles.contains(channel); }
    QStringList names() const
    {
        QStringList names = m_readRoles.keys();
        std::sort(names.begin(), names.end());
        return names;
    }
    // Nothing for a channel this server does not serve.
    std::optional<Role> readRole(const QString &channel) const
    {
        const auto it = m_readRoles.constFind(channel);
        if (it == m_readRoles.cend())
            return std::nullopt;
        return *it;
    }

private:
    QHash<QString, Role> m_readRoles;
};

} // namespace hearth::server
