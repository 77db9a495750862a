// The "rest" section of a backend profile: the REST base URL, how the token travels there, and
// for backends that cannot replay events the lists Hearth loads snapshots and polls from.
#include "profile/profilereader.h"

namespace hearth::ProfileParsing {

namespace {

using namespace Qt::StringLiterals;

std::optional<ListEndpoint> readEndpoint(ProfileReader &parent, const QString &key, Need need,
                                         FieldErrors *errors)
{
    const std::optional<QJsonObject> object = parent.object(key, need);
    if (!object)
        return std::nullopt;
    const qsizetype errorsBefore = errors->size();
    ProfileReader reader(*object, parent.pathOf(key), errors);
    ListEndpoint endpoint;
    if (const auto path = reader.string(u"path"_s, Need::Required)) {
        if (!path->startsWith(u'/') || path->contains(u'?') || path->contains(u'#'))
            reader.fail(u"path"_s, u"must start with / and hold no query (put that under "
                                   u"\"query\")"_s);
        endpoint.path = *path;
    }
    if (const auto query = reader.object(u"query"_s, Need::Optional)) {
        for (auto it = query->begin(); it != query->end(); ++it) {
            if (it.value().isString())
                endpoint.query.append({it.key(), it.value().toString()});
            else if (it.value().isDouble())
                endpoint.query.append({it.key(), QString::number(it.value().toDouble(), 'g', 17)});
            else
                reader.fail(u"query."_s + it.key(), u"must be a string or a number"_s);
        }
    }
    if (const auto list = reader.string(u"list"_s, Need::Optional, true)) {
        if (!list->isEmpty() && !isValidDottedPath(*list))
            reader.fail(u"list"_s, u"must name the field holding the list, like \"orders\" (or be "
                                   u"\"\" when the answer is the list itself)"_s);
        endpoint.list = *list;
    }
    reader.rejectUnknownKeys();
    if (errors->size() != errorsBefore)
        return std::nullopt;
    return endpoint;
}

void readLists(ProfileReader &parent, const QString &key, Need need,
               std::optional<ListEndpoint> *snapshot, std::optional<ListEndpoint> *poll,
               FieldErrors *errors)
{
    const std::optional<QJsonObject> object = parent.object(key, need);
    if (!object)
        return;
    ProfileReader reader(*object, parent.pathOf(key), errors);
    *snapshot = readEndpoint(reader, u"snapshot"_s, Need::Required, errors);
    *poll = readEndpoint(reader, u"poll"_s, Need::Optional, errors);
    reader.rejectUnknownKeys();
}

} // namespace

RestProfile parseRest(ProfileReader &parent, const BackendProfile &profile, FieldErrors *errors)
{
    RestProfile rest;
    rest.hearthApi = profile.protocol == BackendProtocol::Hearth;
    // A token that travels as a header or query parameter on the socket usually does so over
    // REST too; a subprotocol token cannot, and goes as the customary Bearer header.
    rest.auth = profile.auth;
    if (rest.auth.method == TokenTransport::Method::Subprotocol)
        rest.auth = TokenTransport{};

    if (!rest.hearthApi && !parent.has(u"rest"_s)) {
        parent.fail(u"rest"_s, u"is missing; %1 backends cannot replay missed events, so Hearth "
                               u"needs a REST list of orders to load"_s
                                   .arg(protocolName(profile.protocol)));
        return rest;
    }
    const std::optional<QJsonObject> section = parent.object(u"rest"_s, Need::Optional);
    if (!section)
        return rest;
    ProfileReader reader(*section, parent.pathOf(u"rest"_s), errors);
    rest.baseUrl = parseUrl(reader, u"base_url"_s, {u"http"_s, u"https"_s}, Need::Optional, profile.restaurantId);
    if (const auto auth = parseAuth(reader, u"auth"_s, true, errors))
        rest.auth = *auth;
    if (const auto headers = reader.object(u"headers"_s, Need::Optional)) {
        for (auto it = headers->begin(); it != headers->end(); ++it) {
            if (!it.value().isString())
                reader.fail(u"headers."_s + it.key(), u"must be a string"_s);
            else
                rest.headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
        }
    }
    if (rest.hearthApi) {
        for (const QString &key : {u"orders"_s, u"inventory"_s, u"widgets"_s})
            reader.rejectKey(key, u"is not used with protocol hearth (hearth-server has its own "
                                  u"API)"_s);
    } else {
        readLists(reader, u"orders"_s, Need::Required, &rest.ordersSnapshot, &rest.ordersPoll, errors);
        readLists(reader, u"inventory"_s, Need::Optional, &rest.inventorySnapshot,
                  &rest.inventoryPoll, errors);
        // Widgets come live through channels.widgets; without replay each subscription needs
        // the list, and a list without the channel would never be loaded.
        const bool widgetsChannel = profile.channel(u"widgets"_s) != nullptr;
        if (widgetsChannel && !reader.has(u"widgets"_s)) {
            reader.fail(u"widgets"_s, u"is missing; channels.widgets needs a REST list of widgets "
                                      u"to load after each subscription"_s);
        } else if (!widgetsChannel) {
            reader.rejectKey(u"widgets"_s, u"is only used with channels.widgets"_s);
        } else {
            readLists(reader, u"widgets"_s, Need::Required, &rest.widgetsSnapshot, &rest.widgetsPoll,
                      errors);
        }
    }
    reader.rejectUnknownKeys();
    return rest;
}

} // namespace hearth::ProfileParsing
