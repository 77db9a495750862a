#include "realtime/protocoladapter.h"

#include "realtime/hearthprotocol.h"

namespace hearth {

QNetworkRequest HearthAdapter::handshakeRequest(const QUrl &url, const QString &token) const
{
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return request;
}

Decoded<ServerMessage> HearthAdapter::decode(const QByteArray &utf8, qint64 maxBytes) const
{
    return HearthProtocol::decodeServerFrame(utf8, maxBytes);
}

QString HearthAdapter::subscribeFrame(const QString &channel,
                                      const std::optional<SyncPosition> &since) const
{
    return HearthProtocol::encodeSubscribe(channel, since);
}

QString HearthAdapter::unsubscribeFrame(const QString &channel) const
{
    return HearthProtocol::encodeUnsubscribe(channel);
}

} // namespace hearth
