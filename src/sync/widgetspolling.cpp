#include "sync/widgetspolling.h"

#include "api/restclient.h"

namespace hearth {

WidgetsPolling::WidgetsPolling(PollingFallback *pace, WidgetsSync *sync, RealtimeService *realtime,
                               RestClient *rest, QObject *parent)
    : SyncedChannelPolling(pace, sync, realtime, rest, parent)
{
}

void WidgetsPolling::fetch(std::optional<qint64> sinceSeq, const Ticket &ticket)
{
    // A backend without watermarks has a list for polling (a profile's rest.widgets).
    const RestClient::ListPurpose purpose = sinceSeq ? RestClient::ListPurpose::Snapshot
                                                     : RestClient::ListPurpose::Poll;
    rest()->fetchWidgets(
        sinceSeq, this,
        [this, ticket](const ApiResult<WidgetsSnapshot> &result) {
            if (!answered(ticket, result.ok() ? nullptr : &result.error))
                return;
            sync()->applyChanges(result.value->widgets);
            reached(ticket, result.value->position);
        },
        purpose);
}

} // namespace hearth
