#pragma once

// The dashboard's client stack without widgets, signed in to a real hearth-server on loopback,
// plus a load generator that changes orders on the server the way a busy service does.
#include "api/restclient.h"
#include "postgrestestserver.h"
#include "core/serveraddress.h"
#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"
#include "realtime/realtimeservice.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "server/orderservice.h"
#include "sync/ordersclient.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

namespace hearth::test {

// A server on a free loopback port with a fresh database in `dir`; sign-in made cheap, since
// password hashing is not under test here.
inline server::ServerOptions testServerOptions(const QTemporaryDir &dir)
{
    server::ServerOptions options;
    options.databasePath = dir.filePath(QStringLiteral("server.sqlite"));
    // The *_pg variants (CMakeLists.txt) run against a PostgreSQL the test program starts itself.
    if (qEnvironmentVariable("HEARTH_TEST_DATABASE") == u"postgresql")
        options.databasePath = testing::PostgresTestServer::sharedDatabaseFor(options.databasePath);
    options.passwordHashIterations = 1000;
    return options;
}

// A loopback port with nothing listening: connections to it are refused at once.
inline quint16 refusedLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// The dashboard's OrdersClient feeding an OrdersModel, as the Dashboard wires it.
struct ClientStack
{
    OrdersClient client;
    RestClient &rest = client.rest();
    RealtimeService &realtime = client.realtime();
    SignIn &signIn = client.signIn();
    OrdersSync &sync = client.sync();
    PollingFallback &polling = client.polling();
    OrdersModel model;
    // As in the window: a proxy on top, and both checked on every change they announce.
    OrdersFilterProxy proxy;
    QAbstractItemModelTester modelTester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QList<qint64> deliveredSeqs; // every orders event the service delivered, in order

    ClientStack()
    {
        proxy.setSourceModel(&model);
        proxy.sort(OrdersModel::StatusColumn);
        QObject::connect(&sync, &OrdersSync::ordersReplaced, &model, &OrdersModel::replaceAll);
        QObject::connect(&sync, &OrdersSync::ordersUpdated, &model, &OrdersModel::upsert);
        QObject::connect(&realtime, &RealtimeService::channelEvents, &realtime,
                         [this](const QString &channel, const QList<ChannelEvent> &events) {
                             if (channel == OrdersSync::channelName()) {
                                 for (const ChannelEvent &event : events)
                                     deliveredSeqs.append(event.seq);
                             }
                         });
    }

    // Signs in (as the demo manager unless told otherwise); true once the server accepted.
    bool signInTo(const server::HearthServer &server,
                  const QString &username = QString(server::DemoAccounts::managerUsername),
                  const QString &password = QString(server::DemoAccounts::managerPassword))
    {
        QSignalSpy signedIn(&signIn, &SignIn::signedIn);
        signIn.signIn(ServerAddress::fromHttpBase(server.httpUrl()), username, password);
        return signedIn.wait(10000);
    }

    // Starts as the dashboard does: signed in as someone else, the old orders go first.
    void go()
    {
        if (client.leaveOtherIdentity())
            model.clear();
        client.start();
    }
};

// Changes orders on the server at a steady pace: new orders, and open ones moved on.
class ServiceLoad final : public QObject
{
public:
    explicit ServiceLoad(server::HearthServer *server, int intervalMs = 2) : m_server(server)
    {
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, &ServiceLoad::step);
    }

    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    int changesMade() const { return m_changes; }

private:
    void step()
    {
        if (!m_server->isRunning())
            return; // a stopped server changes nothing; the load resumes when it is back
        const QString restaurant(server::DemoAccounts::restaurantId);
        server::OrderService *orders = m_server->orders();
        const QList<Order> open = orders->openOrders(restaurant);
        if (open.size() < 8 || m_changes % 3 == 0) {
            orders->createRandomOrder(restaurant);
        } else {
            const Order &order = open.at(m_changes % open.size());
            if (const auto next = nextStatus(order.status))
                orders->setStatus(restaurant, order.id, *next);
        }
        ++m_changes;
    }

    server::HearthServer *m_server;
    QTimer m_timer;
    int m_changes = 0;
};

// The model agrees with the server: the same orders — none missing, none extra — each at the
// server's version.
inline bool modelMatchesServer(const OrdersModel &model, server::HearthServer &server, QString *why,
                               const QString &restaurantId = QString(server::DemoAccounts::restaurantId))
{
    const server::OrderListing listing = server.orders()->snapshot(restaurantId);
    QSet<QString> onServer;
    for (const Order &order : listing.orders)
        onServer.insert(order.id);
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!onServer.contains(model.orderAt(row)->id)) {
            *why = QStringLiteral("order %1 is not on the server").arg(model.orderAt(row)->id);
            return false;
        }
    }
    for (const Order &order : listing.orders) {
        const Order *mine = model.orderById(order.id);
        if (!mine) {
            *why = QStringLiteral("order %1 is missing").arg(order.id);
            return false;
        }
        if (*mine != order) {
            *why = QStringLiteral("order %1: version %2 here, %3 on the server")
                       .arg(order.id).arg(mine->version).arg(order.version);
            return false;
        }
    }
    return true;
}

// Whether the link left Live at some point of `states` (a spy on RealtimeService::stateChanged).
// Not state() in a QTRY loop: on a loaded machine the drop, the retry and the way back to Live
// can all happen between two looks.
inline bool leftLive(const QSignalSpy &states)
{
    return std::any_of(states.cbegin(), states.cend(), [](const QList<QVariant> &arguments) {
        return arguments.at(0).value<ConnectionState>() != ConnectionState::Live;
    });
}

} // namespace hearth::test
