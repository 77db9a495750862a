#include "wsframes.h"

namespace faults {

std::optional<WsFrame> readFrame(const QByteArray &data)
{
    if (data.size() < 2)
        return std::nullopt;
    const auto byte = [&data](qsizetype i) { return quint8(data.at(i)); };
    WsFrame frame;
    frame.opcode = byte(0) & 0x0f;
    const bool masked = (byte(1) & 0x80) != 0;
    quint64 length = byte(1) & 0x7f;
    qsizetype pos = 2;
    if (length == 126) {
        if (data.size() < pos + 2)
            return std::nullopt;
        length = (quint64(byte(2)) << 8) | byte(3);
        pos += 2;
    } else if (length == 127) {
        if (data.size() < pos + 8)
            return std::nullopt;
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | byte(pos + i);
        pos += 8;
    }
    quint8 mask[4] = {0, 0, 0, 0};
    if (masked) {
        if (data.size() < pos + 4)
            return std::nullopt;
        for (int i = 0; i < 4; ++i)
            mask[i] = byte(pos + i);
        pos += 4;
    }
    if (quint64(data.size() - pos) < length)
        return std::nullopt;
    frame.headerSize = pos;
    frame.totalSize = pos + qsizetype(length);
    frame.payload = data.mid(pos, qsizetype(length));
    if (masked) {
        for (qsizetype i = 0; i < frame.payload.size(); ++i)
            frame.payload[i] = char(quint8(frame.payload.at(i)) ^ mask[i % 4]);
    }
    return frame;
}

qsizetype httpHeadEnd(const QByteArray &data)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    return end < 0 ? -1 : end + 4;
}

} // namespace faults
