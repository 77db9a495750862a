#include "server/inventoryapi.h"

#include "core/inventorycodec.h"
#include "core/inventoryrules.h"
#include "core/jsonreader.h"
#include "core/menucodec.h"
#include "server/httpapi.h"
#include "server/httpresponses.h"
#include "server/httpservercompat.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QUrlQuery>

namespace hearth::server {

namespace {

using namespace Qt::StringLiterals;
using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;
using IdempotentAnswers::answer;
using IdempotentAnswers::badRequest;
using IdempotentAnswers::validationFailed;

// Wide enough that a negative or oversized count reaches InventoryRules, which words it.
constexpr qint64 readableUnits = InventoryRules::maxUnits * 10;

template <typename T>
StoredAnswer resultAnswer(const InventoryResult<T> &result, const std::function<QJsonObject(const T &)> &toJson)
{
    switch (result.error) {
    case InventoryError::None: return answer(Status::Ok, toJson(result.item));
    case InventoryError::NotFound:
        return IdempotentAnswers::error(Status::NotFound, "not_found"_L1, result.message);
    case InventoryError::InvalidInput: {
        FieldErrors errors;
        errors.append({result.field, result.message});
        return validationFailed(errors);
    }
    case InventoryError::Conflict: {
        QJsonObject body = HttpResponses::errorBody("conflict"_L1, result.message);
        body.insert(u"current"_s, toJson(result.item));
        return answer(Status::Conflict, body);
    }
    case InventoryError::Storage: break;
    }
    return IdempotentAnswers::error(Status::InternalServerError, "internal"_L1, result.message);
}

StoredAnswer stockAnswer(const StockResult &result)
{
    return resultAnswer<InventoryItem>(result, &InventoryCodec::toJson);
}

StoredAnswer menuAnswer(const MenuResult &result)
{
    return resultAnswer<MenuItem>(result, &MenuCodec::toJson);
}

// If-Match is required: an absolute count from a stale screen would undo someone's change.
std::optional<qint64> expectedVersion(const QHttpServerRequest &request, StoredAnswer *refusal)
{
    const QByteArray ifMatch = compat::requestHeader(request, QByteArrayLiteral("if-match"));
    if (ifMatch.trimmed().isEmpty()) {
        *refusal = IdempotentAnswers::error(Status::PreconditionRequired, "precondition_required"_L1,
                                            u"a change needs If-Match with the version it started from"_s);
        return std::nullopt;
    }
    const std::optional<qint64> version = IdempotentAnswers::parseIfMatch(ifMatch);
    if (!version)
        *refusal = badRequest(u"If-Match must be a version, like \"7\""_s);
    return version;
}

std::optional<qint64> count(JsonReader &reader, const QJsonObject &body, QLatin1StringView key)
{
    if (!body.contains(key))
        return std::nullopt;
    return reader.optionalInteger(key, -readableUnits, readableUnits);
}

} // namespace

InventoryApi::InventoryApi(QHttpServer *server, HttpApi *guard, InventoryService *inventory,
                           IdempotencyStore *idempotency, QObject *parent)
    : QObject(parent), m_guard(guard), m_inventory(inventory), m_writes(idempotency)
{
    server->route(u"/api/inventory"_s, Method::Get, [this](const QHttpServerRequest &request) {
        return m_guard->guarded(request, Role::Staff,
                                [this, &request](const AuthContext &context) { return list(context, request); });
    });
    server->route(u"/api/inventory/<arg>"_s, Method::Patch,
                  [this](const QString &itemId, const QHttpServerRequest &request) {
                      return m_guard->guardedChange(request, Role::Staff, [&, this](const AuthContext &context) {
                          return m_writes.run(context, request, [&](const IdempotentWrites::Recorder &record) {
                              return adjust(context, itemId, request, record);
                          });
                      });
                  });
    server->route(u"/api/menu/<arg>"_s, Method::Patch,
                  [this](const QString &menuItemId, const QHttpServerRequest &request) {
                      return m_guard->guardedChange(request, Role::Manager, [&, this](const AuthContext &context) {
                          return m_writes.run(context, request, [&](const IdempotentWrites::Recorder &record) {
                              return setAvailability(context, menuItemId, request, record);
                          });
                      });
                  });
}

QHttpServerResponse InventoryApi::list(const AuthContext &context, const QHttpServerRequest &request) const
{
    const QUrlQuery query = request.query();
    InventoryListing listing;
    if (query.hasQueryItem(u"since"_s)) {
        bool ok = false;
        const qint64 since = query.queryItemValue(u"since"_s).toLongLong(&ok);
        if (!ok || since < 0)
            return HttpResponses::badRequest(u"since must be a sequence number (0 or more)"_s);
        listing = m_inventory->changesSince(context.restaurantId, since);
    } else {
        listing = m_inventory->snapshot(context.restaurantId);
    }
    if (!listing.ok)
        return HttpResponses::internalError(u"the inventory could not be read"_s);
    QJsonArray items;
    for (const InventoryItem &item : std::as_const(listing.items))
        items.append(InventoryCodec::toJson(item));
    QJsonArray menu;
    for (const MenuItem &item : std::as_const(listing.menu))
        menu.append(MenuCodec::toJson(item));
    return HttpResponses::json(QJsonObject{{u"items"_s, items},
                                           {u"menu"_s, menu},
                                           {u"epoch"_s, listing.epoch},
                                           {u"seq"_s, listing.seq}});
}

StoredAnswer InventoryApi::adjust(const AuthContext &context, const QString &itemId,
                                  const QHttpServerRequest &request, const IdempotentWrites::Recorder &record)
{
    StoredAnswer refusal;
    StockChange change;
    change.expectedVersion = expectedVersion(request, &refusal);
    if (!change.expectedVersion)
        return refusal;
    QString problem;
    const std::optional<QJsonObject> body = HttpResponses::parseObject(request.body(), &problem);
    if (!body)
        return badRequest(problem);
    FieldErrors errors;
    JsonReader reader(*body, &errors);
    change.stock = count(reader, *body, "stock"_L1);
    change.damaged = count(reader, *body, "damaged"_L1);
    change.threshold = count(reader, *body, "threshold"_L1);
    // A client may send the item back whole; what it cannot change here is ignored.
    static const QStringList readOnly{u"id"_s, u"name"_s, u"unit"_s, u"version"_s};
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"stock" && it.key() != u"damaged" && it.key() != u"threshold" && !readOnly.contains(it.key()))
            errors.append({it.key(), u"is not something an inventory item has"_s});
    }
    if (!errors.isEmpty())
        return validationFailed(errors);
    if (change.threshold && !roleAtLeast(context.role, Role::Manager)) {
        // Counting the shelf is everyone's job; where the alarm sits is the manager's.
        const std::optional<InventoryItem> current = m_inventory->findItem(context.restaurantId, itemId);
        if (!current || current->threshold != *change.threshold) {
            return IdempotentAnswers::error(Status::Forbidden, "forbidden"_L1,
                                            u"changing the low-stock threshold needs the manager role"_s);
        }
    }
    if (!change.stock && !change.damaged && !change.threshold)
        return badRequest(u"say what to change: stock, damaged or threshold"_s);
    InventoryAnswerRecorder<InventoryItem> inTransaction;
    if (record)
        inTransaction = [&record](const StockResult &result) { return record(stockAnswer(result)); };
    return stockAnswer(m_inventory->adjust(context.restaurantId, itemId, change, inTransaction));
}

StoredAnswer InventoryApi::setAvailability(const AuthContext &context, const QString &menuItemId,
                                           const QHttpServerRequest &request, const IdempotentWrites::Recorder &record)
{
    StoredAnswer refusal;
    MenuChange change;
    change.expectedVersion = expectedVersion(request, &refusal);
    if (!change.expectedVersion)
        return refusal;
    QString problem;
    const std::optional<QJsonObject> body = HttpResponses::parseObject(request.body(), &problem);
    if (!body)
        return badRequest(problem);
    FieldErrors errors;
    JsonReader reader(*body, &errors);
    if (body->contains("available"_L1)) {
        if (body->value("available"_L1).isBool())
            change.available = body->value("available"_L1).toBool();
        else
            reader.fail("available"_L1, u"must be true or false"_s);
    }
    if (body->contains("days"_L1)) {
        const QJsonValue days = body->value("days"_L1);
        if (days.isArray())
            change.days = MenuCodec::daysFromJson(reader, "days"_L1, days);
        else
            reader.fail("days"_L1, u"must be a list of weekdays such as [\"mon\", \"fri\"]; [] is every day"_s);
    }
    static const QStringList readOnly{u"id"_s, u"name"_s, u"sold_out"_s, u"ingredients"_s, u"version"_s};
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"available" && it.key() != u"days" && !readOnly.contains(it.key()))
            errors.append({it.key(), u"is not something a menu item has"_s});
    }
    if (!errors.isEmpty())
        return validationFailed(errors);
    if (!change.available && !change.days)
        return badRequest(u"say what to change: available or days"_s);
    InventoryAnswerRecorder<MenuItem> inTransaction;
    if (record)
        inTransaction = [&record](const MenuResult &result) { return record(menuAnswer(result)); };
    return menuAnswer(m_inventory->setAvailability(context.restaurantId, menuItemId, change, inTransaction));
}

} // namespace hearth::server
