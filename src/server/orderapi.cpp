#include "server/orderapi.h"

#include "core/jsonreader.h"
#include "core/ordercodec.h"
#include "server/httpapi.h"
#include "server/httpresponses.h"
#include "server/httpservercompat.h"

#include <QHttpServer>

namespace hearth::server {

namespace {

using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;
using IdempotentAnswers::answer;
using IdempotentAnswers::badRequest;

StoredAnswer resultAnswer(const OrderResult &result)
{
    const auto error = [&result](Status status, QLatin1StringView code) {
        return IdempotentAnswers::error(status, code, result.message);
    };
    switch (result.error) {
    case OrderError::None: return answer(Status::Ok, OrderCodec::toJson(result.order));
    case OrderError::NotFound: return error(Status::NotFound, QLatin1StringView("not_found"));
    case OrderError::InvalidTransition:
        return error(Status::UnprocessableEntity, QLatin1StringView("invalid_transition"));
    case OrderError::NotRecallable: return error(Status::UnprocessableEntity, QLatin1StringView("not_recallable"));
    case OrderError::InvalidInput: return error(Status::BadRequest, QLatin1StringView("bad_request"));
    case OrderError::Conflict: {
        QJsonObject body = HttpResponses::errorBody(QLatin1StringView("conflict"), result.message);
        body.insert(QStringLiteral("current"), OrderCodec::toJson(result.order));
        return answer(Status::Conflict, body);
    }
    case OrderError::Storage: break;
    }
    return error(Status::InternalServerError, QLatin1StringView("internal"));
}

} // namespace

OrderApi::OrderApi(QHttpServer *server, HttpApi *guard, OrderService *orders, IdempotencyStore *idempotency,
                   QObject *parent)
    : QObject(parent), m_guard(guard), m_orders(orders), m_writes(idempotency)
{
    // Recall and reopen are corrections made at the pass, by whoever works it: staff may make
    // them, like every other order action (docs/protocol.md, "Order actions").
    const struct
    {
        const char *suffix;
        OrderAction::Kind kind;
    } posts[] = {{"acknowledge", OrderAction::Kind::Acknowledge},
                 {"recall", OrderAction::Kind::Recall},
                 {"reopen", OrderAction::Kind::Reopen}};
    for (const auto &post : posts) {
        const OrderAction::Kind kind = post.kind;
        server->route(QStringLiteral("/api/orders/<arg>/") + QLatin1StringView(post.suffix), Method::Post,
                      [this, kind](const QString &orderId, const QHttpServerRequest &request) {
                          return m_guard->guardedChange(request, Role::Staff, [&, this](const AuthContext &context) {
                              return act(context, orderId, request, OrderAction{kind, OrderStatus::Acknowledged, {}, {}});
                          });
                      });
    }
    server->route(QStringLiteral("/api/orders/<arg>"), Method::Patch,
                  [this](const QString &orderId, const QHttpServerRequest &request) {
                      return m_guard->guardedChange(request, Role::Staff, [&, this](const AuthContext &context) {
                          return patch(context, orderId, request);
                      });
                  });
}

QHttpServerResponse OrderApi::patch(const AuthContext &context, const QString &orderId,
                                    const QHttpServerRequest &request)
{
    QString problem;
    const std::optional<QJsonObject> body = HttpResponses::parseObject(request.body(), &problem);
    if (!body)
        return HttpResponses::badRequest(problem);
    FieldErrors errors;
    JsonReader reader(*body, &errors);
    const QString statusName = reader.requiredString(QLatin1StringView("status"));
    if (!errors.isEmpty())
        return HttpResponses::badRequest(describeErrors(errors));
    const std::optional<OrderStatus> status = statusFromWire(statusName);
    if (!status)
        return HttpResponses::badRequest(QStringLiteral("status: unknown status \"%1\"").arg(statusName));
    return act(context, orderId, request, OrderAction{OrderAction::Kind::SetStatus, *status, {}, {}});
}

QHttpServerResponse OrderApi::act(const AuthContext &context, const QString &orderId,
                                  const QHttpServerRequest &request, OrderAction action)
{
    action.by = context.displayName.isEmpty() ? context.username : context.displayName;
    // Keys are optional here: clients older than order actions' keys send none, and their
    // actions still work (without the replay guarantee).
    return m_writes.run(
        context, request,
        [&](const IdempotentWrites::Recorder &record) {
            const QByteArray ifMatch = compat::requestHeader(request, QByteArrayLiteral("if-match"));
            if (!ifMatch.trimmed().isEmpty()) {
                action.seenVersion = IdempotentAnswers::parseIfMatch(ifMatch);
                if (!action.seenVersion)
                    return badRequest(QStringLiteral("If-Match must be an order version, like \"7\""));
            }
            OrderAnswerRecorder inTransaction;
            if (record)
                inTransaction = [&record](const OrderResult &result) { return record(resultAnswer(result)); };
            return resultAnswer(m_orders->apply(context.restaurantId, orderId, action, inTransaction));
        },
        IdempotentWrites::Key::Optional);
}

} // namespace hearth::server
