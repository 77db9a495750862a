#pragma once

// Keeps a burst of frames from freezing the GUI thread. QWebSocket delivers every frame of a read
// in one go; the queue only takes them in, and hands them to the service in slices of a few
// milliseconds per event-loop turn, so painting and input get their turn between slices. A slice
// ends with its finisher (the service applies what the slice decoded to the models), and the
// budget covers both: the next slice takes frames for the share of the budget the last one's
// frames took, so a costly update of the models shortens the slices instead of the frame rate.
// Bounded: a server that sends faster than we apply, for long enough, fills it. The frame that
// does not fit is refused, and so is every later frame of the same socket (its stream has a hole
// now); overflowed() tells the owner, which must drop that link and resume from what it applied.
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>

namespace hearth {

struct InboundLimits
{
    qsizetype frames = 200'000;
    qint64 bytes = 128 * 1024 * 1024; // as held: UTF-16, two bytes a character
};

class InboundQueue final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(quint64 generation, const QString &frame)>;
    using Finisher = std::function<void()>;
    using Clock = std::function<qint64()>; // monotonic nanoseconds; injected by tests

    InboundQueue(Handler handler, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(InboundQueue)

    void setSliceBudget(std::chrono::milliseconds budget);
    void setSliceFinisher(Finisher finisher) { m_finisher = std::move(finisher); }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setLimits(const InboundLimits &limits) { m_limits = limits; }
    const InboundLimits &limits() const { return m_limits; }
    void push(quint64 generation, const QString &frame);
    // Hands over everything queued now (before a disconnect is handled, so that frames that
    // arrived first are also applied first).
    void drain();
    void clear(); // the socket is gone: its frames would be dropped anyway
    qsizetype size() const { return qsizetype(m_frames.size()); }
    qint64 bytesQueued() const { return m_bytes; }
    qint64 slicesRun() const { return m_slices; }
    qint64 refusedFrames() const { return m_refused; }

signals:
    // The queue was full and refused a frame of `generation`; emitted once per generation.
    void overflowed(quint64 generation);
    // A slice handed over the last queued frame (not emitted by drain() or clear()).
    void drained();

private:
    void runSlice();
    std::pair<quint64, QString> takeFront();

    Handler m_handler;
    Finisher m_finisher;
    Clock m_clock;
    std::deque<std::pair<quint64, QString>> m_frames;
    QTimer m_timer;
    // A slice with its finisher. Repainting a full-screen table takes about 6 ms more (measured
    // in hearth-bench's burst): together they stay well inside a 16 ms frame.
    std::chrono::nanoseconds m_budget = std::chrono::milliseconds(6);
    std::chrono::nanoseconds m_framesBudget = m_budget; // of that, for handing over frames
    InboundLimits m_limits;
    qint64 m_bytes = 0;
    qint64 m_slices = 0;
    qint64 m_refused = 0;
    std::optional<quint64> m_overflowedGeneration;
    bool m_handing = false; // a handler that drains re-entrantly must not hand frames twice
};

} // namespace hearth
