#include "realtime/phoenixadapter.h"

#include "realtime/framejson.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

constexpr QLatin1StringView adapterName("phoenix.v2");
constexpr QLatin1StringView phoenixTopic("phoenix");
constexpr QLatin1StringView phxJoin("phx_join");
constexpr QLatin1StringView phxLeave("phx_leave");
constexpr QLatin1StringView phxReply("phx_reply");
constexpr QLatin1StringView phxError("phx_error");
constexpr QLatin1StringView phxClose("phx_close");
constexpr QLatin1StringView heartbeat("heartbeat");
constexpr QLatin1StringView accessToken("access_token");

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

QString typeText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

// Supabase writes commit_timestamp as "2026-11-20T18:00:01.123Z" (sometimes with microseconds).
QDateTime timestampOf(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime::currentDateTimeUtc();
}

ServerError channelError(const QString &channel, QLatin1StringView code, const QString &message)
{
    ServerError error;
    error.code = QString(code);
    error.message = message;
    error.reconnect = true;
    error.channel = channel;
    return error;
}

} // namespace

PhoenixAdapter::PhoenixAdapter(const BackendProfile &profile)
    : m_profile(profile),
      m_mapper(profile.mapping),
      m_heartbeat(profile.heartbeat.value_or(defaultHeartbeat))
{
    for (const ChannelProfile &channel : m_profile.channels) {
        if (channel.topic.isEmpty())
            continue;
        const QString topic = m_profile.expand(channel.topic);
        m_topicByChannel.insert(channel.name, topic);
        m_channelByTopic.insert(topic, channel.name);
    }
}

QLatin1StringView PhoenixAdapter::name() const
{
    return adapterName;
}

QNetworkRequest PhoenixAdapter::handshakeRequest(const QUrl &url, const QString &token) const
{
    m_token = token;
    QUrl versioned = url;
    // The v2 serializer (arrays) is chosen by the URL; without vsn the server speaks v1 objects.
    QUrlQuery query(versioned);
    if (!query.hasQueryItem(u"vsn"_s)) {
        query.addQueryItem(u"vsn"_s, u"2.0.0"_s);
        versioned.setQuery(query);
    }
    QNetworkRequest request(versioned);
    m_profile.auth.apply(&request, token);
    return request;
}

QStringList PhoenixAdapter::subprotocols(const QString &token) const
{
    return m_profile.auth.subprotocols(token);
}

void PhoenixAdapter::resetConnection()
{
    m_ref = 0;
    m_skipNextBeat = false;
    m_pendingBeat.clear();
    m_beatMissed = false;
    m_joinRef.clear();
    m_leaveRefs.clear();
}

std::optional<WelcomeMessage> PhoenixAdapter::welcomeOnOpen() const
{
    WelcomeMessage welcome;
    welcome.heartbeat = m_heartbeat;
    return welcome;
}

QString PhoenixAdapter::nextRef()
{
    return QString::number(++m_ref);
}

QString PhoenixAdapter::encode(const QJsonValue &joinRef, const QString &ref, const QString &topic,
                               QLatin1StringView event, const QJsonObject &payload)
{
    const QJsonArray frame{joinRef, ref, topic, QString(event), payload};
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

QString PhoenixAdapter::heartbeatFrame()
{
    // The service ticks every half heartbeat and gives up after two heartbeats of silence; a
    // beat at every other tick keeps the profile's period (25 s for Supabase), and a beat left
    // unanswered past the next one makes the link stale.
    m_skipNextBeat = !m_skipNextBeat;
    if (!m_skipNextBeat)
        return {};
    if (!m_pendingBeat.isEmpty()) {
        // The last beat is still unanswered: any other frame proves only that the socket's
        // broadcasts flow, not that the server hears us (heartbeatMissed() says so).
        m_beatMissed = true;
        return {};
    }
    m_pendingBeat = nextRef();
    return encode(QJsonValue::Null, m_pendingBeat, QString(phoenixTopic), heartbeat, {});
}

std::optional<QStringList> PhoenixAdapter::tokenRefreshFrames(const QString &token)
{
    if (m_profile.auth.method != TokenTransport::Method::None)
        return std::nullopt; // the socket itself was authorised with the old token
    m_token = token; // joins from now on carry it
    QStringList frames;
    for (auto it = m_joinRef.cbegin(); it != m_joinRef.cend(); ++it) {
        const ChannelProfile *channel = m_profile.channel(it.key());
        if (!channel || !channel->joinPayload.contains(accessToken))
            continue; // this topic's join did not carry the token
        frames.append(encode(it.value(), nextRef(), topicOf(it.key()), accessToken,
                             QJsonObject{{QString(accessToken), token}}));
    }
    return frames;
}

QString PhoenixAdapter::subscribeFrame(const QString &channel, const std::optional<SyncPosition> &)
{
    const QString topic = topicOf(channel);
    const ChannelProfile *profile = m_profile.channel(channel);
    if (topic.isEmpty() || !profile)
        return {};
    const QString ref = nextRef();
    m_joinRef.insert(channel, ref);
    return encode(ref, ref, topic, phxJoin, m_profile.expand(profile->joinPayload, m_token));
}

QString PhoenixAdapter::unsubscribeFrame(const QString &channel)
{
    const QString joinRef = m_joinRef.take(channel);
    if (joinRef.isEmpty())
        return {};
    const QString ref = nextRef();
    m_leaveRefs.insert(ref, channel);
    return encode(joinRef, ref, topicOf(channel), phxLeave, {});
}

Decoded<ServerMessage> PhoenixAdapter::decode(const QByteArray &utf8, qint64 maxBytes)
{
    Decoded<QJsonDocument> parsed = parseFrameJson(utf8, maxBytes);
    if (!parsed.ok())
        return Decoded<ServerMessage>::failure(std::move(parsed.errors));
    const QJsonDocument &document = *parsed.value;
    if (!document.isArray())
        return failure({}, u"not a JSON array (a v1 serializer?)"_s);
    const QJsonArray frame = document.array();
    if (frame.size() != 5)
        return failure({}, u"has %1 elements, not 5"_s.arg(frame.size()));
    const QJsonValue joinRefValue = frame.at(0);
    const QJsonValue refValue = frame.at(1);
    if (!joinRefValue.isNull() && !joinRefValue.isString())
        return failure(u"join_ref"_s, u"must be a string or null"_s);
    if (!refValue.isNull() && !refValue.isString())
        return failure(u"ref"_s, u"must be a string or null"_s);
    if (!frame.at(2).isString() || frame.at(2).toString().isEmpty())
        return failure(u"topic"_s, u"must be a non-empty string"_s);
    if (!frame.at(3).isString() || frame.at(3).toString().isEmpty())
        return failure(u"event"_s, u"must be a non-empty string"_s);
    if (!frame.at(4).isObject())
        return failure(u"payload"_s, u"must be an object"_s);
    const QString ref = refValue.toString();
    const QString topic = frame.at(2).toString();
    const QString event = frame.at(3).toString();
    const QJsonObject payload = frame.at(4).toObject();

    if (topic == phoenixTopic) {
        // The heartbeat's reply: onTextMessage has marked the link alive, which is all it is for.
        if (event == phxReply) {
            if (ref == m_pendingBeat)
                m_pendingBeat.clear();
            return ignored(IgnoredMessage::Why::KeepAlive, {});
        }
        return ignored(IgnoredMessage::Why::UnknownSubscription, u"\"%1\" on phoenix"_s.arg(event.left(40)));
    }
    const QString channel = m_channelByTopic.value(topic);
    if (channel.isEmpty()) {
        return ignored(IgnoredMessage::Why::UnknownSubscription,
                       u"\"%1\" on topic %2"_s.arg(event.left(40), topic.left(80)));
    }
    // The reply to our leave carries the join_ref we just forgot: match it by ref first.
    if (event == phxReply && m_leaveRefs.contains(ref)) {
        m_leaveRefs.remove(ref);
        return success(UnsubscribedMessage{channel});
    }
    const QString current = m_joinRef.value(channel);
    if (current.isEmpty() || (!joinRefValue.isNull() && joinRefValue.toString() != current)) {
        // phx_close of a channel we left, or anything from an earlier join: nothing to act on.
        if (!joinRefValue.isNull())
            ++m_staleDropped;
        return ignored(IgnoredMessage::Why::UnknownSubscription,
                       u"\"%1\" on %2 for join_ref %3, not the current join"_s.arg(
                           event.left(40), topic.left(80), joinRefValue.toString().left(20)));
    }
    if (event == phxReply)
        return decodeReply(channel, ref, payload);
    if (event == phxError || event == phxClose) {
        // The channel process is gone; its join_ref dies with it. The service joins again if the
        // channel is still wanted (a close we asked for was answered above, by the leave's ref).
        m_joinRef.remove(channel);
        return success(channelError(channel, ServerErrorCode::channelLost,
                                    u"%1 on %2"_s.arg(event, topic.left(80))));
    }
    return decodeMessage(channel, topic, event, payload);
}

Decoded<ServerMessage> PhoenixAdapter::decodeReply(const QString &channel, const QString &ref,
                                                   const QJsonObject &payload)
{
    const QJsonValue status = payload.value("status"_L1);
    if (!status.isString())
        return failure(u"payload.status"_s, u"must be a string"_s);
    if (ref != m_joinRef.value(channel)) {
        // The reply to a push of ours (Hearth sends none on Phoenix channels so far).
        return ignored(IgnoredMessage::Why::KeepAlive, {});
    }
    if (status.toString() == "ok"_L1) {
        // No offsets, no replay: the service asks for a snapshot after every (re)join.
        SubscribedMessage subscribed;
        subscribed.channel = channel;
        subscribed.recovered = false;
        return success(std::move(subscribed));
    }
    // Refused ("unauthorized", "unmatched topic", an invalid token): the server holds no channel
    // now, so a later subscribe must really go out.
    m_joinRef.remove(channel);
    const QJsonObject response = payload.value("response"_L1).toObject();
    QString reason = response.value("reason"_L1).toString();
    if (reason.isEmpty())
        reason = status.toString();
    return success(channelError(channel, ServerErrorCode::forbidden,
                                u"join refused: %1"_s.arg(reason.left(200))));
}

Decoded<ServerMessage> PhoenixAdapter::decodeMessage(const QString &channelName,
                                                     const QString &topic, const QString &event,
                                                     const QJsonObject &payload) const
{
    // Supabase reports a postgres_changes subscription it cannot set up as a system event.
    if (event == "system"_L1 && payload.value("status"_L1).toString() == "error"_L1) {
        return success(channelError(channelName, ServerErrorCode::forbidden,
                                    u"system error: %1"_s.arg(
                                        payload.value("message"_L1).toString().left(200))));
    }
    const ChannelProfile *channel = m_profile.channel(channelName);
    // Paths in the profile are relative to the frame seen as {topic, event, payload}.
    const QJsonObject message{{u"topic"_s, topic}, {u"event"_s, event}, {u"payload"_s, payload}};
    const QString type = channel->typeField.isEmpty()
        ? event
        : typeText(FieldMapper::valueAt(message, channel->typeField));
    const MessageRule *rule = channel->rule(type);
    if (!rule || rule->ignore) {
        // Supabase's DELETE carries only the key in old_record (unless REPLICA IDENTITY FULL):
        // nothing Hearth could show, so the shipped profile ignores it.
        return ignored(IgnoredMessage::Why::UnmappedType,
                       u"\"%1\" type \"%2\" on %3"_s.arg(event.left(40), type.left(40), channelName));
    }
    const QJsonValue entity = FieldMapper::valueAt(message, rule->entity);
    const QString entityPath = rule->entity.isEmpty() ? u"message"_s : rule->entity;
    if (!entity.isObject())
        return failure(entityPath, entity.isUndefined() ? u"is missing"_s : u"must be an object"_s);

    ChannelEvent out;
    out.channel = channelName;
    out.seq = ChannelEvent::unsequenced;
    out.type = rule->event;
    out.timestamp = timestampOf(FieldMapper::valueAt(payload, u"data.commit_timestamp"));
    if (ChannelEvent::carriesOrder(out.channel, out.type)
        && HearthSchema::entityOfEvent(out.type) == HearthSchema::order) {
        // Straight into the typed order the service applies: no Hearth JSON in between.
        Decoded<Order> order = m_mapper.eventOrder(entity.toObject(), entityPath);
        if (!order.ok())
            return Decoded<ServerMessage>::failure(std::move(order.errors));
        out.order = std::move(*order.value);
        return success(std::move(out));
    }
    Decoded<QJsonObject> data = m_mapper.eventData(rule->event, entity.toObject(), entityPath);
    if (!data.ok())
        return Decoded<ServerMessage>::failure(std::move(data.errors));
    out.data = std::move(*data.value);
    return success(std::move(out));
}

} // namespace hearth
