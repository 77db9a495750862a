#pragma once

// The classic token bucket: `burst` tokens at most, refilled at `ratePerSecond`; each admitted
// action takes one. Time is passed in (monotonic milliseconds), so the arithmetic is tested
// without waiting. A rate of 0 or less means no limit.
#include <QtGlobal>

namespace hearth::server {

class TokenBucket final
{
public:
    TokenBucket() = default;
    TokenBucket(double ratePerSecond, double burst, qint64 nowMs);

    bool isUnlimited() const { return m_rate <= 0; }
    // Takes one token if there is one.
    bool take(qint64 nowMs);
    // True when the bucket has refilled completely: the caller has paused long enough.
    bool isFull(qint64 nowMs) const;
    // How long until the next take() can succeed; 0 when it can now.
    qint64 msUntilAvailable(qint64 nowMs) const;

private:
    double level(qint64 nowMs) const;

    double m_rate = 0;
    double m_burst = 0;
    double m_tokens = 0;
    qint64 m_updatedMs = 0;
};

} // namespace hearth::server
