#include "profile/profileparser.h"

#include "profile/placeholders.h"

#include "profile/hearthschema.h"
#include "profile/profilereader.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace hearth::ProfileParsing {

namespace {

using namespace Qt::StringLiterals;

bool isHeaderName(const QString &name)
{
    // RFC 9110 token characters.
    static const QString extra = u"!#$%&'*+-.^_`|~"_s;
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), [](QChar c) {
        return c.unicode() < 128 && (c.isLetterOrNumber() || extra.contains(c));
    });
}


} // namespace

std::optional<TokenTransport> parseAuth(ProfileReader &parent, const QString &key, bool forRest,
                                        FieldErrors *errors)
{
    const std::optional<QJsonObject> object = parent.object(key, Need::Optional);
    if (!object)
        return std::nullopt;
    ProfileReader reader(*object, parent.pathOf(key), errors);
    TokenTransport auth;
    const std::optional<QString> method = reader.string(u"method"_s, Need::Required);
    const QString methods = forRest ? u"none, header, query"_s : u"none, header, query, subprotocol"_s;
    if (!method) {
        reader.rejectUnknownKeys();
        return std::nullopt;
    }
    if (*method == "none"_L1) {
        auth.method = TokenTransport::Method::None;
    } else if (*method == "header"_L1) {
        auth.method = TokenTransport::Method::Header;
        if (const auto header = reader.string(u"header"_s, Need::Optional)) {
            if (isHeaderName(*header))
                auth.header = *header;
            else
                reader.fail(u"header"_s, u"is not a valid HTTP header name"_s);
        }
        if (const auto format = reader.string(u"format"_s, Need::Optional)) {
            auth.format = *format;
            if (!mentionsToken(*format))
                reader.fail(u"format"_s, u"must contain {token} (e.g. \"Bearer {token}\")"_s);
        }
    } else if (*method == "query"_L1) {
        auth.method = TokenTransport::Method::Query;
        if (const auto parameter = reader.string(u"parameter"_s, Need::Required))
            auth.parameter = *parameter;
    } else if (*method == "subprotocol"_L1 && !forRest) {
        auth.method = TokenTransport::Method::Subprotocol;
        const QJsonValue protocols = reader.value(u"protocols"_s);
        if (protocols.isUndefined()) {
            reader.fail(u"protocols"_s, u"is missing"_s);
        } else if (!protocols.isArray() || protocols.toArray().isEmpty()) {
            reader.fail(u"protocols"_s, u"must be a list of subprotocol names"_s);
        } else {
            bool carriesToken = false;
            for (const QJsonValue &protocol : protocols.toArray()) {
                if (!protocol.isString() || protocol.toString().isEmpty()) {
                    reader.fail(u"protocols"_s, u"must be a list of subprotocol names"_s);
                    break;
                }
                auth.protocols.append(protocol.toString());
                carriesToken = carriesToken || mentionsToken(protocol.toString());
            }
            if (!carriesToken && !auth.protocols.isEmpty())
                reader.fail(u"protocols"_s, u"one of them must carry {token} or {token_base64url}"_s);
        }
    } else {
        reader.fail(u"method"_s, u"must be one of %1"_s.arg(methods));
    }
    const auto onlyWith = [&](const QString &setting, TokenTransport::Method wanted, const char *name) {
        if (auth.method != wanted)
            reader.rejectKey(setting, u"is only used with method \"%1\""_s.arg(QLatin1StringView(name)));
    };
    onlyWith(u"header"_s, TokenTransport::Method::Header, "header");
    onlyWith(u"format"_s, TokenTransport::Method::Header, "header");
    onlyWith(u"parameter"_s, TokenTransport::Method::Query, "query");
    onlyWith(u"protocols"_s, TokenTransport::Method::Subprotocol, "subprotocol");
    reader.rejectUnknownKeys();
    return auth;
}

QUrl parseUrl(ProfileReader &reader, const QString &key, const QStringList &schemes, Need need,
              const QString &restaurantId)
{
    const std::optional<QString> text = reader.string(key, need);
    if (!text)
        return {};
    const QString placeholder = u'{' + QString(Placeholders::restaurantId) + u'}';
    QString address = *text;
    if (address.contains(placeholder)) {
        if (restaurantId.isEmpty())
            return {}; // "restaurant_id: is missing, but url uses {restaurant_id}" says it
        // One pass: an id holding braces is not expanded again, and cannot break the address.
        address.replace(placeholder, QString::fromLatin1(QUrl::toPercentEncoding(restaurantId)));
    }
    const QUrl url(address, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme())) {
        reader.fail(key, u"must be a full %1 address, like %2://server.example.com/…"_s.arg(
                             schemes.join(u" or "), schemes.constLast()));
        return {};
    }
    if (!url.userInfo().isEmpty()) {
        reader.fail(key, u"must not contain a user name or password"_s);
        return {};
    }
    return url;
}

} // namespace hearth::ProfileParsing

namespace hearth::ProfileParser {

using namespace Qt::StringLiterals;
using namespace ProfileParsing;

namespace {

constexpr qint64 minHeartbeatMs = 100;
constexpr qint64 maxHeartbeatMs = 10 * 60 * 1000;

} // namespace

Decoded<BackendProfile> fromJson(const QJsonObject &object)
{
    FieldErrors errors;
    ProfileReader reader(object, {}, &errors);
    BackendProfile profile;

    if (const auto version = reader.integer(u"hearth_profile"_s, Need::Required, 1, 1000)) {
        if (*version != formatVersion)
            reader.fail(u"hearth_profile"_s, u"is version %1; this Hearth reads version %2"_s
                                                 .arg(*version).arg(formatVersion));
    }
    profile.name = reader.string(u"name"_s, Need::Optional).value_or(QString());
    const std::optional<QString> protocolText = reader.string(u"protocol"_s, Need::Required);
    const std::optional<BackendProtocol> protocol =
        protocolText ? protocolFromName(*protocolText) : std::nullopt;
    if (protocolText && !protocol)
        reader.fail(u"protocol"_s, u"must be one of hearth, actioncable, phoenix"_s);
    profile.protocol = protocol.value_or(BackendProtocol::Hearth);

    // Read first: the addresses below may hold {restaurant_id}.
    profile.restaurantId = reader.stringOrInteger(u"restaurant_id"_s, Need::Optional).value_or(QString());
    profile.url = parseUrl(reader, u"url"_s, {u"ws"_s, u"wss"_s}, Need::Required, profile.restaurantId);
    profile.origin = parseUrl(reader, u"origin"_s, {u"http"_s, u"https"_s}, Need::Optional);
    const QString originPath = profile.origin.path();
    if (!profile.origin.isEmpty()
        && ((!originPath.isEmpty() && originPath != "/"_L1) || profile.origin.hasQuery()))
        reader.fail(u"origin"_s, u"must be a scheme and host only, like https://shop.example.com"_s);
    if (const auto auth = parseAuth(reader, u"auth"_s, false, &errors))
        profile.auth = *auth;
    if (const auto heartbeat = reader.integer(u"heartbeat_ms"_s, Need::Optional, minHeartbeatMs,
                                              maxHeartbeatMs))
        profile.heartbeat = std::chrono::milliseconds(*heartbeat);

    // profile.protocol rather than *protocol: GCC's -O2 flow analysis cannot see that the
    // optional is engaged here and warns (maybe-uninitialized), which -Werror turns fatal.
    if (protocol.has_value()) {
        profile.channels = parseChannels(reader, profile.protocol, &errors);
        profile.mapping = parseMapping(reader, &errors);
        profile.rest = parseRest(reader, profile, &errors);
    } else {
        // Without a protocol the channels cannot be judged; do not pile up follow-on errors.
        for (const QString &section : {u"channels"_s, u"mapping"_s, u"rest"_s})
            reader.value(section);
    }
    reader.rejectUnknownKeys();

    // Placeholders across the whole file: tokens only where they cannot leak, and a restaurant
    // id wherever one is used.
    PlaceholderUse use;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == "auth"_L1)
            continue;
        if (it.key() == "channels"_L1 && it.value().isObject()) {
            const QJsonObject channels = it.value().toObject();
            for (auto channel = channels.begin(); channel != channels.end(); ++channel) {
                const QJsonObject settings = channel.value().toObject();
                for (auto setting = settings.begin(); setting != settings.end(); ++setting) {
                    checkPlaceholders(setting.value(),
                                      u"channels.%1.%2"_s.arg(channel.key(), setting.key()),
                                      setting.key() == "join_payload"_L1, &use, &errors);
                }
            }
            continue;
        }
        if (it.key() == "rest"_L1 && it.value().isObject()) {
            const QJsonObject rest = it.value().toObject();
            for (auto part = rest.begin(); part != rest.end(); ++part) {
                if (part.key() != "auth"_L1)
                    checkPlaceholders(part.value(), u"rest."_s + part.key(), false, &use, &errors);
            }
            continue;
        }
        checkPlaceholders(it.value(), it.key(), false, &use, &errors);
    }
    if (!use.firstRestaurantIdPath.isEmpty() && profile.restaurantId.isEmpty()) {
        errors.append({u"restaurant_id"_s, u"is missing, but %1 uses {restaurant_id}"_s.arg(
                                               use.firstRestaurantIdPath)});
    }

    if (!errors.isEmpty())
        return Decoded<BackendProfile>::failure(std::move(errors));
    return Decoded<BackendProfile>{std::move(profile), {}};
}

Decoded<BackendProfile> parse(const QByteArray &json)
{
    if (json.size() > maxFileBytes) {
        return Decoded<BackendProfile>::failure(
            {{QString(),
              u"the file is %1 bytes; a profile is at most %2"_s.arg(json.size()).arg(maxFileBytes)}});
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The line makes a hand-edited file fixable; the offset alone does not.
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        return Decoded<BackendProfile>::failure(
            {{QString(), u"the JSON is broken on line %1 (%2)"_s.arg(line).arg(parseError.errorString())}});
    }
    if (!document.isObject())
        return Decoded<BackendProfile>::failure({{QString(), u"the file must hold one JSON object"_s}});
    return fromJson(document.object());
}

} // namespace hearth::ProfileParser
