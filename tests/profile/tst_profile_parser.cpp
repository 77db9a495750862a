// The backend profile format: the shipped examples parse into what they say, the built-in
// hearth-server profile, placeholders and token transports, and every invalid variant is refused
// with the key it concerns.
#include "profilefixtures.h"

#include "profile/backendprofile.h"
#include "profile/profileloader.h"
#include "profile/profileparser.h"

#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace hearth;
using namespace profiletest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString hafaloha = u"hafaloha-actioncable.json"_s;
const QString supabase = u"supabase-phoenix.json"_s;
const QString hearthFile = u"hearth-server.json"_s;

BackendProfile parsedOrFail(const QJsonObject &object)
{
    Decoded<BackendProfile> decoded = ProfileParser::fromJson(object);
    if (!decoded.ok())
        qWarning("unexpected failure: %s", qPrintable(decoded.errorString()));
    Q_ASSERT(decoded.ok());
    return *decoded.value;
}

bool hasError(const FieldErrors &errors, const QString &field, const QString &fragment)
{
    for (const FieldError &error : errors) {
        if (error.field == field && error.message.contains(fragment))
            return true;
    }
    return false;
}

} // namespace

class TestProfileParser final : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheShippedActionCableExample()
    {
        const BackendProfile profile = parsedOrFail(shippedProfile(hafaloha));
        QCOMPARE(profile.protocol, BackendProtocol::ActionCable);
        QCOMPARE(profile.url, QUrl(u"wss://api.hafaloha.example.com/cable"_s));
        QCOMPARE(profile.restaurantId, u"1"_s);
        QCOMPARE(profile.auth.method, TokenTransport::Method::Query);
        QCOMPARE(profile.auth.parameter, u"token"_s);
        QVERIFY(!profile.heartbeat);
        QCOMPARE(profile.channelNames(), (QStringList{u"inventory"_s, u"orders"_s, u"widgets"_s}));

        const ChannelProfile *orders = profile.channel(u"orders"_s);
        QVERIFY(orders);
        QCOMPARE(orders->identifier.value("channel"_L1).toString(), u"OrderChannel"_s);
        QCOMPARE(profile.expand(orders->identifier).value("restaurant_id"_L1).toString(), u"1"_s);
        QCOMPARE(orders->typeField, u"type"_s);
        QCOMPARE(orders->messages.size(), 2);
        QCOMPARE(orders->rule(u"new_order"_s)->event, u"order.created"_s);
        QCOMPARE(orders->rule(u"order_updated"_s)->entity, u"order"_s);
        QVERIFY(!orders->rule(u"order_deleted"_s));
        QCOMPARE(profile.channel(u"inventory"_s)->rule(u"low_stock"_s)->event, u"inventory.low_stock"_s);

        const EntityMapping &order = profile.mapping.value(u"order"_s);
        QCOMPARE(order.value(u"customer_name"_s).from, u"contact_name"_s);
        QCOMPARE(order.value(u"total_cents"_s).convert, FieldRule::Convert::DecimalToCents);
        QCOMPARE(order.value(u"status"_s).values.value(u"pending"_s), u"new"_s);
        QCOMPARE(order.value(u"version"_s).convert, FieldRule::Convert::VersionFromTimestamp);
        QCOMPARE(*order.value(u"type"_s).fallback, QJsonValue(u"pickup"_s));
        QVERIFY(order.value(u"acknowledged_at"_s).fallback->isNull());
        QCOMPARE(profile.mapping.value(u"order_item"_s).value(u"unit_price_cents"_s).from, u"price"_s);
        QCOMPARE(profile.mapping.value(u"inventory_item"_s).value(u"stock"_s).from, u"stock_quantity"_s);

        QVERIFY(!profile.rest.hearthApi);
        QVERIFY(!profile.supportsReplay());
        QCOMPARE(profile.restBaseUrl(), QUrl(u"https://api.hafaloha.example.com"_s));
        QCOMPARE(profile.handshakeOrigin(), QUrl(u"https://api.hafaloha.example.com"_s));
        QCOMPARE(profile.rest.auth.method, TokenTransport::Method::Header);
        QCOMPARE(profile.rest.ordersSnapshot->path, u"/api/v1/admin/orders"_s);
        QCOMPARE(profile.rest.ordersSnapshot->list, u"orders"_s);
        QCOMPARE(profile.rest.ordersSnapshot->query.size(), 3);
        QVERIFY(!profile.rest.ordersPoll);
        QCOMPARE(profile.rest.inventorySnapshot->list, u"items"_s);

        // Widgets: a channel, their mapping (settings nested under their own entity), a list.
        const ChannelProfile *widgets = profile.channel(u"widgets"_s);
        QVERIFY(widgets);
        QCOMPARE(widgets->rule(u"widget_updated"_s)->event, u"widget.updated"_s);
        QCOMPARE(widgets->rule(u"widget_destroyed"_s)->event, u"widget.deleted"_s);
        const EntityMapping &widget = profile.mapping.value(u"widget"_s);
        QCOMPARE(widget.value(u"kind"_s).values.value(u"reservations"_s), u"booking"_s);
        QCOMPARE(widget.value(u"settings"_s).from, u"config"_s);
        QCOMPARE(widget.value(u"version"_s).convert, FieldRule::Convert::VersionFromTimestamp);
        QCOMPARE(profile.mapping.value(u"widget_settings"_s).value(u"minimum_order_cents"_s).convert,
                 FieldRule::Convert::DecimalToCents);
        QCOMPARE(profile.rest.widgetsSnapshot->path, u"/api/v1/admin/widgets"_s);
        QCOMPARE(profile.rest.widgetsSnapshot->list, u"widgets"_s);
        QVERIFY(!profile.rest.widgetsPoll);
    }

    void parsesTheShippedSupabaseExample()
    {
        const BackendProfile profile = parsedOrFail(shippedProfile(supabase));
        QCOMPARE(profile.protocol, BackendProtocol::Phoenix);
        QCOMPARE(profile.heartbeat, std::optional<std::chrono::milliseconds>(25000ms));
        QCOMPARE(profile.auth.method, TokenTransport::Method::None);
        const ChannelProfile *orders = profile.channel(u"orders"_s);
        QCOMPARE(profile.expand(orders->topic), u"realtime:hearth-orders-42"_s);
        QCOMPARE(orders->typeField, u"payload.data.type"_s);
        QVERIFY(orders->rule(u"DELETE"_s)->ignore);
        QCOMPARE(orders->rule(u"INSERT"_s)->entity, u"payload.data.record"_s);
        // The token goes into the join payload only when the adapter joins, never into the profile.
        const QJsonObject join = profile.expand(orders->joinPayload, u"jwt-1"_s);
        QCOMPARE(join.value("access_token"_L1).toString(), u"jwt-1"_s);
        const QJsonObject change = join.value("config"_L1).toObject().value("postgres_changes"_L1)
                                       .toArray().at(0).toObject();
        QCOMPARE(change.value("filter"_L1).toString(), u"restaurant_id=eq.42"_s);
        QCOMPARE(profile.rest.headers.size(), 1);
        QCOMPARE(profile.rest.ordersSnapshot->list, QString());
        QCOMPARE(profile.rest.auth.method, TokenTransport::Method::Header);

        const ChannelProfile *widgets = profile.channel(u"widgets"_s);
        QVERIFY(widgets);
        QCOMPARE(profile.expand(widgets->topic), u"realtime:hearth-widgets-42"_s);
        // A deleted row is only its key: it still becomes a deletion, not an ignored message.
        QCOMPARE(widgets->rule(u"DELETE"_s)->event, u"widget.deleted"_s);
        QCOMPARE(widgets->rule(u"DELETE"_s)->entity, u"payload.data.old_record"_s);
        QCOMPARE(profile.rest.widgetsSnapshot->path, u"/rest/v1/widgets"_s);
        QCOMPARE(profile.rest.widgetsSnapshot->list, QString());
    }

    void parsesTheShippedHearthServerExample()
    {
        const BackendProfile profile = parsedOrFail(shippedProfile(hearthFile));
        QCOMPARE(profile.protocol, BackendProtocol::Hearth);
        QVERIFY(profile.rest.hearthApi);
        QVERIFY(profile.supportsReplay());
        QCOMPARE(profile.channelNames(), (QStringList{u"orders"_s, u"inventory"_s}));
        QCOMPARE(profile.restBaseUrl(), QUrl(u"https://hearth.example.com"_s));
    }

    void theBuiltInHearthServerProfile()
    {
        const BackendProfile profile = BackendProfile::hearthServer(QUrl(u"http://127.0.0.1:8080"_s),
                                                                    QUrl(u"ws://127.0.0.1:8080/ws"_s));
        QCOMPARE(profile.protocol, BackendProtocol::Hearth);
        QCOMPARE(profile.auth.method, TokenTransport::Method::Header);
        QCOMPARE(profile.restBaseUrl(), QUrl(u"http://127.0.0.1:8080"_s));
        QVERIFY(profile.channel(u"orders"_s));
    }

    void restBaseDefaultsToTheSocketsOrigin()
    {
        QJsonObject object = edited(shippedProfile(hafaloha), u"rest.base_url"_s, removed());
        object = edited(object, u"url"_s, u"wss://cable.example.com:8443/cable?x=1"_s);
        QCOMPARE(parsedOrFail(object).restBaseUrl(), QUrl(u"https://cable.example.com:8443"_s));
        object = edited(object, u"url"_s, u"ws://10.0.0.5:3000/cable"_s);
        QCOMPARE(parsedOrFail(object).restBaseUrl(), QUrl(u"http://10.0.0.5:3000"_s));
    }

    void anOriginForServersThatCheckIt()
    {
        const QJsonObject object = edited(shippedProfile(hafaloha), u"origin"_s, u"https://hafaloha.example.com"_s);
        QCOMPARE(parsedOrFail(object).handshakeOrigin(), QUrl(u"https://hafaloha.example.com"_s));
    }

    void restAuthFollowsTheSocketUnlessSet()
    {
        QJsonObject object = edited(shippedProfile(hafaloha), u"rest.auth"_s, removed());
        QCOMPARE(parsedOrFail(object).rest.auth.method, TokenTransport::Method::Query);
        object = edited(object, u"auth"_s, json(R"({"method":"subprotocol","protocols":["token.{token_base64url}"]})"));
        QCOMPARE(parsedOrFail(object).rest.auth.method, TokenTransport::Method::Header);
    }

    void tokenTransports()
    {
        TokenTransport header;
        header.header = u"X-Api-Key"_s;
        header.format = u"Token token={token}"_s;
        QNetworkRequest request(QUrl(u"wss://x.example/cable?a=1"_s));
        header.apply(&request, u"s3cr3t"_s);
        QCOMPARE(request.rawHeader("X-Api-Key"), QByteArray("Token token=s3cr3t"));
        QCOMPARE(request.url(), QUrl(u"wss://x.example/cable?a=1"_s));

        TokenTransport query{TokenTransport::Method::Query, {}, {}, u"token"_s, {}};
        query.apply(&request, u"a+b&c=d"_s);
        QCOMPARE(QUrlQuery(request.url()).queryItemValue(u"token"_s, QUrl::FullyDecoded), u"a+b&c=d"_s);
        QCOMPARE(QUrlQuery(request.url()).queryItemValue(u"a"_s), u"1"_s);
        query.apply(&request, u"second"_s); // replaces, never piles up
        QCOMPARE(QUrlQuery(request.url()).allQueryItemValues(u"token"_s).size(), 1);

        TokenTransport subprotocol{TokenTransport::Method::Subprotocol, {}, {}, {},
                                   {u"hearth.v1"_s, u"hearth.bearer.{token_base64url}"_s}};
        QCOMPARE(subprotocol.subprotocols(u"t?k"_s),
                 (QStringList{u"hearth.v1"_s, u"hearth.bearer.dD9r"_s}));
        QVERIFY(header.subprotocols(u"t"_s).isEmpty());

        QNetworkRequest untouched(QUrl(u"wss://x.example/"_s));
        header.apply(&untouched, QString()); // no token, no header
        QVERIFY(untouched.rawHeaderList().isEmpty());
    }

    // Rails apps that read the restaurant from the cable's query: the placeholder is expanded
    // before the address is judged (it was refused as "must be a full ws or wss address").
    void theRestaurantIdMayBeInTheAddresses()
    {
        QJsonObject object = edited(shippedProfile(hafaloha), u"url"_s, u"wss://x.example/cable?restaurant_id={restaurant_id}"_s);
        object = edited(object, u"rest.base_url"_s, u"https://x.example/r/{restaurant_id}"_s);
        const Decoded<BackendProfile> parsed = ProfileParser::fromJson(object);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed.value->url, QUrl(u"wss://x.example/cable?restaurant_id=1"_s));
        QCOMPARE(parsed.value->rest.baseUrl, QUrl(u"https://x.example/r/1"_s));
        // An id with characters an address cannot hold is percent-encoded, never expanded again.
        object = edited(object, u"restaurant_id"_s, u"a b&c={}"_s);
        const Decoded<BackendProfile> odd = ProfileParser::fromJson(object);
        QVERIFY2(odd.ok(), qPrintable(odd.errorString()));
        QCOMPARE(QUrlQuery(odd.value->url).queryItemValue(u"restaurant_id"_s, QUrl::FullyDecoded), u"a b&c={}"_s);
        // Without an id, one error says why.
        object = edited(object, u"restaurant_id"_s, removed());
        const Decoded<BackendProfile> missing = ProfileParser::fromJson(object);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.errorString().contains(u"uses {restaurant_id}"_s), qPrintable(missing.errorString()));
        QVERIFY2(!missing.errorString().contains(u"must be a full"_s), qPrintable(missing.errorString()));
    }

    void placeholdersExpandOnceAndOnlyKnownNames()
    {
        BackendProfile profile;
        profile.restaurantId = u"{token}"_s; // a hostile id must not pull the token in
        QCOMPARE(profile.expand(u"/r/{restaurant_id}/{other}/{token}"_s, u"T"_s),
                 u"/r/{token}/{other}/T"_s);
        QCOMPARE(profile.expand(u"{ not a placeholder }"_s), u"{ not a placeholder }"_s);
        QCOMPARE(profile.expand(u"unclosed {restaurant_id"_s), u"unclosed {restaurant_id"_s);
    }

    void rejectsInvalidProfiles_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("fragment");

        const auto row = [](const char *name, const QString &base, const QString &path,
                            const QJsonValue &value, const QString &field, const QString &fragment) {
            QTest::newRow(name) << base << path << value << field << fragment;
        };
        const QString h = hafaloha;
        // The top level.
        row("version missing", h, u"hearth_profile"_s, removed(), u"hearth_profile"_s, u"is missing"_s);
        row("version 2", h, u"hearth_profile"_s, 2, u"hearth_profile"_s, u"is version 2"_s);
        row("version text", h, u"hearth_profile"_s, u"1"_s, u"hearth_profile"_s, u"whole number"_s);
        row("protocol missing", h, u"protocol"_s, removed(), u"protocol"_s, u"is missing"_s);
        row("protocol unknown", h, u"protocol"_s, u"socketio"_s, u"protocol"_s, u"must be one of"_s);
        row("url missing", h, u"url"_s, removed(), u"url"_s, u"is missing"_s);
        row("url http", h, u"url"_s, u"https://x.example/cable"_s, u"url"_s, u"ws or wss"_s);
        row("url garbage", h, u"url"_s, u"not a url"_s, u"url"_s, u"must be a full"_s);
        row("url credentials", h, u"url"_s, u"wss://ana:pw@x.example/cable"_s, u"url"_s, u"password"_s);
        row("url number", h, u"url"_s, 5, u"url"_s, u"must be a string"_s);
        row("origin ws", h, u"origin"_s, u"wss://x.example"_s, u"origin"_s, u"http or https"_s);
        row("origin with path", h, u"origin"_s, u"https://x.example/app"_s, u"origin"_s, u"scheme and host only"_s);
        row("restaurant object", h, u"restaurant_id"_s, QJsonObject(), u"restaurant_id"_s, u"must be a string"_s);
        row("restaurant missing", h, u"restaurant_id"_s, removed(), u"restaurant_id"_s, u"uses {restaurant_id}"_s);
        row("heartbeat tiny", h, u"heartbeat_ms"_s, 5, u"heartbeat_ms"_s, u"between"_s);
        row("unknown key", h, u"chanels"_s, QJsonObject(), u"chanels"_s, u"not a setting"_s);
        // auth
        row("auth not object", h, u"auth"_s, u"query"_s, u"auth"_s, u"must be an object"_s);
        row("auth no method", h, u"auth.method"_s, removed(), u"auth.method"_s, u"is missing"_s);
        row("auth cookie", h, u"auth.method"_s, u"cookie"_s, u"auth.method"_s, u"must be one of"_s);
        row("auth query no parameter", h, u"auth.parameter"_s, removed(), u"auth.parameter"_s, u"is missing"_s);
        row("auth header with parameter", h, u"auth"_s, json(R"({"method":"header","parameter":"t"})"),
            u"auth.parameter"_s, u"only used with method \"query\""_s);
        row("auth format without token", h, u"auth"_s, json(R"({"method":"header","format":"Bearer"})"),
            u"auth.format"_s, u"must contain {token}"_s);
        row("auth bad header name", h, u"auth"_s, json(R"({"method":"header","header":"Auth Token"})"),
            u"auth.header"_s, u"not a valid HTTP header"_s);
        row("auth subprotocol empty", h, u"auth"_s, json(R"({"method":"subprotocol","protocols":[]})"),
            u"auth.protocols"_s, u"must be a list"_s);
        row("auth subprotocol no token", h, u"auth"_s, json(R"({"method":"subprotocol","protocols":["x"]})"),
            u"auth.protocols"_s, u"must carry {token}"_s);
        row("auth typo", h, u"auth.paramter"_s, u"t"_s, u"auth.paramter"_s, u"not a setting"_s);
        // channels
        row("channels missing", h, u"channels"_s, removed(), u"channels"_s, u"is missing"_s);
        row("channels list", h, u"channels"_s, QJsonArray(), u"channels"_s, u"must be an object"_s);
        row("orders missing", h, u"channels.orders"_s, removed(), u"channels.orders"_s, u"is missing"_s);
        row("orders not object", h, u"channels.orders"_s, u"OrderChannel"_s, u"channels.orders"_s, u"must be an object"_s);
        row("unknown channel", h, u"channels.orderz"_s, QJsonObject(), u"channels.orderz"_s, u"not a Hearth channel"_s);
        row("identifier string", h, u"channels.orders.identifier"_s, u"OrderChannel"_s,
            u"channels.orders.identifier"_s, u"must be an object"_s);
        row("identifier missing", h, u"channels.orders.identifier"_s, removed(),
            u"channels.orders.identifier"_s, u"is missing"_s);
        row("identifier no channel", h, u"channels.orders.identifier.channel"_s, removed(),
            u"channels.orders.identifier.channel"_s, u"is missing"_s);
        row("identifier channel empty", h, u"channels.orders.identifier.channel"_s, u""_s,
            u"channels.orders.identifier.channel"_s, u"Rails channel class"_s);
        row("identifier with token", h, u"channels.orders.identifier.token"_s, u"{token}"_s,
            u"channels.orders.identifier.token"_s, u"only allowed in auth"_s);
        row("unknown placeholder", h, u"channels.orders.identifier.restaurant_id"_s, u"{restaurant}"_s,
            u"channels.orders.identifier.restaurant_id"_s, u"unknown placeholder {restaurant}"_s);
        row("same identifier", h, u"channels.inventory.identifier.channel"_s, u"OrderChannel"_s,
            u"channels.orders.identifier"_s, u"same as the one of channels.inventory"_s);
        row("topic on actioncable", h, u"channels.orders.topic"_s, u"orders"_s,
            u"channels.orders.topic"_s, u"only used with protocol phoenix"_s);
        row("type_field empty", h, u"channels.orders.type_field"_s, u""_s,
            u"channels.orders.type_field"_s, u"must not be empty"_s);
        row("type_field bad path", h, u"channels.orders.type_field"_s, u"a..b"_s,
            u"channels.orders.type_field"_s, u"dotted path"_s);
        row("messages missing", h, u"channels.orders.messages"_s, removed(),
            u"channels.orders.messages"_s, u"is missing"_s);
        row("messages empty", h, u"channels.orders.messages"_s, QJsonObject(),
            u"channels.orders.messages"_s, u"at least one"_s);
        row("rule not object", h, u"channels.orders.messages.new_order"_s, u"order.created"_s,
            u"channels.orders.messages.new_order"_s, u"must be an object"_s);
        row("rule without event", h, u"channels.orders.messages.new_order.event"_s, removed(),
            u"channels.orders.messages.new_order.event"_s, u"is missing"_s);
        row("rule unknown event", h, u"channels.orders.messages.new_order.event"_s, u"order.exploded"_s,
            u"channels.orders.messages.new_order.event"_s, u"not a Hearth event type"_s);
        row("rule event of another channel", h, u"channels.orders.messages.new_order.event"_s,
            u"inventory.low_stock"_s, u"channels.orders.messages.new_order.event"_s,
            u"does not belong to the orders channel"_s);
        row("rule bad entity", h, u"channels.orders.messages.new_order.entity"_s, u"order."_s,
            u"channels.orders.messages.new_order.entity"_s, u"dotted path"_s);
        row("rule ignore and event", h, u"channels.orders.messages.new_order.ignore"_s, true,
            u"channels.orders.messages.new_order.event"_s, u"cannot be combined"_s);
        row("rule ignore not bool", h, u"channels.orders.messages.new_order.ignore"_s, u"yes"_s,
            u"channels.orders.messages.new_order.ignore"_s, u"true or false"_s);
        row("rule typo", h, u"channels.orders.messages.new_order.entitiy"_s, u"order"_s,
            u"channels.orders.messages.new_order.entitiy"_s, u"not a setting"_s);
        // mapping
        row("mapping list", h, u"mapping"_s, QJsonArray(), u"mapping"_s, u"must be an object"_s);
        row("mapping unknown entity", h, u"mapping.pizza"_s, QJsonObject(), u"mapping.pizza"_s, u"not a Hearth entity"_s);
        row("mapping entity not object", h, u"mapping.order"_s, u"x"_s, u"mapping.order"_s, u"must be an object"_s);
        row("mapping unknown field", h, u"mapping.order.customer"_s, u"contact_name"_s,
            u"mapping.order.customer"_s, u"not a field of a Hearth order"_s);
        row("mapping number", h, u"mapping.order.number"_s, 5, u"mapping.order.number"_s, u"field name or an object"_s);
        row("mapping bad path", h, u"mapping.order.number"_s, u"a..b"_s, u"mapping.order.number"_s, u"must name a field"_s);
        row("mapping empty from", h, u"mapping.order.notes.from"_s, u""_s, u"mapping.order.notes.from"_s, u"must not be empty"_s);
        row("mapping unknown convert", h, u"mapping.order.total_cents.convert"_s, u"round"_s,
            u"mapping.order.total_cents.convert"_s, u"unknown conversion \"round\""_s);
        row("mapping cents on a name", h, u"mapping.order.customer_name"_s,
            json(R"({"from":"contact_name","convert":"decimal_to_cents"})"),
            u"mapping.order.customer_name.convert"_s, u"only applies to money"_s);
        row("mapping version convert on a timestamp", h, u"mapping.order.updated_at"_s,
            json(R"({"convert":"version_from_timestamp"})"), u"mapping.order.updated_at.convert"_s,
            u"only applies to version"_s);
        row("mapping values on money", h, u"mapping.order.total_cents.values"_s, json(R"({"a":"b"})"),
            u"mapping.order.total_cents.values"_s, u"only applies to text"_s);
        row("mapping value not text", h, u"mapping.order.status.values.pending"_s, 1,
            u"mapping.order.status.values.pending"_s, u"must be a string"_s);
        row("mapping fixed and from", h, u"mapping.order.type"_s, json(R"({"value":"pickup","from":"kind"})"),
            u"mapping.order.type.value"_s, u"fixed value"_s);
        row("mapping convert on list", h, u"mapping.order.items"_s,
            json(R"({"from":"line_items","convert":"decimal_to_cents"})"), u"mapping.order.items.convert"_s,
            u"does not apply to a list"_s);
        row("mapping rule typo", h, u"mapping.order.notes.defualt"_s, u""_s,
            u"mapping.order.notes.defualt"_s, u"not a setting"_s);
        // rest
        row("rest missing", h, u"rest"_s, removed(), u"rest"_s, u"cannot replay missed events"_s);
        row("rest orders missing", h, u"rest.orders"_s, removed(), u"rest.orders"_s, u"is missing"_s);
        row("rest snapshot missing", h, u"rest.orders.snapshot"_s, removed(), u"rest.orders.snapshot"_s, u"is missing"_s);
        row("rest path relative", h, u"rest.orders.snapshot.path"_s, u"api/orders"_s,
            u"rest.orders.snapshot.path"_s, u"must start with /"_s);
        row("rest path with query", h, u"rest.orders.snapshot.path"_s, u"/api/orders?all=1"_s,
            u"rest.orders.snapshot.path"_s, u"hold no query"_s);
        row("rest query object", h, u"rest.orders.snapshot.query.scope"_s, QJsonObject(),
            u"rest.orders.snapshot.query.scope"_s, u"string or a number"_s);
        row("rest bad list", h, u"rest.orders.snapshot.list"_s, u".orders"_s,
            u"rest.orders.snapshot.list"_s, u"must name the field"_s);
        row("rest base ftp", h, u"rest.base_url"_s, u"ftp://x.example"_s, u"rest.base_url"_s, u"http or https"_s);
        row("rest auth subprotocol", h, u"rest.auth"_s, json(R"({"method":"subprotocol","protocols":["{token}"]})"),
            u"rest.auth.method"_s, u"none, header, query"_s);
        row("rest header not text", h, u"rest.headers.apikey"_s, 5, u"rest.headers.apikey"_s, u"must be a string"_s);
        row("rest token in path", h, u"rest.orders.snapshot.path"_s, u"/api/{token}/orders"_s,
            u"rest.orders.snapshot.path"_s, u"only allowed in auth"_s);
        row("rest poll typo", h, u"rest.orders.pol"_s, QJsonObject(), u"rest.orders.pol"_s, u"not a setting"_s);
        // widgets
        row("widgets channel without a list", h, u"rest.widgets"_s, removed(), u"rest.widgets"_s,
            u"channels.widgets needs a REST list of widgets"_s);
        row("widgets list without a channel", h, u"channels.widgets"_s, removed(), u"rest.widgets"_s,
            u"only used with channels.widgets"_s);
        row("widgets snapshot missing", h, u"rest.widgets.snapshot"_s, removed(), u"rest.widgets.snapshot"_s,
            u"is missing"_s);
        row("widgets poll relative", h, u"rest.widgets.poll"_s, json(R"({"path":"widgets"})"),
            u"rest.widgets.poll.path"_s, u"must start with /"_s);
        row("widget event on orders", h, u"channels.orders.messages.new_order.event"_s, u"widget.updated"_s,
            u"channels.orders.messages.new_order.event"_s, u"does not belong to the orders channel"_s);
        row("order event on widgets", h, u"channels.widgets.messages.widget_updated.event"_s, u"order.updated"_s,
            u"channels.widgets.messages.widget_updated.event"_s, u"does not belong to the widgets channel"_s);
        row("widget unknown field", h, u"mapping.widget.label"_s, u"label"_s, u"mapping.widget.label"_s,
            u"not a field of a Hearth widget"_s);
        row("widget setting unknown", h, u"mapping.widget_settings.colour"_s, u"brand_color"_s,
            u"mapping.widget_settings.colour"_s, u"not a field of a Hearth widget_settings"_s);
        row("widget settings convert", h, u"mapping.widget.settings"_s,
            json(R"({"from":"config","convert":"decimal_to_cents"})"), u"mapping.widget.settings.convert"_s,
            u"map its fields under mapping.widget_settings"_s);
        row("widget editor values", h, u"mapping.widget.updated_by"_s, json(R"({"values":{"a":"b"}})"),
            u"mapping.widget.updated_by.values"_s, u"taken as it is"_s);
        row("widget archived values", h, u"mapping.widget.archived"_s, json(R"({"values":{"0":"false"}})"),
            u"mapping.widget.archived.values"_s, u"only applies to text"_s);
        row("widget title cents", h, u"mapping.widget_settings.title"_s,
            json(R"({"convert":"decimal_to_cents"})"), u"mapping.widget_settings.title.convert"_s,
            u"only applies to money"_s);
        // Settings of one protocol in a profile of another.
        const QString s = supabase;
        row("phoenix without topic", s, u"channels.orders.topic"_s, removed(), u"channels.orders.topic"_s, u"is missing"_s);
        row("phoenix with identifier", s, u"channels.orders.identifier"_s, json(R"({"channel":"X"})"),
            u"channels.orders.identifier"_s, u"only used with protocol actioncable"_s);
        row("phoenix same topic", s, u"channels.inventory.topic"_s, u"realtime:hearth-orders-{restaurant_id}"_s,
            u"channels.orders.topic"_s, u"same as the one of channels.inventory"_s);
        row("phoenix join payload list", s, u"channels.orders.join_payload"_s, QJsonArray(),
            u"channels.orders.join_payload"_s, u"must be an object"_s);
        row("phoenix token in topic", s, u"channels.orders.topic"_s, u"t:{token}"_s,
            u"channels.orders.topic"_s, u"only allowed in auth"_s);
        const QString hs = hearthFile;
        row("hearth channel settings", hs, u"channels.orders.identifier"_s, json(R"({"channel":"X"})"),
            u"channels.orders.identifier"_s, u"not used with protocol hearth"_s);
        row("hearth rest lists", hs, u"rest.orders"_s, json(R"({"snapshot":{"path":"/o"}})"),
            u"rest.orders"_s, u"not used with protocol hearth"_s);
        row("hearth widgets list", hs, u"rest.widgets"_s, json(R"({"snapshot":{"path":"/w"}})"),
            u"rest.widgets"_s, u"not used with protocol hearth"_s);
    }

    void rejectsInvalidProfiles()
    {
        QFETCH(QString, base);
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QFETCH(QString, fragment);
        const Decoded<BackendProfile> decoded = ProfileParser::fromJson(edited(shippedProfile(base), path, value));
        QVERIFY2(!decoded.ok(), "an invalid profile was accepted");
        QVERIFY2(hasError(decoded.errors, field, fragment), qPrintable(decoded.errorString()));
    }

    void rejectsWhatIsNotAProfileFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << QByteArray() << u"the JSON is broken on line 1"_s;
        QTest::newRow("truncated") << QByteArray("{\n\"hearth_profile\": 1,\n\"protocol\":") << u"on line 3"_s;
        QTest::newRow("array") << QByteArray("[1]") << u"must hold one JSON object"_s;
        QTest::newRow("huge") << QByteArray(ProfileParser::maxFileBytes + 1, ' ') << u"a profile is at most"_s;
    }

    void rejectsWhatIsNotAProfileFile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fragment);
        const Decoded<BackendProfile> decoded = ProfileParser::parse(bytes);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.errorString().contains(fragment), qPrintable(decoded.errorString()));
    }

    void reportsEveryProblemAtOnce()
    {
        QJsonObject object = edited(shippedProfile(hafaloha), u"url"_s, u"http://x"_s);
        object = edited(object, u"channels.orders.identifier"_s, u"x"_s);
        object = edited(object, u"rest.orders"_s, removed());
        const Decoded<BackendProfile> decoded = ProfileParser::fromJson(object);
        QVERIFY(!decoded.ok());
        QVERIFY(hasError(decoded.errors, u"url"_s, u"ws or wss"_s));
        QVERIFY(hasError(decoded.errors, u"channels.orders.identifier"_s, u"must be an object"_s));
        QVERIFY(hasError(decoded.errors, u"rest.orders"_s, u"is missing"_s));
    }

    void theLoaderSpeaksToAManager()
    {
        const QJsonObject object = edited(shippedProfile(hafaloha), u"channels.orders"_s, removed());
        ProfileLoader::Failure failure;
        QVERIFY(!ProfileLoader::loadData(QJsonDocument(object).toJson(), u"bistro.json"_s, &failure));
        QCOMPARE(failure.message,
                 u"The backend profile bistro.json is not valid: channels.orders is missing."_s);
        QCOMPARE(failure.details, u"channels.orders is missing"_s);

        const QJsonObject twoProblems = edited(object, u"channels.inventory.identifier"_s, u"x"_s);
        QVERIFY(!ProfileLoader::loadData(QJsonDocument(twoProblems).toJson(), u"bistro.json"_s, &failure));
        QCOMPARE(failure.message, u"The backend profile bistro.json is not valid: "
                                  u"channels.inventory.identifier: must be an object (and 1 more problem(s))."_s);
        QCOMPARE(failure.details.count(u'\n'), 1);
    }

    void theLoaderReadsFiles()
    {
        ProfileLoader::Failure failure;
        const std::optional<BackendProfile> profile =
            ProfileLoader::loadFile(shippedProfilePath(hafaloha), &failure);
        QVERIFY(profile);
        QCOMPARE(profile->name, u"Hafaloha (Rails, Action Cable)"_s);

        QVERIFY(!ProfileLoader::loadFile(u"/nonexistent/bistro.json"_s, &failure));
        QVERIFY(failure.message.contains("could not open the backend profile bistro.json"_L1));
        QVERIFY(failure.details.startsWith("/nonexistent/bistro.json"_L1));

        QTemporaryDir dir;
        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"hearth_profile\": 1,\n  \"protocol\": \"actioncable\",\n}");
        broken.close();
        QVERIFY(!ProfileLoader::loadFile(broken.fileName(), &failure));
        QVERIFY2(failure.message.startsWith("The backend profile broken.json is not valid: the JSON is broken on line 3"_L1),
                 qPrintable(failure.message));
    }
};

QTEST_GUILESS_MAIN(TestProfileParser)
#include "tst_profile_parser.moc"
