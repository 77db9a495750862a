// PhoenixAdapter from recorded Supabase frames: whole sessions replayed frame by frame, refs and
// join_refs per connection, field mapping, and every malformed variant.
#include "phoenixfixtures.h"

#include "core/inventorycodec.h"
#include "core/ordercodec.h"
#include "realtime/hearthprotocol.h"
#include "realtime/phoenixadapter.h"

#include <QJsonArray>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QtTest>

using namespace hearth;
using namespace phxtest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 maxBytes = HearthProtocol::defaultMaxFrameBytes;
const QUrl supabaseUrl(u"wss://abcdefghijklmnop.supabase.co/realtime/v1/websocket?apikey=KEY&vsn=2.0.0"_s);

QString describe(const ServerMessage &message)
{
    struct Describer
    {
        QString operator()(const WelcomeMessage &) const { return u"welcome"_s; }
        QString operator()(const SubscribedMessage &m) const { return u"confirm:"_s + m.channel; }
        QString operator()(const UnsubscribedMessage &m) const { return u"unsubscribed:"_s + m.channel; }
        QString operator()(const ChannelEvent &m) const { return u"event:%1:%2"_s.arg(m.channel, m.type); }
        QString operator()(const ServerError &m) const
        {
            if (!m.channel.isEmpty() && m.code == ServerErrorCode::forbidden)
                return u"reject:"_s + m.channel;
            if (!m.channel.isEmpty() && m.code == ServerErrorCode::channelLost)
                return u"lost:"_s + m.channel;
            return u"error:"_s + m.code;
        }
        QString operator()(const ReconnectAdvice &) const { return u"advice"_s; }
        QString operator()(const IgnoredMessage &m) const
        {
            switch (m.why) {
            case IgnoredMessage::Why::KeepAlive: return u"ping"_s;
            case IgnoredMessage::Why::UnknownSubscription: return u"ignored:unknown"_s;
            case IgnoredMessage::Why::UnmappedType: return u"ignored:unmapped"_s;
            }
            return {};
        }
    };
    return std::visit(Describer{}, message);
}

QJsonArray parsed(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).array();
}

// An adapter for the shipped profile on a fresh connection, token handed over at the handshake.
std::unique_ptr<PhoenixAdapter> connectedAdapter(const BackendProfile &profile = supabaseProfile())
{
    auto adapter = std::make_unique<PhoenixAdapter>(profile);
    adapter->resetConnection();
    (void)adapter->handshakeRequest(supabaseUrl, u"jwt-tok"_s);
    return adapter;
}

struct Replay
{
    QStringList mismatches;
    QList<ChannelEvent> events;
};

Replay replay(PhoenixAdapter &adapter, const QString &file)
{
    Replay result;
    for (const RecordedFrame &recorded : recordedFrames(file)) {
        const QString where = u"%1:%2 "_s.arg(file).arg(recorded.line);
        if (!recorded.fromServer) {
            const QString kind = recorded.expectation.section(u':', 0, 0);
            const QString channel = recorded.expectation.section(u':', 1);
            QString sent;
            if (kind == "join"_L1)
                sent = adapter.subscribeFrame(channel, std::nullopt);
            else if (kind == "leave"_L1)
                sent = adapter.unsubscribeFrame(channel);
            else if (kind == "heartbeat"_L1)
                sent = adapter.heartbeatFrame();
            if (parsed(sent.toUtf8()) != parsed(recorded.frame) || parsed(sent.toUtf8()).isEmpty())
                result.mismatches << where + u"sent "_s + sent;
            continue;
        }
        const Decoded<ServerMessage> decoded = adapter.decode(recorded.frame, maxBytes);
        const QString got = decoded.ok() ? describe(*decoded.value) : u"malformed: "_s + decoded.errorString();
        if (got != recorded.expectation)
            result.mismatches << where + u"expected %1, got %2"_s.arg(recorded.expectation, got);
        if (decoded.ok() && std::holds_alternative<ChannelEvent>(*decoded.value))
            result.events << std::get<ChannelEvent>(*decoded.value);
    }
    return result;
}

} // namespace

class TestPhoenixAdapter : public QObject
{
    Q_OBJECT

private slots:
    void handshakeKeepsTheProfilesUrlAndAsksForV2()
    {
        const PhoenixAdapter adapter(supabaseProfile());
        QCOMPARE(adapter.name(), "phoenix.v2"_L1);
        QCOMPARE(adapter.handshakeRequest(supabaseUrl, u"jwt"_s).url(), supabaseUrl);
        QVERIFY(!adapter.handshakeRequest(supabaseUrl, u"jwt"_s).hasRawHeader("Authorization"));
        const QUrl bare(u"ws://phx.example.com/socket/websocket?token=abc"_s);
        const QUrlQuery query(adapter.handshakeRequest(bare, {}).url());
        QCOMPARE(query.queryItemValue(u"vsn"_s), u"2.0.0"_s);
        QCOMPARE(query.queryItemValue(u"token"_s), u"abc"_s);
        QVERIFY(!adapter.pongProvesLiveness());
        const std::optional<WelcomeMessage> welcome = adapter.welcomeOnOpen();
        QVERIFY(welcome);
        QCOMPARE(welcome->heartbeat, 25000ms); // the profile's heartbeat_ms
    }

    void oneHeartbeatPerPeriodAtHalfPeriodTicks()
    {
        auto adapter = connectedAdapter();
        QCOMPARE(parsed(adapter->heartbeatFrame().toUtf8()), parsed(R"([null,"1","phoenix","heartbeat",{}])"));
        QVERIFY(adapter->heartbeatFrame().isEmpty());
        QVERIFY(adapter->decode(R"([null,"1","phoenix","phx_reply",{"status":"ok","response":{}}])", 1 << 20).ok());
        QCOMPARE(parsed(adapter->heartbeatFrame().toUtf8()), parsed(R"([null,"2","phoenix","heartbeat",{}])"));
        QVERIFY(!adapter->heartbeatMissed());
        adapter->resetConnection();
        QCOMPARE(parsed(adapter->heartbeatFrame().toUtf8()), parsed(R"([null,"1","phoenix","heartbeat",{}])"));
    }

    // phoenix.js: a heartbeat still unanswered when the next is due means the server no longer
    // hears us, whatever else arrives; no second beat goes out.
    void anUnansweredHeartbeatIsMissedAtTheNextBeat()
    {
        auto adapter = connectedAdapter();
        QVERIFY(!adapter->heartbeatFrame().isEmpty());
        QVERIFY(adapter->heartbeatFrame().isEmpty());
        // Another reply (a push's) or a broadcast does not answer the heartbeat.
        QVERIFY(adapter->decode(R"([null,"7","phoenix","phx_reply",{"status":"ok","response":{}}])", 1 << 20).ok());
        QVERIFY(!adapter->heartbeatMissed());
        QVERIFY(adapter->heartbeatFrame().isEmpty()); // the next beat is due: none, and missed
        QVERIFY(adapter->heartbeatMissed());
        adapter->resetConnection(); // a new socket starts afresh
        QVERIFY(!adapter->heartbeatMissed());
    }

    // realtime-js's setAuth: a refreshed token goes to each joined topic whose join carried it,
    // under that join's join_ref; later joins carry it too. A token that went at the handshake
    // cannot be refreshed on the socket.
    void aRefreshedTokenIsPushedPerJoinedTopic()
    {
        auto adapter = connectedAdapter();
        QCOMPARE(adapter->tokenRefreshFrames(u"early"_s)->size(), 0); // nothing joined yet
        (void)adapter->subscribeFrame(u"orders"_s, std::nullopt);
        const std::optional<QStringList> frames = adapter->tokenRefreshFrames(u"fresh"_s);
        QVERIFY(frames);
        QCOMPARE(frames->size(), 1);
        const QJsonArray push = parsed(frames->constFirst().toUtf8());
        QCOMPARE(push.at(0), QJsonValue(adapter->joinRefOf(u"orders"_s)));
        QCOMPARE(push.at(2).toString(), adapter->topicOf(u"orders"_s));
        QCOMPARE(push.at(3).toString(), u"access_token"_s);
        QCOMPARE(push.at(4).toObject().value("access_token"_L1).toString(), u"fresh"_s);
        const QJsonArray rejoin = parsed(adapter->subscribeFrame(u"orders"_s, std::nullopt).toUtf8());
        QCOMPARE(rejoin.at(4).toObject().value("access_token"_L1).toString(), u"fresh"_s);

        QJsonObject json = supabaseProfileJson();
        json.insert(u"auth"_s, QJsonObject{{u"method"_s, u"query"_s}, {u"parameter"_s, u"token"_s}});
        auto inUrl = connectedAdapter(profileFrom(json));
        (void)inUrl->subscribeFrame(u"orders"_s, std::nullopt);
        QVERIFY(!inUrl->tokenRefreshFrames(u"fresh"_s));
    }

    void defaultHeartbeatIsThirtySeconds()
    {
        QJsonObject json = supabaseProfileJson();
        json.remove(u"heartbeat_ms"_s);
        const PhoenixAdapter adapter(profileFrom(json));
        QCOMPARE(adapter.welcomeOnOpen()->heartbeat, 30000ms);
    }

    void replaysARecordedSupabaseSession()
    {
        auto adapter = connectedAdapter();
        const Replay result = replay(*adapter, u"supabase-session.txt"_s);
        QVERIFY2(result.mismatches.isEmpty(), qPrintable(result.mismatches.join(u'\n')));
        QCOMPARE(adapter->staleFramesDropped(), 3); // join_ref "0", the closed inventory, the crashed orders
        QCOMPARE(result.events.size(), 3);

        const ChannelEvent &created = result.events.at(0);
        QCOMPARE(created.seq, ChannelEvent::unsequenced);
        QCOMPARE(created.timestamp, QDateTime(QDate(2026, 11, 20), QTime(18, 1, 2, 130), Qt::UTC));
        const Decoded<Order> order = OrderCodec::fromJson(created.payload());
        QVERIFY2(order.ok(), qPrintable(order.errorString()));
        // Mapped straight into the typed order the service applies; payload() is its JSON.
        QVERIFY(created.order);
        QVERIFY(created.data.isEmpty());
        QCOMPARE(*created.order, *order.value);
        QCOMPARE(order.value->id, u"9137"_s);
        QCOMPARE(order.value->number, 142);
        QCOMPARE(order.value->status, OrderStatus::New);
        QCOMPARE(order.value->type, OrderType::Pickup);
        QCOMPARE(order.value->customerName, u"Keola <K> & co"_s);
        QCOMPARE(order.value->notes, QString());
        QCOMPARE(order.value->totalCents, 3875);
        QCOMPARE(order.value->items.size(), 2);
        QCOMPARE(order.value->items.at(1).unitPriceCents, 300);
        QVERIFY(!order.value->isAcknowledged());

        const Decoded<Order> updated = OrderCodec::fromJson(result.events.at(1).payload());
        QVERIFY2(updated.ok(), qPrintable(updated.errorString()));
        QCOMPARE(updated.value->status, OrderStatus::Acknowledged);
        QCOMPARE(updated.value->type, OrderType::DineIn);
        QVERIFY(updated.value->isAcknowledged());
        QVERIFY(updated.value->version > order.value->version);

        const Decoded<InventoryItem> item = InventoryCodec::fromJson(result.events.at(2).data);
        QVERIFY2(item.ok(), qPrintable(item.errorString()));
        QCOMPARE(item.value->stock, 12);
    }

    void replaysARefusedJoin()
    {
        auto adapter = connectedAdapter();
        const Replay result = replay(*adapter, u"rejected.txt"_s);
        QVERIFY2(result.mismatches.isEmpty(), qPrintable(result.mismatches.join(u'\n')));
        QVERIFY(adapter->joinRefOf(u"orders"_s).isEmpty());
    }

    void theRefusalCarriesTheServersReason()
    {
        auto adapter = connectedAdapter();
        (void)adapter->subscribeFrame(u"orders"_s, std::nullopt);
        const Decoded<ServerMessage> decoded = adapter->decode(
            R"(["1","1","realtime:hearth-orders-42","phx_reply",{"response":{"reason":"unauthorized"},"status":"error"}])", maxBytes);
        QVERIFY(decoded.ok());
        const ServerError error = std::get<ServerError>(*decoded.value);
        QCOMPARE(error.channel, u"orders"_s);
        QVERIFY(error.message.contains(u"unauthorized"_s));
    }

    void aSupabaseSystemErrorFailsTheChannel()
    {
        auto adapter = connectedAdapter();
        (void)adapter->subscribeFrame(u"orders"_s, std::nullopt);
        const Decoded<ServerMessage> decoded = adapter->decode(
            R"(["1",null,"realtime:hearth-orders-42","system",{"channel":"hearth-orders-42","extension":"postgres_changes","message":"Unable to subscribe to changes with given parameters","status":"error"}])", maxBytes);
        QVERIFY(decoded.ok());
        QCOMPARE(describe(*decoded.value), u"reject:orders"_s);
    }

    void refsRestartOnEveryConnection()
    {
        auto adapter = connectedAdapter();
        (void)adapter->heartbeatFrame();
        QCOMPARE(parsed(adapter->subscribeFrame(u"orders"_s, std::nullopt).toUtf8()).at(1), QJsonValue(u"2"_s));
        adapter->resetConnection();
        QVERIFY(adapter->joinRefOf(u"orders"_s).isEmpty());
        QCOMPARE(parsed(adapter->heartbeatFrame().toUtf8()), parsed(R"([null,"1","phoenix","heartbeat",{}])"));
        // A reply for the previous socket's join (same topic, ref "2") finds no join here.
        const Decoded<ServerMessage> late = adapter->decode(
            R"(["2","2","realtime:hearth-orders-42","phx_reply",{"response":{},"status":"ok"}])", maxBytes);
        QVERIFY(late.ok());
        QCOMPARE(describe(*late.value), u"ignored:unknown"_s);
    }

    void aSecondJoinIsARejoinUnderANewJoinRef()
    {
        auto adapter = connectedAdapter();
        (void)adapter->subscribeFrame(u"orders"_s, std::nullopt);
        const QJsonArray second = parsed(adapter->subscribeFrame(u"orders"_s, std::nullopt).toUtf8());
        QCOMPARE(second.at(0), QJsonValue(u"2"_s));
        QCOMPARE(adapter->joinRefOf(u"orders"_s), u"2"_s);
        // The server's answer to the first join arrives late and is not taken for the second.
        const Decoded<ServerMessage> late = adapter->decode(
            R"(["1","1","realtime:hearth-orders-42","phx_reply",{"response":{},"status":"ok"}])", maxBytes);
        QCOMPARE(describe(*late.value), u"ignored:unknown"_s);
        const Decoded<ServerMessage> current = adapter->decode(
            R"(["2","2","realtime:hearth-orders-42","phx_reply",{"response":{},"status":"ok"}])", maxBytes);
        QCOMPARE(describe(*current.value), u"confirm:orders"_s);
    }

    void nothingGoesOutForChannelsTheProfileLacksOrLeavesNotJoined()
    {
        auto adapter = connectedAdapter();
        QVERIFY(adapter->subscribeFrame(u"menu"_s, std::nullopt).isEmpty());
        QVERIFY(adapter->unsubscribeFrame(u"orders"_s).isEmpty());
    }

    void aTokenNeverLeaksIntoAnotherConnectionsJoin()
    {
        auto adapter = connectedAdapter();
        adapter->resetConnection();
        (void)adapter->handshakeRequest(supabaseUrl, u"renewed"_s);
        const QJsonArray join = parsed(adapter->subscribeFrame(u"orders"_s, std::nullopt).toUtf8());
        QCOMPARE(join.at(4).toObject().value(u"access_token"_s), QJsonValue(u"renewed"_s));
    }

    void malformedFramesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("[\"1\",");
        QTest::newRow("garbage") << QByteArray("\xff\xfe\x00", 3);
        QTest::newRow("object (v1)") << QByteArray(R"({"topic":"realtime:hearth-orders-42","event":"phx_reply","payload":{},"ref":"1"})");
        QTest::newRow("string") << QByteArray(R"("hello")");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("empty array") << QByteArray("[]");
        QTest::newRow("four") << QByteArray(R"(["1","1","realtime:hearth-orders-42","phx_reply"])");
        QTest::newRow("six") << QByteArray(R"(["1","1","realtime:hearth-orders-42","phx_reply",{},{}])");
        QTest::newRow("numeric join_ref") << QByteArray(R"([1,"1","realtime:hearth-orders-42","phx_reply",{"status":"ok"}])");
        QTest::newRow("numeric ref") << QByteArray(R"(["1",1,"realtime:hearth-orders-42","phx_reply",{"status":"ok"}])");
        QTest::newRow("object ref") << QByteArray(R"(["1",{},"realtime:hearth-orders-42","phx_reply",{"status":"ok"}])");
        QTest::newRow("null topic") << QByteArray(R"(["1","1",null,"phx_reply",{"status":"ok"}])");
        QTest::newRow("empty topic") << QByteArray(R"(["1","1","","phx_reply",{"status":"ok"}])");
        QTest::newRow("numeric event") << QByteArray(R"(["1","1","realtime:hearth-orders-42",5,{"status":"ok"}])");
        QTest::newRow("empty event") << QByteArray(R"(["1","1","realtime:hearth-orders-42","",{}])");
        QTest::newRow("array payload") << QByteArray(R"(["1","1","realtime:hearth-orders-42","phx_reply",[]])");
        QTest::newRow("null payload") << QByteArray(R"(["1","1","realtime:hearth-orders-42","phx_reply",null])");
        QTest::newRow("string payload") << QByteArray(R"(["1",null,"realtime:hearth-orders-42","postgres_changes","{}"])");
        QTest::newRow("reply without status") << QByteArray(R"(["1","1","realtime:hearth-orders-42","phx_reply",{"response":{}}])");
        QTest::newRow("reply numeric status") << QByteArray(R"(["1","1","realtime:hearth-orders-42","phx_reply",{"status":1}])");
        QTest::newRow("record missing") << QByteArray(R"(["1",null,"realtime:hearth-orders-42","postgres_changes",{"data":{"type":"INSERT"}}])");
        QTest::newRow("record a string") << QByteArray(R"(["1",null,"realtime:hearth-orders-42","postgres_changes",{"data":{"type":"UPDATE","record":"x"}}])");
        QTest::newRow("record unmappable") << QByteArray(R"(["1",null,"realtime:hearth-orders-42","postgres_changes",{"data":{"type":"INSERT","record":{"id":[1],"status":7}}}])");
    }

    void malformedFramesAreRefused()
    {
        QFETCH(QByteArray, frame);
        auto adapter = connectedAdapter();
        (void)adapter->subscribeFrame(u"orders"_s, std::nullopt);
        const Decoded<ServerMessage> decoded = adapter->decode(frame, maxBytes);
        QVERIFY2(!decoded.ok(), decoded.ok() ? qPrintable(describe(*decoded.value)) : "");
        QVERIFY(!decoded.errorString().isEmpty());
        QCOMPARE(adapter->joinRefOf(u"orders"_s), u"1"_s); // a bad frame changes nothing
    }

    void oversizeFramesAreRefusedBeforeParsing()
    {
        auto adapter = connectedAdapter();
        const QByteArray frame = "[null,null,\"phoenix\",\"x\",{\"pad\":\"" + QByteArray(200, 'a') + "\"}]";
        QVERIFY(!adapter->decode(frame, 100).ok());
        QVERIFY(adapter->decode(frame, 1000).ok());
    }

    void wellFormedButUnexpectedFramesAreIgnored_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown topic") << QByteArray(R"([null,null,"room:lobby","new_msg",{}])") << u"ignored:unknown"_s;
        QTest::newRow("phoenix other event") << QByteArray(R"([null,null,"phoenix","whatever",{}])") << u"ignored:unknown"_s;
        QTest::newRow("heartbeat error reply") << QByteArray(R"([null,"9","phoenix","phx_reply",{"status":"error"}])") << u"ping"_s;
        QTest::newRow("broadcast, null refs") << QByteArray(R"([null,null,"realtime:hearth-orders-42","broadcast",{"event":"x","payload":{}}])") << u"ignored:unmapped"_s;
        QTest::newRow("unknown change type") << QByteArray(R"(["1",null,"realtime:hearth-orders-42","postgres_changes",{"data":{"type":"TRUNCATE"}}])") << u"ignored:unmapped"_s;
        QTest::newRow("numeric type") << QByteArray(R"(["1",null,"realtime:hearth-orders-42","postgres_changes",{"data":{"type":3}}])") << u"ignored:unmapped"_s;
        QTest::newRow("reply to another push") << QByteArray(R"(["1","77","realtime:hearth-orders-42","phx_reply",{"status":"ok","response":{}}])") << u"ping"_s;
        QTest::newRow("stale join_ref error") << QByteArray(R"(["0","0","realtime:hearth-orders-42","phx_error",{}])") << u"ignored:unknown"_s;
        QTest::newRow("not joined topic") << QByteArray(R"(["3",null,"realtime:hearth-inventory-42","postgres_changes",{"data":{"type":"INSERT","record":{}}}])") << u"ignored:unknown"_s;
    }

    void wellFormedButUnexpectedFramesAreIgnored()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, expected);
        auto adapter = connectedAdapter();
        (void)adapter->subscribeFrame(u"orders"_s, std::nullopt);
        const Decoded<ServerMessage> decoded = adapter->decode(frame, maxBytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QCOMPARE(describe(*decoded.value), expected);
        QCOMPARE(adapter->joinRefOf(u"orders"_s), u"1"_s);
    }

    void aCloseWeDidNotAskForLosesTheChannel()
    {
        auto adapter = connectedAdapter();
        (void)adapter->subscribeFrame(u"orders"_s, std::nullopt);
        const Decoded<ServerMessage> decoded =
            adapter->decode(R"(["1","1","realtime:hearth-orders-42","phx_close",{}])", maxBytes);
        QCOMPARE(describe(*decoded.value), u"lost:orders"_s);
        QVERIFY(adapter->joinRefOf(u"orders"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPhoenixAdapter)
#include "tst_phoenix_adapter.moc"
