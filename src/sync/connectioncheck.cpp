#include "sync/connectioncheck.h"

#include "api/networkprobe.h"
#include "sync/ordersclient.h"

namespace hearth {

using namespace std::chrono_literals;

ConnectionCheck::ConnectionCheck(OrdersClient *client, QObject *parent)
    : QObject(parent), m_client(client), m_probe(new NetworkProbe(this))
{
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(10s);
}

ConnectionCheck::~ConnectionCheck() = default;

void ConnectionCheck::setStepTimeout(std::chrono::milliseconds timeout)
{
    m_watchdog.setInterval(timeout);
    m_probe->setTimeout(timeout);
}

void ConnectionCheck::run(const ServerAddress &address, const Credentials &credentials)
{
    m_address = address;
    m_credentials = credentials;
    m_done = false;
    const QString host = address.httpBase.host();
    const bool secure = address.httpBase.scheme() == u"https";
    const auto port = quint16(address.httpBase.port(secure ? 443 : 80));

    m_steps = {[this, host] { m_probe->resolve(host, [this](const ProbeResult &r) { report(QStringLiteral("dns"), r); }); },
               [this, host, port] { m_probe->connectTcp(host, port, [this](const ProbeResult &r) { report(QStringLiteral("tcp"), r); }); }};
    if (secure)
        m_steps.append([this, host, port] {
            m_probe->handshakeTls(host, port, [this](const ProbeResult &r) { report(QStringLiteral("tls"), r); });
        });
    m_steps.append([this] { checkApi(); });
    m_steps.append([this] { checkAuth(); });
    m_steps.append([this] { checkUpgrade(true); });
    m_steps.append([this] { checkSubscribe(); });
    m_steps.append([this] { checkRoundTrip(); });
    runNext();
}

void ConnectionCheck::runForeign(const QUrl &webSocketUrl, const QString &token)
{
    m_done = false;
    m_credentials = {token, {}, {}};
    const QString host = webSocketUrl.host();
    const bool secure = webSocketUrl.scheme() == u"wss";
    const auto port = quint16(webSocketUrl.port(secure ? 443 : 80));
    m_steps = {[this, host] { m_probe->resolve(host, [this](const ProbeResult &r) { report(QStringLiteral("dns"), r); }); },
               [this, host, port] { m_probe->connectTcp(host, port, [this](const ProbeResult &r) { report(QStringLiteral("tcp"), r); }); }};
    if (secure)
        m_steps.append([this, host, port] {
            m_probe->handshakeTls(host, port, [this](const ProbeResult &r) { report(QStringLiteral("tls"), r); });
        });
    m_steps.append([this] { checkUpgrade(false); });
    m_steps.append([this] { checkSubscribe(); });
    m_steps.append([this] { checkRoundTrip(); });
    runNext();
}

void ConnectionCheck::runNext()
{
    if (m_done)
        return;
    if (m_steps.isEmpty()) {
        m_done = true;
        emit finished(true);
        return;
    }
    const Step step = m_steps.takeFirst();
    step();
}

void ConnectionCheck::report(const QString &name, const ProbeResult &result)
{
    if (result.ok)
        pass(name, result.detail);
    else
        fail(name, result.detail, result.hint);
}

void ConnectionCheck::pass(const QString &name, const QString &detail)
{
    m_watchdog.stop();
    for (const QMetaObject::Connection &wait : std::as_const(m_waits))
        disconnect(wait);
    m_waits.clear();
    emit stepFinished({name, true, detail, {}});
    // The next step starts from the event loop: a step's own callbacks are unwound first.
    QMetaObject::invokeMethod(this, &ConnectionCheck::runNext, Qt::QueuedConnection);
}

void ConnectionCheck::fail(const QString &name, const QString &detail, const QString &hint)
{
    if (m_done)
        return;
    m_done = true;
    m_watchdog.stop();
    for (const QMetaObject::Connection &wait : std::as_const(m_waits))
        disconnect(wait);
    m_waits.clear();
    m_client->realtime().stop();
    emit stepFinished({name, false, detail, hint});
    emit finished(false);
}

void ConnectionCheck::checkApi()
{
    m_client->rest().setBaseUrl(m_address.httpBase);
    m_client->rest().checkHealth(this, [this](const ApiResult<QString> &result) {
        if (result.ok())
            pass(QStringLiteral("api"), tr("Hearth API answers (epoch %1)").arg(*result.value));
        else
            fail(QStringLiteral("api"), result.error.details,
                 tr("Something answers there, but not a Hearth server: %1 Check the address and path.")
                     .arg(result.error.message));
    });
}

void ConnectionCheck::checkAuth()
{
    if (!m_credentials.username.isEmpty()) {
        m_client->rest().login(m_credentials.username, m_credentials.password, this,
                               [this](const ApiResult<Session> &result) {
                                   if (!result.ok()) {
                                       fail(QStringLiteral("auth"), result.error.details, result.error.message);
                                       return;
                                   }
                                   m_credentials.token = result.value->token;
                                   m_client->rest().setToken(result.value->token);
                                   pass(QStringLiteral("auth"), tr("signed in as %1 (%2) at %3")
                                                                   .arg(result.value->username, result.value->role,
                                                                        result.value->restaurantName));
                               });
        return;
    }
    if (m_credentials.token.isEmpty()) {
        fail(QStringLiteral("auth"), tr("no credentials given"),
             tr("Give --token, or --user with the password in HEARTH_PASSWORD."));
        return;
    }
    // A token is checked by using it: the orders snapshot needs a valid session.
    m_client->rest().setToken(m_credentials.token);
    m_client->rest().fetchOrders(std::nullopt, this, [this](const ApiResult<OrdersSnapshot> &result) {
        if (result.ok())
            pass(QStringLiteral("auth"), tr("the token is accepted"));
        else
            fail(QStringLiteral("auth"), result.error.details, result.error.message);
    });
}

void ConnectionCheck::awaitRealtime(const QString &name, const std::function<void()> &start)
{
    RealtimeService *realtime = &m_client->realtime();
    m_waits.append(connect(realtime, &RealtimeService::stateChanged, this, [this, name, realtime](ConnectionState state) {
        if (state == ConnectionState::SignedOut || state == ConnectionState::Offline
            || state == ConnectionState::WaitingToRetry)
            fail(name, realtime->lastErrorDetails(), realtime->lastError());
    }));
    m_waits.append(connect(&m_watchdog, &QTimer::timeout, this, [this, name] {
        fail(name, tr("no answer within the time limit"),
             tr("The server did not answer on its WebSocket. A proxy or firewall may block WebSocket upgrades."));
    }));
    m_watchdog.start();
    start();
}

void ConnectionCheck::checkUpgrade(bool hearthEndpoint)
{
    RealtimeService *realtime = &m_client->realtime();
    if (hearthEndpoint)
        realtime->setEndpoint(m_address.webSocketUrl, m_credentials.token);
    realtime->setHeartbeatOverride(500ms); // a quick round trip for the last step
    awaitRealtime(QStringLiteral("upgrade"), [this, realtime] {
        m_waits.append(connect(realtime, &RealtimeService::stateChanged, this, [this, realtime](ConnectionState state) {
            if (state == ConnectionState::Live)
                pass(QStringLiteral("upgrade"), tr("WebSocket open at %1, server epoch %2")
                                                    .arg(realtime->endpoint().toDisplayString(QUrl::RemoveQuery),
                                                         realtime->serverEpoch()));
        }));
        realtime->start();
    });
}

void ConnectionCheck::checkSubscribe()
{
    RealtimeService *realtime = &m_client->realtime();
    awaitRealtime(QStringLiteral("subscribe"), [this, realtime] {
        // A first subscription is confirmed with the server's position and, since this client
        // has none, a request for a snapshot.
        m_waits.append(connect(realtime, &RealtimeService::snapshotRequired, this,
                               [this](const QString &channel, const SyncPosition &position) {
                                   pass(QStringLiteral("subscribe"),
                                        tr("subscribed to %1 at seq %2").arg(channel).arg(position.seq));
                               }));
        m_waits.append(connect(realtime, &RealtimeService::errorOccurred, this, [this, realtime](const QString &message) {
            fail(QStringLiteral("subscribe"), realtime->lastErrorDetails(), message);
        }));
        realtime->subscribe(QStringLiteral("orders"));
    });
}

void ConnectionCheck::checkRoundTrip()
{
    RealtimeService *realtime = &m_client->realtime();
    awaitRealtime(QStringLiteral("rtt"), [this, realtime] {
        m_waits.append(connect(realtime, &RealtimeService::roundTripMeasured, this, [this](qint64 ms) {
            pass(QStringLiteral("rtt"), tr("%1 ms").arg(ms)); // stops listening first
            m_client->realtime().stop();
        }));
    });
}

} // namespace hearth
