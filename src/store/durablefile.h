#pragma once

// Opens an SQLite file that holds what exists nowhere else — the outboxes of widget edits and of
// order actions — as such files must be: a busy file is waited for and reported, never moved
// aside; only a file SQLite calls broken is (and a fresh one started); every commit reaches the
// disk before it returns (synchronous = FULL), so an entry survives a crash or a power cut.
#include "store/cachedatabase.h"

#include <QString>

namespace hearth::DurableFile {

// False with the reason when the file cannot be used; the caller then keeps its entries in
// memory only and tells the user.
bool open(CacheDatabase &database, QString *reason);

} // namespace hearth::DurableFile
