#pragma once

// How many wrong passwords a username, and a client address, may try (docs/protocol.md,
// "Limits"): a token bucket each, that only failures drain. An empty bucket answers 429
// before the password is even checked, so guessing costs the attacker time, not the server
// work. A success forgets the user's failures. Usernames are folded to lower case; unknown
// ones are throttled like real ones, so the answer says nothing about which exist.
#include "server/tokenbucket.h"

#include <QHash>
#include <QString>

#include <optional>

namespace hearth::server {

struct LoginLimits
{
    int failuresPerUser = 5;
    double userRefillPerSecond = 1.0 / 60;
    int failuresPerAddress = 20;
    double addressRefillPerSecond = 1.0 / 10;
};

class LoginThrottle final
{
public:
    static constexpr int pruneThreshold = 4096;

    void setLimits(const LoginLimits &limits);
    // How long the caller must wait before another try; nothing when it may try now.
    std::optional<qint64> wait(const QString &username, const QString &address, qint64 nowMs) const;
    void recordFailure(const QString &username, const QString &address, qint64 nowMs);
    void recordSuccess(const QString &username);

private:
    using Buckets = QHash<QString, TokenBucket>;
    static void take(Buckets &buckets, const QString &key, double rate, int burst, qint64 nowMs);

    LoginLimits m_limits;
    Buckets m_users;
    Buckets m_addresses;
};

} // namespace hearth::server
