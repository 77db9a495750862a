#pragma once

// A SaveClock the test moves by hand: advance() fires the wake-up once its deadline is reached,
// so debounce timing is exact and needs no sleeping.
#include "sync/saveclock.h"

namespace hearth::test {

class ManualSaveClock final : public SaveClock
{
public:
    qint64 nowMs() const override { return m_now; }
    void wakeAt(qint64 atMs) override { m_wakeAt = atMs; }
    void cancel() override { m_wakeAt = -1; }

    qint64 wakeAtMs() const { return m_wakeAt; }

    // Moves time on by `ms`, firing every wake-up that falls due on the way, at its deadline.
    void advance(qint64 ms)
    {
        const qint64 target = m_now + ms;
        while (m_wakeAt >= 0 && m_wakeAt <= target) {
            m_now = std::max(m_now, m_wakeAt);
            m_wakeAt = -1;
            fire();
        }
        m_now = target;
    }

private:
    qint64 m_now = 1000;
    qint64 m_wakeAt = -1;
};

} // namespace hearth::test
