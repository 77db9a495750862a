#pragma once

// The kitchen-load routes (docs/protocol.md, "Kitchen load"): GET /api/kitchen for everyone
// signed in (the load and each ordering widget's state), PUT /api/kitchen/widgets/{id} for
// managers (thresholds and the manual override).
#include "server/role.h"

#include <QHttpServerResponse>
#include <QObject>

class QHttpServer;
class QHttpServerRequest;

namespace hearth::server {

class HttpApi;
class KitchenControlService;

class KitchenApi final : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxThreshold = 10000;
    static constexpr int maxBaseMinutes = 480;

    KitchenApi(QHttpServer *server, HttpApi *guard, KitchenControlService *kitchen, QObject *parent = nullptr);

private:
    QHttpServerResponse get(const AuthContext &context) const;
    QHttpServerResponse configure(const AuthContext &context, const QString &widgetId, const QHttpServerRequest &request);

    HttpApi *m_guard;
    KitchenControlService *m_kitchen;
};

} // namespace hearth::server
