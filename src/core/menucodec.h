#pragma once

// JSON for menu items as on Hearth's wire: {"id", "name", "available", "sold_out",
// "days": ["mon", …], "ingredients": [{"item_id", "quantity"}], "version"}. Decoding validates
// every field and reports each bad one.
#include "core/jsonreader.h"
#include "core/menuitem.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hearth::MenuCodec {

QJsonObject toJson(const MenuItem &item);
Decoded<MenuItem> fromJson(const QJsonObject &json);
QJsonArray daysToJson(const QList<int> &days);
// Errors are reported under `key` of `reader`.
QList<int> daysFromJson(JsonReader &reader, QLatin1StringView key, const QJsonValue &value);

} // namespace hearth::MenuCodec
