#pragma once

// The state of the realtime link, as the status bar shows it.
#include <QLatin1StringView>
#include <QMetaType>

namespace hearth {

enum class ConnectionState {
    Offline,        // not started, stopped, or gave up after too many attempts
    Connecting,     // a socket is opening; Live once the server's welcome arrived
    Live,           // welcomed: subscriptions are (being) restored and events flow
    WaitingToRetry, // the link failed; a retry is scheduled (see nextRetryAt())
    SignedOut,      // the server rejected the token: no retry until a new one is set
};

// A stable English name for logs and diagnostics; the UI translates states itself.
constexpr QLatin1StringView connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Offline: return QLatin1StringView("offline");
    case ConnectionState::Connecting: return QLatin1StringView("connecting");
    case ConnectionState::Live: return QLatin1StringView("live");
    case ConnectionState::WaitingToRetry: return QLatin1StringView("waiting-to-retry");
    case ConnectionState::SignedOut: return QLatin1StringView("signed-out");
    }
    return QLatin1StringView("unknown");
}

} // namespace hearth

Q_DECLARE_METATYPE(hearth::ConnectionState)
