// ActionCableAdapter from recorded frames: whole sessions replayed frame by frame, the handshake,
// per-connection subscribe bookkeeping, identifier canonicalisation, and every malformed variant.
#include "cablefixtures.h"

#include "core/ordercodec.h"
#include "realtime/actioncableadapter.h"
#include "realtime/actioncableframes.h"
#include "realtime/hearthprotocol.h"

#include <QJsonArray>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QtTest>

using namespace hearth;
using namespace cabletest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr qint64 maxBytes = HearthProtocol::defaultMaxFrameBytes;

QJsonObject parsed(const QByteArray &frame)
{
    return QJsonDocument::fromJson(frame).object();
}

// What a decoded message is, in the vocabulary of the recordings.
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
            if (m.code == ServerErrorCode::unauthorized && !m.reconnect)
                return u"signout"_s;
            return (m.reconnect ? u"error:"_s : u"halt:"_s) + m.code;
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

template<typename T>
T decodeAs(ActionCableAdapter &adapter, const QByteArray &frame)
{
    const Decoded<ServerMessage> decoded = adapter.decode(frame, maxBytes);
    if (!decoded.ok())
        qWarning("unexpected failure: %s", qPrintable(decoded.errorString()));
    Q_ASSERT(decoded.ok() && std::holds_alternative<T>(*decoded.value));
    return std::get<T>(*decoded.value);
}

QByteArray orderMessage(const QString &identifier, const QJsonObject &message)
{
    return QJsonDocument(QJsonObject{{u"identifier"_s, identifier}, {u"message"_s, message}})
        .toJson(QJsonDocument::Compact);
}

// An adapter for the shipped profile with both channels subscribed on a fresh connection.
std::unique_ptr<ActionCableAdapter> subscribedAdapter(const BackendProfile &profile = hafalohaProfile())
{
    auto adapter = std::make_unique<ActionCableAdapter>(profile);
    adapter->resetConnection();
    adapter->subscribeFrame(u"orders"_s, std::nullopt);
    adapter->subscribeFrame(u"inventory"_s, std::nullopt);
    return adapter;
}

const QString ordersIdentifier = u"{\"channel\":\"OrderChannel\",\"restaurant_id\":\"1\"}"_s;

QJsonObject validOrder()
{
    return parsed(R"({"id":5,"order_number":7,"status":"pending","contact_name":"Ana", "items":[{"name":"Poke","quantity":1,"price":"12.5"}],"total":"12.50", "created_at":"2026-11-20T08:00:00-10:00","updated_at":"2026-11-20T08:00:00-10:00"})");
}

void ignoresWithoutCountingAsMalformedRows()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("outcome");
    const auto message = [](const QString &identifier, const char *body) {
        return orderMessage(identifier, parsed(body));
    };
    QTest::newRow("confirm for another restaurant")
        << QByteArray("{\"identifier\":\"{\\\"channel\\\":\\\"OrderChannel\\\",\\\"restaurant_id\\\":\\\"2\\\"}\",\"type\":\"confirm_subscription\"}")
        << u"ignored:unknown"_s;
    QTest::newRow("reject for an unknown channel")
        << QByteArray("{\"identifier\":\"{\\\"channel\\\":\\\"ChatChannel\\\"}\",\"type\":\"reject_subscription\"}")
        << u"ignored:unknown"_s;
    QTest::newRow("message for an unknown identifier")
        << message(u"{\"channel\":\"ChatChannel\"}"_s, R"({"type":"new_order","order":{}})") << u"ignored:unknown"_s;
    QTest::newRow("unmapped type") << message(ordersIdentifier, R"({"type":"order_deleted","id":1})") << u"ignored:unmapped"_s;
    QTest::newRow("no type") << message(ordersIdentifier, R"({"order":{"id":1}})") << u"ignored:unmapped"_s;
    QTest::newRow("type is an object") << message(ordersIdentifier, R"({"type":{"a":1}})") << u"ignored:unmapped"_s;
    QTest::newRow("type case differs") << message(ordersIdentifier, R"({"type":"NEW_ORDER","order":{}})") << u"ignored:unmapped"_s;
}

void rejectsMalformedFramesRows()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("reason");
    const auto message = [](const QJsonValue &body) {
        return QJsonDocument(QJsonObject{{u"identifier"_s, ordersIdentifier}, {u"message"_s, body}})
            .toJson(QJsonDocument::Compact);
    };
    const auto withOrder = [&](const char *field, const QJsonValue &value) {
        QJsonObject order = validOrder();
        if (value.isUndefined())
            order.remove(QString::fromLatin1(field));
        else
            order.insert(QString::fromLatin1(field), value);
        return message(QJsonObject{{u"type"_s, u"new_order"_s}, {u"order"_s, order}});
    };

    QTest::newRow("empty") << QByteArray() << u"not JSON"_s;
    QTest::newRow("text") << QByteArray("ping") << u"not JSON"_s;
    QTest::newRow("truncated") << QByteArray(R"({"type":"welc)") << u"not JSON"_s;
    QTest::newRow("trailing garbage") << QByteArray(R"({"type":"ping"}})") << u"not JSON"_s;
    QTest::newRow("array") << QByteArray(R"([{"type":"ping"}])") << u"not a JSON object"_s;
    QTest::newRow("number") << QByteArray("42") << u"not"_s;
    QTest::newRow("null") << QByteArray("null") << u"not"_s;
    QTest::newRow("bad utf-8") << QByteArray("{\"type\":\"ping\",\"message\":\"\xff\xfe\"}") << u"not JSON"_s;
    QTest::newRow("nested too deep") << QByteArray(2000, '[') << u"not JSON"_s;
    QTest::newRow("type number") << QByteArray(R"({"type":1})") << u"type: must be a string"_s;
    QTest::newRow("type null") << QByteArray(R"({"type":null})") << u"type: must be a string"_s;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"explode"})") << u"unknown type \"explode\""_s;
    QTest::newRow("nothing") << QByteArray("{}") << u"type: is missing"_s;
    QTest::newRow("message without identifier") << QByteArray(R"({"message":{"type":"new_order"}})") << u"type: is missing"_s;
    QTest::newRow("confirm without identifier") << QByteArray(R"({"type":"confirm_subscription"})") << u"identifier: must be a string"_s;
    QTest::newRow("confirm identifier object")
        << QByteArray(R"({"type":"confirm_subscription","identifier":{"channel":"OrderChannel","restaurant_id":"1"}})")
        << u"identifier: must be a string holding a JSON object"_s;
    QTest::newRow("reject identifier number") << QByteArray(R"({"type":"reject_subscription","identifier":7})") << u"identifier"_s;
    QTest::newRow("identifier not JSON") << QByteArray(R"({"identifier":"OrderChannel","message":{}})") << u"identifier"_s;
    QTest::newRow("identifier a list") << QByteArray(R"({"identifier":"[1,2]","message":{}})") << u"identifier"_s;
    QTest::newRow("identifier huge")
        << QJsonDocument(QJsonObject{{u"identifier"_s, u"{\"a\":\"%1\"}"_s.arg(QString(5000, u'x'))},
                                     {u"message"_s, QJsonObject()}}).toJson()
        << u"identifier"_s;
    QTest::newRow("disconnect reason number") << QByteArray(R"({"type":"disconnect","reason":1,"reconnect":false})") << u"reason: must be a string"_s;
    QTest::newRow("disconnect reconnect text") << QByteArray(R"({"type":"disconnect","reason":"remote","reconnect":"false"})") << u"reconnect: must be true or false"_s;
    QTest::newRow("message number") << message(5) << u"message: must be a JSON object"_s;
    QTest::newRow("message list") << message(QJsonArray{1}) << u"message: must be a JSON object"_s;
    QTest::newRow("message text not JSON") << message(u"new order!"_s) << u"message: must be a JSON object"_s;
    QTest::newRow("message null") << message(QJsonValue::Null) << u"message: must be a JSON object"_s;
    QTest::newRow("entity missing") << message(QJsonObject{{u"type"_s, u"new_order"_s}}) << u"message.order: is missing"_s;
    QTest::newRow("entity not object")
        << message(QJsonObject{{u"type"_s, u"new_order"_s}, {u"order"_s, u"9137"_s}}) << u"message.order: must be an object"_s;
    QTest::newRow("total three decimals") << withOrder("total", u"12.345"_s)
                                          << u"message.order.total: \"12.345\" has more than two decimal places"_s;
    QTest::newRow("total missing") << withOrder("total", QJsonValue(QJsonValue::Undefined))
                                   << u"message.order.total_cents (from total): is missing"_s;
    QTest::newRow("no items") << withOrder("items", QJsonArray()) << u"message.order.items: must hold at least one item"_s;
    QTest::newRow("unknown status") << withOrder("status", u"lost"_s) << u"message.order.status: unknown status \"lost\""_s;
    QTest::newRow("no customer") << withOrder("contact_name", QJsonValue(QJsonValue::Undefined))
                                 << u"message.order.customer_name (from contact_name): is missing"_s;
    QTest::newRow("bad timestamp") << withOrder("created_at", u"20/11/2026"_s) << u"message.order.created_at"_s;
    QTest::newRow("no updated_at for the version") << withOrder("updated_at", QJsonValue(QJsonValue::Undefined))
                                                   << u"message.order.updated_at: is missing"_s;
    QTest::newRow("id a list") << withOrder("id", QJsonArray{1}) << u"message.order.id: must be a string"_s;
    QTest::newRow("quantity fraction")
        << withOrder("items", QJsonArray{QJsonObject{{u"name"_s, u"x"_s}, {u"quantity"_s, 1.5}, {u"price"_s, u"1"_s}}})
        << u"message.order.items[0].quantity: must be a whole number"_s;
    QTest::newRow("oversized") << QByteArray(R"({"type":"ping","message":")") + QByteArray(maxBytes, 'x') + "\"}"
                               << u"more than the limit"_s;
}

// Keys out of order, and values with characters JSON must escape.
QJsonObject unorderedIdentifier()
{
    return QJsonDocument::fromJson(
               "{\"restaurant_id\":\"{restaurant_id}\",\"channel\":\"OrderChannel\",\"kitchen\":\"Caf\\u00e9 \\\"Main\\\" <1>\"}")
        .object();
}

} // namespace

class TestActionCableAdapter final : public QObject
{
    Q_OBJECT

private slots:
    void replaysRecordedSessions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("hafaloha session") << u"hafaloha-session.txt"_s;
        QTest::newRow("unauthorized") << u"unauthorized.txt"_s;
        QTest::newRow("rejected subscription") << u"rejected.txt"_s;
    }

    void replaysRecordedSessions()
    {
        QFETCH(QString, file);
        ActionCableAdapter adapter(hafalohaProfile());
        adapter.resetConnection();
        for (const RecordedFrame &recorded : recordedFrames(file)) {
            const QString where = u"%1:%2"_s.arg(file).arg(recorded.line);
            if (!recorded.fromServer) {
                const QString command = recorded.expectation.section(QLatin1Char(':'), 0, 0);
                const QString channel = recorded.expectation.section(QLatin1Char(':'), 1);
                const QString frame = command == "subscribe"_L1
                    ? adapter.subscribeFrame(channel, std::nullopt)
                    : adapter.unsubscribeFrame(channel);
                QVERIFY2(parsed(frame.toUtf8()) == parsed(recorded.frame), qPrintable(where + u": "_s + frame));
                continue;
            }
            const Decoded<ServerMessage> decoded = adapter.decode(recorded.frame, maxBytes);
            QVERIFY2(decoded.ok(), qPrintable(where + u": "_s + decoded.errorString()));
            QCOMPARE(describe(*decoded.value), recorded.expectation);
        }
    }

    void mapsTheRecordedOrder()
    {
        auto adapter = subscribedAdapter();
        const QList<RecordedFrame> frames = recordedFrames(u"hafaloha-session.txt"_s);
        const auto frameOf = [&](const QString &expectation) {
            for (const RecordedFrame &frame : frames) {
                if (frame.expectation == expectation)
                    return frame.frame;
            }
            return QByteArray();
        };
        const auto created = decodeAs<ChannelEvent>(*adapter, frameOf(u"event:orders:order.created"_s));
        QCOMPARE(created.seq, ChannelEvent::unsequenced);
        QVERIFY(created.timestamp.isValid());
        const Decoded<Order> order = OrderCodec::fromJson(created.payload());
        QVERIFY2(order.ok(), qPrintable(order.errorString()));
        // Mapped straight into the typed order the service applies; payload() is its JSON.
        QVERIFY(created.order);
        QVERIFY(created.data.isEmpty());
        QCOMPARE(*created.order, *order.value);
        QCOMPARE(order.value->id, u"9137"_s);
        QCOMPARE(order.value->number, 142);
        QCOMPARE(order.value->status, OrderStatus::New);
        QCOMPARE(order.value->customerName, u"Keola Kahananui"_s);
        QCOMPARE(order.value->notes, u"No onions <please> & extra shoyu"_s); // escaped on the wire
        QCOMPARE(order.value->totalCents, 3875);
        QCOMPARE(order.value->items.at(0), (OrderItem{u"Loco Moco"_s, 2, 1450}));
        QCOMPARE(order.value->createdAt, QDateTime(QDate(2026, 11, 20), QTime(18, 1, 2, 123), Qt::UTC));

        const auto updated = decodeAs<ChannelEvent>(*adapter, frameOf(u"event:orders:order.updated"_s));
        const Decoded<Order> newer = OrderCodec::fromJson(updated.payload());
        QVERIFY(newer.ok());
        QCOMPARE(newer.value->status, OrderStatus::Acknowledged);
        QVERIFY(newer.value->acknowledgedAt.isValid());
        QVERIFY(newer.value->version > order.value->version); // derived from updated_at

        const auto lowStock = decodeAs<ChannelEvent>(*adapter, frameOf(u"event:inventory:inventory.low_stock"_s));
        QCOMPARE(lowStock.data.value("stock"_L1).toInt(), 12);
        QCOMPARE(lowStock.data.value("damaged"_L1).toInt(), 3);
        QCOMPARE(lowStock.data.value("threshold"_L1).toInt(), 10);
        QCOMPARE(lowStock.data.value("id"_L1).toString(), u"77"_s);
    }

    void handshakeCarriesProtocolsOriginAndToken()
    {
        ActionCableAdapter adapter(hafalohaProfile());
        QCOMPARE(adapter.name(), "actioncable-v1-json"_L1);
        const QNetworkRequest request =
            adapter.handshakeRequest(QUrl(u"wss://api.hafaloha.example.com/cable"_s), u"t+k/=="_s);
        QCOMPARE(QUrlQuery(request.url()).queryItemValue(u"token"_s, QUrl::FullyDecoded), u"t+k/=="_s);
        QCOMPARE(request.url().path(), u"/cable"_s);
        QCOMPARE(request.rawHeader("Origin"), QByteArray("https://api.hafaloha.example.com"));
        QVERIFY(!request.hasRawHeader("Authorization"));
        QCOMPARE(adapter.subprotocols(u"t"_s),
                 (QStringList{u"actioncable-v1-json"_s, u"actioncable-unsupported"_s}));
        QVERIFY(adapter.acceptsSubprotocol(u"actioncable-v1-json"_s));
        QVERIFY(!adapter.acceptsSubprotocol(u"actioncable-unsupported"_s));
        QVERIFY(!adapter.acceptsSubprotocol(QString())); // a server (or proxy) that chose nothing
        QVERIFY(!adapter.acceptsSubprotocol(u"actioncable-v2-json"_s));

        QJsonObject json = hafalohaProfileJson();
        json.insert(u"auth"_s, QJsonObject{{u"method"_s, u"header"_s}});
        const QNetworkRequest withHeader = ActionCableAdapter(profileFrom(json))
            .handshakeRequest(QUrl(u"ws://10.0.0.5:3000/cable"_s), u"tok"_s);
        QCOMPARE(withHeader.rawHeader("Authorization"), QByteArray("Bearer tok"));
        QCOMPARE(withHeader.url(), QUrl(u"ws://10.0.0.5:3000/cable"_s));
        QCOMPARE(withHeader.rawHeader("Origin"), QByteArray("http://10.0.0.5:3000"));

        json.insert(u"origin"_s, u"https://order.hafaloha.example.com"_s); // the storefront's origin
        QCOMPARE(ActionCableAdapter(profileFrom(json)).handshakeRequest(QUrl(u"ws://10.0.0.5:3000/cable"_s), u"t"_s)
                     .rawHeader("Origin"),
                 QByteArray("https://order.hafaloha.example.com"));
    }

    void welcomeCarriesThePingInterval()
    {
        ActionCableAdapter adapter(hafalohaProfile());
        QCOMPARE(decodeAs<WelcomeMessage>(adapter, R"({"type":"welcome"})").heartbeat, 3000ms);
        QJsonObject json = hafalohaProfileJson();
        json.insert(u"heartbeat_ms"_s, 250);
        ActionCableAdapter fast(profileFrom(json));
        const auto welcome = decodeAs<WelcomeMessage>(fast, R"({"type":"welcome","sid":"s1"})");
        QCOMPARE(welcome.heartbeat, 250ms);
        QCOMPARE(welcome.session, u"s1"_s);
        QVERIFY(welcome.epoch.isEmpty());
    }

    void subscribesOncePerConnection()
    {
        ActionCableAdapter adapter(hafalohaProfile());
        adapter.resetConnection();
        const QString first = adapter.subscribeFrame(u"orders"_s, std::nullopt);
        QVERIFY(!first.isEmpty());
        QVERIFY(adapter.isSubscribedOnConnection(u"orders"_s));
        // Rails would ignore a second subscribe without answering; nothing goes out.
        QVERIFY(adapter.subscribeFrame(u"orders"_s, std::nullopt).isEmpty());
        QVERIFY(adapter.unsubscribeFrame(u"analytics"_s).isEmpty()); // not in the profile
        QVERIFY(adapter.subscribeFrame(u"analytics"_s, std::nullopt).isEmpty());
        QVERIFY(!adapter.carries(u"analytics"_s)); // so the service never waits for an answer
        QVERIFY(adapter.carries(u"widgets"_s));
        QVERIFY(!adapter.unsubscribeFrame(u"orders"_s).isEmpty());
        QVERIFY(adapter.unsubscribeFrame(u"orders"_s).isEmpty()); // only once
        QCOMPARE(adapter.subscribeFrame(u"orders"_s, std::nullopt), first);
        adapter.resetConnection(); // a new socket: the server knows nothing of the old one
        QVERIFY(!adapter.isSubscribedOnConnection(u"orders"_s));
        QCOMPARE(adapter.subscribeFrame(u"orders"_s, std::nullopt), first);
        // A confirm on the new connection routes; one for the unsubscribed inventory does not.
        QCOMPARE(decodeAs<SubscribedMessage>(adapter, QJsonDocument(QJsonObject{
                     {u"identifier"_s, ordersIdentifier}, {u"type"_s, u"confirm_subscription"_s}})
                     .toJson()).channel, u"orders"_s);
    }

    void identifiersAreCanonical()
    {
        QJsonObject profileJson = hafalohaProfileJson();
        QJsonObject channels = profileJson.value("channels"_L1).toObject();
        QJsonObject orders = channels.value("orders"_L1).toObject();
        orders.insert(u"identifier"_s, unorderedIdentifier());
        channels.insert(u"orders"_s, orders);
        profileJson.insert(u"channels"_s, channels);
        ActionCableAdapter adapter(profileFrom(profileJson));
        const QString identifier = adapter.identifierOf(u"orders"_s);
        QCOMPARE(identifier, u"{\"channel\":\"OrderChannel\",\"kitchen\":\"Café \\\"Main\\\" <1>\",\"restaurant_id\":\"1\"}"_s);
        adapter.resetConnection();
        const QJsonObject frame = parsed(adapter.subscribeFrame(u"orders"_s, std::nullopt).toUtf8());
        QCOMPARE(frame.value("identifier"_L1).toString(), identifier);

        // The server's echo, re-encoded every way a server or proxy might: all route to orders.
        const QStringList echoes{
            identifier,
            u"{\"restaurant_id\":\"1\",\"kitchen\":\"Café \\\"Main\\\" <1>\",\"channel\":\"OrderChannel\"}"_s,
            u"{ \"channel\" : \"OrderChannel\", \"kitchen\": \"Caf\\u00e9 \\u0022Main\\u0022 \\u003c1\\u003e\", \"restaurant_id\": \"1\" }"_s,
        };
        for (const QString &echo : echoes) {
            const QByteArray confirm = QJsonDocument(QJsonObject{{u"identifier"_s, echo},
                                                                 {u"type"_s, u"confirm_subscription"_s}})
                                           .toJson();
            QCOMPARE(decodeAs<SubscribedMessage>(adapter, confirm).channel, u"orders"_s);
        }
        QCOMPARE(ActionCableFrames::canonicalIdentifier(u"[1]"_s), std::nullopt);
        QCOMPARE(ActionCableFrames::canonicalIdentifier(u"{"_s), std::nullopt);
        QCOMPARE(*ActionCableFrames::canonicalIdentifier(u"{\"b\":{\"d\":1,\"c\":2},\"a\":[3]}"_s),
                 u"{\"a\":[3],\"b\":{\"c\":2,\"d\":1}}"_s);
    }

    void disconnects_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("unauthorized") << QByteArray(R"({"type":"disconnect","reason":"unauthorized","reconnect":false})") << u"signout"_s;
        QTest::newRow("invalid request") << QByteArray(R"({"type":"disconnect","reason":"invalid_request","reconnect":false})") << u"halt:invalid_request"_s;
        QTest::newRow("remote, no reconnect") << QByteArray(R"({"type":"disconnect","reason":"remote","reconnect":false})") << u"halt:remote"_s;
        QTest::newRow("no reason, no reconnect") << QByteArray(R"({"type":"disconnect","reconnect":false})") << u"halt:disconnect"_s;
        QTest::newRow("server restart") << QByteArray(R"({"type":"disconnect","reason":"server_restart","reconnect":true})") << u"advice"_s;
        QTest::newRow("remote") << QByteArray(R"({"type":"disconnect","reason":"remote","reconnect":true})") << u"advice"_s;
        QTest::newRow("old rails, no reconnect flag") << QByteArray(R"({"type":"disconnect","reason":"server_restart"})") << u"advice"_s;
        QTest::newRow("unauthorized yet reconnect") << QByteArray(R"({"type":"disconnect","reason":"unauthorized","reconnect":true})") << u"advice"_s;
        QTest::newRow("null reason") << QByteArray(R"({"type":"disconnect","reason":null,"reconnect":true})") << u"advice"_s;
    }

    void disconnects()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, outcome);
        ActionCableAdapter adapter(hafalohaProfile());
        const Decoded<ServerMessage> decoded = adapter.decode(frame, maxBytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QCOMPARE(describe(*decoded.value), outcome);
        if (const auto *advice = std::get_if<ReconnectAdvice>(&*decoded.value))
            QCOMPARE(advice->after, 3000ms); // spread over one ping period
    }

    void lenientWhereRailsAppsDiffer()
    {
        auto adapter = subscribedAdapter();
        // `broadcast(stream, payload.to_json)`: the message is a string holding the object.
        const QJsonObject message{{u"type"_s, u"new_order"_s}, {u"order"_s, validOrder()}};
        const QString asText = QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
        QCOMPARE(decodeAs<ChannelEvent>(*adapter, QJsonDocument(QJsonObject{
                     {u"identifier"_s, ordersIdentifier}, {u"message"_s, asText}}).toJson()).type,
                 u"order.created"_s);
        // An unknown frame type that carries an identifier and a message is a message (as in
        // the Rails client).
        QCOMPARE(decodeAs<ChannelEvent>(*adapter, QJsonDocument(QJsonObject{
                     {u"type"_s, u"broadcast"_s}, {u"identifier"_s, ordersIdentifier},
                     {u"message"_s, message}}).toJson()).channel, u"orders"_s);
        // A ping without its timestamp still proves the link alive.
        QCOMPARE(describe(*adapter->decode(R"({"type":"ping"})", maxBytes).value), u"ping"_s);
    }

    void typeFieldAndRawEvents()
    {
        QJsonObject json = hafalohaProfileJson();
        QJsonObject channels = json.value("channels"_L1).toObject();
        QJsonObject inventory = channels.value("inventory"_L1).toObject();
        inventory.insert(u"type_field"_s, u"meta.kind"_s);
        inventory.insert(u"messages"_s, QJsonDocument::fromJson(
            R"({"sold_out":{"event":"menu.availability_changed","entity":"menu_item"}, "restock":{"event":"inventory.updated","entity":"data.item"}, "7":{"event":"inventory.updated"}})").object());
        channels.insert(u"inventory"_s, inventory);
        json.insert(u"channels"_s, channels);
        auto adapter = subscribedAdapter(profileFrom(json));
        const QString identifier = adapter->identifierOf(u"inventory"_s);
        // An event Hearth maps no entity for carries the foreign object as it is.
        const auto raw = decodeAs<ChannelEvent>(*adapter, orderMessage(identifier, parsed(
            R"({"meta":{"kind":"sold_out"},"menu_item":{"id":12,"available":false}})")));
        QCOMPARE(raw.type, u"menu.availability_changed"_s);
        QCOMPARE(raw.data.value("available"_L1), QJsonValue(false));
        const auto nested = decodeAs<ChannelEvent>(*adapter, orderMessage(identifier, parsed(
            R"({"meta":{"kind":"restock"},"data":{"item":{"id":1,"name":"Rice","stock_quantity":9, "updated_at":"2026-11-20T08:00:00Z"}}})")));
        QCOMPARE(nested.data.value("stock"_L1).toInt(), 9);
        // A numeric type matches its decimal text; the entity may be the message itself.
        const auto numeric = decodeAs<ChannelEvent>(*adapter, orderMessage(identifier, parsed(
            R"({"meta":{"kind":7},"id":2,"name":"Oil","stock_quantity":1,"updated_at":"2026-11-20T08:00:00Z"})")));
        QCOMPARE(numeric.data.value("name"_L1).toString(), u"Oil"_s);
        QCOMPARE(describe(*adapter->decode(orderMessage(identifier, parsed(R"({"kind":"restock"})")), maxBytes).value),
                 u"ignored:unmapped"_s);
    }

    void ignoresWithoutCountingAsMalformed_data() { ignoresWithoutCountingAsMalformedRows(); }

    void ignoresWithoutCountingAsMalformed()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, outcome);
        auto adapter = subscribedAdapter();
        const Decoded<ServerMessage> decoded = adapter->decode(frame, maxBytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QCOMPARE(describe(*decoded.value), outcome);
    }

    void rejectsMalformedFrames_data() { rejectsMalformedFramesRows(); }

    void rejectsMalformedFrames()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, reason);
        auto adapter = subscribedAdapter();
        const Decoded<ServerMessage> decoded = adapter->decode(frame, maxBytes);
        QVERIFY2(!decoded.ok(), qPrintable(decoded.ok() ? describe(*decoded.value) : QString()));
        QVERIFY2(decoded.errorString().contains(reason), qPrintable(decoded.errorString()));
        // A malformed frame never changes what is subscribed.
        QVERIFY(adapter->isSubscribedOnConnection(u"orders"_s));
    }
};

QTEST_GUILESS_MAIN(TestActionCableAdapter)
#include "tst_actioncable_adapter.moc"
