#pragma once

// Decodes REST response bodies (docs/protocol.md) into typed values. Every field is validated;
// a body that breaks the contract yields the reasons, never a half-filled value.
#include "api/apitypes.h"
#include "core/jsonreader.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace hearth::ApiCodec {

Decoded<Session> decodeSession(const QJsonObject &json);
Decoded<OrdersSnapshot> decodeOrdersSnapshot(const QJsonObject &json);
Decoded<Order> decodeOrder(const QJsonObject &json);
// GET /api/health: the server's epoch.
Decoded<QString> decodeHealth(const QJsonObject &json);
Decoded<QString> decodeLogout(const QJsonObject &json);           // {"status": "signed_out"}
Decoded<QDateTime> decodeSessionRefresh(const QJsonObject &json); // {"expires_at": …}
// GET /api/stats (docs/protocol.md): every documented figure checked, then passed on whole,
// so that newer servers' extra figures still reach `hearthctl stats --json`.
Decoded<QJsonObject> decodeServerStats(const QJsonObject &json);

Decoded<WidgetsSnapshot> decodeWidgetsSnapshot(const QJsonObject &json);
Decoded<WidgetConfig> decodeWidget(const QJsonObject &json);
Decoded<PresenceEntry> decodePresenceEntry(const QJsonObject &json);
Decoded<PresenceSnapshot> decodePresenceSnapshot(const QJsonObject &json);
// GET /api/inventory: {"items": [...], "menu": [...], "epoch", "seq"}.
Decoded<InventorySnapshot> decodeInventorySnapshot(const QJsonObject &json);
Decoded<InventoryItem> decodeInventoryItem(const QJsonObject &json);
Decoded<MenuItem> decodeMenuItem(const QJsonObject &json);
// The stock line or menu item a 409 answer carries as "current"; nothing when missing.
std::optional<InventoryItem> conflictCurrentInventoryItem(const ApiError &error);
std::optional<MenuItem> conflictCurrentMenuItem(const ApiError &error);
// The widget a 409 answer carries as "current"; nothing when it is missing or not a widget.
std::optional<WidgetConfig> conflictCurrentWidget(const ApiError &error);
// The order a 409 answer to an order action carries as "current"; nothing when it is missing.
std::optional<Order> conflictCurrentOrder(const ApiError &error);

struct ServerErrorBody
{
    QString code;
    QString message;
    QHash<QString, QString> fields; // "error.fields": path → message (422 validation_failed)
    QJsonObject document;           // the whole answer, when it was a JSON object
};
// {"error": {"code", "message", "fields"?}, …} — leniently: an error answer is useful even when incomplete.
ServerErrorBody decodeErrorBody(const QByteArray &body);

} // namespace hearth::ApiCodec
