#include "server/restratelimiter.h"

namespace hearth::server {

void RestRateLimiter::setLimits(double perSecond, int burst)
{
    m_perSecond = perSecond;
    m_burst = burst;
    m_buckets.clear();
}

std::optional<qint64> RestRateLimiter::admit(const QByteArray &sessionKey, qint64 nowMs)
{
    if (m_perSecond <= 0)
        return std::nullopt;
    auto it = m_buckets.find(sessionKey);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= pruneThreshold)
            pruneIdle(nowMs);
        it = m_buckets.insert(sessionKey, TokenBucket(m_perSecond, m_burst, nowMs));
    }
    if (it->take(nowMs))
        return std::nullopt;
    return it->msUntilAvailable(nowMs);
}

void RestRateLimiter::pruneIdle(qint64 nowMs)
{
    // A full bucket holds nothing a fresh one would not: dropping it forgets no debt.
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it->isFull(nowMs))
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace hearth::server
