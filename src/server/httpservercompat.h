#pragma once

// Every QtHttpServer call whose signature or behaviour changed between Qt 6.4 and 6.8, in one
// place. Written and tested against 6.4.2; the newer branches follow the 6.8 documentation:
// - 6.8 removed QAbstractHttpServer::listen() and made bind() return bool;
// - 6.8 replaced QHttpServerResponse::addHeader() by QHttpHeaders;
// - 6.8 stopped routing WebSocket upgrades and asks upgrade verifiers instead;
// - 6.5 reworked request headers (headers() changed type; value() kept, so we use value()).
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtGlobal>

#include <functional>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#include <QHttpServerWebSocketUpgradeResponse>
#endif

namespace hearth::server::compat {

// A request header by case-insensitive name; empty when absent.
inline QByteArray requestHeader(const QHttpServerRequest &request, const QByteArray &name)
{
    return request.value(name);
}

inline void addResponseHeader(QHttpServerResponse &response, const QByteArray &name, const QByteArray &value)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders headers = response.headers();
    headers.append(name, value);
    response.setHeaders(std::move(headers));
#else
    response.addHeader(name, value);
#endif
}

// Routes `path` to a handler that may answer later: it gets the responder to keep, and
// answers through writeResponse() when it is ready (6.8 passes the responder by reference).
template <typename Handler>
inline void routeDeferred(QHttpServer *server, const QString &path, QHttpServerRequest::Method method, Handler handler)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    server->route(path, method, [handler](const QHttpServerRequest &request, QHttpServerResponder &responder) {
        handler(request, std::move(responder));
    });
#else
    server->route(path, method, [handler](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handler(request, std::move(responder));
    });
#endif
}

inline void writeResponse(QHttpServerResponder &&responder, const QHttpServerResponse &response)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    responder.sendResponse(response);
#else
    response.write(std::move(responder));
#endif
}

// Hands an already listening QTcpServer to the HTTP server (which takes ownership), so that we
// control listen() and its error on every version.
inline bool bindTcpServer(QAbstractHttpServer *httpServer, QTcpServer *tcpServer)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return httpServer->bind(tcpServer);
#else
    if (!tcpServer || !tcpServer->isListening())
        return false; // 6.4's bind(nullptr) would open a random port of its own instead
    httpServer->bind(tcpServer);
    return tcpServer->parent() == httpServer;
#endif
}

inline bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return requestHeader(request, QByteArrayLiteral("upgrade")).trimmed().toLower() == "websocket";
}

// Makes QHttpServer pass WebSocket upgrades of `path` to its built-in WebSocket server (then
// newWebSocketConnection() fires); a plain request to `path` gets 426 with `refusal` as body.
inline void acceptWebSocketUpgrades(QHttpServer *server, const QString &path, const QJsonObject &refusal)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    server->addWebSocketUpgradeVerifier(server, [path](const QHttpServerRequest &request) {
        return request.url().path() == path ? QHttpServerWebSocketUpgradeResponse::accept()
                                            : QHttpServerWebSocketUpgradeResponse::passToNext();
    });
    server->route(path, [refusal] {
        return QHttpServerResponse(refusal, QHttpServerResponder::StatusCode::UpgradeRequired);
    });
#else
    // Before 6.8 an upgrade is only taken over when a route for its path handled the request,
    // and the handshake answer must be the first bytes on the socket: so the route writes
    // nothing for an upgrade (the responder is dropped unused) and refuses anything else.
    server->route(path, [refusal](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (isWebSocketUpgrade(request))
            return;
        responder.write(QJsonDocument(refusal), QHttpServerResponder::StatusCode::UpgradeRequired);
    });
#endif
}

// The TCP socket under a WebSocket that `tcpServer` upgraded, if it is left for us to delete.
// Up to (at least) 6.4 the upgraded socket stays a child of the QTcpServer and is deleted
// neither with the QWebSocket nor on disconnect, so a long-running server would collect one
// dead QTcpSocket per connection. We find it by its peer while it is still connected.
inline QTcpSocket *upgradedTcpSocket(QTcpServer *tcpServer, const QWebSocket *socket)
{
    if (!tcpServer || !socket)
        return nullptr;
    const QList<QTcpSocket *> candidates = tcpServer->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
    for (QTcpSocket *candidate : candidates) {
        if (candidate->peerPort() == socket->peerPort() && candidate->peerAddress() == socket->peerAddress()
            && candidate->state() == QAbstractSocket::ConnectedState)
            return candidate;
    }
    return nullptr;
}

// Answers every request no route matched with what `answer` makes of it.
inline void setMissingHandler(QHttpServer *server, QObject *context,
                              std::function<QHttpServerResponse(const QHttpServerRequest &)> answer)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    server->setMissingHandler(context, [answer](const QHttpServerRequest &request, QHttpServerResponder &responder) {
        responder.sendResponse(answer(request));
    });
#else
    Q_UNUSED(context);
    server->setMissingHandler([answer](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        answer(request).write(std::move(responder));
    });
#endif
}

// Answers every request no route matched with 404 and `body`.
inline void setNotFoundHandler(QHttpServer *server, QObject *context, const QJsonObject &body)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    server->setMissingHandler(context, [body](const QHttpServerRequest &, QHttpServerResponder &responder) {
        responder.write(QJsonDocument(body), QHttpServerResponder::StatusCode::NotFound);
    });
#else
    Q_UNUSED(context);
    server->setMissingHandler([body](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        responder.write(QJsonDocument(body), QHttpServerResponder::StatusCode::NotFound);
    });
#endif
}

} // namespace hearth::server::compat
