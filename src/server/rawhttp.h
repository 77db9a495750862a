#pragma once

// Answers written straight to a socket, for refusals made before (or instead of) QHttpServer
// reading a request: the connection caps and the request guard. The socket is closed the way
// HTTP servers must when the client may still be sending: our side is shut after the answer,
// what the client still sends is read and dropped for a short while, then the socket goes.
// Without that, closing over unread bytes resets the connection and the client may never
// read the answer.
#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

class QTcpSocket;

namespace hearth::server::RawHttp {

// A complete HTTP/1.1 answer with the protocol's error body and `Connection: close`.
QByteArray errorAnswer(int status, QLatin1StringView code, const QString &message, int retryAfterSeconds = 0);
// Writes `answer`, then closes as described above. `socket` is deleted when done.
void answerAndClose(QTcpSocket *socket, const QByteArray &answer);

} // namespace hearth::server::RawHttp
