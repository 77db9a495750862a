#pragma once

// Loading a backend profile the way the application does it (`hearth --profile FILE`, the sign-in
// dialog): read the file, validate it, and on failure say so in one sentence a restaurant manager
// can pass on — "The backend profile bistro.json is not valid: channels.orders is missing." —
// with every problem in the details for whoever fixes the file.
#include "profile/backendprofile.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace hearth::ProfileLoader {

struct Failure
{
    QString message; // user-facing, translated: the file's name and the first problem
    QString details; // technical, English: every problem, one per line
};

std::optional<BackendProfile> loadFile(const QString &path, Failure *failure);
// The same for a profile already in memory; `displayName` stands for the file in the message.
std::optional<BackendProfile> loadData(const QByteArray &json, const QString &displayName,
                                       Failure *failure);

} // namespace hearth::ProfileLoader
