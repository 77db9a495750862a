#include "realtime/hearthprotocol.h"

#include "realtime/framejson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hearth::HearthProtocol {

namespace {

using namespace Qt::StringLiterals;

constexpr qsizetype maxChannelNameLength = 64;

template<typename T>
Decoded<T> frameError(const QString &field, const QString &message)
{
    return Decoded<T>::failure({FieldError{field, message}});
}

// Parses the envelope shared by both directions: size, JSON, object, string `op`.
template<typename T>
std::optional<Decoded<T>> readEnvelope(const QByteArray &utf8, qint64 maxBytes, QJsonObject *object,
                                       QString *op)
{
    Decoded<QJsonDocument> parsed = parseFrameJson(utf8, maxBytes);
    if (!parsed.ok())
        return Decoded<T>::failure(std::move(parsed.errors));
    const QJsonDocument &document = *parsed.value;
    if (!document.isObject())
        return frameError<T>({}, u"not a JSON object"_s);
    *object = document.object();
    const QJsonValue opValue = object->value("op"_L1);
    if (opValue.isUndefined())
        return frameError<T>(u"op"_s, u"is missing"_s);
    if (!opValue.isString())
        return frameError<T>(u"op"_s, u"must be a string"_s);
    *op = opValue.toString();
    return std::nullopt;
}

QString readChannel(JsonReader &reader, const QJsonObject &object, bool required = true)
{
    const QJsonValue value = object.value("channel"_L1);
    if (!required && (value.isUndefined() || value.isNull()))
        return {};
    const QString channel = reader.requiredString("channel"_L1);
    if (!channel.isEmpty() && !isValidChannelName(channel))
        reader.fail("channel"_L1, u"is not a valid channel name"_s);
    return channel;
}

bool readRequiredBool(JsonReader &reader, const QJsonObject &object, QLatin1StringView key)
{
    if (object.value(key).isUndefined()) {
        reader.fail(key, u"is missing"_s);
        return false;
    }
    return reader.optionalBool(key, false);
}

QString readEpoch(JsonReader &reader)
{
    return reader.requiredString("epoch"_L1);
}

template<typename T>
Decoded<ServerMessage> finish(T message, FieldErrors errors)
{
    if (!errors.isEmpty())
        return Decoded<ServerMessage>::failure(std::move(errors));
    return Decoded<ServerMessage>{ServerMessage(std::move(message)), {}};
}

Decoded<ServerMessage> decodeWelcome(const QJsonObject &object)
{
    FieldErrors errors;
    JsonReader reader(object, &errors);
    WelcomeMessage welcome;
    welcome.session = reader.optionalString("session"_L1);
    welcome.epoch = readEpoch(reader);
    welcome.heartbeat = std::chrono::milliseconds(
        reader.requiredInteger("heartbeat_ms"_L1, minHeartbeatMs, maxHeartbeatMs));
    welcome.serverTime = reader.optionalTimestamp("server_time"_L1);
    return finish(std::move(welcome), std::move(errors));
}

Decoded<ServerMessage> decodeSubscribed(const QJsonObject &object)
{
    FieldErrors errors;
    JsonReader reader(object, &errors);
    SubscribedMessage subscribed;
    subscribed.channel = readChannel(reader, object);
    subscribed.position.epoch = readEpoch(reader);
    subscribed.position.seq = reader.requiredInteger("seq"_L1, 0, maxSeq);
    subscribed.recovered = readRequiredBool(reader, object, "recovered"_L1);
    return finish(std::move(subscribed), std::move(errors));
}

Decoded<ServerMessage> decodeUnsubscribed(const QJsonObject &object)
{
    FieldErrors errors;
    JsonReader reader(object, &errors);
    UnsubscribedMessage unsubscribed{readChannel(reader, object)};
    return finish(std::move(unsubscribed), std::move(errors));
}

Decoded<ServerMessage> decodeEvent(const QJsonObject &object)
{
    FieldErrors errors;
    JsonReader reader(object, &errors);
    ChannelEvent event;
    event.channel = readChannel(reader, object);
    event.seq = reader.requiredInteger("seq"_L1, 1, maxSeq);
    event.type = reader.requiredString("type"_L1);
    event.data = reader.requiredObject("data"_L1);
    event.timestamp = reader.requiredTimestamp("ts"_L1);
    return finish(std::move(event), std::move(errors));
}

Decoded<ServerMessage> decodeError(const QJsonObject &object)
{
    FieldErrors errors;
    JsonReader reader(object, &errors);
    ServerError error;
    error.code = reader.requiredString("code"_L1);
    error.message = reader.optionalString("message"_L1);
    // An unauthorized token never becomes valid by retrying, whatever the frame claims.
    error.reconnect = reader.optionalBool("reconnect"_L1, true)
        && error.code != ServerErrorCode::unauthorized;
    error.channel = readChannel(reader, object, false);
    return finish(std::move(error), std::move(errors));
}

Decoded<ServerMessage> decodeReconnect(const QJsonObject &object)
{
    FieldErrors errors;
    JsonReader reader(object, &errors);
    ReconnectAdvice advice{std::chrono::milliseconds(
        reader.requiredInteger("after_ms"_L1, 0, maxReconnectAfterMs))};
    return finish(std::move(advice), std::move(errors));
}

QJsonObject positionJson(const SyncPosition &position)
{
    return QJsonObject{{u"epoch"_s, position.epoch}, {u"seq"_s, position.seq}};
}

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

bool isValidChannelName(QStringView name)
{
    if (name.isEmpty() || name.size() > maxChannelNameLength)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_'
            || u == u'-' || u == u'.' || u == u':';
        if (!allowed)
            return false;
    }
    return true;
}

Decoded<ServerMessage> decodeServerFrame(const QByteArray &utf8, qint64 maxBytes)
{
    QJsonObject object;
    QString op;
    if (auto failure = readEnvelope<ServerMessage>(utf8, maxBytes, &object, &op))
        return std::move(*failure);
    // Ordered by frequency: events dominate every burst.
    if (op == "event"_L1)
        return decodeEvent(object);
    if (op == "subscribed"_L1)
        return decodeSubscribed(object);
    if (op == "welcome"_L1)
        return decodeWelcome(object);
    if (op == "error"_L1)
        return decodeError(object);
    if (op == "reconnect"_L1)
        return decodeReconnect(object);
    if (op == "unsubscribed"_L1)
        return decodeUnsubscribed(object);
    return frameError<ServerMessage>(u"op"_s, u"unknown op \"%1\""_s.arg(op.left(40)));
}

QString encodeSubscribe(const QString &channel, const std::optional<SyncPosition> &since)
{
    QJsonObject frame{{u"op"_s, u"subscribe"_s}, {u"channel"_s, channel}};
    if (since && since->isValid())
        frame.insert(u"since"_s, positionJson(*since));
    return toText(frame);
}

QString encodeUnsubscribe(const QString &channel)
{
    return toText(QJsonObject{{u"op"_s, u"unsubscribe"_s}, {u"channel"_s, channel}});
}

Decoded<ClientMessage> decodeClientFrame(const QByteArray &utf8, qint64 maxBytes)
{
    QJsonObject object;
    QString op;
    if (auto failure = readEnvelope<ClientMessage>(utf8, maxBytes, &object, &op))
        return std::move(*failure);
    FieldErrors errors;
    JsonReader reader(object, &errors);
    if (op == "subscribe"_L1) {
        SubscribeRequest request{readChannel(reader, object), std::nullopt};
        const QJsonValue since = object.value("since"_L1);
        if (!since.isUndefined() && !since.isNull()) {
            const QJsonObject sinceObject = reader.requiredObject("since"_L1);
            if (!sinceObject.isEmpty()) {
                JsonReader sinceReader(sinceObject, &errors, u"since"_s);
                SyncPosition position;
                position.epoch = sinceReader.requiredString("epoch"_L1);
                position.seq = sinceReader.requiredInteger("seq"_L1, 0, maxSeq);
                request.since = position;
            } else if (since.isObject()) {
                reader.fail("since"_L1, u"must hold epoch and seq"_s);
            }
        }
        if (!errors.isEmpty())
            return Decoded<ClientMessage>::failure(std::move(errors));
        return Decoded<ClientMessage>{ClientMessage(std::move(request)), {}};
    }
    if (op == "unsubscribe"_L1) {
        UnsubscribeRequest request{readChannel(reader, object)};
        if (!errors.isEmpty())
            return Decoded<ClientMessage>::failure(std::move(errors));
        return Decoded<ClientMessage>{ClientMessage(std::move(request)), {}};
    }
    return frameError<ClientMessage>(u"op"_s, u"unknown op \"%1\""_s.arg(op.left(40)));
}

QString encodeServerMessage(const ServerMessage &message)
{
    struct Encoder
    {
        QJsonObject operator()(const WelcomeMessage &m) const
        {
            QJsonObject frame{{u"op"_s, u"welcome"_s}, {u"session"_s, m.session},
                              {u"epoch"_s, m.epoch},
                              {u"heartbeat_ms"_s, qint64(m.heartbeat.count())}};
            if (m.serverTime.isValid())
                frame.insert(u"server_time"_s, toWireTimestamp(m.serverTime));
            return frame;
        }
        QJsonObject operator()(const SubscribedMessage &m) const
        {
            return {{u"op"_s, u"subscribed"_s}, {u"channel"_s, m.channel},
                    {u"epoch"_s, m.position.epoch}, {u"seq"_s, m.position.seq},
                    {u"recovered"_s, m.recovered}};
        }
        QJsonObject operator()(const UnsubscribedMessage &m) const
        {
            return {{u"op"_s, u"unsubscribed"_s}, {u"channel"_s, m.channel}};
        }
        QJsonObject operator()(const ChannelEvent &m) const
        {
            return {{u"op"_s, u"event"_s}, {u"channel"_s, m.channel}, {u"seq"_s, m.seq},
                    {u"type"_s, m.type}, {u"data"_s, m.data},
                    {u"ts"_s, toWireTimestamp(m.timestamp)}};
        }
        QJsonObject operator()(const ServerError &m) const
        {
            QJsonObject frame{{u"op"_s, u"error"_s}, {u"code"_s, m.code},
                              {u"message"_s, m.message}, {u"reconnect"_s, m.reconnect}};
            if (!m.channel.isEmpty())
                frame.insert(u"channel"_s, m.channel);
            return frame;
        }
        QJsonObject operator()(const ReconnectAdvice &m) const
        {
            return {{u"op"_s, u"reconnect"_s}, {u"after_ms"_s, qint64(m.after.count())}};
        }
        QJsonObject operator()(const IgnoredMessage &) const { return {}; }
    };
    // Hearth has no frame for what other protocols' adapters drop on purpose.
    if (std::holds_alternative<IgnoredMessage>(message))
        return {};
    return toText(std::visit(Encoder{}, message));
}

} // namespace hearth::HearthProtocol
