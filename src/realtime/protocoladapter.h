#pragma once

// The seam between RealtimeService (one socket, reconnects, sequencing, batching) and one wire
// protocol. An adapter opens the handshake its server expects and translates frames both ways.
// Adapters may keep per-connection state (Action Cable: which identifiers were subscribed;
// Phoenix: ref counters and join refs): the service calls resetConnection() before every socket,
// and decode/subscribeFrame/unsubscribeFrame only for the current one.
#include "core/jsonreader.h"
#include "profile/backendprofile.h"
#include "realtime/fastorderevents.h"
#include "realtime/servermessage.h"

#include <QNetworkRequest>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace hearth {

class ProtocolAdapter
{
public:
    ProtocolAdapter() = default;
    virtual ~ProtocolAdapter() = default;
    Q_DISABLE_COPY_MOVE(ProtocolAdapter)

    virtual QLatin1StringView name() const = 0;
    // The handshake request; credentials go in headers where the backend allows it (URLs end up
    // in logs; a profile may still ask for a query parameter).
    virtual QNetworkRequest handshakeRequest(const QUrl &url, const QString &token) const = 0;
    // Subprotocols to offer at the handshake, in order of preference.
    virtual QStringList subprotocols(const QString &token) const;
    // Whether the subprotocol the server chose ("" for none) is one this adapter speaks. False:
    // the server speaks another version; the service closes and does not retry.
    virtual bool acceptsSubprotocol(const QString &chosen) const;
    // A new socket is about to open: forget everything that belonged to the previous one.
    virtual void resetConnection();
    // For protocols whose server sends no hello (Phoenix): the welcome an open socket stands for.
    virtual std::optional<WelcomeMessage> welcomeOnOpen() const;
    // A frame to send at every heartbeat tick besides the WebSocket ping (Phoenix's heartbeat);
    // empty for none.
    virtual QString heartbeatFrame();
    // Whether a pong to the WebSocket ping proves the link alive, or only the server's own frames
    // do (the round trip is measured either way).
    virtual bool pongProvesLiveness() const;
    // Whether a heartbeat of ours went unanswered until the next was due (Phoenix): the link is
    // dead even while the server keeps broadcasting on it.
    virtual bool heartbeatMissed() const { return false; }
    // Frames that hand a new token to the server on the open socket (Phoenix channels take a
    // refreshed `access_token` per joined topic), or nothing when the socket must be opened
    // again under the new token instead (the token went at the handshake).
    virtual std::optional<QStringList> tokenRefreshFrames(const QString &token)
    {
        Q_UNUSED(token)
        return std::nullopt;
    }
    // Whether this backend has the Hearth channel at all (a profile may leave widgets out). A
    // subscribe to one it has not would never be answered.
    virtual bool carries(const QString &channel) const;

    virtual Decoded<ServerMessage> decode(const QByteArray &utf8, qint64 maxBytes) = 0;
    // Empty when nothing needs to go out: e.g. Action Cable ignores a second subscribe to an
    // identifier and answers nothing, so a resend on the same connection would only wait forever.
    virtual QString subscribeFrame(const QString &channel,
                                   const std::optional<SyncPosition> &since) = 0;
    virtual QString unsubscribeFrame(const QString &channel) = 0;
};

// Hearth protocol v1: see hearthprotocol.h and docs/protocol.md. The token goes as the Bearer
// header by default; a backend profile may ask for the subprotocol pair or another header.
// Order events take the fast decoder (fastorderevents.h); every other frame, and any order event
// it is not sure of, the general one.
class HearthAdapter final : public ProtocolAdapter
{
public:
    HearthAdapter() = default;
    explicit HearthAdapter(const TokenTransport &auth) : m_auth(auth) {}

    QLatin1StringView name() const override { return QLatin1StringView("hearth.v1"); }
    QNetworkRequest handshakeRequest(const QUrl &url, const QString &token) const override;
    QStringList subprotocols(const QString &token) const override;
    Decoded<ServerMessage> decode(const QByteArray &utf8, qint64 maxBytes) override;
    QString subscribeFrame(const QString &channel,
                           const std::optional<SyncPosition> &since) override;
    QString unsubscribeFrame(const QString &channel) override;

private:
    TokenTransport m_auth;
    FastOrderEvents m_orderEvents;
};

} // namespace hearth
