#pragma once

// Helpers for the server tests: options for a throw-away server, a blocking-by-waiting HTTP
// client and a raw WebSocket client that records every frame. All waits spin the event loop
// (the server runs in the same thread), none sleeps.
#include "server/hearthserver.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUrl>
#include <QWebSocket>

#include <memory>

namespace hearth::server::testing {

// Port 0, a database inside `dir`, and a cheap password work factor so tests stay fast. With
// HEARTH_TEST_DATABASE=postgresql the database is a PostgreSQL one instead, the same for the same
// path (see PostgresTestServer::sharedDatabaseFor).
ServerOptions testOptions(const QTemporaryDir &dir, const QString &fileName = QStringLiteral("hearth.db"));

struct HttpResult
{
    int status = 0; // 0: no answer
    QJsonObject body;
    QByteArray raw;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

class HttpClient final
{
public:
    explicit HttpClient(QUrl base);

    HttpResult get(const QString &pathAndQuery, const QString &token = {});
    HttpResult post(const QString &path, const QByteArray &body, const QString &token = {});
    HttpResult patch(const QString &path, const QByteArray &body, const QString &token = {});
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    HttpResult send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                    const QString &token, const Headers &headers = {});
    // The token, or empty when the login did not answer 200.
    QString login(const QString &username, const QString &password);

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
};

QByteArray json(const QJsonObject &object);

class WsClient final
{
public:
    enum class Auth { Header, Subprotocol, None };

    WsClient();
    ~WsClient();

    // Opens and waits for the handshake; false when it did not connect.
    bool open(const QUrl &url, const QString &token, Auth auth = Auth::Header);
    void send(const QJsonObject &frame);
    void sendText(const QString &text);
    void sendBinary(const QByteArray &data);

    // The next frame not read yet, waiting up to `timeoutMs`; empty on timeout.
    QJsonObject next(int timeoutMs = 5000);
    // Reads frames until one has `op`; frames before it are skipped. Empty on timeout.
    QJsonObject nextOp(const QString &op, int timeoutMs = 5000);
    int unread() const { return int(m_frames.size()) - m_read; }
    bool waitForDisconnected(int timeoutMs = 5000);
    bool isConnected() const;
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket->closeCode(); }
    QWebSocket *socket() const { return m_socket.get(); }

    // Sends a subscribe and returns the `subscribed` answer (empty on timeout or error).
    QJsonObject subscribe(const QString &channel, const QString &epoch = {}, qint64 seq = -1);

private:
    std::unique_ptr<QWebSocket> m_socket;
    QList<QJsonObject> m_frames;
    int m_read = 0;
    bool m_disconnected = false;
};

} // namespace hearth::server::testing
