#pragma once

// Decides when to ping and when a silent link is dead. One timer ticks at half the heartbeat and
// compares against the time of the last inbound frame: restarting a timer for every frame of a
// 10 000-event burst would cost more than the frames themselves. Silence is judged only on a tick
// that came on time: after a stall of this thread, frames that arrived meanwhile still wait in
// the socket, unread, and the link gets another look once the event loop has read them.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace hearth {

class Heartbeat final : public QObject
{
    Q_OBJECT

public:
    explicit Heartbeat(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Heartbeat)

    // Pings every interval/2; nothing inbound for 2 × interval makes the link stale.
    void start(std::chrono::milliseconds interval);
    void stop();
    // Call on receipt of a frame, before it waits in any queue of ours.
    void markAlive() { m_lastInbound.restart(); }
    bool isActive() const { return m_tick.isActive(); }
    std::chrono::milliseconds interval() const { return m_interval; }

signals:
    void pingDue();
    void stale();

private:
    void onTick();

    QTimer m_tick;
    QElapsedTimer m_lastInbound;
    QElapsedTimer m_lastTick;
    std::chrono::milliseconds m_interval{0};
};

} // namespace hearth
