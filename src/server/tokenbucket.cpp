#include "server/tokenbucket.h"

#include <algorithm>
#include <cmath>

namespace hearth::server {

TokenBucket::TokenBucket(double ratePerSecond, double burst, qint64 nowMs)
    : m_rate(std::isfinite(ratePerSecond) ? ratePerSecond : 0),
      m_burst(std::max(1.0, burst)),
      m_tokens(m_burst),
      m_updatedMs(nowMs)
{
}

double TokenBucket::level(qint64 nowMs) const
{
    const qint64 elapsedMs = std::max<qint64>(0, nowMs - m_updatedMs);
    return std::min(m_burst, m_tokens + double(elapsedMs) * m_rate / 1000.0);
}

bool TokenBucket::take(qint64 nowMs)
{
    if (isUnlimited())
        return true;
    m_tokens = level(nowMs);
    m_updatedMs = std::max(m_updatedMs, nowMs);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

bool TokenBucket::isFull(qint64 nowMs) const
{
    return isUnlimited() || level(nowMs) >= m_burst;
}

qint64 TokenBucket::msUntilAvailable(qint64 nowMs) const
{
    const double missing = 1.0 - level(nowMs);
    if (isUnlimited() || missing <= 0)
        return 0;
    return qint64(std::ceil(missing * 1000.0 / m_rate));
}

} // namespace hearth::server
