#pragma once

// The whole reference backend as one object: database, REST API, WebSocket hub and simulator
// on one port. `hearth-server` runs it from main(); `hearth --demo` and the integration tests
// embed it. It creates no widgets and parents every child, so it may live in a worker thread —
// but start() must be called in the thread it lives in (the database connection and the
// sockets belong to that thread), and it may not be moved after the first start().
#include "server/serveroptions.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>
#include <optional>

class QHttpServer;
class QTcpServer;
class QTimer;

namespace hearth::server {

class AccountRepository;
class AnalyticsApi;
class AnalyticsRepository;
class AnalyticsService;
class AnalyticsSimulator;
class AuthService;
class ClusterFeed;
class Database;
class EventLog;
class HttpApi;
class IdempotencyStore;
class InventoryRepository;
class InventoryService;
class InventorySimulator;
class KitchenControlService;
class MenuRepository;
class OrderRepository;
class OrderService;
class OrderSimulator;
class PresenceRegistry;
class SessionRepository;
class WebSocketHub;
class WidgetApi;
class WidgetRepository;
class WidgetService;

class HearthServer final : public QObject
{
    Q_OBJECT

public:
    explicit HearthServer(ServerOptions options, QObject *parent = nullptr);
    ~HearthServer() override;

    // Opens and migrates the database, seeds a new one, listens. False with a clear message
    // (port taken, database unwritable, …) and nothing left half-running.
    bool start(QString *errorMessage = nullptr);
    // Graceful: clients get reconnect advice and a close frame, the port is released, the
    // database closed. start() may follow at once, on the same port and database.
    void stop();
    // Hard drop of every WebSocket (no close frame), for fault tests. Keeps listening.
    void abortAllConnections();

    bool isRunning() const { return m_running; }
    quint16 port() const { return m_port; }
    QUrl httpUrl() const; // how this machine reaches the server (a wildcard address as loopback)
    // What the server really listens on, for the banner and the log: "0.0.0.0:8080 (every IPv4
    // interface)", "127.0.0.1:8080 (this machine only)", "[fe80::1]:8080".
    QString listenDescription() const { return describeListenAddress(m_options.address, m_port); }
    static QString describeListenAddress(const QHostAddress &address, quint16 port);
    QUrl webSocketUrl() const;
    bool usesTls() const { return !m_options.tlsCertificatePath.isEmpty(); }
    // Reads --tls-cert/--tls-key again for the connections that follow (SIGHUP). On failure
    // the certificate in use stays, and `errorMessage` says why.
    bool reloadTls(QString *errorMessage = nullptr);
    QString epoch() const;
    const ServerOptions &options() const { return m_options; }
    // The random password given to `admin` by this start, to be shown once; empty otherwise.
    QString firstRunPassword() const { return m_firstRunPassword; }

    OrderService *orders() const { return m_orderService; }
    WidgetService *widgets() const { return m_widgetService; }
    InventoryService *inventory() const { return m_inventoryService; }
    PresenceRegistry *presence() const { return m_presence; }
    AnalyticsService *analytics() const { return m_analyticsService; }
    AnalyticsSimulator *analyticsSimulator() const { return m_analyticsSimulator; }
    KitchenControlService *kitchen() const { return m_kitchen; }
    AccountRepository *accounts() const { return m_accounts.get(); }
    EventLog *eventLog() const { return m_eventLog.get(); }

    // Open TCP connections (HTTP and WebSocket) on the current listening socket.
    int httpConnectionCount() const;
    // Sign-ins whose password check is queued or running on a worker thread.
    int passwordChecksRunning() const;

    void setSimulationRate(double ordersPerMinute);
    // Empty restaurantId: the whole server.
    ServerStats stats(const QString &restaurantId = {}) const;
    // GET /api/stats for one restaurant: its connections' figures, each channel's log, uptime.
    QJsonObject statsFor(const QString &restaurantId) const;

signals:
    void started(quint16 port);
    void stopped();
    // After stop(): every WebSocket has finished its closing handshake (or was dropped after
    // a timeout) and the old listening socket is gone.
    void drained();

private:
    void ensureHttpServer();
    void onNewWebSocketConnection();
    void closePlainHttpConnections(QTcpServer *tcpServer);
    void finishDrain();
    // True when a demo account still has its published password (the check costs a hash each).
    bool publishedPasswordsInUse() const;
    bool seedAccounts(QString *problem);

    ServerOptions m_options;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AccountRepository> m_accounts;
    std::unique_ptr<SessionRepository> m_sessions;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<OrderRepository> m_orderRepository;
    OrderService *m_orderService;
    std::unique_ptr<WidgetRepository> m_widgetRepository;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    WidgetService *m_widgetService;
    PresenceRegistry *m_presence;
    OrderSimulator *m_simulator;
    WebSocketHub *m_hub;
    ClusterFeed *m_feed; // the durable events of every instance on the database, to m_hub
    QTimer *m_drainTimer;
    QHttpServer *m_http = nullptr; // created by the first start(), in the server's thread
    HttpApi *m_api = nullptr;
    WidgetApi *m_widgetApi = nullptr;
    std::unique_ptr<InventoryRepository> m_inventoryRepository;
    std::unique_ptr<MenuRepository> m_menuRepository;
    InventoryService *m_inventoryService;
    InventorySimulator *m_inventorySimulator;
    std::unique_ptr<AnalyticsRepository> m_analyticsRepository;
    AnalyticsService *m_analyticsService;
    AnalyticsSimulator *m_analyticsSimulator;
    AnalyticsApi *m_analyticsApi = nullptr;
    KitchenControlService *m_kitchen;
    QPointer<QTcpServer> m_tcpServer;
    QList<QPointer<QTcpServer>> m_retiredTcpServers;
    quint16 m_port = 0;
    QElapsedTimer m_uptime;
    bool m_running = false;
    QString m_firstRunPassword;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace hearth::server
