#include "realtime/inboundqueue.h"

namespace hearth {

InboundQueue::InboundQueue(Handler handler, QObject *parent) : QObject(parent), m_handler(std::move(handler))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &InboundQueue::runSlice);
}

void InboundQueue::push(quint64 generation, const QString &frame)
{
    m_frames.emplace_back(generation, frame);
    if (!m_timer.isActive())
        m_timer.start();
}

void InboundQueue::runSlice()
{
    if (m_handing)
        return;
    ++m_slices;
    QElapsedTimer elapsed;
    elapsed.start();
    m_handing = true;
    // At least one frame per slice, however slow, so the queue always moves.
    do {
        auto [generation, frame] = std::move(m_frames.front());
        m_frames.pop_front();
        m_handler(generation, frame);
    } while (!m_frames.empty() && elapsed.elapsed() < m_budget.count());
    m_handing = false;
    if (!m_frames.empty())
        m_timer.start();
}

void InboundQueue::drain()
{
    if (m_handing)
        return;
    m_timer.stop();
    m_handing = true;
    while (!m_frames.empty()) {
        auto [generation, frame] = std::move(m_frames.front());
        m_frames.pop_front();
        m_handler(generation, frame);
    }
    m_handing = false;
}

void InboundQueue::clear()
{
    m_timer.stop();
    m_frames.clear();
}

} // namespace hearth
