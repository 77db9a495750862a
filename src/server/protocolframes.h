#pragma once

// The server → client frames of the Hearth WebSocket protocol (docs/protocol.md), as compact
// JSON text. Built in one place so every frame has exactly the documented fields.
#include "server/storedevent.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QString>

namespace hearth::server::Frames {

namespace ErrorCode {
inline constexpr QLatin1StringView unauthorized{"unauthorized"};
inline constexpr QLatin1StringView forbidden{"forbidden"};
inline constexpr QLatin1StringView badRequest{"bad_request"};
inline constexpr QLatin1StringView rateLimited{"rate_limited"};
} // namespace ErrorCode

QString welcome(const QString &session, const QString &epoch, int heartbeatMs, const QDateTime &serverTime);
QString subscribed(const QString &channel, const QString &epoch, qint64 seq, bool recovered);
QString unsubscribed(const QString &channel);
// `data` is embedded as stored (already compact JSON), not parsed and written again.
QString event(const StoredEvent &event);
// `channel` is left out when empty.
QString error(QLatin1StringView code, const QString &message, bool reconnect, const QString &channel = {});
QString reconnect(int afterMs);

} // namespace hearth::server::Frames
