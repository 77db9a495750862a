#pragma once

// Watches the bytes of one HTTP connection before QHttpServer reads them, because Qt 6.4's
// server has no limits of its own: it buffers any body whole (a 200 MB body cost 1 GB) and
// waits forever for a request that trickles in. The guard follows HTTP/1.1 framing (head,
// Content-Length body, next head) without parsing more than it needs, and refuses a head
// over the header cap (431), a body announced over the body cap (413, before it is read),
// chunked bodies (411: their size is not known in advance), and a request that has not
// arrived completely in time (408). A kept-alive connection idle for too long is closed. An
// upgrade to a WebSocket ends the guard's work: the WebSocket has limits of its own.
#include <QByteArray>
#include <QLatin1StringView>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace hearth::server {

struct HttpLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int requestTimeoutMs = 15000; // from a request's first byte (or the connection) to its last
    int idleTimeoutMs = 60000;    // a kept-alive connection between requests
};

class RequestGuard final : public QObject
{
    Q_OBJECT

public:
    // Must be created before QHttpServer connects to the socket, so that it sees each chunk
    // first (QHttpServer reads everything available on every readyRead).
    RequestGuard(QTcpSocket *socket, const HttpLimits &limits);

private:
    enum class State { Head, Body, Idle, Done };

    void onReadyRead();
    void onTimeout();
    void arm(int timeoutMs); // 0: no timeout
    // Consumes the head in `data` from `at`; false once the request has been refused.
    bool takeHead(const QByteArray &data, qsizetype &at);
    void refuse(int status, QLatin1StringView code, const QString &message);

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    QTimer m_timer;
    State m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
};

} // namespace hearth::server
