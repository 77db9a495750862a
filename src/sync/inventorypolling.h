#pragma once

// Keeps stock and menu fresh over REST while the WebSocket is down (ChannelPolling): changes go
// to InventorySync like streamed ones.
#include "sync/channelpolling.h"
#include "sync/inventorysync.h"

namespace hearth {

class InventoryPolling final : public SyncedChannelPolling<InventorySync>
{
    Q_OBJECT

public:
    InventoryPolling(PollingFallback *pace, InventorySync *sync, RealtimeService *realtime, RestClient *rest,
                     QObject *parent = nullptr);

private:
    void fetch(std::optional<qint64> sinceSeq, const Ticket &ticket) override;
};

} // namespace hearth
