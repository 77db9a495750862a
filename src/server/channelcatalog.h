#pragma once

// The WebSocket channels this server serves, the least role that may read each, and where its
// history is read from. A new channel (inventory, analytics, …) is one add() plus a service that
// appends its events to an EventSource; the hub and the sessions need no change.
#include "server/eventsource.h"
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
    void add(const QString &channel, Role readRole, const EventSource *source)
    {
        m_channels.insert(channel, Entry{readRole, source});
    }
    bool contains(const QString &channel) const { return m_channels.contains(channel); }
    QStringList names() const
    {
        QStringList names = m_channels.keys();
        std::sort(names.begin(), names.end());
        return names;
    }
    // Nothing for a channel this server does not serve.
    std::optional<Role> readRole(const QString &channel) const
    {
        const auto it = m_channels.constFind(channel);
        if (it == m_channels.cend())
            return std::nullopt;
        return it->readRole;
    }
    // Null for a channel this server does not serve.
    const EventSource *source(const QString &channel) const
    {
        const auto it = m_channels.constFind(channel);
        return it == m_channels.cend() ? nullptr : it->source;
    }

private:
    struct Entry
    {
        Role readRole = Role::Staff;
        const EventSource *source = nullptr;
    };
    QHash<QString, Entry> m_channels;
};

} // namespace hearth::server
