#pragma once

// Rails Action Cable's frames (PROTOCOLS.md §2), as pure functions shared by the adapter and the
// test server. An identifier is a string holding JSON; the server keys subscriptions by that exact
// string, so both sides compare identifiers only in canonical form: parsed, keys sorted, compact.
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace hearth::ActionCableFrames {

inline constexpr QLatin1StringView protocol("actioncable-v1-json");
inline constexpr QLatin1StringView unsupportedProtocol("actioncable-unsupported");

namespace Type {
inline constexpr QLatin1StringView welcome("welcome");
inline constexpr QLatin1StringView ping("ping");
inline constexpr QLatin1StringView disconnect("disconnect");
inline constexpr QLatin1StringView confirm("confirm_subscription");
inline constexpr QLatin1StringView reject("reject_subscription");
} // namespace Type

namespace Reason {
inline constexpr QLatin1StringView unauthorized("unauthorized");
inline constexpr QLatin1StringView invalidRequest("invalid_request");
inline constexpr QLatin1StringView serverRestart("server_restart");
inline constexpr QLatin1StringView remote("remote");
} // namespace Reason

// The canonical text of an identifier object: keys sorted at every level, no spaces.
QString canonicalIdentifier(const QJsonObject &identifier);
// The canonical form of an identifier as it arrives (a string holding a JSON object); nothing
// when the string is not one.
std::optional<QString> canonicalIdentifier(const QString &identifierText);

// {"command":"subscribe","identifier":"{\"channel\":…}"}
QString encodeCommand(QLatin1StringView command, const QString &identifier);

} // namespace hearth::ActionCableFrames
