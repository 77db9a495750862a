#pragma once

// Where the AutoSaver's time comes from: a monotonic clock and one wake-up at a deadline. The
// product uses SystemSaveClock (a precise QTimer); tests drive a hand-set clock, so debounce
// timing is checked exactly without sleeping.
#include <QElapsedTimer>
#include <QTimer>

#include <functional>

namespace hearth {

class SaveClock
{
public:
    virtual ~SaveClock() = default;

    // Milliseconds on a monotonic clock of any origin.
    virtual qint64 nowMs() const = 0;
    // Calls the handler once, at or after `atMs`; replaces an earlier wake-up. A deadline in
    // the past fires on the next event-loop turn (or the next step of a test's clock).
    virtual void wakeAt(qint64 atMs) = 0;
    virtual void cancel() = 0;

    void setHandler(std::function<void()> handler) { m_handler = std::move(handler); }

protected:
    void fire()
    {
        if (m_handler)
            m_handler();
    }

private:
    std::function<void()> m_handler;
};

class SystemSaveClock final : public SaveClock
{
public:
    SystemSaveClock();

    qint64 nowMs() const override { return m_clock.elapsed(); }
    void wakeAt(qint64 atMs) override;
    void cancel() override { m_timer.stop(); }

private:
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace hearth
