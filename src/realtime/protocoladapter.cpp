#include "realtime/protocoladapter.h"

#include "realtime/hearthprotocol.h"

namespace hearth {

QStringList ProtocolAdapter::subprotocols(const QString &) const
{
    return {};
}

bool ProtocolAdapter::acceptsSubprotocol(const QString &) const
{
    return true;
}

void ProtocolAdapter::resetConnection() {}

std::optional<WelcomeMessage> ProtocolAdapter::welcomeOnOpen() const
{
    return std::nullopt;
}

QString ProtocolAdapter::heartbeatFrame()
{
    return {};
}

bool ProtocolAdapter::pongProvesLiveness() const
{
    return true;
}

bool ProtocolAdapter::carries(const QString &) const
{
    return true; // hearth-server has every channel of docs/protocol.md
}

QNetworkRequest HearthAdapter::handshakeRequest(const QUrl &url, const QString &token) const
{
    QNetworkRequest request(url);
    m_auth.apply(&request, token);
    return request;
}

QStringList HearthAdapter::subprotocols(const QString &token) const
{
    return m_auth.subprotocols(token);
}

Decoded<ServerMessage> HearthAdapter::decode(const QByteArray &utf8, qint64 maxBytes)
{
    if (std::optional<ChannelEvent> event = m_orderEvents.tryDecode(utf8, maxBytes))
        return Decoded<ServerMessage>{ServerMessage(std::move(*event)), {}};
    return HearthProtocol::decodeServerFrame(utf8, maxBytes);
}

QString HearthAdapter::subscribeFrame(const QString &channel,
                                      const std::optional<SyncPosition> &since)
{
    return HearthProtocol::encodeSubscribe(channel, since);
}

QString HearthAdapter::unsubscribeFrame(const QString &channel)
{
    return HearthProtocol::encodeUnsubscribe(channel);
}

} // namespace hearth
