#include "server/hearthserver.h"

#include "core/logging.h"
#include "server/accountrepository.h"
#include "server/analyticsapi.h"
#include "server/analyticsrepository.h"
#include "server/analyticsservice.h"
#include "server/analyticssimulator.h"
#include "server/authservice.h"
#include "server/clusterfeed.h"
#include "server/database.h"
#include "server/demoaccounts.h"
#include "server/demoseeder.h"
#include "server/demoservice.h"
#include "server/demowidgets.h"
#include "server/eventlog.h"
#include "server/firstrunseeder.h"
#include "server/passwordhasher.h"
#include "server/guardedtcpserver.h"
#include "server/httpapi.h"
#include "server/httpresponses.h"
#include "server/httpservercompat.h"
#include "server/idempotencystore.h"
#include "server/demoinventory.h"
#include "server/inventoryapi.h"
#include "server/inventoryrepository.h"
#include "server/inventoryservice.h"
#include "server/inventorysimulator.h"
#include "server/kitchenapi.h"
#include "server/kitchencontrol.h"
#include "server/menurepository.h"
#include "server/orderapi.h"
#include "server/migrations.h"
#include "server/orderrepository.h"
#include "server/orderservice.h"
#include "server/ordersimulator.h"
#include "server/presenceregistry.h"
#include "server/sessionapi.h"
#include "server/tlscredentials.h"
#include "server/sessionrepository.h"
#include "server/sqldialect.h"
#include "server/websockethub.h"
#include "server/widgetapi.h"
#include "server/widgetrepository.h"
#include "server/widgetservice.h"

#include <QHttpServer>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <limits>

namespace hearth::server {

namespace {

// How long stop() lets clients answer the close frame before their sockets are dropped.
constexpr int drainTimeoutMs = 2000;

} // namespace

HearthServer::HearthServer(ServerOptions options, QObject *parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_database(std::make_unique<Database>()),
      m_accounts(std::make_unique<AccountRepository>(m_database.get())),
      m_sessions(std::make_unique<SessionRepository>(m_database.get())),
      m_auth(std::make_unique<AuthService>(m_accounts.get(), m_sessions.get())),
      m_eventLog(std::make_unique<EventLog>(m_database.get(), m_options.eventRetention)),
      m_orderRepository(std::make_unique<OrderRepository>(m_database.get())),
      m_orderService(new OrderService(m_database.get(), m_orderRepository.get(), m_eventLog.get(), this)),
      m_widgetRepository(std::make_unique<WidgetRepository>(m_database.get())),
      m_idempotency(std::make_unique<IdempotencyStore>(m_database.get())),
      m_widgetService(new WidgetService(m_database.get(), m_widgetRepository.get(), m_eventLog.get(), this)),
      m_presence(new PresenceRegistry(this)),
      m_simulator(new OrderSimulator(m_orderService, QString(DemoAccounts::restaurantId), this)),
      m_hub(new WebSocketHub(m_auth.get(), m_eventLog.get(), this)),
      m_feed(new ClusterFeed(m_database.get(), m_eventLog.get(), this)),
      m_drainTimer(new QTimer(this)),
      m_inventoryRepository(std::make_unique<InventoryRepository>(m_database.get())),
      m_menuRepository(std::make_unique<MenuRepository>(m_database.get())),
      m_inventoryService(new InventoryService(m_database.get(), m_inventoryRepository.get(), m_menuRepository.get(),
                                              m_eventLog.get(), this)),
      m_inventorySimulator(new InventorySimulator(m_orderService, m_inventoryService,
                                                  QString(DemoAccounts::restaurantId), this)),
      m_analyticsRepository(std::make_unique<AnalyticsRepository>(m_database.get())),
      m_analyticsService(new AnalyticsService(m_database.get(), m_analyticsRepository.get(), m_eventLog.get(), this)),
      m_analyticsSimulator(new AnalyticsSimulator(m_analyticsService, m_widgetService,
                                                  QString(DemoAccounts::restaurantId), this)),
      m_kitchen(new KitchenControlService(m_database.get(), m_orderService, m_widgetService, this))
{
    m_auth->setPasswordIterations(m_options.passwordHashIterations);
    m_simulator->setUnorderableDishes([this] {
        QSet<QString> unorderable;
        const QDate today = QDate::currentDate();
        for (const MenuItem &item : m_menuRepository->all(QString(DemoAccounts::restaurantId))) {
            if (!item.isOrderableOn(today))
                unorderable.insert(item.name);
        }
        return unorderable;
    });
    m_hub->setHeartbeatMs(m_options.heartbeatMs);
    m_drainTimer->setSingleShot(true);
    m_drainTimer->setInterval(drainTimeoutMs);
    connect(m_drainTimer, &QTimer::timeout, this, &HearthServer::finishDrain);
    connect(m_hub, &WebSocketHub::closingFinished, this, [this] {
        if (!m_retiredTcpServers.isEmpty())
            finishDrain();
    });
    connect(m_orderService, &OrderService::eventAppended, m_feed, &ClusterFeed::forwardLocal);
    connect(m_widgetService, &WidgetService::eventAppended, m_feed, &ClusterFeed::forwardLocal);
    connect(m_feed, &ClusterFeed::eventReady, m_hub, &WebSocketHub::publish);
    connect(m_presence, &PresenceRegistry::eventAppended, m_hub, &WebSocketHub::publish);
    m_hub->channels().add(QString(WidgetEvents::channel), Role::Staff, m_eventLog.get());
    connect(m_inventoryService, &InventoryService::eventAppended, m_feed, &ClusterFeed::forwardLocal);
    m_hub->channels().add(QString(InventoryEvents::channel), Role::Staff, m_eventLog.get());
    m_hub->channels().add(QString(PresenceEvents::channel), Role::Staff, m_presence);
    connect(m_analyticsService, &AnalyticsService::eventAppended, m_feed, &ClusterFeed::forwardLocal);
    m_hub->channels().add(QStringLiteral("analytics"), Role::Manager, m_eventLog.get());
    m_hub->setPresence(m_presence);
    m_presence->setWidgetCheck([this](const QString &restaurantId, const QString &widgetId) {
        return m_widgetService->exists(restaurantId, widgetId);
    });
}

HearthServer::~HearthServer()
{
    stop();
    finishDrain();
    // The hub's sessions hold QWebSockets over TCP sockets owned by the HTTP server's listeners:
    // they go first, then the HTTP server with its listeners.
    delete m_hub;
    delete m_http;
}

bool HearthServer::start(QString *errorMessage)
{
    if (m_running)
        return true;
    const auto fail = [this, errorMessage](const QString &message) {
        qCWarning(lcServer).noquote() << "cannot start:" << message;
        if (errorMessage)
            *errorMessage = message;
        m_feed->stop();
        m_database->close();
        return false;
    };
    if (m_options.databasePath.isEmpty())
        return fail(QStringLiteral("no database path given"));
    QString problem;
    if (!m_database->open(m_options.databasePath, &problem))
        return fail(problem);
    // Instances starting together on one PostgreSQL database migrate and seed one at a time.
    const auto unlockSchema = [this] {
        QSqlDatabase connection = m_database->connection();
        if (connection.isOpen()) // else closing the connection released the lock
            SqlDialect::unlockSchema(connection);
    };
    {
        QSqlDatabase connection = m_database->connection();
        if (!SqlDialect::lockSchema(connection))
            return fail(QStringLiteral("cannot lock the database schema"));
    }
    auto schemaLock = qScopeGuard(unlockSchema);
    if (!Migrations::apply(m_database->connection(), &problem) || !m_database->loadEpoch(&problem)
        || !seedAccounts(&problem))
        return fail(problem);
    if (!m_options.address.isLoopback() && publishedPasswordsInUse()) {
        return fail(QStringLiteral("the demo passwords of staff/manager are in use: refusing to listen on %1 (listen on "
                                   "127.0.0.1, or start a database without --demo)")
                        .arg(m_options.address.toString()));
    }
    if (usesTls()) {
        m_tls = TlsCredentials::load(m_options.tlsCertificatePath, m_options.tlsKeyPath, &problem);
        if (!m_tls)
            return fail(problem);
    } else if (!m_options.address.isLoopback() && !m_options.allowInsecureHttp) {
        return fail(QStringLiteral("refusing plain HTTP on %1: passwords would cross the network readable by anyone on "
                                   "it. Give --tls-cert and --tls-key, or --insecure-http on a network you trust")
                        .arg(m_options.address.toString()));
    }
    if (m_options.seedDemoAccounts && m_accounts->restaurant(QString(DemoAccounts::restaurantId))
        && !DemoWidgets::seedIfFresh(m_widgetService, QString(DemoAccounts::restaurantId), &problem))
        return fail(problem);
    if (m_options.seedDemoAccounts && m_accounts->restaurant(QString(DemoAccounts::restaurantId))
        && !DemoInventory::seedIfFresh(m_inventoryService, QString(DemoAccounts::restaurantId), &problem))
        return fail(problem);
    // Before the simulator starts, so that it adopts the seeded open orders and carries them on.
    if (m_options.seedDemoService
        && !DemoService::seedIfFresh(m_orderService, QString(DemoAccounts::restaurantId),
                                     QDateTime::currentDateTimeUtc(), *QRandomGenerator::global(), &problem))
        return fail(problem);
    if (m_options.analyticsRetentionDays > 0 && !m_analyticsRepository->setRetentionDays(m_options.analyticsRetentionDays))
        return fail(QStringLiteral("cannot store the analytics retention"));
    if (m_options.seedDemoService
        && !m_analyticsSimulator->seedHistory(QDateTime::currentMSecsSinceEpoch(), 8, &problem))
        return fail(problem);
    schemaLock.dismiss();
    unlockSchema();
    if (!m_feed->start(&problem))
        return fail(problem);

    ensureHttpServer();
    // A restarted server comes back at the URL its clients already know.
    const quint16 wantedPort = m_options.port != 0 ? m_options.port : m_port;
    ConnectionLimits connectionLimits;
    connectionLimits.maxConnections = m_options.maxConnections;
    connectionLimits.maxConnectionsPerAddress = m_options.maxConnectionsPerAddress;
    HttpLimits requestLimits;
    requestLimits.maxBodyBytes = m_options.maxRequestBodyBytes > 0 ? m_options.maxRequestBodyBytes
                                                                    : std::numeric_limits<qint64>::max();
    requestLimits.maxHeaderBytes = m_options.maxRequestHeaderBytes > 0 ? m_options.maxRequestHeaderBytes
                                                                        : std::numeric_limits<int>::max() - 4;
    requestLimits.requestTimeoutMs = m_options.requestTimeoutMs;
    requestLimits.idleTimeoutMs = m_options.idleTimeoutMs;
    auto *tcpServer = new GuardedTcpServer(connectionLimits, requestLimits, this);
    tcpServer->setTlsConfiguration(m_tls);
    if (!tcpServer->listen(m_options.address, wantedPort)) {
        const QString reason = tcpServer->errorString();
        delete tcpServer;
        return fail(QStringLiteral("cannot listen on %1 port %2: %3")
                        .arg(m_options.address.toString())
                        .arg(wantedPort)
                        .arg(reason));
    }
    if (!compat::bindTcpServer(m_http, tcpServer)) {
        delete tcpServer;
        return fail(QStringLiteral("the HTTP server refused the listening socket"));
    }
    m_tcpServer = tcpServer;
    m_port = tcpServer->serverPort();

    m_eventLog->setRetention(m_options.eventRetention);
    m_eventLog->prune();
    m_idempotency->prune();
    // Presence lives in memory: a start begins a new log (and epoch) with nobody present.
    m_presence->reset();
    m_presence->setTimeoutMs(m_options.presenceTimeoutMs);
    m_hub->setEpoch(m_database->epoch());
    m_hub->setHeartbeatMs(m_options.heartbeatMs);
    m_hub->setFrameLimits(m_options.clientFrames);
    m_hub->setSendLimits(m_options.sendBufferLimitBytes, m_options.socketSendBufferBytes);
    m_auth->setTokenLifetime(std::chrono::milliseconds(m_options.tokenLifetimeMs));
    m_api->setMutationLimits(m_options.restMutationsPerSecond, m_options.restMutationBurst);
    m_api->setLoginLimits(LoginLimits{m_options.loginFailuresPerUser, m_options.loginUserRefillPerSecond,
                                      m_options.loginFailuresPerAddress, m_options.loginAddressRefillPerSecond});
    m_api->setAccepting(true);
    m_analyticsApi->setLimits(m_options.analyticsBatchesPerSecond, m_options.analyticsBatchBurst);
    m_analyticsService->start();
    m_kitchen->start();
    m_uptime.start();
    m_running = true;
    m_simulator->setSpeed(m_options.simulationSpeed);
    m_simulator->setRate(m_options.simulateOrdersPerMinute);
    m_inventorySimulator->setActive(m_options.simulateOrdersPerMinute > 0, m_options.simulationSpeed);
    m_analyticsSimulator->setActive(m_options.simulateOrdersPerMinute > 0);
    qCInfo(lcServer).noquote() << "listening on" << listenDescription() << (usesTls() ? "with TLS" : "plain HTTP")
                               << "epoch" << m_database->epoch();
    emit started(m_port);
    return true;
}

bool HearthServer::reloadTls(QString *errorMessage)
{
    if (!usesTls())
        return true;
    QString problem;
    std::optional<QSslConfiguration> fresh =
        TlsCredentials::load(m_options.tlsCertificatePath, m_options.tlsKeyPath, &problem);
    if (!fresh) {
        qCWarning(lcServer).noquote() << "TLS certificate not reloaded (the old one stays):" << problem;
        if (errorMessage)
            *errorMessage = problem;
        return false;
    }
    m_tls = std::move(fresh);
    if (auto *guarded = qobject_cast<GuardedTcpServer *>(m_tcpServer.data()))
        guarded->setTlsConfiguration(m_tls);
    qCInfo(lcServer).noquote() << "TLS certificate reloaded; it expires"
                               << m_tls->localCertificate().expiryDate().toString(Qt::ISODate);
    return true;
}

bool HearthServer::seedAccounts(QString *problem)
{
    m_firstRunPassword.clear();
    if (m_options.seedDemoAccounts)
        return DemoSeeder::seedIfEmpty(m_database.get(), m_accounts.get(),
                                       std::min(m_options.passwordHashIterations, DemoAccounts::passwordIterations),
                                       problem);
    return FirstRunSeeder::seedIfEmpty(m_database.get(), m_accounts.get(), m_options.passwordHashIterations,
                                       m_options.restaurantName, m_options.adminPassword, &m_firstRunPassword,
                                       problem);
}

bool HearthServer::publishedPasswordsInUse() const
{
    const std::pair<QLatin1StringView, QLatin1StringView> published[] = {
        {DemoAccounts::staffUsername, DemoAccounts::staffPassword},
        {DemoAccounts::managerUsername, DemoAccounts::managerPassword},
    };
    for (const auto &[username, password] : published) {
        const std::optional<User> user = m_accounts->userByUsername(QString(username));
        if (user && PasswordHasher::verify(QString(password), user->passwordHash))
            return true;
    }
    return false;
}

void HearthServer::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_simulator->stop();
    m_inventorySimulator->setActive(false);
    m_analyticsSimulator->setActive(false);
    m_analyticsService->stop(); // what was posted is stored and announced before the database closes
    m_kitchen->stop();
    m_api->setAccepting(false);
    m_hub->shutdown(m_options.reconnectAfterMs);
    if (m_tcpServer) {
        m_tcpServer->close(); // the port is free from here on; open connections remain
        closePlainHttpConnections(m_tcpServer);
        m_retiredTcpServers.append(m_tcpServer);
        m_tcpServer = nullptr;
    }
    m_feed->stop();
    m_database->close();
    qCInfo(lcServer) << "stopped";
    if (m_hub->closingCount() == 0)
        finishDrain();
    else
        m_drainTimer->start();
    emit stopped();
}

void HearthServer::abortAllConnections()
{
    m_hub->abortAllConnections();
}

void HearthServer::finishDrain()
{
    m_drainTimer->stop();
    m_hub->abortClosing();
    const QList<QPointer<QTcpServer>> retired = std::exchange(m_retiredTcpServers, {});
    for (const QPointer<QTcpServer> &tcpServer : retired)
        delete tcpServer.data(); // also its remaining HTTP connections
    if (!retired.isEmpty())
        emit drained();
}

void HearthServer::closePlainHttpConnections(QTcpServer *tcpServer)
{
    // Keep-alive HTTP connections would otherwise outlive the server and answer 503s.
    const QList<QTcpSocket *> sockets = tcpServer->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
    for (QTcpSocket *socket : sockets) {
        if (!m_hub->ownsTransport(socket))
            socket->disconnectFromHost();
    }
}

void HearthServer::ensureHttpServer()
{
    if (m_http)
        return;
    m_http = new QHttpServer(this);
    m_api = new HttpApi(m_http, m_auth.get(), m_orderService, m_database.get(), this);
    m_api->setStatsSource([this](const QString &restaurantId) { return statsFor(restaurantId); });
    new OrderApi(m_http, m_api, m_orderService, m_idempotency.get(), this);
    new SessionApi(m_http, m_api, m_auth.get(), m_hub, m_idempotency.get(), this);
    m_widgetApi = new WidgetApi(m_http, m_api, m_widgetService, m_presence, m_idempotency.get(), this);
    new InventoryApi(m_http, m_api, m_inventoryService, m_idempotency.get(), this);
    m_analyticsApi = new AnalyticsApi(m_http, m_api, m_analyticsService, m_widgetService, this);
    new KitchenApi(m_http, m_api, m_kitchen, this);
    compat::acceptWebSocketUpgrades(
        m_http, QStringLiteral("/ws"),
        HttpResponses::errorBody(QLatin1StringView("bad_request"),
                                 QStringLiteral("/ws only accepts WebSocket upgrades")));
    connect(m_http, &QAbstractHttpServer::newWebSocketConnection, this, &HearthServer::onNewWebSocketConnection);
}

void HearthServer::onNewWebSocketConnection()
{
    while (m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http->nextPendingWebSocketConnection();
        if (!socket)
            break;
        QTcpSocket *transport = compat::upgradedTcpSocket(m_tcpServer, socket.get());
        if (!m_running) { // a handshake that finished after stop()
            socket->abort();
            socket.reset();
            if (transport)
                transport->deleteLater();
            continue;
        }
        m_hub->accept(std::move(socket), transport);
    }
}

int HearthServer::passwordChecksRunning() const
{
    return m_api ? m_api->passwordChecksRunning() : 0;
}

int HearthServer::httpConnectionCount() const
{
    const auto *guarded = qobject_cast<const GuardedTcpServer *>(m_tcpServer.data());
    return guarded ? guarded->connectionCount() : 0;
}

QUrl HearthServer::httpUrl() const
{
    QUrl url;
    url.setScheme(usesTls() ? QStringLiteral("https") : QStringLiteral("http"));
    QHostAddress host = m_options.address;
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    url.setHost(host.toString());
    url.setPort(m_port);
    return url;
}

QString HearthServer::describeListenAddress(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']'
                                                                              : address.toString();
    const QString endpoint = QStringLiteral("%1:%2").arg(host).arg(port);
    if (address == QHostAddress::AnyIPv4)
        return endpoint + QStringLiteral(" (every IPv4 interface)");
    if (address == QHostAddress::AnyIPv6)
        return endpoint + QStringLiteral(" (every IPv6 interface)");
    if (address == QHostAddress::Any)
        return QStringLiteral("*:%1 (every interface)").arg(port);
    if (address.isLoopback())
        return endpoint + QStringLiteral(" (this machine only)");
    return endpoint;
}

QUrl HearthServer::webSocketUrl() const
{
    QUrl url = httpUrl();
    url.setScheme(usesTls() ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws"));
    return url;
}

QString HearthServer::epoch() const
{
    return m_database->epoch();
}

void HearthServer::setSimulationRate(double ordersPerMinute)
{
    m_options.simulateOrdersPerMinute = ordersPerMinute;
    if (m_running) {
        m_simulator->setRate(ordersPerMinute);
        m_inventorySimulator->setActive(ordersPerMinute > 0, m_options.simulationSpeed);
        m_analyticsSimulator->setActive(ordersPerMinute > 0);
    }
}

ServerStats HearthServer::stats(const QString &restaurantId) const
{
    const TrafficCounters &counters = m_hub->counters();
    const TrafficCounters::Figures figures = restaurantId.isEmpty() ? counters.total() : counters.of(restaurantId);
    ServerStats stats;
    stats.connections = m_hub->connectionCount(restaurantId);
    stats.subscriptions = m_hub->subscriptionCount(restaurantId);
    stats.eventsSent = figures.eventsSent;
    stats.malformedFrames = figures.malformedFrames;
    stats.rateLimitedFrames = figures.rateLimitedFrames;
    stats.pongsReceived = figures.pongsReceived;
    stats.slowReadersDropped = figures.slowReadersDropped;
    stats.replaysWaiting = m_hub->replaysWaiting();
    if (!restaurantId.isEmpty())
        stats.eventsPerSecond = counters.eventsPerSecond(restaurantId, TrafficCounters::nowMs());
    stats.uptimeSeconds = m_running && m_uptime.isValid() ? m_uptime.elapsed() / 1000 : 0;
    return stats;
}

QJsonObject HearthServer::statsFor(const QString &restaurantId) const
{
    // Everything is the caller's restaurant's: a manager learns nothing about other tenants.
    const ServerStats figures = stats(restaurantId);
    QJsonObject channels;
    const QStringList names = m_hub->channels().names();
    for (const QString &channel : names) {
        const EventSource *source = m_hub->channels().source(channel);
        channels.insert(channel,
                        QJsonObject{{QStringLiteral("epoch"), source->epoch()},
                                    {QStringLiteral("head_seq"), source->headSeq(restaurantId, channel)},
                                    {QStringLiteral("oldest_seq"), source->oldestRetainedSeq(restaurantId, channel)}});
    }
    return QJsonObject{
        {QStringLiteral("connections"), figures.connections},
        {QStringLiteral("subscriptions"), figures.subscriptions},
        {QStringLiteral("events_sent"), figures.eventsSent},
        {QStringLiteral("malformed_frames"), figures.malformedFrames},
        {QStringLiteral("rate_limited_frames"), figures.rateLimitedFrames},
        {QStringLiteral("events_per_second"), figures.eventsPerSecond},
        {QStringLiteral("uptime_s"), figures.uptimeSeconds},
        {QStringLiteral("channels"), channels},
    };
}

} // namespace hearth::server
