#pragma once

// The seam between RealtimeService (one socket, reconnects, sequencing, batching) and one wire
// protocol. An adapter opens the handshake its server expects and translates frames both ways;
// Action Cable and Phoenix adapters slot in here without the service changing.
#include "core/jsonreader.h"
#include "realtime/servermessage.h"

#include <QNetworkRequest>
#include <QString>
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
    // The handshake request; credentials go in headers, never in the URL (URLs end up in logs).
    virtual QNetworkRequest handshakeRequest(const QUrl &url, const QString &token) const = 0;
    virtual Decoded<ServerMessage> decode(const QByteArray &utf8, qint64 maxBytes) const = 0;
    virtual QString subscribeFrame(const QString &channel,
                                   const std::optional<SyncPosition> &since) const = 0;
    virtual QString unsubscribeFrame(const QString &channel) const = 0;
};

// Hearth protocol v1: see hearthprotocol.h and docs/protocol.md.
class HearthAdapter final : public ProtocolAdapter
{
public:
    HearthAdapter() = default;

    QLatin1StringView name() const override { return QLatin1StringView("hearth.v1"); }
    QNetworkRequest handshakeRequest(const QUrl &url, const QString &token) const override;
    Decoded<ServerMessage> decode(const QByteArray &utf8, qint64 maxBytes) const override;
    QString subscribeFrame(const QString &channel,
                           const std::optional<SyncPosition> &since) const override;
    QString unsubscribeFrame(const QString &channel) const override;
};

} // namespace hearth
