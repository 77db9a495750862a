#pragma once

// Runs a HearthServer on a thread of its own inside another program (`hearth --demo`), so that
// the simulator's SQLite writes and the server's sockets never stall the dashboard's GUI thread.
#include "server/serveroptions.h"

#include <QThread>
#include <QUrl>

namespace hearth::server {

class HearthServer;

class EmbeddedServer final
{
public:
    explicit EmbeddedServer(ServerOptions options);
    ~EmbeddedServer(); // stops the server and joins its thread
    Q_DISABLE_COPY_MOVE(EmbeddedServer)

    // Blocks until the server listens (or failed to, with a message).
    bool start(QString *errorMessage = nullptr);
    QUrl httpUrl() const { return m_httpUrl; }

private:
    ServerOptions m_options;
    QThread m_thread;
    HearthServer *m_server = nullptr; // lives in m_thread
    QUrl m_httpUrl;
};

} // namespace hearth::server
