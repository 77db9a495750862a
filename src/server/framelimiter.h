#pragma once

// The per-connection limit on client frames (docs/protocol.md, "Limits"). Frames within the
// token bucket are accepted; the rest are dropped. A flood — drops without the client ever
// pausing long enough for its bucket to refill completely — is answered with one rate_limited
// notice at its start and at most one a second after that, and once it has cost more than
// `floodLimit` frames the connection is closed: a client that keeps going is not going to stop.
#include "server/tokenbucket.h"

namespace hearth::server {

struct FrameLimits
{
    double framesPerSecond = 20; // 0: no limit
    int burst = 50;
    int floodLimit = 200;        // dropped frames in one flood before the connection is closed
};

class FrameLimiter final
{
public:
    enum class Verdict {
        Accept,
        Drop,              // silently: the client has been told recently
        DropAndNotify,     // answer with an error rate_limited
        DropAndClose,      // the flood went on too long
    };

    FrameLimiter(const FrameLimits &limits, qint64 nowMs);

    Verdict admit(qint64 nowMs);
    qint64 droppedInFlood() const { return m_droppedInFlood; }

private:
    static constexpr qint64 noticeIntervalMs = 1000;

    FrameLimits m_limits;
    TokenBucket m_bucket;
    qint64 m_droppedInFlood = 0;
    qint64 m_lastNoticeMs = 0;
};

} // namespace hearth::server
