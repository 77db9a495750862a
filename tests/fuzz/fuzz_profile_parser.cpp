// libFuzzer entry point: backend profile files. A profile that passes the parser must be safe to
// use: its templates expand, its field mapper maps, and an adapter can be built from it.
#include "profile/fieldmapper.h"
#include "profile/profileparser.h"
#include "realtime/actioncableadapter.h"

#include <QJsonDocument>
#include <QNetworkRequest>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const hearth::Decoded<hearth::BackendProfile> decoded = hearth::ProfileParser::parse(json);
    if (!decoded.ok())
        return 0;
    const hearth::BackendProfile &profile = *decoded.value;
    const QString token = QStringLiteral("t0k&n");
    for (const hearth::ChannelProfile &channel : profile.channels) {
        (void)profile.expand(channel.identifier);
        (void)profile.expand(channel.joinPayload, token);
        (void)profile.expand(channel.topic);
    }
    QNetworkRequest request(profile.url);
    profile.auth.apply(&request, token);
    (void)profile.auth.subprotocols(token);
    (void)profile.restBaseUrl();
    // The profile's own mapping applied to the profile itself: arbitrary JSON of any shape.
    const hearth::FieldMapper mapper(profile.mapping);
    const QJsonObject sample = QJsonDocument::fromJson(json).object();
    (void)mapper.toOrder(sample);
    (void)mapper.toInventoryItem(sample);
    if (profile.protocol == hearth::BackendProtocol::ActionCable) {
        hearth::ActionCableAdapter adapter(profile);
        adapter.resetConnection();
        for (const hearth::ChannelProfile &channel : profile.channels)
            (void)adapter.subscribeFrame(channel.name, std::nullopt);
        (void)adapter.decode(json, 1 << 20);
    }
    return 0;
}
