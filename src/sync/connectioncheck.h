#pragma once

// `hearthctl check`: walks the path from this PC to the server one step at a time — name
// lookup, TCP, TLS, the REST API, sign-in, the WebSocket upgrade, a subscription, a round trip —
// and says for each whether it passed and, if not, what to do. Stops at the first failure,
// since every later step depends on it.
#include "core/serveraddress.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QTimer>

#include <functional>

namespace hearth {

class NetworkProbe;
class OrdersClient;
struct ProbeResult;

struct CheckStep
{
    QString name;   // "dns", "tcp", "tls", "api", "auth", "upgrade", "subscribe", "rtt"
    bool ok = false;
    QString detail;
    QString hint;   // on failure: what an installer can do about it
};

class ConnectionCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionCheck)

public:
    struct Credentials
    {
        QString token;    // an existing session token, or
        QString username; // a user to sign in as
        QString password;
    };

    explicit ConnectionCheck(OrdersClient *client, QObject *parent = nullptr);
    ~ConnectionCheck() override;

    void setStepTimeout(std::chrono::milliseconds timeout);
    void run(const ServerAddress &address, const Credentials &credentials);
    // A backend described by a profile and already set up on the client (BackendSetup): without
    // Hearth's REST API the api and auth steps give way to the token going straight to the link.
    void runForeign(const QUrl &webSocketUrl, const QString &token);

signals:
    void stepFinished(const hearth::CheckStep &step);
    void finished(bool passed);

private:
    using Step = std::function<void()>;
    void runNext();
    void report(const QString &name, const ProbeResult &result);
    void pass(const QString &name, const QString &detail);
    void fail(const QString &name, const QString &detail, const QString &hint);
    // Waits for the realtime link to answer; the watchdog fails the step if nothing comes.
    void awaitRealtime(const QString &name, const std::function<void()> &start);

    void checkApi();
    void checkAuth();
    void checkUpgrade(bool hearthEndpoint);
    void checkSubscribe();
    void checkRoundTrip();

    OrdersClient *m_client;
    NetworkProbe *m_probe;
    ServerAddress m_address;
    Credentials m_credentials;
    QList<Step> m_steps;
    QTimer m_watchdog;
    QList<QMetaObject::Connection> m_waits;
    bool m_done = false;
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::CheckStep)
