#pragma once

// The first step of decoding any protocol's frame: the size limit, then the JSON parse, each
// failure reported the same way whichever adapter met it.
#include "core/jsonreader.h"

#include <QByteArray>
#include <QJsonDocument>

namespace hearth {

Decoded<QJsonDocument> parseFrameJson(const QByteArray &utf8, qint64 maxBytes);

} // namespace hearth
