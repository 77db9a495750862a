#include "realtime/actioncableadapter.h"

#include "realtime/actioncableframes.h"
#include "realtime/framejson.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;
namespace Frames = ActionCableFrames;

Decoded<ServerMessage> failure(const QString &field, const QString &message)
{
    return Decoded<ServerMessage>::failure({FieldError{field, message}});
}

Decoded<ServerMessage> success(ServerMessage message)
{
    return Decoded<ServerMessage>{std::move(message), {}};
}

Decoded<ServerMessage> ignored(IgnoredMessage::Why why, const QString &detail)
{
    return success(IgnoredMessage{why, detail});
}

// Rails apps sometimes broadcast `payload.to_json`: the message is then a string holding the
// object. Accepted as the object it holds.
std::optional<QJsonObject> messageObject(const QJsonValue &message)
{
    if (message.isObject())
        return message.toObject();
    if (message.isString()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(message.toString().toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && document.isObject())
            return document.object();
    }
    return std::nullopt;
}

QString typeText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

} // namespace

ActionCableAdapter::ActionCableAdapter(const BackendProfile &profile)
    : m_profile(profile),
      m_mapper(profile.mapping),
      m_pingInterval(profile.heartbeat.value_or(defaultPingInterval))
{
    for (const ChannelProfile &channel : m_profile.channels) {
        if (channel.identifier.isEmpty())
            continue;
        const QString identifier =
            Frames::canonicalIdentifier(m_profile.expand(channel.identifier));
        m_identifierByChannel.insert(channel.name, identifier);
        m_channelByIdentifier.insert(identifier, channel.name);
    }
}

QLatin1StringView ActionCableAdapter::name() const
{
    return Frames::protocol;
}

QNetworkRequest ActionCableAdapter::handshakeRequest(const QUrl &url, const QString &token) const
{
    QNetworkRequest request(url);
    // Rails refuses an upgrade whose Origin it does not allow (HTTP 404). By default it allows
    // its own host, which is what a browser on the same site sends; a profile may name another.
    const QUrl origin = m_profile.origin.isEmpty() ? BackendProfile::originOf(url) : m_profile.origin;
    request.setRawHeader("Origin", origin.toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash).toUtf8());
    m_profile.auth.apply(&request, token);
    return request;
}

QStringList ActionCableAdapter::subprotocols(const QString &token) const
{
    // The second name is how the server says "none of yours": a client that gets it back knows
    // it speaks another version.
    return QStringList{QString(Frames::protocol), QString(Frames::unsupportedProtocol)}
        + m_profile.auth.subprotocols(token);
}

bool ActionCableAdapter::acceptsSubprotocol(const QString &chosen) const
{
    return chosen == Frames::protocol;
}

void ActionCableAdapter::resetConnection()
{
    m_subscribed.clear();
}

bool ActionCableAdapter::isSubscribedOnConnection(const QString &channel) const
{
    return m_subscribed.contains(identifierOf(channel));
}

QString ActionCableAdapter::subscribeFrame(const QString &channel, const std::optional<SyncPosition> &)
{
    const QString identifier = identifierOf(channel);
    // A channel the profile does not carry, or a subscribe already sent on this socket: the
    // server would ignore a second one without answering, so nothing goes out.
    if (identifier.isEmpty() || m_subscribed.contains(identifier))
        return {};
    m_subscribed.insert(identifier);
    return Frames::encodeCommand("subscribe"_L1, identifier);
}

QString ActionCableAdapter::unsubscribeFrame(const QString &channel)
{
    const QString identifier = identifierOf(channel);
    if (!m_subscribed.remove(identifier))
        return {};
    return Frames::encodeCommand("unsubscribe"_L1, identifier);
}

std::optional<QString> ActionCableAdapter::channelOfFrame(const QJsonObject &frame,
                                                          bool *wellFormed) const
{
    *wellFormed = false;
    const QJsonValue value = frame.value("identifier"_L1);
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    // Rails echoes the identifier as we sent it, which is already canonical: one lookup instead
    // of parsing and re-serialising it for every message of a burst.
    if (m_subscribed.contains(text)) {
        *wellFormed = true;
        return m_channelByIdentifier.value(text);
    }
    const std::optional<QString> identifier = Frames::canonicalIdentifier(text);
    if (!identifier)
        return std::nullopt;
    *wellFormed = true;
    if (!m_subscribed.contains(*identifier))
        return std::nullopt;
    return m_channelByIdentifier.value(*identifier);
}

Decoded<ServerMessage> ActionCableAdapter::decode(const QByteArray &utf8, qint64 maxBytes)
{
    Decoded<QJsonDocument> parsed = parseFrameJson(utf8, maxBytes);
    if (!parsed.ok())
        return Decoded<ServerMessage>::failure(std::move(parsed.errors));
    const QJsonDocument &document = *parsed.value;
    if (!document.isObject())
        return failure({}, u"not a JSON object"_s);
    const QJsonObject frame = document.object();
    const QJsonValue typeValue = frame.value("type"_L1);
    if (!typeValue.isUndefined() && !typeValue.isString())
        return failure(u"type"_s, u"must be a string"_s);
    const QString type = typeValue.toString();

    // Ordered by frequency: pings every 3 s, messages in bursts, the rest once per connection.
    if (type == Frames::Type::ping)
        return ignored(IgnoredMessage::Why::KeepAlive, {});
    if (type == Frames::Type::welcome) {
        WelcomeMessage welcome;
        welcome.session = frame.value("sid"_L1).toString(); // Rails 7.1+ names the connection
        welcome.heartbeat = m_pingInterval;
        return success(std::move(welcome));
    }
    if (type == Frames::Type::confirm)
        return decodeSubscriptionReply(frame, true);
    if (type == Frames::Type::reject)
        return decodeSubscriptionReply(frame, false);
    if (type == Frames::Type::disconnect)
        return decodeDisconnect(frame);
    // Like the Rails client: whatever else carries an identifier and a message is a message.
    if (frame.contains("identifier"_L1) && frame.contains("message"_L1))
        return decodeChannelMessage(frame);
    if (type.isEmpty())
        return failure(u"type"_s, u"is missing, and there is no identifier and message"_s);
    return failure(u"type"_s, u"unknown type \"%1\""_s.arg(type.left(40)));
}

Decoded<ServerMessage> ActionCableAdapter::decodeSubscriptionReply(const QJsonObject &frame,
                                                                   bool confirmed)
{
    bool wellFormed = false;
    const std::optional<QString> channel = channelOfFrame(frame, &wellFormed);
    if (!wellFormed)
        return failure(u"identifier"_s, u"must be a string holding a JSON object"_s);
    if (!channel) {
        return ignored(IgnoredMessage::Why::UnknownSubscription,
                       u"%1 for an identifier not subscribed on this connection"_s.arg(
                           frame.value("type"_L1).toString()));
    }
    if (confirmed) {
        // No position and no recovery: the service asks for a snapshot after every confirmation.
        SubscribedMessage subscribed;
        subscribed.channel = *channel;
        subscribed.recovered = false;
        return success(std::move(subscribed));
    }
    // Rejected: the server holds no subscription now, so a later subscribe must really go out.
    m_subscribed.remove(identifierOf(*channel));
    ServerError error;
    error.code = QString(ServerErrorCode::forbidden);
    error.message = u"reject_subscription"_s;
    error.reconnect = true;
    error.channel = *channel;
    return success(std::move(error));
}

Decoded<ServerMessage> ActionCableAdapter::decodeDisconnect(const QJsonObject &frame) const
{
    const QJsonValue reasonValue = frame.value("reason"_L1);
    const QJsonValue reconnectValue = frame.value("reconnect"_L1);
    if (!reasonValue.isUndefined() && !reasonValue.isNull() && !reasonValue.isString())
        return failure(u"reason"_s, u"must be a string"_s);
    if (!reconnectValue.isUndefined() && !reconnectValue.isBool())
        return failure(u"reconnect"_s, u"must be true or false"_s);
    const QString reason = reasonValue.toString();
    // Rails always says; an older server that does not is treated as a passing disconnect.
    const bool reconnect = reconnectValue.toBool(true);
    if (reason == Frames::Reason::unauthorized && !reconnect) {
        return success(ServerError{QString(ServerErrorCode::unauthorized),
                                   u"disconnect: unauthorized"_s, false, {}});
    }
    if (!reconnect) {
        return success(ServerError{reason.isEmpty() ? u"disconnect"_s : reason.left(60),
                                   u"disconnect without reconnect: %1"_s.arg(reason.left(60)),
                                   false, {}});
    }
    // A restart or a remote disconnect: come back, but spread over a ping period so a restarted
    // server does not get every dashboard in the same instant.
    return success(ReconnectAdvice{m_pingInterval});
}

Decoded<ServerMessage> ActionCableAdapter::decodeChannelMessage(const QJsonObject &frame) const
{
    bool wellFormed = false;
    const std::optional<QString> channelName = channelOfFrame(frame, &wellFormed);
    if (!wellFormed)
        return failure(u"identifier"_s, u"must be a string holding a JSON object"_s);
    if (!channelName) {
        return ignored(IgnoredMessage::Why::UnknownSubscription,
                       u"message for an identifier not subscribed on this connection"_s);
    }
    const ChannelProfile *channel = m_profile.channel(*channelName);
    const std::optional<QJsonObject> message = messageObject(frame.value("message"_L1));
    if (!message)
        return failure(u"message"_s, u"must be a JSON object"_s);
    const QString type = typeText(FieldMapper::valueAt(*message, channel->typeField));
    const MessageRule *rule = channel->rule(type);
    if (!rule || rule->ignore) {
        return ignored(IgnoredMessage::Why::UnmappedType,
                       u"message type \"%1\" on %2"_s.arg(type.left(40), *channelName));
    }
    const QJsonValue entity = FieldMapper::valueAt(*message, rule->entity);
    const QString entityPath = rule->entity.isEmpty() ? u"message"_s : u"message."_s + rule->entity;
    if (!entity.isObject())
        return failure(entityPath, entity.isUndefined() ? u"is missing"_s : u"must be an object"_s);

    ChannelEvent event;
    event.channel = *channelName;
    event.seq = ChannelEvent::unsequenced;
    event.type = rule->event;
    event.timestamp = QDateTime::currentDateTimeUtc(); // Action Cable frames carry no time
    if (ChannelEvent::carriesOrder(event.channel, event.type)
        && HearthSchema::entityOfEvent(event.type) == HearthSchema::order) {
        // Straight into the typed order the service applies: no Hearth JSON in between.
        Decoded<Order> order = m_mapper.eventOrder(entity.toObject(), entityPath);
        if (!order.ok())
            return Decoded<ServerMessage>::failure(std::move(order.errors));
        event.order = std::move(*order.value);
        return success(std::move(event));
    }
    Decoded<QJsonObject> data = m_mapper.eventData(rule->event, entity.toObject(), entityPath);
    if (!data.ok())
        return Decoded<ServerMessage>::failure(std::move(data.errors));
    event.data = std::move(*data.value);
    return success(std::move(event));
}

} // namespace hearth
