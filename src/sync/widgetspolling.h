#pragma once

// Keeps the widgets fresh over REST while the WebSocket is down (ChannelPolling): changes go to
// WidgetsSync like streamed ones.
#include "sync/channelpolling.h"
#include "sync/widgetssync.h"

namespace hearth {

class WidgetsPolling final : public SyncedChannelPolling<WidgetsSync>
{
    Q_OBJECT

public:
    WidgetsPolling(PollingFallback *pace, WidgetsSync *sync, RealtimeService *realtime, RestClient *rest,
                   QObject *parent = nullptr);

private:
    void fetch(std::optional<qint64> sinceSeq, const Ticket &ticket) override;
};

} // namespace hearth
