#pragma once

// Every line hearth-server logs passes through here (LogGuard::install() in main()). Client-
// supplied text ends up in log lines (an unknown op, a username, a refused field), and a
// newline in a frame's op once forged a whole "signed in: manager" line: control characters
// are written as escapes (\n, \x1b, \u2028), so one message is always one line. And one
// client once wrote 20 MB of log in 5 s: lines of the same shape (digits and ids aside) get
// a budget of `burst` lines, refilled at `perSecond`; what is held back is counted and
// reported with the next line of that shape that is let through.
#include "server/tokenbucket.h"

#include <QHash>
#include <QString>
#include <QtGlobal>

#include <functional>

namespace hearth::server {

class LogGuard final
{
public:
    using Sink = std::function<void(QtMsgType, const QMessageLogContext &, const QString &)>;
    using Clock = std::function<qint64()>; // monotonic milliseconds

    static constexpr int burst = 20;
    static constexpr double perSecond = 2;
    static constexpr int maxShapes = 1024;

    LogGuard(Sink sink, Clock clock);

    void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);
    qint64 suppressed() const { return m_suppressedTotal; }

    // Control characters (C0, DEL, C1, U+2028/2029) as escapes; the rest unchanged.
    static QString escape(const QString &text);
    // What makes two lines "the same": the category and the first words, numbers and ids blanked.
    static QString shapeOf(const char *category, const QString &message);

    // Routes the process's Qt messages through one guard, then to the previous handler.
    static void install();

private:
    struct Shape
    {
        TokenBucket budget;
        qint64 held = 0;
    };

    Sink m_sink;
    Clock m_clock;
    QHash<QString, Shape> m_shapes;
    qint64 m_suppressedTotal = 0;
};

} // namespace hearth::server
