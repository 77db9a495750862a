#include "server/inventoryschema.h"

#include "server/migrations.h"

namespace hearth::server::InventorySchema {

bool create(QSqlDatabase &database)
{
    // The CHECKs repeat InventoryRules: a row that breaks them can only come from a bug.
    return Migrations::execAll(database, {
        QStringLiteral("CREATE TABLE inventory_items ("
                       " restaurant_id TEXT NOT NULL REFERENCES restaurants(id),"
                       " id TEXT NOT NULL,"
                       " name TEXT NOT NULL,"
                       " unit TEXT NOT NULL DEFAULT '',"
                       " stock INTEGER NOT NULL CHECK (stock >= 0),"
                       " damaged INTEGER NOT NULL CHECK (damaged >= 0 AND damaged <= stock),"
                       " threshold INTEGER NOT NULL CHECK (threshold >= 0),"
                       " version INTEGER NOT NULL,"
                       " position INTEGER NOT NULL,"       // the order the restaurant listed them in
                       " last_seq INTEGER NOT NULL,"
                       " PRIMARY KEY (restaurant_id, id))"),
        QStringLiteral("CREATE INDEX inventory_items_by_last_seq ON inventory_items(restaurant_id, last_seq)"),
        QStringLiteral("CREATE TABLE menu_items ("
                       " restaurant_id TEXT NOT NULL REFERENCES restaurants(id),"
                       " id TEXT NOT NULL,"
                       " name TEXT NOT NULL,"
                       " available INTEGER NOT NULL,"
                       " sold_out INTEGER NOT NULL DEFAULT 0,"
                       " days TEXT NOT NULL DEFAULT '[]',"        // ["mon", …]; [] is every day
                       " ingredients TEXT NOT NULL DEFAULT '[]'," // [{"item_id", "quantity"}]
                       " version INTEGER NOT NULL,"
                       " position INTEGER NOT NULL,"
                       " last_seq INTEGER NOT NULL,"
                       " PRIMARY KEY (restaurant_id, id))"),
        QStringLiteral("CREATE INDEX menu_items_by_last_seq ON menu_items(restaurant_id, last_seq)"),
    });
}

} // namespace hearth::server::InventorySchema
