#include "realtime/inboundqueue.h"

#include <algorithm>

namespace hearth {

InboundQueue::InboundQueue(Handler handler, QObject *parent)
    : QObject(parent),
      m_handler(std::move(handler)),
      m_clock([] {
          return std::chrono::duration_cast<std::chrono::nanoseconds>(
                     std::chrono::steady_clock::now().time_since_epoch())
              .count();
      })
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &InboundQueue::runSlice);
}

namespace {

qint64 heldBytes(const QString &frame)
{
    return qint64(frame.size()) * qint64(sizeof(QChar));
}

} // namespace

void InboundQueue::push(quint64 generation, const QString &frame)
{
    if (m_overflowedGeneration == generation) {
        ++m_refused;
        return;
    }
    const qint64 bytes = heldBytes(frame);
    if (qsizetype(m_frames.size()) >= m_limits.frames || m_bytes + bytes > m_limits.bytes) {
        ++m_refused;
        m_overflowedGeneration = generation;
        emit overflowed(generation);
        return;
    }
    m_frames.emplace_back(generation, frame);
    m_bytes += bytes;
    if (!m_timer.isActive())
        m_timer.start();
}

std::pair<quint64, QString> InboundQueue::takeFront()
{
    std::pair<quint64, QString> front = std::move(m_frames.front());
    m_frames.pop_front();
    m_bytes -= heldBytes(front.second);
    return front;
}

void InboundQueue::setSliceBudget(std::chrono::milliseconds budget)
{
    m_budget = budget;
    m_framesBudget = budget;
}

void InboundQueue::runSlice()
{
    if (m_handing)
        return;
    ++m_slices;
    const qint64 startNs = m_clock();
    const auto sinceStart = [this, startNs] { return std::chrono::nanoseconds(m_clock() - startNs); };
    m_handing = true;
    // At least one frame per slice, however slow, so the queue always moves.
    do {
        const auto [generation, frame] = takeFront();
        m_handler(generation, frame);
    } while (!m_frames.empty() && sinceStart() < m_framesBudget);
    m_handing = false;
    if (m_finisher) {
        const std::chrono::nanoseconds handing = sinceStart();
        m_finisher();
        const std::chrono::nanoseconds slice = sinceStart();
        // The finisher's cost grows with the frames handed over: keep their share of the slice,
        // never less than an eighth of the budget, so a burst still moves at a useful rate.
        const double share = slice.count() > 0 ? double(handing.count()) / double(slice.count()) : 1.0;
        m_framesBudget = std::clamp(std::chrono::nanoseconds(qint64(double(m_budget.count()) * share)),
                                    m_budget / 8, m_budget);
    }
    if (!m_frames.empty())
        m_timer.start();
    else
        emit drained();
}

void InboundQueue::drain()
{
    if (m_handing)
        return;
    m_timer.stop();
    m_handing = true;
    while (!m_frames.empty()) {
        const auto [generation, frame] = takeFront();
        m_handler(generation, frame);
    }
    m_handing = false;
}

void InboundQueue::clear()
{
    m_timer.stop();
    m_frames.clear();
    m_bytes = 0;
}

} // namespace hearth
