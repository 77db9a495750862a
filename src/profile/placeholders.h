#pragma once

// The {placeholders} of backend profiles: {restaurant_id}, {token}, {token_base64url}. One pass
// over the text, so a value that itself contains braces is never expanded again.
#include <QString>
#include <QStringList>

namespace hearth::Placeholders {

inline constexpr QLatin1StringView restaurantId("restaurant_id");
inline constexpr QLatin1StringView token("token");
inline constexpr QLatin1StringView tokenBase64Url("token_base64url");

QString expand(const QString &text, const QString &restaurantIdValue, const QString &tokenValue);
// The names between braces in `text` that look like placeholders (letters, digits, '_'), in order.
QStringList namesIn(const QString &text);
bool isKnown(QStringView name);
bool isTokenName(QStringView name);

} // namespace hearth::Placeholders
