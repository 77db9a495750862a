#pragma once

// Decodes REST response bodies (docs/protocol.md) into typed values. Every field is validated;
// a body that breaks the contract yields the reasons, never a half-filled value.
#include "api/apitypes.h"
#include "core/jsonreader.h"

#include <QJsonObject>

namespace hearth::ApiCodec {

Decoded<Session> decodeSession(const QJsonObject &json);
Decoded<OrdersSnapshot> decodeOrdersSnapshot(const QJsonObject &json);
Decoded<Order> decodeOrder(const QJsonObject &json);
// GET /api/health: the server's epoch.
Decoded<QString> decodeHealth(const QJsonObject &json);
// GET /api/stats (docs/protocol.md): every documented figure checked, then passed on whole,
// so that newer servers' extra figures still reach `hearthctl stats --json`.
Decoded<QJsonObject> decodeServerStats(const QJsonObject &json);

struct ServerErrorBody
{
    QString code;
    QString message;
};
// {"error": {"code", "message"}} — leniently: an error answer is useful even when incomplete.
ServerErrorBody decodeErrorBody(const QByteArray &body);

} // namespace hearth::ApiCodec
