#include "profile/backendprofile.h"

#include "profile/placeholders.h"

#include <QJsonArray>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

} // namespace

QLatin1StringView protocolName(BackendProtocol protocol)
{
    switch (protocol) {
    case BackendProtocol::Hearth: return "hearth"_L1;
    case BackendProtocol::ActionCable: return "actioncable"_L1;
    case BackendProtocol::Phoenix: return "phoenix"_L1;
    }
    return "unknown"_L1;
}

std::optional<BackendProtocol> protocolFromName(QStringView name)
{
    for (const BackendProtocol protocol :
         {BackendProtocol::Hearth, BackendProtocol::ActionCable, BackendProtocol::Phoenix}) {
        if (name == protocolName(protocol))
            return protocol;
    }
    return std::nullopt;
}

void TokenTransport::apply(QNetworkRequest *request, const QString &token) const
{
    if (token.isEmpty())
        return;
    switch (method) {
    case Method::Header:
        request->setRawHeader(header.toLatin1(),
                              Placeholders::expand(format, {}, token).toUtf8());
        break;
    case Method::Query: {
        QUrl url = request->url();
        QUrlQuery query(url);
        query.removeAllQueryItems(parameter);
        // Percent-encode everything outside the unreserved set: a token may hold '+' or '&'.
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(parameter)),
                           QString::fromLatin1(QUrl::toPercentEncoding(token)));
        url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
        request->setUrl(url);
        break;
    }
    case Method::None:
    case Method::Subprotocol:
        break;
    }
}

QStringList TokenTransport::subprotocols(const QString &token) const
{
    if (method != Method::Subprotocol || token.isEmpty())
        return {};
    QStringList result;
    result.reserve(protocols.size());
    for (const QString &protocol : protocols)
        result.append(Placeholders::expand(protocol, {}, token));
    return result;
}

const MessageRule *ChannelProfile::rule(const QString &type) const
{
    const auto it = messages.constFind(type);
    return it == messages.cend() ? nullptr : &*it;
}

const ChannelProfile *BackendProfile::channel(const QString &channelName) const
{
    for (const ChannelProfile &candidate : channels) {
        if (candidate.name == channelName)
            return &candidate;
    }
    return nullptr;
}

QStringList BackendProfile::channelNames() const
{
    QStringList names;
    names.reserve(channels.size());
    for (const ChannelProfile &candidate : channels)
        names.append(candidate.name);
    return names;
}

QUrl BackendProfile::restBaseUrl() const
{
    if (rest.baseUrl.isValid() && !rest.baseUrl.isEmpty())
        return rest.baseUrl;
    return originOf(url);
}

QUrl BackendProfile::originOf(const QUrl &webSocketUrl)
{
    QUrl derived = webSocketUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                                         | QUrl::RemoveUserInfo);
    derived.setScheme(webSocketUrl.scheme() == "wss"_L1 ? u"https"_s : u"http"_s);
    return derived;
}

QString BackendProfile::expand(const QString &text, const QString &token) const
{
    return Placeholders::expand(text, restaurantId, token);
}

QJsonValue BackendProfile::expand(const QJsonValue &value, const QString &token) const
{
    if (value.isString())
        return expand(value.toString(), token);
    if (value.isObject())
        return expand(value.toObject(), token);
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &element : value.toArray())
            array.append(expand(element, token));
        return array;
    }
    return value;
}

QJsonObject BackendProfile::expand(const QJsonObject &object, const QString &token) const
{
    QJsonObject result;
    for (auto it = object.begin(); it != object.end(); ++it)
        result.insert(it.key(), expand(it.value(), token));
    return result;
}

BackendProfile BackendProfile::hearthServer(const QUrl &httpBase, const QUrl &webSocketUrl)
{
    BackendProfile profile;
    profile.name = u"hearth-server"_s;
    profile.protocol = BackendProtocol::Hearth;
    profile.url = webSocketUrl;
    profile.auth = TokenTransport{};
    for (const QString &channelName : {u"orders"_s, u"inventory"_s}) {
        ChannelProfile channel;
        channel.name = channelName;
        profile.channels.append(channel);
    }
    profile.rest.hearthApi = true;
    profile.rest.baseUrl = httpBase;
    return profile;
}

} // namespace hearth
