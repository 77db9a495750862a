#include "server/loginthrottle.h"

#include <algorithm>

namespace hearth::server {

namespace {

// The key of a username: folded, and cut, since a guesser may send megabytes as a "name".
QString userKey(const QString &username)
{
    return username.left(128).toLower();
}

} // namespace

void LoginThrottle::setLimits(const LoginLimits &limits)
{
    m_limits = limits;
    m_users.clear();
    m_addresses.clear();
}

std::optional<qint64> LoginThrottle::wait(const QString &username, const QString &address, qint64 nowMs) const
{
    qint64 waitMs = 0;
    const auto user = m_users.constFind(userKey(username));
    if (user != m_users.cend())
        waitMs = user->msUntilAvailable(nowMs);
    const auto client = m_addresses.constFind(address);
    if (client != m_addresses.cend())
        waitMs = std::max(waitMs, client->msUntilAvailable(nowMs));
    if (waitMs > 0)
        return waitMs;
    return std::nullopt;
}

void LoginThrottle::recordFailure(const QString &username, const QString &address, qint64 nowMs)
{
    take(m_users, userKey(username), m_limits.userRefillPerSecond, m_limits.failuresPerUser, nowMs);
    take(m_addresses, address, m_limits.addressRefillPerSecond, m_limits.failuresPerAddress, nowMs);
}

void LoginThrottle::recordSuccess(const QString &username)
{
    m_users.remove(userKey(username));
}

void LoginThrottle::take(Buckets &buckets, const QString &key, double rate, int burst, qint64 nowMs)
{
    if (rate <= 0 || burst <= 0)
        return; // this limit is off
    auto it = buckets.find(key);
    if (it == buckets.end()) {
        // A guesser with endless usernames must not grow the table without end: full buckets
        // hold no debt and go first.
        if (buckets.size() >= pruneThreshold)
            buckets.removeIf([nowMs](const Buckets::iterator &entry) { return entry.value().isFull(nowMs); });
        it = buckets.insert(key, TokenBucket(rate, burst, nowMs));
    }
    it->take(nowMs);
}

} // namespace hearth::server
