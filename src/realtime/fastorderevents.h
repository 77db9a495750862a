#pragma once

// The hot path of Hearth protocol v1: an "event" frame of the orders channel whose payload is a
// valid order, decoded straight from the UTF-8 with simdjson on-demand into a ChannelEvent that
// carries the typed Order (no QJsonDocument, no QJsonObject, no QVariant).
//
// It accepts only what HearthProtocol::decodeServerFrame + OrderCodec::fromJson accept, and gives
// the same values. Everything else — other ops and channels, a bad or doubtful field, JSON the
// general decoder might read differently (numbers with exponents, timestamps with offsets,
// duplicate keys, control characters) — comes back empty, and the caller uses the general
// decoder, whose results and error messages therefore stay exactly as they were. The size limit
// is checked first, as there. tests/realtime/tst_realtime_fastorderevents.cpp holds the two side
// by side on the fuzz corpus and on random frames; the Hearth fuzzer does the same.
#include "realtime/servermessage.h"

#include <QByteArray>

#include <memory>
#include <optional>

namespace hearth {

class FastOrderEvents final
{
public:
    FastOrderEvents();
    ~FastOrderEvents();
    Q_DISABLE_COPY_MOVE(FastOrderEvents)

    // The decoded event, or nothing when the general decoder must decide.
    std::optional<ChannelEvent> tryDecode(const QByteArray &utf8, qint64 maxBytes);

private:
    struct Parser; // simdjson stays out of this header
    std::unique_ptr<Parser> m_parser;
};

} // namespace hearth
