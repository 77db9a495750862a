#include "server/requestguard.h"

#include "core/logging.h"
#include "server/rawhttp.h"

#include <QTcpSocket>

#include <algorithm>

namespace hearth::server {

namespace {

struct Head
{
    bool ok = true;
    bool upgrade = false;
    bool chunked = false;
    qint64 contentLength = 0;
};

// Only what framing needs; QHttpServer parses the request properly afterwards.
Head readHead(const QByteArray &head)
{
    Head result;
    const QList<QByteArray> lines = head.split('\n');
    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            // Two different lengths are a smuggling attempt as much as a bad one.
            if (!ok || length < 0 || (haveLength && length != result.contentLength))
                result.ok = false;
            result.contentLength = length;
            haveLength = true;
        } else if (name == "transfer-encoding") {
            result.chunked = result.chunked || value.toLower().contains("chunked");
        } else if (name == "upgrade") {
            result.upgrade = true;
        }
    }
    return result;
}

} // namespace

RequestGuard::RequestGuard(QTcpSocket *socket, const HttpLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestGuard::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &RequestGuard::onReadyRead);
    // A fresh connection owes its first request at once (and a silent one is a slowloris).
    arm(m_limits.requestTimeoutMs);
}

void RequestGuard::onReadyRead()
{
    // QHttpServer reads everything available in its own slot, after this one (it reads inside
    // a transaction, so what is available now is exactly what is new). Peeking leaves it there.
    const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
    qsizetype at = 0;
    while (at < data.size() && m_state != State::Done) {
        if (m_state == State::Idle) {
            m_state = State::Head;
            m_head.clear();
            arm(m_limits.requestTimeoutMs);
        }
        if (m_state == State::Head && !takeHead(data, at))
            return;
        if (m_state == State::Body) {
            const qint64 take = std::min<qint64>(m_bodyLeft, data.size() - at);
            m_bodyLeft -= take;
            at += take;
            if (m_bodyLeft == 0) {
                m_state = State::Idle;
                arm(m_limits.idleTimeoutMs);
            }
        }
    }
}

bool RequestGuard::takeHead(const QByteArray &data, qsizetype &at)
{
    const qsizetype before = m_head.size();
    // Never more than the cap (and the terminator) is kept, however much arrives.
    const qsizetype room = qsizetype(m_limits.maxHeaderBytes) + 4 - before;
    m_head.append(data.mid(at, std::min(room, data.size() - at)));
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0 || end + 4 > m_limits.maxHeaderBytes) {
        if (end >= 0 || m_head.size() > m_limits.maxHeaderBytes) {
            refuse(431, QLatin1StringView("headers_too_large"),
                   QStringLiteral("the request head is larger than %1 bytes").arg(m_limits.maxHeaderBytes));
            return false;
        }
        at = data.size(); // the head goes on in the next chunk
        return true;
    }
    at += end + 4 - before;
    const Head head = readHead(m_head.left(end));
    if (head.upgrade) {
        // A WebSocket from here on: QHttpServer hands the socket over and drops its readers.
        m_state = State::Done;
        m_timer.stop();
        disconnect(m_socket, nullptr, this, nullptr);
        return true;
    }
    if (!head.ok) {
        refuse(400, QLatin1StringView("bad_request"), QStringLiteral("the Content-Length header is not valid"));
        return false;
    }
    if (head.chunked) {
        refuse(411, QLatin1StringView("length_required"),
               QStringLiteral("chunked bodies are not accepted; send Content-Length"));
        return false;
    }
    if (head.contentLength > m_limits.maxBodyBytes) {
        refuse(413, QLatin1StringView("too_large"),
               QStringLiteral("the request body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_bodyLeft = head.contentLength;
    m_state = State::Body; // (an empty body completes below, in the caller's loop)
    if (m_bodyLeft == 0) {
        m_state = State::Idle;
        arm(m_limits.idleTimeoutMs);
    }
    return true;
}

void RequestGuard::arm(int timeoutMs)
{
    if (timeoutMs > 0)
        m_timer.start(timeoutMs);
    else
        m_timer.stop();
}

void RequestGuard::onTimeout()
{
    if (m_state == State::Idle) {
        m_state = State::Done;
        m_socket->disconnectFromHost(); // quietly: nothing was asked
        return;
    }
    refuse(408, QLatin1StringView("timeout"),
           QStringLiteral("the request did not arrive within %1 ms").arg(m_limits.requestTimeoutMs));
}

void RequestGuard::refuse(int status, QLatin1StringView code, const QString &message)
{
    m_state = State::Done;
    m_timer.stop();
    qCInfo(lcServer).noquote() << "refused a request from" << m_socket->peerAddress().toString() << "with"
                               << status << code;
    RawHttp::answerAndClose(m_socket, RawHttp::errorAnswer(status, code, message));
}

} // namespace hearth::server
