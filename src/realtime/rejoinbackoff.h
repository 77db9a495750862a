#pragma once

// How long to wait before joining a channel again after the server lost it (a Phoenix
// `phx_error`: the channel process crashed), per channel: a channel that crashes again right
// after each join is joined at growing intervals instead of in a loop, while the other channels
// of the socket carry on. A channel that stayed joined for `healthyAfter` starts again from the
// first step. No I/O and no timers; the clock is injectable for tests.
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>

namespace hearth {

class RejoinBackoff final
{
public:
    using Clock = std::function<qint64()>; // a steady clock in ms

    RejoinBackoff();

    // By default phoenix.js's rejoin steps: 1 s, 2 s, 5 s, then every 10 s.
    void setSteps(QList<std::chrono::milliseconds> steps) { m_steps = std::move(steps); }
    void setHealthyAfter(std::chrono::milliseconds healthy) { m_healthyAfter = healthy; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // The channel's join was accepted.
    void joined(const QString &channel);
    // The channel was lost: how long to wait before joining it again (counts the loss).
    std::chrono::milliseconds lost(const QString &channel);
    int losses(const QString &channel) const { return m_state.value(channel).losses; }

private:
    struct State
    {
        int losses = 0;   // in a row, without a healthy stretch between
        qint64 joinedAt = -1;
    };

    QList<std::chrono::milliseconds> m_steps;
    std::chrono::milliseconds m_healthyAfter{5000};
    Clock m_clock;
    QElapsedTimer m_elapsed;
    QHash<QString, State> m_state;
};

} // namespace hearth
