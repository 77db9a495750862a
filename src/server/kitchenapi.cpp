#include "server/kitchenapi.h"

#include "core/jsonreader.h"
#include "server/httpapi.h"
#include "server/httpresponses.h"
#include "server/idempotentwrites.h"
#include "server/kitchencontrol.h"

#include <QHttpServer>
#include <QJsonArray>

namespace hearth::server {

namespace {

using namespace Qt::StringLiterals;
using Method = QHttpServerRequest::Method;

} // namespace

KitchenApi::KitchenApi(QHttpServer *server, HttpApi *guard, KitchenControlService *kitchen, QObject *parent)
    : QObject(parent), m_guard(guard), m_kitchen(kitchen)
{
    server->route(u"/api/kitchen"_s, Method::Get, [this](const QHttpServerRequest &request) {
        return m_guard->guarded(request, Role::Staff, [this](const AuthContext &context) { return get(context); });
    });
    server->route(u"/api/kitchen/widgets/<arg>"_s, Method::Put,
                  [this](const QString &widgetId, const QHttpServerRequest &request) {
                      return m_guard->guardedChange(request, Role::Manager, [&, this](const AuthContext &context) {
                          return configure(context, widgetId, request);
                      });
                  });
}

QHttpServerResponse KitchenApi::get(const AuthContext &context) const
{
    const KitchenLoad load = m_kitchen->load(context.restaurantId, QDateTime::currentDateTimeUtc());
    QJsonArray widgets;
    for (const KitchenControl &control : m_kitchen->controls(context.restaurantId))
        widgets.append(control.toJson(load));
    return HttpResponses::json(QJsonObject{
        {u"load"_s, QJsonObject{{u"figure"_s, load.figure},
                                {u"open_orders"_s, load.openOrders},
                                {u"items_in_preparation"_s, load.itemsInPreparation},
                                {u"orders_waiting_long"_s, load.ordersWaitingLong},
                                {u"oldest_age_s"_s, load.oldestAgeSeconds}}},
        {u"widgets"_s, widgets}});
}

QHttpServerResponse KitchenApi::configure(const AuthContext &context, const QString &widgetId,
                                          const QHttpServerRequest &request)
{
    QString problem;
    const std::optional<QJsonObject> body = HttpResponses::parseObject(request.body(), &problem);
    if (!body)
        return HttpResponses::badRequest(problem);
    const std::optional<KitchenControl> current = m_kitchen->control(context.restaurantId, widgetId);
    if (!current)
        return HttpResponses::notFound(u"no ordering widget %1"_s.arg(widgetId));
    FieldErrors errors;
    JsonReader reader(*body, &errors);
    KitchenThresholds thresholds = current->thresholds;
    thresholds.busyAt = int(reader.optionalInteger("busy_at"_L1, 0, maxThreshold).value_or(thresholds.busyAt));
    thresholds.pauseAt = int(reader.optionalInteger("pause_at"_L1, 0, maxThreshold).value_or(thresholds.pauseAt));
    thresholds.baseMinutes =
        int(reader.optionalInteger("base_minutes"_L1, 1, maxBaseMinutes).value_or(thresholds.baseMinutes));
    KitchenOverride override = current->override;
    if (body->contains("override"_L1)) {
        const std::optional<KitchenOverride> parsed = kitchenOverrideFromWire(body->value("override"_L1).toString());
        if (parsed)
            override = *parsed;
        else
            reader.fail("override"_L1, u"must be auto, open or paused"_s);
    }
    if (errors.isEmpty() && thresholds.pauseAt > 0 && thresholds.busyAt > 0 && thresholds.pauseAt <= thresholds.busyAt)
        reader.fail("pause_at"_L1, u"must be above busy_at: the lead time stretches before orders pause"_s);
    if (!errors.isEmpty())
        return IdempotentAnswers::respond(IdempotentAnswers::validationFailed(errors));
    if (!m_kitchen->configure(context.restaurantId, widgetId, thresholds, override, &problem))
        return HttpResponses::internalError(problem);
    const KitchenLoad load = m_kitchen->load(context.restaurantId, QDateTime::currentDateTimeUtc());
    return HttpResponses::json(m_kitchen->control(context.restaurantId, widgetId).value_or(*current).toJson(load));
}

} // namespace hearth::server
