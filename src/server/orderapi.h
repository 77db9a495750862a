#pragma once

// The REST routes of order actions (docs/protocol.md, "Order actions"): acknowledge, status
// changes, recall and reopen, for staff and managers. Each may carry an Idempotency-Key (applied
// once, the first answer replayed) and If-Match with the version the screen showed (a stale
// action that can no longer apply answers 409 with the current order).
#include "server/idempotentwrites.h"
#include "server/orderservice.h"

#include <QHttpServerResponse>
#include <QObject>

class QHttpServer;
class QHttpServerRequest;

namespace hearth::server {

class HttpApi;

class OrderApi final : public QObject
{
    Q_OBJECT

public:
    OrderApi(QHttpServer *server, HttpApi *guard, OrderService *orders, IdempotencyStore *idempotency,
             QObject *parent = nullptr);

private:
    // Reads If-Match into the action and applies it once per key.
    QHttpServerResponse act(const AuthContext &context, const QString &orderId, const QHttpServerRequest &request,
                            OrderAction action);
    QHttpServerResponse patch(const AuthContext &context, const QString &orderId, const QHttpServerRequest &request);

    HttpApi *m_guard;
    OrderService *m_orders;
    IdempotentWrites m_writes;
};

} // namespace hearth::server
