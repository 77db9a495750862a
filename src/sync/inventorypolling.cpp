#include "sync/inventorypolling.h"

#include "api/restclient.h"

namespace hearth {

InventoryPolling::InventoryPolling(PollingFallback *pace, InventorySync *sync, RealtimeService *realtime,
                                   RestClient *rest, QObject *parent)
    : SyncedChannelPolling(pace, sync, realtime, rest, parent)
{
}

void InventoryPolling::fetch(std::optional<qint64> sinceSeq, const Ticket &ticket)
{
    // A backend without watermarks is asked for everything since 0: its whole list.
    rest()->fetchInventory(sinceSeq.value_or(0), this, [this, ticket](const ApiResult<InventorySnapshot> &result) {
        if (!answered(ticket, result.ok() ? nullptr : &result.error))
            return;
        sync()->applyChanges(result.value->items, result.value->menu);
        reached(ticket, result.value->position);
    });
}

} // namespace hearth
