#pragma once

// Client→server frames written while the link is down, kept in order until it is live again.
// Bounded, because a dashboard offline for a whole evening must not grow without limit; a frame
// that does not fit is refused at once (the sender learns it now, not at some later flush), and
// the refusals are counted. Subscriptions never come here: they are state, restored by the
// registry on every connection. Neither do user edits: they have a durable outbox of their own.
#include <QList>
#include <QString>

namespace hearth {

struct OutgoingLimits
{
    int maxFrames = 256;
    qint64 maxBytes = 256 * 1024; // of UTF-16 text held in memory
};

class OutgoingBuffer
{
public:
    explicit OutgoingBuffer(const OutgoingLimits &limits = {}) : m_limits(limits) {}

    void setLimits(const OutgoingLimits &limits) { m_limits = limits; }
    const OutgoingLimits &limits() const { return m_limits; }

    // False when the frame does not fit: it is not kept, and the overflow is counted.
    bool push(const QString &frame);
    // Everything held, oldest first; the buffer is empty afterwards.
    QList<QString> takeAll();
    void clear();

    bool isEmpty() const { return m_frames.isEmpty(); }
    int size() const { return int(m_frames.size()); }
    qint64 bytes() const { return m_bytes; }
    qint64 overflows() const { return m_overflows; }

private:
    static qint64 sizeOf(const QString &frame) { return qint64(frame.size()) * qint64(sizeof(QChar)); }

    OutgoingLimits m_limits;
    QList<QString> m_frames;
    qint64 m_bytes = 0;
    qint64 m_overflows = 0;
};

} // namespace hearth
