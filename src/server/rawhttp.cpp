#include "server/rawhttp.h"

#include "server/httpresponses.h"

#include <QJsonDocument>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace hearth::server::RawHttp {

namespace {

// How long a refused client may go on sending before its socket is dropped, and how much.
constexpr int lingerMs = 2000;
constexpr qint64 lingerBytes = 256 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400: return QByteArrayLiteral("Bad Request");
    case 408: return QByteArrayLiteral("Request Timeout");
    case 411: return QByteArrayLiteral("Length Required");
    case 413: return QByteArrayLiteral("Payload Too Large");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 503: return QByteArrayLiteral("Service Unavailable");
    default: return QByteArrayLiteral("Error");
    }
}

} // namespace

QByteArray errorAnswer(int status, QLatin1StringView code, const QString &message, int retryAfterSeconds)
{
    const QByteArray body = QJsonDocument(HttpResponses::errorBody(code, message)).toJson(QJsonDocument::Compact);
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n";
    if (retryAfterSeconds > 0)
        answer += "Retry-After: " + QByteArray::number(retryAfterSeconds) + "\r\n";
    return answer + "\r\n" + body;
}

void answerAndClose(QTcpSocket *socket, const QByteArray &answer)
{
    // Nobody else reads this socket any more (QHttpServer's parser must not see the rest).
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    socket->write(answer);
    socket->flush();
#ifdef Q_OS_UNIX
    // FIN after the answer; the read side stays open so that what the client still sends
    // does not turn the close into a reset. (Elsewhere the socket just closes after the answer.)
    // Not under TLS: the encrypted bytes may still wait below the QSslSocket, and the close
    // must go through it (close_notify) anyway.
    if (!qobject_cast<QSslSocket *>(socket) && socket->bytesToWrite() == 0 && socket->socketDescriptor() >= 0)
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    else
        socket->disconnectFromHost();
#else
    socket->disconnectFromHost();
#endif
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, drained = qint64(0)]() mutable {
        drained += socket->readAll().size();
        if (drained > lingerBytes)
            socket->abort();
    });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(lingerMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}

} // namespace hearth::server::RawHttp
