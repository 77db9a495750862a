#pragma once

// How one hearth-server instance is configured, and the counters it reports about itself.
#include "server/framelimiter.h"

#include <QHostAddress>
#include <QString>

namespace hearth::server {

struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;                    // 0: the OS picks one, kept across stop()/start()
    QString databasePath;                // SQLite file; created (with its folder) when missing
    double simulateOrdersPerMinute = 0;  // 0: no simulated service
    double simulationSpeed = 1.0;        // > 1 runs the simulated kitchen faster (demos, tests)
    bool seedDemoService = false;        // a restaurant without orders starts with a service under way
    // A new database gets the demo restaurant with its published accounts (staff/staff-demo,
    // manager/manager-demo): for `hearth --demo`, tests and `hearth-server --demo/--simulate`.
    // Off (hearth-server's default), it gets a restaurant and one manager `admin` instead, and a
    // server whose database holds a published password refuses to listen beyond loopback.
    bool seedDemoAccounts = true;
    // HTTPS and WSS with this PEM certificate (chain) and key; both or neither. Without them the
    // server speaks plain HTTP, and refuses to on a non-loopback address unless allowInsecureHttp.
    QString tlsCertificatePath;
    QString tlsKeyPath;
    bool allowInsecureHttp = false;
    QString adminPassword;               // the first admin's; empty: a random one (HearthServer::firstRunPassword)
    QString restaurantName = QStringLiteral("My restaurant");
    int heartbeatMs = 15000;             // announced in `welcome`; clients ping at half of it, the
                                         // server pings every client this often and drops one silent for 2×
    qint64 eventRetention = 100000;      // newest events kept per restaurant and channel
    int analyticsRetentionDays = 0;      // stored in the database at start; 0: leave its setting (90 days new)
    int passwordHashIterations = 600000; // PBKDF2 work factor of new hashes (tests lower it); older are rehashed at sign-in
    // Failed sign-ins (docs/protocol.md, "Limits"): a share per username and per client address.
    int loginFailuresPerUser = 5;
    double loginUserRefillPerSecond = 1.0 / 60;
    int loginFailuresPerAddress = 20;
    double loginAddressRefillPerSecond = 1.0 / 10;
    int reconnectAfterMs = 3000;         // how widely clients spread their return after stop()
    int presenceTimeoutMs = 30000;       // a presence not repeated for this long is forgotten
    qint64 tokenLifetimeMs = 12 * 3600 * 1000; // sign-in sessions; a WebSocket closes when its session ends

    // Limits (docs/protocol.md, "Limits"). A rate of 0 turns a limit off.
    FrameLimits clientFrames;            // per WebSocket: client frames per second, burst, flood limit
    double restMutationsPerSecond = 5;   // per token: POST and PATCH requests
    int restMutationBurst = 20;
    double analyticsBatchesPerSecond = 10; // per widget key: POST /api/analytics/events
    int analyticsBatchBurst = 30;
    // Per WebSocket: unsent bytes the server holds for a client. A replay pauses at half of it
    // until the client reads; live events beyond it drop the client (1008 "slow reader").
    qint64 sendBufferLimitBytes = 4 * 1024 * 1024;
    int socketSendBufferBytes = 0;       // SO_SNDBUF of upgraded sockets; 0: the OS's (tests shrink it)
    // HTTP, before QHttpServer reads a request (RequestGuard, GuardedTcpServer). 0: no cap.
    qint64 maxRequestBodyBytes = 1024 * 1024; // 413 when announced larger
    int maxRequestHeaderBytes = 16 * 1024;    // 431
    int requestTimeoutMs = 15000;        // a request must arrive whole within this (408)
    int idleTimeoutMs = 60000;           // a kept-alive HTTP connection without a request is closed
    int maxConnections = 512;            // open connections (HTTP and WebSocket) of the server; 503 beyond
    int maxConnectionsPerAddress = 64;   // of one client address; 503 beyond
};

// Of the whole server, or of one restaurant's connections (HearthServer::stats).
struct ServerStats
{
    int connections = 0;          // authenticated WebSockets currently open
    int subscriptions = 0;        // channel subscriptions over all of them
    qint64 eventsSent = 0;        // event frames written (live and replayed)
    qint64 malformedFrames = 0;   // client frames rejected as oversized or unreadable
    qint64 rateLimitedFrames = 0; // client frames dropped by the frame rate limit
    qint64 pongsReceived = 0;     // answers to the server's liveness pings
    qint64 slowReadersDropped = 0; // connections closed because their unsent bytes passed the cap
    int replaysWaiting = 0;       // connections whose replay waits for the client to read
    double eventsPerSecond = 0;   // event frames written over the last 10 s, per second (restaurant only)
    qint64 uptimeSeconds = 0;     // since the last start()
};

} // namespace hearth::server
