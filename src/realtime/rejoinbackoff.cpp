#include "realtime/rejoinbackoff.h"

namespace hearth {

using namespace std::chrono_literals;

RejoinBackoff::RejoinBackoff() : m_steps{1000ms, 2000ms, 5000ms, 10000ms}
{
    m_elapsed.start();
    m_clock = [this] { return m_elapsed.elapsed(); };
}

void RejoinBackoff::joined(const QString &channel)
{
    m_state[channel].joinedAt = m_clock();
}

std::chrono::milliseconds RejoinBackoff::lost(const QString &channel)
{
    State &state = m_state[channel];
    // Joined and healthy for a while: this loss is news, not the same trouble again.
    if (state.joinedAt >= 0 && m_clock() - state.joinedAt >= m_healthyAfter.count())
        state.losses = 0;
    state.joinedAt = -1;
    const int step = qMin(state.losses, int(m_steps.size()) - 1);
    ++state.losses;
    return step < 0 ? std::chrono::milliseconds(0) : m_steps.at(step);
}

} // namespace hearth
