#pragma once

// Rails Action Cable behind the ProtocolAdapter seam (PROTOCOLS.md §2), configured by a backend
// profile: which identifier carries each Hearth channel, which message types become which Hearth
// events, how the entities' fields map. Action Cable has no sequence numbers and no replay, so
// every confirmed subscription asks the service for a REST snapshot and events arrive unsequenced;
// the entities' versions make repeats harmless. Keeps per-connection state: the identifiers
// subscribed on the current socket, because the server ignores a second subscribe to one without
// answering and ignores an unsubscribe silently too.
#include "profile/backendprofile.h"
#include "profile/fieldmapper.h"
#include "realtime/protocoladapter.h"

#include <QHash>
#include <QSet>

#include <chrono>

namespace hearth {

class ActionCableAdapter final : public ProtocolAdapter
{
public:
    // Rails pings every 3 s; two missed pings make the link stale.
    static constexpr std::chrono::milliseconds defaultPingInterval{3000};

    // The profile must have passed ProfileParser (protocol actioncable).
    explicit ActionCableAdapter(const BackendProfile &profile);

    QLatin1StringView name() const override;
    QNetworkRequest handshakeRequest(const QUrl &url, const QString &token) const override;
    QStringList subprotocols(const QString &token) const override;
    bool acceptsSubprotocol(const QString &chosen) const override;
    void resetConnection() override;
    // Rails pings every 3 s by itself. A socket that still answers WebSocket pings while those
    // stop belongs to a server whose cable is stuck (its broadcasts stopped too): stale.
    bool pongProvesLiveness() const override { return false; }
    bool carries(const QString &channel) const override { return m_profile.channel(channel) != nullptr; }
    Decoded<ServerMessage> decode(const QByteArray &utf8, qint64 maxBytes) override;
    QString subscribeFrame(const QString &channel, const std::optional<SyncPosition> &since) override;
    QString unsubscribeFrame(const QString &channel) override;

    // The canonical identifier of a Hearth channel; empty when the profile has none for it.
    QString identifierOf(const QString &channel) const { return m_identifierByChannel.value(channel); }
    bool isSubscribedOnConnection(const QString &channel) const;

private:
    Decoded<ServerMessage> decodeSubscriptionReply(const QJsonObject &frame, bool confirmed);
    Decoded<ServerMessage> decodeDisconnect(const QJsonObject &frame) const;
    Decoded<ServerMessage> decodeChannelMessage(const QJsonObject &frame) const;
    // The Hearth channel of a frame's identifier, when it is subscribed on this connection.
    // *wellFormed is false for an identifier that is not a string holding a JSON object.
    std::optional<QString> channelOfFrame(const QJsonObject &frame, bool *wellFormed) const;

    BackendProfile m_profile;
    FieldMapper m_mapper;
    std::chrono::milliseconds m_pingInterval;
    QHash<QString, QString> m_identifierByChannel; // canonical identifiers
    QHash<QString, QString> m_channelByIdentifier;
    QSet<QString> m_subscribed; // canonical identifiers subscribed (or pending) on this socket
};

} // namespace hearth
