#pragma once

// The demo restaurant's store room and menu: stock lines a small Italian bistro keeps, and the
// dishes of the demo menu (DemoData) with what each uses up, so that the simulator's orders draw
// the stock down and the Inventory page has something true to show at once.
#include <QString>

namespace hearth::server {

class InventoryService;

namespace DemoInventory {

// Creates the stock lines and menu items when the restaurant's inventory channel has never had
// an event. A restaurant with an inventory history is left alone.
bool seedIfFresh(InventoryService *inventory, const QString &restaurantId, QString *errorMessage);

} // namespace DemoInventory

} // namespace hearth::server
