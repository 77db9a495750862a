#pragma once

// The tables of stock and menu availability (migration step 4), kept beside the repositories
// that read them rather than in the list of every migration.
#include <QSqlDatabase>

namespace hearth::server::InventorySchema {

bool create(QSqlDatabase &database);

} // namespace hearth::server::InventorySchema
