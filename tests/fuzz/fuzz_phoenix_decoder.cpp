// libFuzzer entry point: Phoenix / Supabase Realtime server frames through the adapter the
// shipped Supabase profile configures, with both its channels joined, so join replies, channel
// errors, postgres_changes and the field mapping behind them are all reachable.
#include "profile/profileloader.h"
#include "realtime/hearthprotocol.h"
#include "realtime/phoenixadapter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {

hearth::PhoenixAdapter &adapter()
{
    static const std::unique_ptr<hearth::PhoenixAdapter> instance = [] {
        hearth::ProfileLoader::Failure failure;
        const std::optional<hearth::BackendProfile> profile = hearth::ProfileLoader::loadFile(
            QStringLiteral(HEARTH_PROFILES_DIR "/supabase-phoenix.json"), &failure);
        if (!profile)
            std::abort();
        return std::make_unique<hearth::PhoenixAdapter>(*profile);
    }();
    return *instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hearth::PhoenixAdapter &phoenix = adapter();
    // Every input starts from the same connection state (join refs "1" and "2"): a reply or an
    // error forgets a join, which must not make the next input's outcome depend on input order.
    phoenix.resetConnection();
    (void)phoenix.subscribeFrame(QStringLiteral("orders"), std::nullopt);
    (void)phoenix.subscribeFrame(QStringLiteral("inventory"), std::nullopt);
    const QByteArray frame = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)phoenix.decode(frame, hearth::HearthProtocol::defaultMaxFrameBytes);
    return 0;
}
