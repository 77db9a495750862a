#include "api/networkprobe.h"

#include <QHostInfo>
#include <QPointer>
#include <QSslCipher>
#include <QSslSocket>
#include <QStringList>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace hearth {

namespace {

// Runs `done` once: on the socket's verdict or on the timeout, whichever comes first. The
// connections' functors share ownership of the attempt; finishing cuts them, which frees it.
template<typename Socket>
struct Attempt
{
    Socket *socket = new Socket;
    QTimer timer;
    NetworkProbe::Done done;
    bool finished = false;

    void finish(const ProbeResult &result)
    {
        if (finished)
            return;
        finished = true;
        timer.stop();
        QObject::disconnect(&timer, nullptr, nullptr, nullptr);
        socket->disconnect();
        socket->abort();
        socket->deleteLater(); // we may be inside one of its signals
        done(result);
    }
};

QString describeSocketError(QAbstractSocket::SocketError error, quint16 port)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return NetworkProbe::tr("Nothing answers on port %1 there. Is the server running, and on that port?").arg(port);
    case QAbstractSocket::HostNotFoundError:
        return NetworkProbe::tr("The server's name could not be found.");
    case QAbstractSocket::NetworkError:
        return NetworkProbe::tr("This PC has no route to the server. Check its network connection.");
    case QAbstractSocket::SocketTimeoutError:
        return NetworkProbe::tr("No answer on port %1. A firewall may be blocking it.").arg(port);
    default:
        return NetworkProbe::tr("The connection failed. Check the network between this PC and the server.");
    }
}

} // namespace

NetworkProbe::NetworkProbe(QObject *parent) : QObject(parent) {}

void NetworkProbe::resolve(const QString &host, Done done)
{
    QHostInfo::lookupHost(host, this, [host, done = std::move(done)](const QHostInfo &info) {
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            done({false, info.errorString(),
                  tr("The name \"%1\" could not be found. Check its spelling, and that this PC can reach the "
                     "Internet or the restaurant's network.").arg(host)});
            return;
        }
        QStringList addresses;
        for (const QHostAddress &address : info.addresses())
            addresses.append(address.toString());
        done({true, addresses.join(QStringLiteral(", ")), {}});
    });
}

void NetworkProbe::connectTcp(const QString &host, quint16 port, Done done)
{
    auto attempt = std::make_shared<Attempt<QTcpSocket>>();
    attempt->done = std::move(done);
    QTcpSocket *socket = attempt->socket;
    connect(socket, &QTcpSocket::connected, this, [attempt, socket] {
        attempt->finish({true, tr("connected to %1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort()), {}});
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [attempt, socket, port](QAbstractSocket::SocketError error) {
        attempt->finish({false, socket->errorString(), describeSocketError(error, port)});
    });
    attempt->timer.setSingleShot(true);
    connect(&attempt->timer, &QTimer::timeout, this, [attempt, port] {
        attempt->finish({false, tr("no answer within the time limit"),
                         describeSocketError(QAbstractSocket::SocketTimeoutError, port)});
    });
    attempt->timer.start(m_timeout);
    socket->connectToHost(host, port);
}

void NetworkProbe::handshakeTls(const QString &host, quint16 port, Done done)
{
    if (!QSslSocket::supportsSsl()) {
        done({false, tr("this build has no TLS support"), tr("Install the OpenSSL libraries Qt was built with.")});
        return;
    }
    auto attempt = std::make_shared<Attempt<QSslSocket>>();
    attempt->done = std::move(done);
    QSslSocket *socket = attempt->socket;
    connect(socket, &QSslSocket::encrypted, this, [attempt, socket] {
        const QSslCipher cipher = socket->sessionCipher();
        attempt->finish({true, tr("%1, certificate for %2").arg(cipher.protocolString(),
                                                                 socket->peerCertificate().subjectDisplayName()), {}});
    });
    connect(socket, &QSslSocket::sslErrors, this, [attempt](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons.append(error.errorString());
        attempt->finish({false, reasons.join(QStringLiteral("; ")),
                         tr("The server's certificate is not trusted. Hearth does not connect to servers it cannot "
                            "verify: ask whoever runs the server to install a valid certificate.")});
    });
    connect(socket, &QSslSocket::errorOccurred, this, [attempt, socket, port](QAbstractSocket::SocketError error) {
        const bool handshake = error == QAbstractSocket::SslHandshakeFailedError;
        attempt->finish({false, socket->errorString(),
                         handshake ? tr("The secure handshake failed. Is this an https port? For a server without "
                                        "TLS, use an http:// address.")
                                   : describeSocketError(error, port)});
    });
    attempt->timer.setSingleShot(true);
    connect(&attempt->timer, &QTimer::timeout, this, [attempt, port] {
        attempt->finish({false, tr("no answer within the time limit"),
                         describeSocketError(QAbstractSocket::SocketTimeoutError, port)});
    });
    attempt->timer.start(m_timeout);
    socket->connectToHostEncrypted(host, port);
}

} // namespace hearth
