// libFuzzer entry point: Hearth protocol v1 frames, both directions (the client decodes server
// frames; the server and its test doubles decode client frames).
#include "realtime/hearthprotocol.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const hearth::Decoded<hearth::ServerMessage> server = hearth::HearthProtocol::decodeServerFrame(frame);
    // Whatever decodes must encode again without trouble.
    if (server.ok())
        (void)hearth::HearthProtocol::encodeServerMessage(*server.value);
    (void)hearth::HearthProtocol::decodeClientFrame(frame);
    return 0;
}
