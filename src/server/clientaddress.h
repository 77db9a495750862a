#pragma once

// One client, one key: IPv4 peers of a dual-stack socket appear as ::ffff:a.b.c.d, and the
// connection caps and the sign-in throttle must count them as a.b.c.d all the same.
#include <QHostAddress>
#include <QString>

namespace hearth::server {

inline QString clientAddressKey(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return isIpv4 ? QHostAddress(ipv4).toString() : address.toString();
}

} // namespace hearth::server
