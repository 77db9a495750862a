#pragma once

// The low-level reachability checks behind `hearthctl check`: name lookup, a TCP connection,
// a verified TLS handshake. Each answers once with a result and, on failure, a hint an installer
// can act on.
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace hearth {

struct ProbeResult
{
    bool ok = false;
    QString detail; // what was found: "127.0.0.1", "TLS 1.3, certificate for bistro.example.com"
    QString hint;   // on failure: what to do about it
};

class NetworkProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkProbe)

public:
    using Done = std::function<void(const ProbeResult &)>;

    explicit NetworkProbe(QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void resolve(const QString &host, Done done);
    void connectTcp(const QString &host, quint16 port, Done done);
    // Verifies the certificate chain and host name exactly as the app's own connections do.
    void handshakeTls(const QString &host, quint16 port, Done done);

private:
    std::chrono::milliseconds m_timeout{8000};
};

} // namespace hearth
