#pragma once

// Reads and validates a backend profile (docs/backend-profiles.md). Every problem is reported
// with the dotted key it concerns ("channels.orders.identifier: must be an object"), all of them
// at once, so whoever writes the file fixes it in one go. Never throws; never returns a profile
// that a later step would have to second-guess.
#include "core/jsonreader.h"
#include "profile/backendprofile.h"

#include <QByteArray>
#include <QJsonObject>

namespace hearth::ProfileParser {

inline constexpr int formatVersion = 1;
// A profile is a small hand-written file; anything this large is not one.
inline constexpr qsizetype maxFileBytes = 256 * 1024;

Decoded<BackendProfile> parse(const QByteArray &json);
Decoded<BackendProfile> fromJson(const QJsonObject &object);

} // namespace hearth::ProfileParser
