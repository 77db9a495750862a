#pragma once

// Notices that the computer was asleep. A back-office PC that slept over night wakes up with a
// socket the server dropped hours ago; waiting two heartbeats to find out would show stale
// orders as "Live" for half a minute. A coarse timer compares how far the wall clock moved with
// how far the monotonic clock moved: on Linux (and macOS) the monotonic clock stops during
// suspend, so after a sleep the wall clock is far ahead. Where the monotonic clock keeps running
// through a sleep, the tick itself arrives far too late, which is caught the same way.
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace hearth {

class SuspendDetector final : public QObject
{
    Q_OBJECT

public:
    struct Clocks
    {
        std::function<qint64()> wallMs;      // milliseconds since the epoch
        std::function<qint64()> monotonicMs; // any origin; may stop while the machine sleeps
    };

    explicit SuspendDetector(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SuspendDetector)

    // Injected by tests; empty functions restore the system clocks.
    void setClocks(Clocks clocks);
    // How often to look (default 5 s), and how much unexplained time counts as a sleep
    // (default 10 s: short enough to matter, long enough that a busy event loop does not count).
    void setTiming(std::chrono::milliseconds tick, std::chrono::milliseconds threshold);
    std::chrono::milliseconds tick() const { return m_tick; }

    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    // One look at the clocks, as the timer does; public so tests can step it.
    void check();

signals:
    void resumed(std::chrono::milliseconds asleepFor);

private:
    qint64 wallNow() const;
    qint64 monotonicNow() const;
    void takeReadings();

    Clocks m_clocks;
    QTimer m_timer;
    std::chrono::milliseconds m_tick{5000};
    std::chrono::milliseconds m_threshold{10000};
    qint64 m_lastWall = 0;
    qint64 m_lastMonotonic = 0;
};

} // namespace hearth
