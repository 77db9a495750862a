#include "server/embeddedserver.h"

#include "server/hearthserver.h"

namespace hearth::server {

EmbeddedServer::EmbeddedServer(ServerOptions options) : m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("hearth-server"));
}

EmbeddedServer::~EmbeddedServer()
{
    if (m_server) {
        QMetaObject::invokeMethod(m_server, [server = m_server] {
            server->stop();
            delete server; // in its own thread, where its sockets and database belong
        }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

bool EmbeddedServer::start(QString *errorMessage)
{
    if (m_server) {
        if (errorMessage)
            *errorMessage = QStringLiteral("the embedded server was already started");
        return false;
    }
    // Moved before its first start(), so its database connection and sockets are made in the
    // worker thread, where they will be used.
    m_server = new HearthServer(m_options);
    m_server->moveToThread(&m_thread);
    m_thread.start();
    bool started = false;
    QString error;
    QMetaObject::invokeMethod(m_server, [this, &started, &error] {
        started = m_server->start(&error);
        if (started)
            m_httpUrl = m_server->httpUrl();
    }, Qt::BlockingQueuedConnection);
    if (!started && errorMessage)
        *errorMessage = error;
    return started;
}

} // namespace hearth::server
