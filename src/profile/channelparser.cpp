// The "channels" section of a backend profile: for each Hearth channel, where it comes from on
// the backend (an Action Cable identifier or a Phoenix topic) and what each message type becomes.
#include "profile/hearthschema.h"
#include "profile/profilereader.h"

#include <QJsonDocument>

namespace hearth::ProfileParsing {

namespace {

using namespace Qt::StringLiterals;

QString defaultTypeField(BackendProtocol protocol)
{
    // Action Cable messages carry their kind inside ({"type": "new_order", …}); Phoenix frames
    // name it as the event, which the rules see as {"event": E, "payload": P}.
    return protocol == BackendProtocol::Phoenix ? u"event"_s : u"type"_s;
}

std::optional<MessageRule> readRule(const QJsonValue &value, const QString &path,
                                    const QString &channel, FieldErrors *errors)
{
    if (!value.isObject()) {
        errors->append({path, u"must be an object like {\"event\": \"order.created\", \"entity\": "
                              u"\"order\"}"_s});
        return std::nullopt;
    }
    const qsizetype errorsBefore = errors->size();
    ProfileReader reader(value.toObject(), path, errors);
    MessageRule rule;
    rule.ignore = reader.boolean(u"ignore"_s, Need::Optional).value_or(false);
    if (rule.ignore) {
        reader.rejectKey(u"event"_s, u"cannot be combined with \"ignore\": true"_s);
        reader.rejectKey(u"entity"_s, u"cannot be combined with \"ignore\": true"_s);
    } else if (const auto event = reader.string(u"event"_s, Need::Required)) {
        if (!HearthSchema::isKnownEventType(*event)) {
            reader.fail(u"event"_s, u"\"%1\" is not a Hearth event type (known: %2)"_s.arg(
                                        event->left(60), HearthSchema::knownEventTypes().join(u", ")));
        } else if (!HearthSchema::channelCarries(channel, *event)) {
            reader.fail(u"event"_s, u"\"%1\" does not belong to the %2 channel"_s.arg(*event, channel));
        }
        rule.event = *event;
        if (const auto entity = reader.string(u"entity"_s, Need::Optional, true)) {
            if (!entity->isEmpty() && !isValidDottedPath(*entity))
                reader.fail(u"entity"_s, u"must be a field name like \"order\" or a dotted path like "
                                         u"\"payload.data.record\""_s);
            rule.entity = *entity;
        }
    }
    reader.rejectUnknownKeys();
    if (errors->size() != errorsBefore)
        return std::nullopt;
    return rule;
}

void readActionCable(ProfileReader &reader, ChannelProfile *channel)
{
    const std::optional<QJsonObject> identifier = reader.object(u"identifier"_s, Need::Required);
    if (identifier) {
        // Rails finds the channel class by this key; without it every subscribe is rejected.
        const QJsonValue name = identifier->value("channel"_L1);
        if (name.isUndefined())
            reader.fail(u"identifier.channel"_s, u"is missing (the Rails channel class, e.g. "
                                                 u"\"OrderChannel\")"_s);
        else if (!name.isString() || name.toString().trimmed().isEmpty())
            reader.fail(u"identifier.channel"_s, u"must be the name of the Rails channel class"_s);
        channel->identifier = *identifier;
    }
    reader.rejectKey(u"topic"_s, u"is only used with protocol phoenix"_s);
    reader.rejectKey(u"join_payload"_s, u"is only used with protocol phoenix"_s);
}

void readPhoenix(ProfileReader &reader, ChannelProfile *channel)
{
    channel->topic = reader.string(u"topic"_s, Need::Required).value_or(QString());
    channel->joinPayload = reader.object(u"join_payload"_s, Need::Optional).value_or(QJsonObject());
    reader.rejectKey(u"identifier"_s, u"is only used with protocol actioncable"_s);
}

ChannelProfile readChannel(const QString &name, const QJsonValue &value, const QString &path,
                           BackendProtocol protocol, FieldErrors *errors)
{
    ChannelProfile channel;
    channel.name = name;
    if (!value.isObject()) {
        errors->append({path, u"must be an object"_s});
        return channel;
    }
    ProfileReader reader(value.toObject(), path, errors);
    if (protocol == BackendProtocol::Hearth) {
        // hearth-server names its channels itself: nothing to configure, and nothing to map.
        for (const QString &key : reader.keys())
            reader.rejectKey(key, u"is not used with protocol hearth"_s);
        return channel;
    }
    if (protocol == BackendProtocol::ActionCable)
        readActionCable(reader, &channel);
    else
        readPhoenix(reader, &channel);

    channel.typeField = defaultTypeField(protocol);
    if (const auto typeField = reader.string(u"type_field"_s, Need::Optional)) {
        if (isValidDottedPath(*typeField))
            channel.typeField = *typeField;
        else
            reader.fail(u"type_field"_s, u"must be a field name like \"type\" or a dotted path"_s);
    }
    if (const auto messages = reader.object(u"messages"_s, Need::Required)) {
        if (messages->isEmpty())
            reader.fail(u"messages"_s, u"must map at least one message type to a Hearth event"_s);
        for (auto it = messages->begin(); it != messages->end(); ++it) {
            if (auto rule = readRule(it.value(), reader.pathOf(u"messages"_s) + u'.' + it.key(),
                                     name, errors))
                channel.messages.insert(it.key(), std::move(*rule));
        }
    }
    reader.rejectUnknownKeys();
    return channel;
}

QString canonical(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QList<ChannelProfile> parseChannels(ProfileReader &parent, BackendProtocol protocol,
                                    FieldErrors *errors)
{
    QList<ChannelProfile> channels;
    const bool needed = protocol != BackendProtocol::Hearth;
    const std::optional<QJsonObject> section =
        parent.object(u"channels"_s, needed ? Need::Required : Need::Optional);
    if (!section) {
        if (!needed && !parent.has(u"channels"_s)) {
            for (const QString &name : {u"orders"_s, u"inventory"_s})
                channels.append(ChannelProfile{name, {}, {}, {}, {}, {}});
        }
        return channels;
    }
    const QString sectionPath = parent.pathOf(u"channels"_s);
    for (auto it = section->begin(); it != section->end(); ++it) {
        const QString path = sectionPath + u'.' + it.key();
        if (!HearthSchema::isKnownChannel(it.key())) {
            errors->append({path, u"is not a Hearth channel (known: %1)"_s.arg(
                                      HearthSchema::knownChannels().join(u", "))});
            continue;
        }
        channels.append(readChannel(it.key(), it.value(), path, protocol, errors));
    }
    if (needed && !section->contains("orders"_L1))
        errors->append({sectionPath + u".orders"_s, u"is missing"_s});

    // Action Cable keys subscriptions by identifier and ignores a second subscribe to one, and a
    // Phoenix socket joins a topic once: two Hearth channels cannot share one.
    for (qsizetype i = 0; i < channels.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            const bool sameIdentifier = protocol == BackendProtocol::ActionCable
                && !channels[i].identifier.isEmpty()
                && canonical(channels[i].identifier) == canonical(channels[j].identifier);
            const bool sameTopic = protocol == BackendProtocol::Phoenix && !channels[i].topic.isEmpty()
                && channels[i].topic == channels[j].topic;
            if (sameIdentifier || sameTopic) {
                errors->append({u"%1.%2.%3"_s.arg(sectionPath, channels[i].name,
                                                  sameTopic ? u"topic"_s : u"identifier"_s),
                                u"is the same as the one of channels.%1; each Hearth channel needs "
                                u"its own"_s.arg(channels[j].name)});
            }
        }
    }
    return channels;
}

} // namespace hearth::ProfileParsing
