#pragma once

// Turns what QWebSocket reports into what a restaurant manager can act on (the message) and
// what support needs (the details). Also recognises a handshake the server refused with 401,
// which Qt 6.4 only reports as a refused connection with the status code in the error text.
#include <QAbstractSocket>
#include <QString>
#include <QUrl>
#include <QWebSocketProtocol>

#include <optional>

namespace hearth {

struct LinkError
{
    QString message; // user-facing, translated
    QString details; // technical, English
};

// The HTTP status of a refused WebSocket handshake, when the error text carries one.
std::optional<int> handshakeHttpStatus(const QString &socketErrorString);

LinkError describeSocketError(QAbstractSocket::SocketError error, const QString &errorString,
                              const QUrl &url, bool wasLive);
LinkError describeClose(QWebSocketProtocol::CloseCode code, const QString &reason, const QUrl &url);
LinkError describeStale(std::chrono::milliseconds silence);
LinkError describeConnectTimeout(const QUrl &url, std::chrono::milliseconds timeout);
LinkError describeSignedOut(const QString &details);
LinkError describeGaveUp(int attempts, const QString &lastDetails);
LinkError describeServerAdvice(std::chrono::milliseconds after);
LinkError describeServerRefusal(const QString &code, const QString &serverMessage);
LinkError describeChannelRefusal(const QString &channel, const QString &code,
                                 const QString &serverMessage);
// The server does not serve the channel, or could not read the request for it.
LinkError describeChannelRejected(const QString &channel, const QString &code,
                                  const QString &serverMessage);
LinkError describeSubscribeTimeout(const QString &channel, int attempts,
                                   std::chrono::milliseconds waited);
LinkError describeResumed(std::chrono::milliseconds asleepFor);
LinkError describeOutgoingOverflow(int queued, qint64 refusedSoFar);
LinkError describeInboundOverflow(qsizetype queuedFrames, qint64 queuedBytes);
// The user-facing form of a server address: scheme, host and port, never credentials or query.
QString displayAddress(const QUrl &url);

} // namespace hearth
