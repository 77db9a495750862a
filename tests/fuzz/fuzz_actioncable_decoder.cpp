// libFuzzer entry point: Action Cable server frames through the adapter the shipped Hafaloha
// profile configures, with both its channels subscribed, so confirmations, messages and the
// field mapping behind them are all reachable.
#include "profile/profileloader.h"
#include "realtime/actioncableadapter.h"
#include "realtime/hearthprotocol.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {

hearth::ActionCableAdapter &adapter()
{
    static const std::unique_ptr<hearth::ActionCableAdapter> instance = [] {
        hearth::ProfileLoader::Failure failure;
        const std::optional<hearth::BackendProfile> profile = hearth::ProfileLoader::loadFile(
            QStringLiteral(HEARTH_PROFILES_DIR "/hafaloha-actioncable.json"), &failure);
        if (!profile)
            std::abort();
        return std::make_unique<hearth::ActionCableAdapter>(*profile);
    }();
    return *instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hearth::ActionCableAdapter &cable = adapter();
    // Every input starts from the same connection state: what one frame does (a reject drops a
    // subscription) must not make the next input's outcome depend on input order.
    cable.resetConnection();
    (void)cable.subscribeFrame(QStringLiteral("orders"), std::nullopt);
    (void)cable.subscribeFrame(QStringLiteral("inventory"), std::nullopt);
    const QByteArray frame = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)cable.decode(frame, hearth::HearthProtocol::defaultMaxFrameBytes);
    return 0;
}
