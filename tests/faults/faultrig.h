#pragma once

// What every fault test sets up: a real hearth-server on loopback, a FaultyProxy in front of its
// WebSocket, another in front of its REST API, a load that keeps changing orders, and the
// dashboard's client stack whose realtime link and REST calls (after sign-in) go through them.
// Each proxy forwards untouched until a test tells it to misbehave; polling is off so that every
// event has to arrive over the socket, unless a test turns it on.
#include "clientstack.h"
#include "faultyproxy.h"

#include "server/eventlog.h"

#include <QTemporaryDir>
#include <QtTest>

#include <functional>

namespace hearth::test {

using namespace std::chrono_literals;

inline server::ServerOptions faultServerOptions(const QTemporaryDir &dir)
{
    server::ServerOptions options = testServerOptions(dir);
    options.heartbeatMs = 1000;
    options.reconnectAfterMs = 300;
    return options;
}

// Quick and still jittered: the tests wait on signals, never on these delays.
inline ReconnectPolicy faultReconnectPolicy()
{
    ReconnectPolicy policy;
    policy.initialDelay = 50ms;
    policy.maxDelay = 400ms;
    policy.healthyAfter = 5000ms;
    policy.connectTimeout = 3000ms;
    return policy;
}

struct FaultRig
{
    // `adjust` changes the server's options before it is built (the directory comes first).
    explicit FaultRig(const std::function<void(server::ServerOptions &)> &adjust = {})
        : server(options(dir, adjust))
    {
    }

    static server::ServerOptions options(const QTemporaryDir &dir,
                                         const std::function<void(server::ServerOptions &)> &adjust)
    {
        server::ServerOptions result = faultServerOptions(dir);
        if (adjust)
            adjust(result);
        return result;
    }

    QTemporaryDir dir;
    server::HearthServer server;
    faults::FaultyProxy proxy;     // the WebSocket's
    faults::FaultyProxy restProxy; // REST's: snapshots, polls
    ServiceLoad load{&server, 3};

    bool start()
    {
        QString error;
        if (!server.start(&error)) {
            qWarning("server: %s", qPrintable(error));
            return false;
        }
        return proxy.listen(server.webSocketUrl()) && restProxy.listen(server.httpUrl());
    }

    qint64 head()
    {
        return server.eventLog()->headSeq(QString(server::DemoAccounts::restaurantId),
                                          QString(server::OrderEvents::channel));
    }

    // Signs `client` in over REST, points its link at the proxy and starts it; true once live
    // with the first snapshot applied.
    bool connect(ClientStack &client, bool waitForSnapshot = true)
    {
        if (!client.signInTo(server))
            return false;
        aimAtProxy(client);
        client.realtime.setReconnectPolicy(faultReconnectPolicy());
        QSignalSpy snapshot(&client.sync, &OrdersSync::snapshotLoaded);
        client.go();
        client.polling.setEnabled(false);
        if (!waitForSnapshot)
            return true;
        return QTest::qWaitFor([&] { return !snapshot.isEmpty(); }, 10000)
            && client.realtime.state() == ConnectionState::Live;
    }

    // Sign-in sets the server's own address; the link and REST go through the proxies instead.
    void aimAtProxy(ClientStack &client)
    {
        client.realtime.setEndpoint(proxy.url(), client.signIn.session().token);
        client.rest.setBaseUrl(restProxy.url());
    }

    // Runs the load until the client has seen `events` more events.
    bool runLoadFor(ClientStack &client, int events)
    {
        const qsizetype target = client.deliveredSeqs.size() + events;
        load.start();
        return QTest::qWaitFor([&] { return client.deliveredSeqs.size() >= target; }, 20000);
    }
};

// Stops the load, waits until the client holds the server's newest event and its model equals
// the server's orders, then checks that the channel's events from `from` to the head arrived
// exactly once each, in order.
inline bool settlesExactlyOnce(FaultRig &rig, ClientStack &client, QString *why, qint64 from = 1)
{
    rig.load.stop();
    const qint64 head = rig.head();
    const bool caughtUp = QTest::qWaitFor(
        [&] {
            QString ignored;
            return !client.deliveredSeqs.isEmpty() && client.deliveredSeqs.constLast() >= head
                && modelMatchesServer(client.model, rig.server, &ignored);
        },
        15000);
    if (!caughtUp) {
        modelMatchesServer(client.model, rig.server, why);
        *why = QStringLiteral("not caught up: last seq %1 of %2; %3")
                   .arg(client.deliveredSeqs.isEmpty() ? 0 : client.deliveredSeqs.constLast())
                   .arg(head)
                   .arg(*why);
        return false;
    }
    if (client.deliveredSeqs.size() != head - from + 1) {
        *why = QStringLiteral("%1 events delivered for seqs %2..%3")
                   .arg(client.deliveredSeqs.size()).arg(from).arg(head);
        return false;
    }
    for (qsizetype i = 0; i < client.deliveredSeqs.size(); ++i) {
        if (client.deliveredSeqs.at(i) != from + i) {
            *why = QStringLiteral("event %1 has seq %2, expected %3")
                       .arg(i).arg(client.deliveredSeqs.at(i)).arg(from + i);
            return false;
        }
    }
    return true;
}

// The client holds the server's newest event, owes no snapshot, and its model equals the server's
// orders (for scenarios where a snapshot skips events, so they cannot all be delivered once).
inline bool settlesOnTheServer(FaultRig &rig, ClientStack &client, QString *why)
{
    rig.load.stop();
    const qint64 head = rig.head();
    const bool settled = QTest::qWaitFor(
        [&] {
            QString ignored;
            return !client.sync.isSnapshotOwed() && !client.deliveredSeqs.isEmpty()
                && client.deliveredSeqs.constLast() >= head && modelMatchesServer(client.model, rig.server, &ignored);
        },
        20000);
    if (!settled && !modelMatchesServer(client.model, rig.server, why))
        return false;
    if (!settled)
        *why = QStringLiteral("not caught up: last seq %1 of %2, snapshot owed: %3")
                   .arg(client.deliveredSeqs.isEmpty() ? 0 : client.deliveredSeqs.constLast())
                   .arg(head)
                   .arg(client.sync.isSnapshotOwed());
    return settled;
}

inline void report(const char *test, ClientStack &client)
{
    const RealtimeStats stats = client.realtime.stats();
    qInfo("%s: %lld events delivered exactly once, %d reconnects, %d sockets, %d stale, "
          "%lld duplicates dropped, %d resends, %d subscribe timeouts, %lld snapshots",
          test, qint64(client.deliveredSeqs.size()), stats.reconnects, stats.socketsOpened, stats.staleLinks,
          stats.duplicatesDropped, stats.subscribeResends, stats.subscribeTimeouts,
          stats.snapshotsRequested);
}

} // namespace hearth::test
