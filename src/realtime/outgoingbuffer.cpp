#include "realtime/outgoingbuffer.h"

namespace hearth {

bool OutgoingBuffer::push(const QString &frame)
{
    const qint64 size = sizeOf(frame);
    if (m_frames.size() >= m_limits.maxFrames || m_bytes + size > m_limits.maxBytes) {
        ++m_overflows;
        return false;
    }
    m_frames.append(frame);
    m_bytes += size;
    return true;
}

QList<QString> OutgoingBuffer::takeAll()
{
    m_bytes = 0;
    return std::exchange(m_frames, {});
}

void OutgoingBuffer::clear()
{
    m_frames.clear();
    m_bytes = 0;
}

} // namespace hearth
