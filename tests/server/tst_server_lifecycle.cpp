// Starting, stopping and restarting hearth-server in-process, as `hearth --demo` and the
// integration tests do; and running it in a worker thread.
#include "testsupport.h"

#include "server/demoaccounts.h"
#include "server/embeddedserver.h"
#include "server/orderservice.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

QString op(const QJsonObject &frame)
{
    return frame.value(QLatin1StringView("op")).toString();
}

} // namespace

class TestServerLifecycle final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void stopAdvisesClientsAndRestartKeepsEpochPortAndSeq()
    {
        HearthServer server(testOptions(m_dir, QStringLiteral("restart.db")));
        QSignalSpy started(&server, &HearthServer::started);
        QSignalSpy stopped(&server, &HearthServer::stopped);
        QSignalSpy drained(&server, &HearthServer::drained);
        QVERIFY(server.start());
        QCOMPARE(started.count(), 1);
        const quint16 port = server.port();
        QCOMPARE(started.first().first().value<quint16>(), port);
        const QString epoch = server.epoch();
        server.orders()->createRandomOrder(QStringLiteral("1"));
        server.orders()->createRandomOrder(QStringLiteral("1"));

        HttpClient http(server.httpUrl());
        const QString token = http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        WsClient client;
        QVERIFY(client.open(server.webSocketUrl(), token));
        QCOMPARE(op(client.next()), QStringLiteral("welcome"));
        QVERIFY(!client.subscribe(QStringLiteral("orders")).isEmpty());

        server.stop();
        QVERIFY(!server.isRunning());
        QCOMPARE(stopped.count(), 1);
        const QJsonObject reconnect = client.next();
        QCOMPARE(op(reconnect), QStringLiteral("reconnect"));
        QCOMPARE(reconnect.value(QLatin1StringView("after_ms")).toInt(), 500);
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QVERIFY(drained.count() == 1 || drained.wait());
        QCOMPARE(server.stats().connections, 0);
        QCOMPARE(http.get(QStringLiteral("/api/health")).status, 0); // nobody listening

        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.port(), port);
        QCOMPARE(server.epoch(), epoch);
        const HttpResult health = http.get(QStringLiteral("/api/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body.value(QLatin1StringView("epoch")).toString(), epoch);
        // Sessions live in the database: the token from before the restart still works.
        const HttpResult orders = http.get(QStringLiteral("/api/orders"), token);
        QCOMPARE(orders.status, 200);
        QCOMPARE(orders.body.value(QLatin1StringView("seq")).toInteger(), 2);

        WsClient again;
        QVERIFY(again.open(server.webSocketUrl(), token));
        QCOMPARE(op(again.next()), QStringLiteral("welcome"));
        const QJsonObject subscribed = again.subscribe(QStringLiteral("orders"), epoch, 2);
        QCOMPARE(subscribed.value(QLatin1StringView("recovered")).toBool(), true);
        server.orders()->createRandomOrder(QStringLiteral("1"));
        QCOMPARE(again.next().value(QLatin1StringView("seq")).toInteger(), 3);
    }

    void aNewDatabaseHasANewEpoch()
    {
        HearthServer first(testOptions(m_dir, QStringLiteral("epoch-a.db")));
        HearthServer second(testOptions(m_dir, QStringLiteral("epoch-b.db")));
        QVERIFY(first.start());
        QVERIFY(second.start()); // two servers in one process, each with its own connection
        QVERIFY(!first.epoch().isEmpty());
        QVERIFY(first.epoch() != second.epoch());
        QVERIFY(first.port() != second.port());
    }

    void abortDropsConnectionsWithoutCloseFrame()
    {
        HearthServer server(testOptions(m_dir, QStringLiteral("abort.db")));
        QVERIFY(server.start());
        HttpClient http(server.httpUrl());
        const QString token = http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        WsClient client;
        QVERIFY(client.open(server.webSocketUrl(), token));
        QCOMPARE(op(client.next()), QStringLiteral("welcome"));
        QTRY_COMPARE(server.stats().connections, 1);

        server.abortAllConnections();
        QVERIFY(client.waitForDisconnected());
        QVERIFY(client.closeCode() != QWebSocketProtocol::CloseCodeGoingAway);
        QCOMPARE(client.unread(), 0); // no reconnect advice, no close frame
        QCOMPARE(server.stats().connections, 0);
        QVERIFY(server.isRunning());

        WsClient again;
        QVERIFY(again.open(server.webSocketUrl(), token));
        QCOMPARE(op(again.next()), QStringLiteral("welcome"));
    }

    void restartsOnAFixedPort()
    {
        HearthServer probe(testOptions(m_dir, QStringLiteral("probe.db")));
        QVERIFY(probe.start());
        const quint16 port = probe.port();
        probe.stop();

        ServerOptions options = testOptions(m_dir, QStringLiteral("fixed.db"));
        options.port = port;
        HearthServer server(options);
        QVERIFY(server.start());
        QCOMPARE(server.port(), port);
        server.stop();
        QVERIFY(server.start());
        QCOMPARE(server.port(), port);
        QCOMPARE(server.httpUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QCOMPARE(server.webSocketUrl(), QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    }

    void runsInAWorkerThread()
    {
        QThread thread;
        auto *server = new HearthServer(testOptions(m_dir, QStringLiteral("thread.db")));
        server->moveToThread(&thread);
        connect(&thread, &QThread::finished, server, &QObject::deleteLater);
        thread.start();
        bool ok = false;
        QMetaObject::invokeMethod(server, [server, &ok] { ok = server->start(); }, Qt::BlockingQueuedConnection);
        QVERIFY(ok);
        QMetaObject::invokeMethod(server, [server] { server->orders()->createRandomOrder(QStringLiteral("1")); },
                                  Qt::BlockingQueuedConnection);

        HttpClient http(server->httpUrl());
        const QString token = http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        QVERIFY(!token.isEmpty());
        WsClient client;
        QVERIFY(client.open(server->webSocketUrl(), token));
        QCOMPARE(op(client.next()), QStringLiteral("welcome"));
        const QJsonObject subscribed = client.subscribe(QStringLiteral("orders"), server->epoch(), 0);
        QCOMPARE(subscribed.value(QLatin1StringView("recovered")).toBool(), true);
        QCOMPARE(client.next().value(QLatin1StringView("seq")).toInteger(), 1);

        QMetaObject::invokeMethod(server, &HearthServer::stop, Qt::BlockingQueuedConnection);
        QVERIFY(client.waitForDisconnected());
        thread.quit();
        QVERIFY(thread.wait(5000));
    }

    void closedConnectionsLeaveNoSocketsBehind()
    {
        HearthServer server(testOptions(m_dir, QStringLiteral("sockets.db")));
        QVERIFY(server.start());
        {
            HttpClient http(server.httpUrl());
            const QString token = http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
            for (int i = 0; i < 5; ++i) {
                WsClient client;
                QVERIFY(client.open(server.webSocketUrl(), i == 0 ? QStringLiteral("bad") : token));
                QVERIFY(!client.next().isEmpty());
                client.socket()->close();
                QVERIFY(client.waitForDisconnected());
            }
        }
        // The TCP sockets under upgraded connections are not Qt's to delete (see
        // httpservercompat.h); the sessions must have deleted every one of them.
        QTRY_COMPARE(server.findChildren<QTcpSocket *>().size(), 0);
        QCOMPARE(server.stats().connections, 0);
    }

    void embeddedServerRunsInItsOwnThread()
    {
        EmbeddedServer embedded(testOptions(m_dir, QStringLiteral("embedded.db")));
        QString error;
        QVERIFY2(embedded.start(&error), qPrintable(error));
        HttpClient http(embedded.httpUrl());
        QCOMPARE(http.get(QStringLiteral("/api/health")).status, 200);
        QVERIFY(!http.login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword)).isEmpty());
        QVERIFY(!embedded.start(&error)); // once only
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestServerLifecycle)
#include "tst_server_lifecycle.moc"
