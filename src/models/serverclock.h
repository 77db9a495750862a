#pragma once

// The server's idea of "now", so order ages are true on a PC whose clock is minutes off. The
// offset is learnt from timestamps the server sends: every order's last change happened on the
// server no later than the moment it reaches us, so (updated_at − our clock at arrival) is a lower
// bound of the offset, and a change that arrives live makes it tight. Stamps of old orders (a
// snapshot, the cache) only ever say the server is *ahead*; a PC that is ahead is learnt from live
// changes. No I/O; the client's clock is injectable for tests.
#include <QDateTime>

#include <functional>
#include <optional>

namespace hearth {

class ServerClock final
{
public:
    using Clock = std::function<QDateTime()>; // UTC

    ServerClock();
    void setClientClock(Clock clock) { m_clientClock = std::move(clock); }

    // A time the server stamped at or before this moment (any order's updated_at).
    void observe(const QDateTime &serverTimestamp);
    // A time the server stamped just now (a change pushed live, an action's answer).
    void observeFresh(const QDateTime &serverTimestamp);
    QDateTime now() const;
    qint64 offsetMs() const;

private:
    Clock m_clientClock;
    std::optional<qint64> m_boundMs; // server − client is at least this
    bool m_sawFresh = false;
};

} // namespace hearth
