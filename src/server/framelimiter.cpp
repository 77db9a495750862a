#include "server/framelimiter.h"

namespace hearth::server {

FrameLimiter::FrameLimiter(const FrameLimits &limits, qint64 nowMs)
    : m_limits(limits), m_bucket(limits.framesPerSecond, limits.burst, nowMs)
{
}

FrameLimiter::Verdict FrameLimiter::admit(qint64 nowMs)
{
    if (m_bucket.isUnlimited())
        return Verdict::Accept;
    // A full bucket means the client paused for burst/rate seconds: whatever flood there was
    // is over, and the next one starts from nothing.
    if (m_bucket.isFull(nowMs))
        m_droppedInFlood = 0;
    if (m_bucket.take(nowMs))
        return Verdict::Accept;
    ++m_droppedInFlood;
    if (m_droppedInFlood > m_limits.floodLimit)
        return Verdict::DropAndClose;
    if (m_droppedInFlood == 1 || nowMs - m_lastNoticeMs >= noticeIntervalMs) {
        m_lastNoticeMs = nowMs;
        return Verdict::DropAndNotify;
    }
    return Verdict::Drop;
}

} // namespace hearth::server
