#pragma once

// The wait before the n-th retry of something the network or the server failed: doubling from
// `first`, capped at `max`. Shared by the senders of durable queues (AutoSaver, OrderActions).
#include <algorithm>
#include <chrono>
#include <cmath>

namespace hearth {

inline std::chrono::milliseconds retryDelay(std::chrono::milliseconds first, std::chrono::milliseconds max,
                                            int failures)
{
    const double delay = double(first.count()) * std::pow(2.0, std::min(std::max(failures - 1, 0), 16));
    return std::chrono::milliseconds(std::chrono::milliseconds::rep(std::min(delay, double(max.count()))));
}

} // namespace hearth
