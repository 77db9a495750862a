#pragma once

// Hearth protocol v1 frames (docs/protocol.md) to and from typed messages. Pure functions: every
// rule about what a valid frame is lives here and is unit-tested without a socket. Decoding
// rejects anything doubtful with the reasons, so a bad frame can never reach connection state.
#include "core/jsonreader.h"
#include "realtime/servermessage.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace hearth::HearthProtocol {

inline constexpr qint64 defaultMaxFrameBytes = 1024 * 1024;        // the client's limit
inline constexpr qint64 defaultMaxClientFrameBytes = 64 * 1024;    // the server's limit
// Sequence numbers travel as JSON numbers: doubles hold integers exactly up to 2^53.
inline constexpr qint64 maxSeq = qint64(1) << 53;
inline constexpr qint64 minHeartbeatMs = 100;        // faster would turn pings into a flood
inline constexpr qint64 maxHeartbeatMs = 10 * 60 * 1000;
inline constexpr qint64 maxReconnectAfterMs = 60 * 60 * 1000;

// Channel names are short lowercase identifiers ("orders", "inventory"); anything else is
// refused before it reaches the wire or the bookkeeping.
bool isValidChannelName(QStringView name);

Decoded<ServerMessage> decodeServerFrame(const QByteArray &utf8,
                                         qint64 maxBytes = defaultMaxFrameBytes);
QString encodeSubscribe(const QString &channel, const std::optional<SyncPosition> &since = {});
QString encodeUnsubscribe(const QString &channel);

// The server's side of the same contract, for fake servers in tests and for tools.
Decoded<ClientMessage> decodeClientFrame(const QByteArray &utf8,
                                         qint64 maxBytes = defaultMaxClientFrameBytes);
// Empty for an IgnoredMessage, which has no Hearth frame.
QString encodeServerMessage(const ServerMessage &message);

} // namespace hearth::HearthProtocol
