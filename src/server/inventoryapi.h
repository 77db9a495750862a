#pragma once

// The REST routes of the inventory channel (docs/protocol.md, "Inventory"): the snapshot or delta
// of stock lines and menu items, stock adjustments (staff; the low-stock threshold only for
// managers) and menu availability (managers). Every write needs If-Match with the version the
// screen showed and an Idempotency-Key, as widget saves do.
#include "server/idempotentwrites.h"
#include "server/inventoryservice.h"

#include <QHttpServerResponse>
#include <QObject>

class QHttpServer;
class QHttpServerRequest;

namespace hearth::server {

class HttpApi;

class InventoryApi final : public QObject
{
    Q_OBJECT

public:
    InventoryApi(QHttpServer *server, HttpApi *guard, InventoryService *inventory, IdempotencyStore *idempotency,
                 QObject *parent = nullptr);

private:
    QHttpServerResponse list(const AuthContext &context, const QHttpServerRequest &request) const;
    StoredAnswer adjust(const AuthContext &context, const QString &itemId, const QHttpServerRequest &request,
                        const IdempotentWrites::Recorder &record);
    StoredAnswer setAvailability(const AuthContext &context, const QString &menuItemId,
                                 const QHttpServerRequest &request, const IdempotentWrites::Recorder &record);

    HttpApi *m_guard;
    InventoryService *m_inventory;
    IdempotentWrites m_writes;
};

} // namespace hearth::server
