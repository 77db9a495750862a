#include "realtime/backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace hearth {

Backoff::Backoff(const ReconnectPolicy &policy, RandomSource random)
    : m_policy(policy), m_random(std::move(random))
{
}

void Backoff::setPolicy(const ReconnectPolicy &policy)
{
    m_policy = policy;
}

void Backoff::setRandomSource(RandomSource random)
{
    m_random = std::move(random);
}

double Backoff::draw() const
{
    const double value = m_random ? m_random() : QRandomGenerator::global()->generateDouble();
    // A test double (or a buggy source) must not produce negative or beyond-ceiling delays.
    return std::isfinite(value) ? std::clamp(value, 0.0, 1.0) : 0.0;
}

std::chrono::milliseconds Backoff::ceiling() const
{
    using std::chrono::milliseconds;
    const milliseconds initial = std::max(m_policy.initialDelay, milliseconds(1));
    const milliseconds cap = std::max(m_policy.maxDelay, initial);
    // Doubling step by step instead of shifting keeps attempt 70 from overflowing.
    milliseconds value = initial;
    for (int i = 0; i < m_attempt && value < cap; ++i)
        value *= 2;
    return std::min(value, cap);
}

std::chrono::milliseconds Backoff::jitter(std::chrono::milliseconds limit) const
{
    if (limit.count() <= 0)
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(std::llround(draw() * double(limit.count())));
}

std::chrono::milliseconds Backoff::nextDelay()
{
    const std::chrono::milliseconds delay = jitter(ceiling());
    ++m_attempt;
    return delay;
}

void Backoff::linkEnded(std::chrono::milliseconds liveFor)
{
    if (liveFor >= m_policy.healthyAfter)
        m_attempt = 0;
}

} // namespace hearth
