#pragma once

// When to try the link again: capped exponential backoff with full jitter. Full jitter (a uniform
// draw between zero and the ceiling) spreads a restaurant group's dashboards out after a server
// restart instead of letting them return in lock-step waves. Pure arithmetic, no timers.
#include <chrono>
#include <functional>

namespace hearth {

struct ReconnectPolicy
{
    std::chrono::milliseconds initialDelay{500};
    std::chrono::milliseconds maxDelay{30000};
    // The attempt counter starts over only once a link stayed live this long, so a server that
    // accepts and drops every connection does not get hammered at the initial delay.
    std::chrono::milliseconds healthyAfter{5000};
    int maxAttempts = 0; // 0 = forever
    // A socket that has not been welcomed within this time is given up (a black-holed address
    // would otherwise hang for the operating system's minutes-long connect timeout).
    std::chrono::milliseconds connectTimeout{15000};
};

class Backoff
{
public:
    // Returns a uniformly distributed number in [0, 1]; injected so tests are deterministic.
    using RandomSource = std::function<double()>;

    explicit Backoff(const ReconnectPolicy &policy = {}, RandomSource random = {});

    void setPolicy(const ReconnectPolicy &policy);
    const ReconnectPolicy &policy() const { return m_policy; }
    void setRandomSource(RandomSource random); // an empty function restores the default

    // min(maxDelay, initialDelay · 2^attempt) for the current attempt.
    std::chrono::milliseconds ceiling() const;
    // Draws the delay before the next attempt and counts the attempt.
    std::chrono::milliseconds nextDelay();
    // A uniform draw in [0, limit]: a server's "come back within after_ms" advice.
    std::chrono::milliseconds jitter(std::chrono::milliseconds limit) const;

    // Reports how long the link that just ended stayed live; a healthy one resets the counter.
    void linkEnded(std::chrono::milliseconds liveFor);
    int attempt() const { return m_attempt; }
    bool exhausted() const { return m_policy.maxAttempts > 0 && m_attempt >= m_policy.maxAttempts; }
    void reset() { m_attempt = 0; }

private:
    double draw() const;

    ReconnectPolicy m_policy;
    RandomSource m_random;
    int m_attempt = 0;
};

} // namespace hearth
