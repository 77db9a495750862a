#include "server/guardedtcpserver.h"

#include "core/logging.h"
#include "server/clientaddress.h"
#include "server/rawhttp.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace hearth::server {

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits &connections, const HttpLimits &requests, QObject *parent)
    : QTcpServer(parent), m_connections(connections), m_requests(requests)
{
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    // A child of this server, as QTcpServer's own would be (compat::upgradedTcpSocket looks here).
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (m_tls) {
        // What is written before the handshake ends (a 503 below) waits for it; a handshake
        // that never ends is the RequestGuard's timeout like any request that never comes.
        auto *tlsSocket = static_cast<QSslSocket *>(socket);
        tlsSocket->setSslConfiguration(*m_tls);
        connect(tlsSocket, &QSslSocket::sslErrors, tlsSocket, [tlsSocket](const QList<QSslError> &errors) {
            qCDebug(lcServer).noquote() << "TLS handshake with" << tlsSocket->peerAddress().toString() << "failed:"
                                        << (errors.isEmpty() ? QString() : errors.constFirst().errorString());
        });
        tlsSocket->startServerEncryption();
    }
    const QString key = clientAddressKey(socket->peerAddress());
    const bool totalFull = m_connections.maxConnections > 0 && m_total >= m_connections.maxConnections;
    const bool addressFull =
        m_connections.maxConnectionsPerAddress > 0 && m_perAddress.value(key) >= m_connections.maxConnectionsPerAddress;
    if (totalFull || addressFull) {
        ++m_refused;
        // Once per second of refusals would still be a flood in the log: every 100th.
        if (m_refused % 100 == 1)
            qCWarning(lcServer).noquote() << "refusing connections:" << (totalFull ? QStringLiteral("the server") : key) << "has"
                                          << (totalFull ? m_total : m_perAddress.value(key)) << "open ("
                                          << m_refused << "refused so far)";
        const QByteArray answer =
            RawHttp::errorAnswer(503, QLatin1StringView("too_many_connections"),
                                 totalFull ? QStringLiteral("the server has too many connections")
                                           : QStringLiteral("too many connections from %1").arg(key),
                                 m_connections.retryAfterSeconds);
        if (auto *tlsSocket = qobject_cast<QSslSocket *>(socket); tlsSocket && !tlsSocket->isEncrypted()) {
            // A TLS client reads the answer only after the handshake (a close during it loses it).
            connect(tlsSocket, &QSslSocket::encrypted, tlsSocket, [tlsSocket, answer] { RawHttp::answerAndClose(tlsSocket, answer); });
            connect(tlsSocket, &QAbstractSocket::disconnected, tlsSocket, &QObject::deleteLater);
            QTimer::singleShot(std::max(1000, m_requests.requestTimeoutMs), tlsSocket, [tlsSocket] {
                if (!tlsSocket->isEncrypted()) {
                    tlsSocket->abort();
                    tlsSocket->deleteLater();
                }
            });
            return;
        }
        RawHttp::answerAndClose(socket, answer);
        return;
    }
    ++m_total;
    ++m_perAddress[key];
    connect(socket, &QObject::destroyed, this, [this, key] { release(key); });
    new RequestGuard(socket, m_requests);
    addPendingConnection(socket);
}

void GuardedTcpServer::release(const QString &key)
{
    --m_total;
    auto it = m_perAddress.find(key);
    if (it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
}

} // namespace hearth::server
