// The WebSocket protocol of hearth-server with a raw QWebSocket client (docs/protocol.md).
#include "testsupport.h"

#include "server/accountrepository.h"
#include "server/demoaccounts.h"
#include "server/eventlog.h"
#include "server/orderservice.h"

#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

QString op(const QJsonObject &frame)
{
    return frame.value(QLatin1StringView("op")).toString();
}

qint64 seqOf(const QJsonObject &frame)
{
    return frame.value(QLatin1StringView("seq")).toInteger();
}

} // namespace

class TestServerWebSocket final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<HearthServer>(testOptions(m_dir, QStringLiteral("%1.db").arg(++m_run)));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        HttpClient http(m_server->httpUrl());
        m_token = http.login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        QVERIFY(!m_token.isEmpty());
    }

    void cleanup() { m_server.reset(); }

    void welcomesAnAuthenticatedClient()
    {
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        const QJsonObject welcome = client.next();
        QCOMPARE(op(welcome), QStringLiteral("welcome"));
        QVERIFY(!welcome.value(QLatin1StringView("session")).toString().isEmpty());
        QCOMPARE(welcome.value(QLatin1StringView("epoch")).toString(), m_server->epoch());
        QCOMPARE(welcome.value(QLatin1StringView("heartbeat_ms")).toInt(), 15000);
        const QDateTime serverTime = QDateTime::fromString(
            welcome.value(QLatin1StringView("server_time")).toString(), Qt::ISODateWithMs);
        QVERIFY(qAbs(serverTime.msecsTo(QDateTime::currentDateTimeUtc())) < 5000);
        QTRY_COMPARE(m_server->stats().connections, 1);
    }

    void acceptsTheTokenAsSubprotocol()
    {
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token, WsClient::Auth::Subprotocol));
        QCOMPARE(op(client.next()), QStringLiteral("welcome"));
    }

    void rejectsABadToken_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("auth");
        QTest::newRow("unknown token") << "not-a-token" << int(WsClient::Auth::Header);
        QTest::newRow("unknown subprotocol token") << "not-a-token" << int(WsClient::Auth::Subprotocol);
        QTest::newRow("no token") << QString() << int(WsClient::Auth::None);
    }

    void rejectsABadToken()
    {
        QFETCH(QString, token);
        QFETCH(int, auth);
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), token, WsClient::Auth(auth)));
        const QJsonObject error = client.next();
        QCOMPARE(op(error), QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1StringView("code")).toString(), QStringLiteral("unauthorized"));
        QCOMPARE(error.value(QLatin1StringView("reconnect")).toBool(true), false);
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QCOMPARE(client.unread(), 0);
        QCOMPARE(m_server->stats().connections, 0);
    }

    void subscribeWithoutSinceThenLiveEventsInOrder()
    {
        m_server->orders()->createRandomOrder(QStringLiteral("1")); // seq 1, before the subscription
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        const QJsonObject subscribed = client.subscribe(QStringLiteral("orders"));
        QCOMPARE(subscribed.value(QLatin1StringView("channel")).toString(), QStringLiteral("orders"));
        QCOMPARE(subscribed.value(QLatin1StringView("epoch")).toString(), m_server->epoch());
        QCOMPARE(seqOf(subscribed), 1);
        QCOMPARE(subscribed.value(QLatin1StringView("recovered")).toBool(true), false);
        QCOMPARE(m_server->stats().subscriptions, 1);

        const Order order = m_server->orders()->createRandomOrder(QStringLiteral("1"));
        QVERIFY(m_server->orders()->acknowledge(QStringLiteral("1"), order.id).ok());
        QVERIFY(m_server->orders()->setStatus(QStringLiteral("1"), order.id, OrderStatus::Preparing).ok());

        const QStringList types{QStringLiteral("order.created"), QStringLiteral("order.acknowledged"),
                                QStringLiteral("order.status_changed")};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject event = client.next();
            QCOMPARE(op(event), QStringLiteral("event"));
            QCOMPARE(event.value(QLatin1StringView("channel")).toString(), QStringLiteral("orders"));
            QCOMPARE(seqOf(event), i + 2);
            QCOMPARE(event.value(QLatin1StringView("type")).toString(), types.at(i));
            QVERIFY(event.value(QLatin1StringView("ts")).isString());
            const QJsonObject data = event.value(QLatin1StringView("data")).toObject();
            QCOMPARE(data.value(QLatin1StringView("id")).toString(), order.id);
            QCOMPARE(data.value(QLatin1StringView("version")).toInteger(), i + 1);
        }
        QCOMPARE(m_server->stats().eventsSent, 3);
    }

    void subscribeWithSinceReplaysExactlyTheMissedEvents()
    {
        for (int i = 0; i < 3; ++i)
            m_server->orders()->createRandomOrder(QStringLiteral("1"));
        // Missed while offline: seq 4..6.
        const Order order = m_server->orders()->createRandomOrder(QStringLiteral("1"));
        m_server->orders()->acknowledge(QStringLiteral("1"), order.id);
        m_server->orders()->setStatus(QStringLiteral("1"), order.id, OrderStatus::Cancelled);

        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        const QJsonObject subscribed = client.subscribe(QStringLiteral("orders"), m_server->epoch(), 3);
        QCOMPARE(subscribed.value(QLatin1StringView("recovered")).toBool(), true);
        QCOMPARE(seqOf(subscribed), 6);
        for (qint64 expected = 4; expected <= 6; ++expected) {
            const QJsonObject event = client.next();
            QCOMPARE(op(event), QStringLiteral("event"));
            QCOMPARE(seqOf(event), expected);
        }
        m_server->orders()->createRandomOrder(QStringLiteral("1"));
        QCOMPARE(seqOf(client.next()), 7); // then the live stream
        QCOMPARE(client.unread(), 0);
    }

    void replayAndLiveNeverInterleave()
    {
        // A replay of several batches while live events keep arriving: one new order per
        // event-loop turn, before, during and after the catch-up, must come out as one gapless
        // stream without duplicates.
        const int backlog = 1200;
        const int live = 60;
        for (int i = 0; i < backlog; ++i)
            m_server->orders()->createRandomOrder(QStringLiteral("1"));
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));

        int remaining = live;
        QTimer ticker;
        ticker.setInterval(0);
        connect(&ticker, &QTimer::timeout, this, [&] {
            m_server->orders()->createRandomOrder(QStringLiteral("1"));
            if (--remaining == 0)
                ticker.stop();
        });
        ticker.start();
        client.send({{QStringLiteral("op"), QStringLiteral("subscribe")},
                     {QStringLiteral("channel"), QStringLiteral("orders")},
                     {QStringLiteral("since"),
                      QJsonObject{{QStringLiteral("epoch"), m_server->epoch()}, {QStringLiteral("seq"), 0}}}});

        const QJsonObject subscribed = client.next();
        QCOMPARE(op(subscribed), QStringLiteral("subscribed"));
        QCOMPARE(subscribed.value(QLatin1StringView("recovered")).toBool(), true);
        QVERIFY(seqOf(subscribed) >= backlog);
        for (qint64 expected = 1; expected <= backlog + live; ++expected) {
            const QJsonObject event = client.next();
            QCOMPARE(op(event), QStringLiteral("event"));
            QCOMPARE(seqOf(event), expected);
        }
        QCOMPARE(remaining, 0);
        m_server->orders()->createRandomOrder(QStringLiteral("1"));
        QCOMPARE(seqOf(client.next()), backlog + live + 1);
        QCOMPARE(client.unread(), 0);
    }

    void sinceFromAnotherEpochIsNotRecovered()
    {
        m_server->orders()->createRandomOrder(QStringLiteral("1"));
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        const QJsonObject subscribed = client.subscribe(QStringLiteral("orders"), QStringLiteral("old-epoch"), 0);
        QCOMPARE(subscribed.value(QLatin1StringView("recovered")).toBool(true), false);
        QCOMPARE(seqOf(subscribed), 1);
        m_server->orders()->createRandomOrder(QStringLiteral("1"));
        QCOMPARE(seqOf(client.next()), 2); // no replay of seq 1, straight to live
    }

    void sinceOlderThanTheRetentionIsNotRecovered()
    {
        m_server->eventLog()->setRetention(5);
        for (int i = 0; i < 20; ++i)
            m_server->orders()->createRandomOrder(QStringLiteral("1"));
        m_server->eventLog()->prune();
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        QCOMPARE(client.subscribe(QStringLiteral("orders"), m_server->epoch(), 3)
                     .value(QLatin1StringView("recovered")).toBool(true), false);
        const QJsonObject again = client.subscribe(QStringLiteral("orders"), m_server->epoch(), 15);
        QCOMPARE(again.value(QLatin1StringView("recovered")).toBool(), true);
        for (qint64 expected = 16; expected <= 20; ++expected)
            QCOMPARE(seqOf(client.next()), expected);
    }

    void badFramesAreAnsweredAndTheConnectionStays_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("malformed");
        QTest::newRow("garbage") << "this is not json" << true;
        QTest::newRow("array") << "[1,2]" << true;
        QTest::newRow("no op") << R"({"channel":"orders"})" << true;
        QTest::newRow("oversized") << QStringLiteral(R"({"op":"subscribe","pad":"%1"})").arg(QString(70 * 1024, u'x'))
                                   << true;
        QTest::newRow("unknown op") << R"({"op":"dance"})" << false;
        QTest::newRow("unknown channel") << R"({"op":"subscribe","channel":"payments"})" << false;
        QTest::newRow("channel missing") << R"({"op":"subscribe"})" << false;
        QTest::newRow("bad since") << R"({"op":"subscribe","channel":"orders","since":{"seq":"x"}})" << false;
    }

    void badFramesAreAnsweredAndTheConnectionStays()
    {
        QFETCH(QString, text);
        QFETCH(bool, malformed);
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        client.sendText(text);
        const QJsonObject error = client.next();
        QCOMPARE(op(error), QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1StringView("code")).toString(), QStringLiteral("bad_request"));
        QVERIFY(!error.value(QLatin1StringView("message")).toString().isEmpty());
        QCOMPARE(m_server->stats().malformedFrames, malformed ? 1 : 0);
        // Still usable, and nothing else was sent: the next frame answers the next request.
        QVERIFY(client.isConnected());
        QVERIFY(!client.subscribe(QStringLiteral("orders")).isEmpty());
    }

    void framesBeyondTheHardLimitCloseTheConnection()
    {
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        client.sendText(QString(2 * 1024 * 1024, u'x')); // never buffered whole by the server
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    }

    void binaryFramesAreRejected()
    {
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        client.sendBinary(QByteArray(16, '\1'));
        QCOMPARE(client.next().value(QLatin1StringView("code")).toString(), QStringLiteral("bad_request"));
        QCOMPARE(m_server->stats().malformedFrames, 1);
        QVERIFY(!client.subscribe(QStringLiteral("orders")).isEmpty());
    }

    void unsubscribeStopsTheStream()
    {
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        QVERIFY(!client.subscribe(QStringLiteral("orders")).isEmpty());
        client.send({{QStringLiteral("op"), QStringLiteral("unsubscribe")}, {QStringLiteral("channel"), QStringLiteral("orders")}});
        const QJsonObject unsubscribed = client.next();
        QCOMPARE(op(unsubscribed), QStringLiteral("unsubscribed"));
        QCOMPARE(unsubscribed.value(QLatin1StringView("channel")).toString(), QStringLiteral("orders"));
        QCOMPARE(m_server->stats().subscriptions, 0);
        m_server->orders()->createRandomOrder(QStringLiteral("1"));
        // An event would be written before the answer to this frame; only the answer arrives.
        client.send({{QStringLiteral("op"), QStringLiteral("ping?")}});
        QCOMPARE(op(client.next()), QStringLiteral("error"));
    }

    void eventsGoOnlyToTheirRestaurant()
    {
        QVERIFY(m_server->accounts()->createRestaurant(QStringLiteral("2"), QStringLiteral("Other")));
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        QVERIFY(!client.subscribe(QStringLiteral("orders")).isEmpty());
        m_server->orders()->createRandomOrder(QStringLiteral("2"));
        m_server->orders()->createRandomOrder(QStringLiteral("1"));
        const QJsonObject event = client.next();
        QCOMPARE(seqOf(event), 1);
        QCOMPARE(event.value(QLatin1StringView("data")).toObject().value(QLatin1StringView("number")).toInt(), 1);
        QTRY_COMPARE(m_server->stats().eventsSent, 1);
    }

    void resubscribingAnswersAgainWithTheReplay()
    {
        m_server->orders()->createRandomOrder(QStringLiteral("1"));
        m_server->orders()->createRandomOrder(QStringLiteral("1"));
        WsClient client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_token));
        client.nextOp(QStringLiteral("welcome"));
        QVERIFY(!client.subscribe(QStringLiteral("orders")).isEmpty());
        const QJsonObject again = client.subscribe(QStringLiteral("orders"), m_server->epoch(), 0);
        QCOMPARE(again.value(QLatin1StringView("recovered")).toBool(), true);
        QCOMPARE(seqOf(client.next()), 1);
        QCOMPARE(seqOf(client.next()), 2);
        QCOMPARE(m_server->stats().subscriptions, 1);
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<HearthServer> m_server;
    QString m_token;
};

QTEST_GUILESS_MAIN(TestServerWebSocket)
#include "tst_server_websocket.moc"
