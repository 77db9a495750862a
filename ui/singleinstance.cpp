#include "ui/singleinstance.h"

#include "core/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>

namespace hearth {

namespace {

constexpr QByteArrayView activateMessage = "activate\n";

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_serverName(serverNameFor(key))
{
}

SingleInstance::~SingleInstance() = default;

// Local socket names are global on Windows (named pipes) and paths of at most ~100 bytes on Unix:
// a short hash of the key fits both and keeps users and data folders apart.
QString SingleInstance::serverNameFor(const QString &key)
{
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(20);
    return QStringLiteral("hearth-") + QString::fromLatin1(hash);
}

bool SingleInstance::claim(int timeoutMs)
{
    // Two launches at the same moment (a double double-click) are serialised here, so neither
    // removes the socket the other has just started listening on.
    QLockFile lock(QDir::temp().filePath(m_serverName + QStringLiteral(".lock")));
    if (!lock.tryLock(timeoutMs))
        qCWarning(lcUi) << "single instance: the launch lock is held; going on without it";

    QLocalSocket other;
    other.connectToServer(m_serverName);
    if (other.waitForConnected(timeoutMs)) {
        other.write(activateMessage.data(), activateMessage.size());
        other.waitForBytesWritten(timeoutMs);
        other.disconnectFromServer();
        qCInfo(lcUi) << "another Hearth is running; asked it to come to the front";
        return false;
    }

    QLocalServer::removeServer(m_serverName); // the socket file of an instance that crashed
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (!m_server->listen(m_serverName)) {
        // Better a second window than none: run, but say why later launches will not find us.
        qCWarning(lcUi) << "single instance: cannot listen on" << m_serverName << "-" << m_server->errorString();
    }
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            if (socket->readLine() == activateMessage.toByteArray()) {
                qCInfo(lcUi) << "another launch asked for this window";
                emit activationRequested();
            }
            socket->disconnectFromServer();
        });
    }
}

} // namespace hearth
