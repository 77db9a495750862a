#pragma once

// Just enough of RFC 6455 framing for a proxy that watches the frames it forwards: where each
// frame ends, its opcode, and its payload (unmasked). Never used to build frames, only to read.
#include <QByteArray>

#include <optional>

namespace faults {

struct WsFrame
{
    qsizetype headerSize = 0; // bytes before the payload (length fields and mask included)
    qsizetype totalSize = 0;  // header plus payload: where the next frame starts
    quint8 opcode = 0;        // 1 text, 2 binary, 8 close, 9 ping, 10 pong, 0 continuation
    QByteArray payload;       // unmasked
};

// The frame at the start of `data`, or nothing while it is incomplete.
std::optional<WsFrame> readFrame(const QByteArray &data);

// Where an HTTP message head ends (after the blank line), or -1 while incomplete.
qsizetype httpHeadEnd(const QByteArray &data);

} // namespace faults
