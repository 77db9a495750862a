#include "realtime/hearthprotocol.h"

#include <QJsonDocument>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QByteArray frame(const char *json)
{
    return QByteArray(json);
}

template<typename T>
T decodeAs(const QByteArray &utf8)
{
    const Decoded<ServerMessage> decoded = HearthProtocol::decodeServerFrame(utf8);
    if (!decoded.ok())
        qWarning("unexpected failure: %s", qPrintable(decoded.errorString()));
    Q_ASSERT(decoded.ok());
    Q_ASSERT(std::holds_alternative<T>(*decoded.value));
    return std::get<T>(*decoded.value);
}

} // namespace

class TestHearthProtocol final : public QObject
{
    Q_OBJECT

private slots:
    void decodesWelcome()
    {
        const auto welcome = decodeAs<WelcomeMessage>(frame(
            R"({"op":"welcome","session":"s-1","epoch":"e7","heartbeat_ms":15000,)"
            R"("server_time":"2026-11-20T18:01:02.123Z"})"));
        QCOMPARE(welcome.session, u"s-1"_s);
        QCOMPARE(welcome.epoch, u"e7"_s);
        QCOMPARE(welcome.heartbeat, 15000ms);
        QCOMPARE(welcome.serverTime, QDateTime(QDate(2026, 11, 20), QTime(18, 1, 2, 123), Qt::UTC));
    }

    void decodesSubscribed()
    {
        const auto subscribed = decodeAs<SubscribedMessage>(
            frame(R"({"op":"subscribed","channel":"orders","epoch":"e7","seq":42,"recovered":true})"));
        QCOMPARE(subscribed.channel, u"orders"_s);
        QCOMPARE(subscribed.position, (SyncPosition{u"e7"_s, 42}));
        QVERIFY(subscribed.recovered);
    }

    void decodesUnsubscribed()
    {
        const auto message =
            decodeAs<UnsubscribedMessage>(frame(R"({"op":"unsubscribed","channel":"inventory"})"));
        QCOMPARE(message.channel, u"inventory"_s);
    }

    void decodesEvent()
    {
        const auto event = decodeAs<ChannelEvent>(frame(
            R"({"op":"event","channel":"orders","seq":9007199254740992,"type":"order.created",)"
            R"("data":{"id":"o1"},"ts":"2026-11-20T18:01:02.000Z","extra":"ignored"})"));
        QCOMPARE(event.channel, u"orders"_s);
        QCOMPARE(event.seq, qint64(1) << 53);
        QCOMPARE(event.type, u"order.created"_s);
        QCOMPARE(event.data.value("id"_L1).toString(), u"o1"_s);
        QVERIFY(event.timestamp.isValid());
    }

    void decodesErrors()
    {
        const auto unauthorized = decodeAs<ServerError>(
            frame(R"({"op":"error","code":"unauthorized","message":"bad token","reconnect":true})"));
        QCOMPARE(unauthorized.code, u"unauthorized"_s);
        QVERIFY2(!unauthorized.reconnect, "an unauthorized token is never worth a retry");

        const auto forbidden = decodeAs<ServerError>(frame(
            R"({"op":"error","code":"forbidden","message":"no","reconnect":true,"channel":"analytics"})"));
        QCOMPARE(forbidden.channel, u"analytics"_s);
        QVERIFY(forbidden.reconnect);

        const auto minimal = decodeAs<ServerError>(frame(R"({"op":"error","code":"rate_limited"})"));
        QVERIFY(minimal.reconnect);
        QVERIFY(minimal.channel.isEmpty());
    }

    void decodesReconnect()
    {
        const auto advice = decodeAs<ReconnectAdvice>(frame(R"({"op":"reconnect","after_ms":2500})"));
        QCOMPARE(advice.after, 2500ms);
    }

    void rejectsMalformedFrames_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::addColumn<QString>("reason"); // a fragment of the reported reason

        QTest::newRow("empty") << QByteArray() << u"not JSON"_s;
        QTest::newRow("not json") << frame("hello") << u"not JSON"_s;
        QTest::newRow("truncated") << frame(R"({"op":"event","channel":)") << u"not JSON"_s;
        QTest::newRow("array") << frame(R"([{"op":"welcome"}])") << u"not a JSON object"_s;
        // Qt 6.4 refuses a top-level scalar at the parse already.
        QTest::newRow("string") << frame(R"("welcome")") << u"not JSON"_s;
        QTest::newRow("missing op") << frame(R"({"channel":"orders"})") << u"op: is missing"_s;
        QTest::newRow("op number") << frame(R"({"op":7})") << u"op: must be a string"_s;
        QTest::newRow("unknown op") << frame(R"({"op":"explode"})") << u"unknown op"_s;
        QTest::newRow("op case") << frame(R"({"op":"EVENT"})") << u"unknown op"_s;

        QTest::newRow("welcome no epoch")
            << frame(R"({"op":"welcome","heartbeat_ms":15000})") << u"epoch: is missing"_s;
        QTest::newRow("welcome empty epoch")
            << frame(R"({"op":"welcome","epoch":"","heartbeat_ms":15000})") << u"epoch"_s;
        QTest::newRow("welcome heartbeat string")
            << frame(R"({"op":"welcome","epoch":"e","heartbeat_ms":"15000"})") << u"heartbeat_ms"_s;
        QTest::newRow("welcome heartbeat tiny")
            << frame(R"({"op":"welcome","epoch":"e","heartbeat_ms":1})") << u"heartbeat_ms"_s;
        QTest::newRow("welcome bad time")
            << frame(R"({"op":"welcome","epoch":"e","heartbeat_ms":15000,"server_time":"soon"})")
            << u"server_time"_s;

        QTest::newRow("subscribed no recovered")
            << frame(R"({"op":"subscribed","channel":"orders","epoch":"e","seq":1})")
            << u"recovered: is missing"_s;
        QTest::newRow("subscribed recovered string")
            << frame(R"({"op":"subscribed","channel":"orders","epoch":"e","seq":1,"recovered":"yes"})")
            << u"recovered"_s;
        QTest::newRow("subscribed negative seq")
            << frame(R"({"op":"subscribed","channel":"orders","epoch":"e","seq":-1,"recovered":true})")
            << u"seq"_s;
        QTest::newRow("subscribed epoch number")
            << frame(R"({"op":"subscribed","channel":"orders","epoch":3,"seq":1,"recovered":true})")
            << u"epoch: must be a string"_s;

        const char *eventOk = R"("channel":"orders","type":"order.created","data":{},"ts":"2026-11-20T18:01:02.000Z")";
        QTest::newRow("event no seq")
            << (QByteArray(R"({"op":"event",)") + eventOk + "}") << u"seq: is missing"_s;
        QTest::newRow("event seq zero")
            << (QByteArray(R"({"op":"event","seq":0,)") + eventOk + "}") << u"seq"_s;
        QTest::newRow("event negative seq")
            << (QByteArray(R"({"op":"event","seq":-5,)") + eventOk + "}") << u"seq"_s;
        QTest::newRow("event fractional seq")
            << (QByteArray(R"({"op":"event","seq":1.5,)") + eventOk + "}") << u"whole number"_s;
        QTest::newRow("event seq beyond 2^53")
            << (QByteArray(R"({"op":"event","seq":1e300,)") + eventOk + "}") << u"seq"_s;
        QTest::newRow("event seq string")
            << (QByteArray(R"({"op":"event","seq":"1",)") + eventOk + "}") << u"seq"_s;
        QTest::newRow("event data array")
            << frame(R"({"op":"event","channel":"orders","seq":1,"type":"t","data":[],"ts":"2026-11-20T18:01:02.000Z"})")
            << u"data: must be an object"_s;
        QTest::newRow("event no ts")
            << frame(R"({"op":"event","channel":"orders","seq":1,"type":"t","data":{}})")
            << u"ts: is missing"_s;
        QTest::newRow("event empty type")
            << frame(R"({"op":"event","channel":"orders","seq":1,"type":"","data":{},"ts":"2026-11-20T18:01:02.000Z"})")
            << u"type"_s;
        QTest::newRow("event bad channel")
            << frame(R"({"op":"event","channel":"Orders!","seq":1,"type":"t","data":{},"ts":"2026-11-20T18:01:02.000Z"})")
            << u"channel: is not a valid channel name"_s;
        QTest::newRow("event channel null")
            << frame(R"({"op":"event","channel":null,"seq":1,"type":"t","data":{},"ts":"2026-11-20T18:01:02.000Z"})")
            << u"channel"_s;

        QTest::newRow("error no code") << frame(R"({"op":"error","message":"x"})") << u"code"_s;
        QTest::newRow("error reconnect string")
            << frame(R"({"op":"error","code":"x","reconnect":"no"})") << u"reconnect"_s;
        QTest::newRow("reconnect negative")
            << frame(R"({"op":"reconnect","after_ms":-1})") << u"after_ms"_s;
        QTest::newRow("reconnect missing") << frame(R"({"op":"reconnect"})") << u"after_ms"_s;
        QTest::newRow("unsubscribed no channel") << frame(R"({"op":"unsubscribed"})") << u"channel"_s;
    }

    void rejectsMalformedFrames()
    {
        QFETCH(QByteArray, utf8);
        QFETCH(QString, reason);
        const Decoded<ServerMessage> decoded = HearthProtocol::decodeServerFrame(utf8);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.errorString().contains(reason), qPrintable(decoded.errorString()));
    }

    void rejectsOversizedFrames()
    {
        const QByteArray padding(2000, 'x');
        // (Plain literals: moc misreads a raw string that ends in a quote.)
        const QByteArray big = "{\"op\":\"reconnect\",\"after_ms\":1,\"pad\":\"" + padding + "\"}";
        QVERIFY(HearthProtocol::decodeServerFrame(big).ok());
        const Decoded<ServerMessage> decoded = HearthProtocol::decodeServerFrame(big, 1024);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.errorString().contains("limit of 1024"_L1), qPrintable(decoded.errorString()));
    }

    void encodesSubscribe()
    {
        const auto first = HearthProtocol::decodeClientFrame(
            HearthProtocol::encodeSubscribe(u"orders"_s).toUtf8());
        QVERIFY(first.ok());
        const auto request = std::get<SubscribeRequest>(*first.value);
        QCOMPARE(request.channel, u"orders"_s);
        QVERIFY(!request.since);

        const QString withSince = HearthProtocol::encodeSubscribe(u"orders"_s, SyncPosition{u"e1"_s, 17});
        const QJsonObject json = QJsonDocument::fromJson(withSince.toUtf8()).object();
        QCOMPARE(json.value("op"_L1).toString(), u"subscribe"_s);
        QCOMPARE(json.value("since"_L1).toObject().value("epoch"_L1).toString(), u"e1"_s);
        QCOMPARE(json.value("since"_L1).toObject().value("seq"_L1).toInteger(), 17);
        const auto decoded = HearthProtocol::decodeClientFrame(withSince.toUtf8());
        QVERIFY(decoded.ok());
        QCOMPARE(*std::get<SubscribeRequest>(*decoded.value).since, (SyncPosition{u"e1"_s, 17}));
    }

    void encodesUnsubscribe()
    {
        const auto decoded = HearthProtocol::decodeClientFrame(
            HearthProtocol::encodeUnsubscribe(u"inventory"_s).toUtf8());
        QVERIFY(decoded.ok());
        QCOMPARE(std::get<UnsubscribeRequest>(*decoded.value).channel, u"inventory"_s);
    }

    void rejectsBadClientFrames()
    {
        QVERIFY(!HearthProtocol::decodeClientFrame(R"({"op":"subscribe"})").ok());
        QVERIFY(!HearthProtocol::decodeClientFrame(R"({"op":"subscribe","channel":"orders","since":5})").ok());
        QVERIFY(!HearthProtocol::decodeClientFrame(R"({"op":"subscribe","channel":"orders","since":{}})").ok());
        QVERIFY(!HearthProtocol::decodeClientFrame(R"({"op":"subscribe","channel":"orders","since":{"epoch":"e"}})").ok());
        QVERIFY(!HearthProtocol::decodeClientFrame(R"({"op":"publish","channel":"orders"})").ok());
        QVERIFY(!HearthProtocol::decodeClientFrame(QByteArray(70 * 1024, ' ')).ok());
    }

    void serverMessagesRoundTrip()
    {
        const QList<ServerMessage> messages{
            WelcomeMessage{u"s"_s, u"e1"_s, 20000ms, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC)},
            SubscribedMessage{u"orders"_s, SyncPosition{u"e1"_s, 3}, false},
            UnsubscribedMessage{u"orders"_s},
            ChannelEvent{u"widgets"_s, 4, u"widget.updated"_s, QJsonObject{{u"id"_s, u"w"_s}},
                         QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC)},
            ServerError{u"forbidden"_s, u"no"_s, true, u"analytics"_s},
            ReconnectAdvice{1500ms},
        };
        for (const ServerMessage &message : messages) {
            const QString text = HearthProtocol::encodeServerMessage(message);
            const Decoded<ServerMessage> decoded = HearthProtocol::decodeServerFrame(text.toUtf8());
            QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
            QCOMPARE(decoded.value->index(), message.index());
        }
    }

    void channelNames()
    {
        QVERIFY(HearthProtocol::isValidChannelName(u"orders"));
        QVERIFY(HearthProtocol::isValidChannelName(u"orders:42"));
        QVERIFY(!HearthProtocol::isValidChannelName(u""));
        QVERIFY(!HearthProtocol::isValidChannelName(u"Orders"));
        QVERIFY(!HearthProtocol::isValidChannelName(u"or ders"));
        QVERIFY(!HearthProtocol::isValidChannelName(QString(65, u'a')));
    }
};

QTEST_GUILESS_MAIN(TestHearthProtocol)
#include "tst_hearthprotocol.moc"
