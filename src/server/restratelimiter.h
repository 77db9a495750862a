#pragma once

// The per-token limit on REST mutations (docs/protocol.md, "Limits"): one token bucket per
// session, keyed by the token's hash (never the token). Idle buckets are forgotten once many
// have piled up, so memory follows the number of active sessions, not of all sessions ever.
#include "server/tokenbucket.h"

#include <QByteArray>
#include <QHash>

#include <optional>

namespace hearth::server {

class RestRateLimiter final
{
public:
    static constexpr int pruneThreshold = 1024;

    void setLimits(double perSecond, int burst);
    // Nothing when the request may go ahead; otherwise how long the caller should wait.
    std::optional<qint64> admit(const QByteArray &sessionKey, qint64 nowMs);
    int trackedSessions() const { return int(m_buckets.size()); }

private:
    void pruneIdle(qint64 nowMs);

    double m_perSecond = 0;
    int m_burst = 1;
    QHash<QByteArray, TokenBucket> m_buckets;
};

} // namespace hearth::server
