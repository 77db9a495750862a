// libFuzzer entry point: Hearth protocol v1 frames, both directions (the client decodes server
// frames; the server and its test doubles decode client frames). The client's adapter tries the
// fast order-event decoder first: whatever it makes of a frame must be exactly what the general
// decoder makes of it (same message and order, or same errors), or the fuzzer stops.
#include "core/ordercodec.h"
#include "realtime/hearthprotocol.h"
#include "realtime/protocoladapter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

// An event's order as the service would get it: decoded by the adapter, or from the payload.
hearth::Decoded<hearth::Order> orderOf(const hearth::ChannelEvent &event)
{
    if (event.order)
        return {event.order, {}};
    return hearth::OrderCodec::fromJson(event.data);
}

void requireSameOutcome(const hearth::Decoded<hearth::ServerMessage> &fast,
                        const hearth::Decoded<hearth::ServerMessage> &general)
{
    if (fast.ok() != general.ok() || fast.errorString() != general.errorString())
        std::abort();
    if (!fast.ok())
        return;
    const auto *fastEvent = std::get_if<hearth::ChannelEvent>(&*fast.value);
    const auto *generalEvent = std::get_if<hearth::ChannelEvent>(&*general.value);
    if (!fastEvent || !generalEvent) {
        if (fast.value->index() != general.value->index()
            || hearth::HearthProtocol::encodeServerMessage(*fast.value)
                != hearth::HearthProtocol::encodeServerMessage(*general.value))
            std::abort();
        return;
    }
    if (*fastEvent != *generalEvent)
        std::abort();
    const hearth::Decoded<hearth::Order> a = orderOf(*fastEvent);
    const hearth::Decoded<hearth::Order> b = orderOf(*generalEvent);
    if (a.ok() != b.ok() || a.errorString() != b.errorString() || (a.ok() && (*a.value != *b.value || a.value->version != b.value->version)))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static hearth::HearthAdapter adapter;
    const QByteArray frame = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const hearth::Decoded<hearth::ServerMessage> server = hearth::HearthProtocol::decodeServerFrame(frame);
    // Whatever decodes must encode again without trouble.
    if (server.ok())
        (void)hearth::HearthProtocol::encodeServerMessage(*server.value);
    requireSameOutcome(adapter.decode(frame, hearth::HearthProtocol::defaultMaxFrameBytes), server);
    (void)hearth::HearthProtocol::decodeClientFrame(frame);
    return 0;
}
