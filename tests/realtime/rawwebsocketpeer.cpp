#include "rawwebsocketpeer.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QByteArray textFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81)); // FIN + text; server frames are not masked
    if (payload.size() < 126) {
        frame.append(char(payload.size()));
    } else {
        Q_ASSERT(payload.size() < 65536);
        frame.append(char(126));
        frame.append(char((payload.size() >> 8) & 0xff));
        frame.append(char(payload.size() & 0xff));
    }
    return frame + payload;
}

} // namespace

RawWebSocketPeer::RawWebSocketPeer(Mode mode, QObject *parent) : QObject(parent), m_mode(mode)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RawWebSocketPeer::onNewConnection);
}

bool RawWebSocketPeer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl RawWebSocketPeer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(m_server.serverPort()));
}

void RawWebSocketPeer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_sockets.append(socket);
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        emit clientConnected();
    }
}

void RawWebSocketPeer::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("handshaken").toBool() || m_mode == Mode::NeverAnswer) {
        socket->readAll(); // silence: pings and everything else go unanswered
        return;
    }
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    socket->setProperty("handshaken", true);
    if (m_mode == Mode::Reject401) {
        const QByteArray body = R"({"error":{"code":"unauthorized","message":"bad token"}})";
        socket->write("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
                      "Content-Length: " + QByteArray::number(body.size())
                      + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
        return;
    }
    static const QRegularExpression keyPattern(u"Sec-WebSocket-Key:\\s*(\\S+)"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    const QString key = keyPattern.match(QString::fromLatin1(buffer.left(end))).captured(1);
    const QByteArray accept =
        QCryptographicHash::hash(QByteArray(key.toLatin1() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                 QCryptographicHash::Sha1)
            .toBase64();
    socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n");
    socket->write(textFrame(welcomeFrame));
}
