#pragma once

// What a server can tell the client, independent of the wire protocol. Each adapter (Hearth,
// later Action Cable and Phoenix) turns its frames into these; the service only knows these.
#include "core/syncposition.h"
#include "realtime/channelevent.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>
#include <variant>

namespace hearth {

struct WelcomeMessage
{
    QString session;
    QString epoch;                          // sequence numbers compare only within one epoch
    std::chrono::milliseconds heartbeat{0};
    QDateTime serverTime;                   // invalid when the server did not say
};

struct SubscribedMessage
{
    QString channel;
    SyncPosition position;                  // the channel's newest event at subscription time
    bool recovered = false;                 // true: every event after `since` follows in order
};

struct UnsubscribedMessage
{
    QString channel;
};

struct ServerError
{
    QString code;                           // see ServerErrorCode
    QString message;                        // plain English from the server: details, not UI text
    bool reconnect = true;                  // false: retrying with the same credentials is futile
    QString channel;                        // set when the error concerns one channel
};

struct ReconnectAdvice
{
    std::chrono::milliseconds after{0};     // come back after a random wait up to this long
};

// A well-formed frame that asks nothing of the client: a keep-alive (Action Cable's ping), or a
// message the adapter recognised and dropped on purpose. Counted, never treated as malformed.
struct IgnoredMessage
{
    enum class Why {
        KeepAlive,           // proves the link alive; nothing else
        UnknownSubscription, // for an identifier or topic not subscribed on this connection
        UnmappedType,        // a message type the backend profile does not map (or ignores)
    };
    Why why = Why::KeepAlive;
    QString detail; // for the debug log
};

using ServerMessage = std::variant<WelcomeMessage, SubscribedMessage, UnsubscribedMessage,
                                   ChannelEvent, ServerError, ReconnectAdvice, IgnoredMessage>;

// The other direction: what the client asks for.
struct SubscribeRequest
{
    QString channel;
    std::optional<SyncPosition> since;
};

struct UnsubscribeRequest
{
    QString channel;
};

using ClientMessage = std::variant<SubscribeRequest, UnsubscribeRequest>;

namespace ServerErrorCode {
inline constexpr QLatin1StringView unauthorized("unauthorized");
inline constexpr QLatin1StringView forbidden("forbidden");
inline constexpr QLatin1StringView badRequest("bad_request");
inline constexpr QLatin1StringView rateLimited("rate_limited");
// The server lost one channel but not the link (Phoenix phx_error): join it again.
inline constexpr QLatin1StringView channelLost("channel_lost");
} // namespace ServerErrorCode

} // namespace hearth
