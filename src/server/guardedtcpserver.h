#pragma once

// The listening socket of hearth-server. It counts the open connections (HTTP and the
// WebSockets upgraded from them) in total and per client address, and answers a connection
// beyond either cap with 503 and Retry-After instead of handing it to QHttpServer, so that a
// flood of idle connections cannot take the server to its file-descriptor limit. Every
// accepted connection gets a RequestGuard before QHttpServer sees it. With a TLS configuration
// every connection is a QSslSocket whose handshake starts at once; QHttpServer, the guard and
// the WebSocket then read and write plain text through it, so every limit holds on TLS too.
#include "server/requestguard.h"

#include <QHash>
#include <QSslConfiguration>
#include <QString>
#include <QTcpServer>

#include <optional>

namespace hearth::server {

struct ConnectionLimits
{
    int maxConnections = 512;          // 0: no cap
    int maxConnectionsPerAddress = 64; // 0: no cap
    int retryAfterSeconds = 5;
};

class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(const ConnectionLimits &connections, const HttpLimits &requests, QObject *parent = nullptr);

    // Used for connections accepted from now on; nothing: plain HTTP.
    void setTlsConfiguration(const std::optional<QSslConfiguration> &configuration) { m_tls = configuration; }
    bool usesTls() const { return m_tls.has_value(); }

    int connectionCount() const { return m_total; }
    qint64 refusedConnections() const { return m_refused; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void release(const QString &key);

    ConnectionLimits m_connections;
    HttpLimits m_requests;
    std::optional<QSslConfiguration> m_tls;
    QHash<QString, int> m_perAddress;
    int m_total = 0;
    qint64 m_refused = 0;
};

} // namespace hearth::server
