#include "api/apicodec.h"

#include "core/decodearray.h"
#include "core/inventorycodec.h"
#include "core/menucodec.h"
#include "core/ordercodec.h"
#include "core/widgetcodec.h"

#include <QJsonDocument>

#include <cmath>

namespace hearth::ApiCodec {

namespace {

using namespace Qt::StringLiterals;

constexpr qint64 maxSeq = qint64(1) << 53;

template<typename T>
Decoded<T> finish(T value, FieldErrors errors)
{
    if (!errors.isEmpty())
        return Decoded<T>::failure(std::move(errors));
    return Decoded<T>{std::move(value), {}};
}

// A channel's listing, `{<listKey>: [...], "epoch": E, "seq": W}`: the list read by `decodeList`
// into `list`, its errors reported under the list's key ("orders[3].status"). Every channel's
// snapshot (orders, widgets, inventory next) has this shape.
template<typename Snapshot, typename Item>
Decoded<Snapshot> decodeListing(const QJsonObject &json, QLatin1StringView listKey,
                                Decoded<QList<Item>> (*decodeList)(const QJsonArray &),
                                QList<Item> Snapshot::*list)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    Snapshot snapshot;
    const QJsonArray items = reader.requiredArray(listKey);
    snapshot.position.epoch = reader.requiredString("epoch"_L1);
    snapshot.position.seq = reader.requiredInteger("seq"_L1, 0, maxSeq);
    Decoded<QList<Item>> decoded = decodeList(items);
    if (decoded.ok()) {
        snapshot.*list = std::move(*decoded.value);
    } else {
        for (FieldError &error : decoded.errors)
            errors.append({QString(listKey) + error.field, std::move(error.message)});
    }
    return finish(std::move(snapshot), std::move(errors));
}

} // namespace

Decoded<Session> decodeSession(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    Session session;
    session.token = reader.requiredString("token"_L1);
    session.expiresAt = reader.requiredTimestamp("expires_at"_L1);

    const QJsonObject user = reader.requiredObject("user"_L1);
    JsonReader userReader(user, &errors, u"user"_s);
    if (!user.isEmpty()) {
        session.username = userReader.requiredString("username"_L1);
        session.displayName = userReader.requiredString("display_name"_L1, true);
        session.role = userReader.requiredString("role"_L1);
    } else if (json.value("user"_L1).isObject()) {
        reader.fail("user"_L1, u"must not be empty"_s);
    }

    const QJsonObject restaurant = reader.requiredObject("restaurant"_L1);
    JsonReader restaurantReader(restaurant, &errors, u"restaurant"_s);
    if (!restaurant.isEmpty()) {
        session.restaurantId = restaurantReader.requiredString("id"_L1);
        session.restaurantName = restaurantReader.requiredString("name"_L1);
    } else if (json.value("restaurant"_L1).isObject()) {
        reader.fail("restaurant"_L1, u"must not be empty"_s);
    }
    return finish(std::move(session), std::move(errors));
}

Decoded<OrdersSnapshot> decodeOrdersSnapshot(const QJsonObject &json)
{
    return decodeListing(json, "orders"_L1, &OrderCodec::fromJsonArray, &OrdersSnapshot::orders);
}

Decoded<Order> decodeOrder(const QJsonObject &json)
{
    return OrderCodec::fromJson(json);
}

Decoded<QString> decodeHealth(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    const QString status = reader.requiredString("status"_L1);
    if (!status.isEmpty() && status != "ok"_L1)
        reader.fail("status"_L1, u"is \"%1\", not \"ok\""_s.arg(status.left(40)));
    QString epoch = reader.requiredString("epoch"_L1);
    return finish(std::move(epoch), std::move(errors));
}

Decoded<QString> decodeLogout(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    QString status = reader.requiredString("status"_L1);
    return finish(std::move(status), std::move(errors));
}

Decoded<QDateTime> decodeSessionRefresh(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    QDateTime expiresAt = reader.requiredTimestamp("expires_at"_L1);
    return finish(std::move(expiresAt), std::move(errors));
}

Decoded<QJsonObject> decodeServerStats(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    for (const auto key : {"connections"_L1, "subscriptions"_L1, "events_sent"_L1, "malformed_frames"_L1,
                           "uptime_s"_L1})
        reader.requiredInteger(key, 0, maxSeq);
    const QJsonValue rate = json.value("events_per_second"_L1);
    if (!rate.isDouble() || !std::isfinite(rate.toDouble()) || rate.toDouble() < 0)
        reader.fail("events_per_second"_L1, rate.isUndefined() ? u"is missing"_s : u"must be a number of 0 or more"_s);
    const QJsonObject channels = reader.requiredObject("channels"_L1);
    for (auto it = channels.constBegin(); it != channels.constEnd(); ++it) {
        const QString path = u"channels."_s + it.key();
        if (!it->isObject()) {
            errors.append({path, u"must be an object"_s});
            continue;
        }
        JsonReader channel(it->toObject(), &errors, path);
        channel.requiredString("epoch"_L1);
        const qint64 head = channel.requiredInteger("head_seq"_L1, 0, maxSeq);
        const qint64 oldest = channel.requiredInteger("oldest_seq"_L1, 0, maxSeq);
        if (oldest > head + 1)
            channel.fail("oldest_seq"_L1, u"is beyond head_seq + 1"_s);
    }
    QJsonObject stats = json;
    return finish(std::move(stats), std::move(errors));
}

ServerErrorBody decodeErrorBody(const QByteArray &body)
{
    ServerErrorBody decoded;
    decoded.document = QJsonDocument::fromJson(body).object();
    const QJsonObject error = decoded.document.value("error"_L1).toObject();
    decoded.code = error.value("code"_L1).toString();
    decoded.message = error.value("message"_L1).toString();
    const QJsonObject fields = error.value("fields"_L1).toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (it->isString())
            decoded.fields.insert(it.key(), it->toString());
    }
    return decoded;
}

Decoded<WidgetsSnapshot> decodeWidgetsSnapshot(const QJsonObject &json)
{
    return decodeListing(json, "widgets"_L1, &WidgetCodec::fromJsonArray, &WidgetsSnapshot::widgets);
}

Decoded<InventorySnapshot> decodeInventorySnapshot(const QJsonObject &json)
{
    const auto items = [](const QJsonArray &array) {
        return decodeArray<InventoryItem>(array, &InventoryCodec::fromJson);
    };
    Decoded<InventorySnapshot> snapshot = decodeListing(json, "items"_L1, +items, &InventorySnapshot::items);
    const QJsonValue menu = json.value("menu"_L1);
    // Older servers' inventory has no menu: that is an empty one, not a broken answer.
    if (menu.isUndefined())
        return snapshot;
    Decoded<QList<MenuItem>> decoded = decodeArray<MenuItem>(menu.toArray(), &MenuCodec::fromJson);
    if (!menu.isArray())
        decoded = Decoded<QList<MenuItem>>::failure({FieldError{QString(), u"must be an array"_s}});
    if (!decoded.ok()) {
        FieldErrors errors = snapshot.errors;
        for (FieldError &error : decoded.errors)
            errors.append({u"menu"_s + error.field, std::move(error.message)});
        return Decoded<InventorySnapshot>::failure(std::move(errors));
    }
    if (snapshot.ok())
        snapshot.value->menu = std::move(*decoded.value);
    return snapshot;
}

Decoded<InventoryItem> decodeInventoryItem(const QJsonObject &json)
{
    return InventoryCodec::fromJson(json);
}

Decoded<MenuItem> decodeMenuItem(const QJsonObject &json)
{
    return MenuCodec::fromJson(json);
}

std::optional<InventoryItem> conflictCurrentInventoryItem(const ApiError &error)
{
    const Decoded<InventoryItem> item = InventoryCodec::fromJson(error.body.value("current"_L1).toObject());
    return error.kind == ApiError::Kind::Conflict && item.ok() ? item.value : std::nullopt;
}

std::optional<MenuItem> conflictCurrentMenuItem(const ApiError &error)
{
    const Decoded<MenuItem> item = MenuCodec::fromJson(error.body.value("current"_L1).toObject());
    return error.kind == ApiError::Kind::Conflict && item.ok() ? item.value : std::nullopt;
}

Decoded<WidgetConfig> decodeWidget(const QJsonObject &json)
{
    return WidgetCodec::fromJson(json);
}

Decoded<PresenceEntry> decodePresenceEntry(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    PresenceEntry entry;
    entry.widgetId = reader.requiredString("widget_id"_L1);
    entry.username = reader.requiredString("username"_L1);
    entry.displayName = reader.optionalString("display_name"_L1);
    entry.device = reader.optionalString("device"_L1);
    entry.state = reader.requiredString("state"_L1);
    entry.field = json.value("field"_L1).toString(); // null when not typing
    entry.since = reader.optionalTimestamp("since"_L1);
    entry.session = reader.optionalString("session"_L1);
    return finish(std::move(entry), std::move(errors));
}

Decoded<PresenceSnapshot> decodePresenceSnapshot(const QJsonObject &json)
{
    FieldErrors errors;
    JsonReader reader(json, &errors);
    PresenceSnapshot snapshot;
    const QJsonArray entries = reader.requiredArray("presence"_L1);
    snapshot.position.epoch = reader.requiredString("epoch"_L1);
    snapshot.position.seq = reader.requiredInteger("seq"_L1, 0, maxSeq);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        Decoded<PresenceEntry> entry = decodePresenceEntry(entries.at(i).toObject());
        if (entry.ok()) {
            snapshot.entries.append(std::move(*entry.value));
            continue;
        }
        for (FieldError &error : entry.errors)
            errors.append({reader.pathOfIndex("presence"_L1, i) + u'.' + error.field, std::move(error.message)});
    }
    return finish(std::move(snapshot), std::move(errors));
}

std::optional<WidgetConfig> conflictCurrentWidget(const ApiError &error)
{
    const QJsonValue current = error.body.value("current"_L1);
    if (!current.isObject())
        return std::nullopt;
    Decoded<WidgetConfig> widget = WidgetCodec::fromJson(current.toObject());
    return widget.ok() ? std::move(widget.value) : std::nullopt;
}

std::optional<Order> conflictCurrentOrder(const ApiError &error)
{
    const QJsonValue current = error.body.value("current"_L1);
    if (!current.isObject())
        return std::nullopt;
    Decoded<Order> order = OrderCodec::fromJson(current.toObject());
    return order.ok() ? std::move(order.value) : std::nullopt;
}

} // namespace hearth::ApiCodec
