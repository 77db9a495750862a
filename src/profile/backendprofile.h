#pragma once

// A backend profile: what Hearth needs to know to talk to a backend — the wire protocol, where it
// is, how the token travels, which subscription (Action Cable) or topic (Phoenix) carries each
// Hearth channel, how foreign messages and fields map onto Hearth's events and types, and where
// the REST lists for snapshots and polling are. docs/backend-profiles.md is the reference of the
// file format; ProfileParser reads it. Strings keep their {placeholders} until use (expand()),
// so a profile never holds a token.
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QNetworkRequest;
QT_END_NAMESPACE

namespace hearth {

enum class BackendProtocol { Hearth, ActionCable, Phoenix };

QLatin1StringView protocolName(BackendProtocol protocol); // "hearth", "actioncable", "phoenix"
std::optional<BackendProtocol> protocolFromName(QStringView name);

// How the token travels to the backend.
struct TokenTransport
{
    enum class Method { None, Header, Query, Subprotocol };

    Method method = Method::Header;
    QString header = QStringLiteral("Authorization"); // Header: the header's name
    QString format = QStringLiteral("Bearer {token}"); // Header: the value, a template
    QString parameter;                                 // Query: the parameter's name
    QStringList protocols;                             // Subprotocol: templates, offered in order

    // Puts the token where this transport says: a header, or a query parameter of the URL (which
    // then shows up in the server's access logs: prefer a header where the backend allows it).
    // No token, no change.
    void apply(QNetworkRequest *request, const QString &token) const;
    // Subprotocol: the protocols to offer with this token; otherwise empty.
    QStringList subprotocols(const QString &token) const;
};

// What one incoming message type of a channel becomes.
struct MessageRule
{
    QString event;  // the Hearth event type, e.g. "order.created"; empty when ignored
    QString entity; // dotted path of the entity in the message; empty: the message itself
    bool ignore = false; // recognised and dropped on purpose (e.g. a DELETE Hearth has no use for)
};

struct ChannelProfile
{
    QString name;            // the Hearth channel: "orders", "inventory", …
    QJsonObject identifier;  // actioncable: the identifier object (templates)
    QString topic;           // phoenix: the topic (template)
    QJsonObject joinPayload; // phoenix: the phx_join payload (templates, {token} allowed)
    QString typeField;       // dotted path of the message type within a message
    QHash<QString, MessageRule> messages; // by incoming message type

    const MessageRule *rule(const QString &type) const;
};

// How one Hearth field is filled from a foreign object.
struct FieldRule
{
    enum class Convert { None, DecimalToCents, VersionFromTimestamp };

    QString from;                        // dotted source path; empty: the Hearth field's own name
    std::optional<QJsonValue> constant;  // "value": always this, whatever the source says
    std::optional<QJsonValue> fallback;  // "default": when the source lacks the field or has null
    Convert convert = Convert::None;
    QHash<QString, QString> values;      // foreign value → Hearth value ("pending" → "new")
};

// Keyed by Hearth field name; a Hearth field without a rule is copied from the same name.
using EntityMapping = QHash<QString, FieldRule>;

// One REST list: GET path?query → a JSON body holding an array of foreign entities.
struct ListEndpoint
{
    QString path;                               // template, below the REST base URL
    QList<std::pair<QString, QString>> query;   // name → template
    QString list;                               // dotted path of the array; empty: the body itself
};

struct RestProfile
{
    // True: the Hearth REST API of docs/protocol.md (watermarks, deltas with since); the list
    // endpoints below are then unused.
    bool hearthApi = true;
    QUrl baseUrl;                               // e.g. https://bistro.example.com
    TokenTransport auth;                        // Header or Query (None: no token is sent)
    QList<std::pair<QByteArray, QByteArray>> headers; // fixed extra headers (e.g. Supabase apikey)
    std::optional<ListEndpoint> ordersSnapshot;
    std::optional<ListEndpoint> ordersPoll;     // polling; the snapshot list when unset
    std::optional<ListEndpoint> inventorySnapshot;
    std::optional<ListEndpoint> inventoryPoll;
    // Required with channels.widgets: loaded after every subscription and polled while the
    // socket is down, like the orders' lists.
    std::optional<ListEndpoint> widgetsSnapshot;
    std::optional<ListEndpoint> widgetsPoll;
};

struct BackendProfile
{
    QString name;                               // for people: "Hafaloha (Rails)"
    BackendProtocol protocol = BackendProtocol::Hearth;
    QUrl url;                                   // the WebSocket URL
    // The Origin header of the WebSocket handshake, for servers that check it (Rails'
    // allowed_request_origins). Unset: the URL's own origin (wss://host → https://host).
    QUrl origin;
    QString restaurantId;                       // fills {restaurant_id}
    TokenTransport auth;
    // The server's keep-alive period: Action Cable pings every 3 s, Phoenix clients beat every
    // 30 s (Supabase 25 s). The link is stale after two periods without a frame. Unset: the
    // protocol's default (Hearth's server announces its own).
    std::optional<std::chrono::milliseconds> heartbeat;
    QList<ChannelProfile> channels;
    QHash<QString, EntityMapping> mapping;      // "order", "order_item", "inventory_item", "widget", …
    RestProfile rest;

    const ChannelProfile *channel(const QString &channelName) const;
    QStringList channelNames() const;
    // Without sequence numbers and replay every (re)subscription needs a REST snapshot.
    bool supportsReplay() const { return protocol == BackendProtocol::Hearth; }
    // The REST base URL: rest.baseUrl, or the WebSocket URL's origin (wss → https).
    QUrl restBaseUrl() const;
    // `origin`, or the WebSocket URL's origin.
    QUrl handshakeOrigin() const { return origin.isEmpty() ? originOf(url) : origin; }
    // What a browser would send as the Origin of a page on the same site as `webSocketUrl`.
    static QUrl originOf(const QUrl &webSocketUrl);

    // Replaces {restaurant_id}, and {token} / {token_base64url} with `token`, in a template.
    QString expand(const QString &text, const QString &token = {}) const;
    // The same in every string (keys stay as they are) of a JSON value.
    QJsonValue expand(const QJsonValue &value, const QString &token = {}) const;
    QJsonObject expand(const QJsonObject &object, const QString &token = {}) const;

    // hearth-server: Hearth protocol v1 at `webSocketUrl`, Bearer header, the Hearth REST API at
    // `httpBase`, channels orders and inventory.
    static BackendProfile hearthServer(const QUrl &httpBase, const QUrl &webSocketUrl);
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::BackendProfile)
