#include "server/logguard.h"

#include "server/trafficcounters.h"

#include <QMutex>
#include <QMutexLocker>

#include <cstdio>
#include <memory>

namespace hearth::server {

LogGuard::LogGuard(Sink sink, Clock clock) : m_sink(std::move(sink)), m_clock(std::move(clock)) {}

void LogGuard::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString line = escape(message);
    // Fatal messages end the process: never held back.
    if (type == QtFatalMsg) {
        m_sink(type, context, line);
        return;
    }
    const qint64 now = m_clock();
    const QString shape = shapeOf(context.category, message);
    auto it = m_shapes.find(shape);
    if (it == m_shapes.end()) {
        if (m_shapes.size() >= maxShapes) // shapes with a full budget hold nothing worth keeping
            m_shapes.removeIf([now](const QHash<QString, Shape>::iterator &entry) {
                return entry->held == 0 && entry->budget.isFull(now);
            });
        it = m_shapes.insert(shape, Shape{TokenBucket(perSecond, burst, now), 0});
    }
    if (!it->budget.take(now)) {
        ++it->held;
        ++m_suppressedTotal;
        return;
    }
    if (it->held > 0) {
        m_sink(type, context, QStringLiteral("(%1 similar lines were not logged)").arg(it->held));
        it->held = 0;
    }
    m_sink(type, context, line);
}

QString LogGuard::escape(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n')
            escaped += QLatin1StringView("\\n");
        else if (u == u'\r')
            escaped += QLatin1StringView("\\r");
        else if (u == u'\t')
            escaped += QLatin1StringView("\\t");
        else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            escaped += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else if (u == 0x2028 || u == 0x2029)
            escaped += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            escaped += c;
    }
    return escaped;
}

QString LogGuard::shapeOf(const char *category, const QString &message)
{
    QString shape = QString::fromLatin1(category ? category : "default") + u' ';
    // The first words say what happened ("websocket <id> bad frame: …"); what follows is often
    // the client's own text, which must not make every line a shape of its own. A word holding
    // a digit (an id, a count, a time) stands as "#".
    constexpr int shapeWords = 4;
    int words = 0;
    QString word;
    bool hasDigit = false;
    const auto endWord = [&] {
        if (word.isEmpty())
            return;
        shape += hasDigit ? QStringLiteral("#") : word;
        word.clear();
        hasDigit = false;
        ++words;
    };
    for (const QChar c : QStringView(message).left(160)) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_') {
            word += c;
            hasDigit = hasDigit || c.isDigit();
            continue;
        }
        endWord();
        if (words == shapeWords)
            break;
        shape += c;
    }
    endWord();
    return shape;
}

void LogGuard::install()
{
    static QtMessageHandler previous = nullptr;
    static QMutex mutex; // messages come from every thread (the password checkers log too)
    static std::unique_ptr<LogGuard> guard = std::make_unique<LogGuard>(
        [](QtMsgType type, const QMessageLogContext &context, const QString &line) {
            if (previous)
                previous(type, context, line);
            else
                std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, line)));
        },
        [] { return TrafficCounters::nowMs(); });
    previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
        QMutexLocker locker(&mutex);
        guard->handle(type, context, message);
    });
}

} // namespace hearth::server
