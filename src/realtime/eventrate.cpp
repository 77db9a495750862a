#include "realtime/eventrate.h"

#include <QElapsedTimer>

#include <algorithm>

namespace hearth {

namespace {

qint64 systemMonotonicMs()
{
    static const QElapsedTimer origin = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return origin.elapsed();
}

} // namespace

EventRate::EventRate(Clock clock) : m_clock(std::move(clock)) {}

qint64 EventRate::now() const
{
    return m_clock ? m_clock() : systemMonotonicMs();
}

void EventRate::advance(qint64 nowMs) const
{
    const qint64 bucket = nowMs / bucketMs;
    if (m_currentBucket < 0 || bucket - m_currentBucket >= bucketCount) {
        m_buckets.fill(0);
    } else {
        for (qint64 b = m_currentBucket + 1; b <= bucket; ++b)
            m_buckets[std::size_t(b % bucketCount)] = 0;
    }
    m_currentBucket = std::max(m_currentBucket, bucket);
}

void EventRate::add(qint64 count)
{
    advance(now());
    m_buckets[std::size_t(m_currentBucket % bucketCount)] += count;
}

double EventRate::perSecond(std::chrono::milliseconds window) const
{
    const qint64 nowMs = now();
    advance(nowMs);
    const qint64 span = std::clamp<qint64>(window.count(), 1000, maxWindow.count());
    const qint64 buckets = span / bucketMs;
    qint64 total = 0;
    for (qint64 i = 0; i < buckets; ++i)
        total += m_buckets[std::size_t((m_currentBucket - i + bucketCount) % bucketCount)];
    // The newest bucket is only partly over: divide by the time the buckets really cover.
    const qint64 covered = (buckets - 1) * bucketMs + std::max<qint64>(nowMs % bucketMs, 1);
    return double(total) * 1000.0 / double(covered);
}

void EventRate::reset()
{
    m_buckets.fill(0);
    m_currentBucket = -1;
}

} // namespace hearth
