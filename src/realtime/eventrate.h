#pragma once

// Events per second over a sliding window of up to ten seconds, for the diagnostics panel: the
// last second shows a burst, the last ten seconds the pace of the service. A ring of 100 ms
// buckets, so counting an event costs a clock read and an addition however fast they come.
#include <QtGlobal>

#include <array>
#include <chrono>
#include <functional>

namespace hearth {

class EventRate
{
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds; injected by tests

    static constexpr qint64 bucketMs = 100;
    static constexpr int bucketCount = 100; // ten seconds
    static constexpr std::chrono::milliseconds maxWindow{bucketMs * bucketCount};

    explicit EventRate(Clock clock = {});

    void add(qint64 count = 1);
    // Events per second over the last `window` (clamped to 1 s … 10 s).
    double perSecond(std::chrono::milliseconds window) const;
    void reset();

private:
    qint64 now() const;
    // Moves the ring forward to the bucket of `nowMs`, zeroing the buckets skipped over.
    void advance(qint64 nowMs) const;

    Clock m_clock;
    mutable std::array<qint64, bucketCount> m_buckets{};
    mutable qint64 m_currentBucket = -1; // absolute bucket number of the newest bucket
};

} // namespace hearth
