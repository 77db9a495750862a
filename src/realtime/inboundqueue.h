#pragma once

// Keeps a burst of frames from freezing the GUI thread. QWebSocket delivers every frame of a read
// in one go; the queue only takes them in, and hands them to the service in slices of a few
// milliseconds per event-loop turn, so painting and input get their turn between slices.
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>

namespace hearth {

class InboundQueue final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(quint64 generation, const QString &frame)>;

    InboundQueue(Handler handler, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(InboundQueue)

    void setSliceBudget(std::chrono::milliseconds budget) { m_budget = budget; }
    void push(quint64 generation, const QString &frame);
    // Hands over everything queued now (before a disconnect is handled, so that frames that
    // arrived first are also applied first).
    void drain();
    void clear();
    qsizetype size() const { return qsizetype(m_frames.size()); }
    qint64 slicesRun() const { return m_slices; }

private:
    void runSlice();

    Handler m_handler;
    std::deque<std::pair<quint64, QString>> m_frames;
    QTimer m_timer;
    std::chrono::milliseconds m_budget{5}; // leaves the rest of a 16 ms frame for the models and painting
    qint64 m_slices = 0;
    bool m_handing = false; // a handler that drains re-entrantly must not hand frames twice
};

} // namespace hearth
