#pragma once

// JSON for inventory items, as on Hearth's wire ({"id", "name", "stock", "damaged", "threshold",
// "unit", "version"}). Decoding validates every field and reports each bad one.
#include "core/inventoryitem.h"
#include "core/jsonreader.h"

#include <QJsonObject>

namespace hearth::InventoryCodec {

QJsonObject toJson(const InventoryItem &item);
Decoded<InventoryItem> fromJson(const QJsonObject &json);

} // namespace hearth::InventoryCodec
