#include "server/orderrepository.h"

#include "core/logging.h"
#include "core/ordercodec.h"
#include "server/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace hearth::server {

namespace {

const QString selectColumns = QStringLiteral(
    "SELECT id, number, status, type, customer_name, items, notes, total_cents, created_at, "
    "updated_at, acknowledged_at, version, details FROM orders ");

// The keys of the optional details (docs/protocol.md, "Orders"), kept together in `details`.
const QLatin1StringView detailKeys[] = {
    QLatin1StringView("delivery_fee_cents"), QLatin1StringView("service_fee_cents"), QLatin1StringView("tip_cents"),
    QLatin1StringView("tax_cents"),          QLatin1StringView("discount_cents"),    QLatin1StringView("customer_phone"),
    QLatin1StringView("delivery_address"),   QLatin1StringView("table"),             QLatin1StringView("promised_at"),
    QLatin1StringView("history"),
};

QString detailsToJson(const Order &order)
{
    const QJsonObject json = OrderCodec::toJson(order);
    QJsonObject details;
    for (const QLatin1StringView key : detailKeys) {
        if (const QJsonValue value = json.value(key); !value.isUndefined())
            details.insert(key, value);
    }
    return QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
}

// What the server wrote itself, read back through the codec; a row it cannot read keeps its
// core fields (and says so in the log) rather than vanishing from every listing.
void readDetails(Order *order, const QString &text)
{
    const QJsonObject details = QJsonDocument::fromJson(text.toUtf8()).object();
    if (details.isEmpty())
        return;
    QJsonObject json = OrderCodec::toJson(*order);
    for (auto it = details.constBegin(); it != details.constEnd(); ++it)
        json.insert(it.key(), it.value());
    if (Decoded<Order> decoded = OrderCodec::fromJson(json); decoded.ok())
        *order = std::move(*decoded.value);
    else
        qCWarning(lcServer).noquote() << "order" << order->id << "has unreadable details:" << decoded.errorString();
}

QString itemsToJson(const QList<OrderItem> &items)
{
    QJsonArray array;
    for (const OrderItem &item : items) {
        array.append(QJsonObject{{QStringLiteral("name"), item.name},
                                 {QStringLiteral("quantity"), item.quantity},
                                 {QStringLiteral("unit_price_cents"), item.unitPriceCents}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<OrderItem> itemsFromJson(const QString &json)
{
    QList<OrderItem> items;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    items.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        items.append({object.value(QLatin1StringView("name")).toString(),
                      object.value(QLatin1StringView("quantity")).toInt(),
                      object.value(QLatin1StringView("unit_price_cents")).toInteger()});
    }
    return items;
}

QVariant timestampValue(const QDateTime &timestamp)
{
    return timestamp.isValid() ? QVariant(timestamp.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

// Qt binds a null QString as SQL NULL; text columns hold '' instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QDateTime timestampFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

Order orderFrom(const QSqlQuery &query)
{
    Order order;
    order.id = query.value(0).toString();
    order.number = query.value(1).toInt();
    order.status = statusFromWire(query.value(2).toString()).value_or(OrderStatus::New);
    order.type = typeFromWire(query.value(3).toString()).value_or(OrderType::Pickup);
    order.customerName = query.value(4).toString();
    order.items = itemsFromJson(query.value(5).toString());
    order.notes = query.value(6).toString();
    order.totalCents = query.value(7).toLongLong();
    order.createdAt = timestampFrom(query.value(8));
    order.updatedAt = timestampFrom(query.value(9));
    order.acknowledgedAt = timestampFrom(query.value(10));
    order.version = query.value(11).toLongLong();
    readDetails(&order, query.value(12).toString());
    return order;
}

// "AND status = ?" with its value, or nothing.
QString statusFilter(std::optional<OrderStatus> status, QVariantList *values)
{
    if (!status)
        return {};
    values->append(statusToWire(*status));
    return QStringLiteral(" AND status = ?");
}

} // namespace

OrderRepository::OrderRepository(Database *database)
    : m_database(database)
{
}

bool OrderRepository::insert(const QString &restaurantId, const Order &order, qint64 lastSeq)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query,
                        QStringLiteral("INSERT INTO orders (restaurant_id, id, number, status, type, "
                                       "customer_name, items, notes, total_cents, created_at, updated_at, "
                                       "acknowledged_at, version, last_seq, details) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {restaurantId, order.id, order.number, statusToWire(order.status),
                         typeToWire(order.type), text(order.customerName), itemsToJson(order.items), text(order.notes),
                         order.totalCents, timestampValue(order.createdAt), timestampValue(order.updatedAt),
                         timestampValue(order.acknowledgedAt), order.version, lastSeq, detailsToJson(order)});
}

bool OrderRepository::update(const QString &restaurantId, const Order &order, qint64 lastSeq)
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("UPDATE orders SET status = ?, type = ?, customer_name = ?, items = ?, "
                                     "notes = ?, total_cents = ?, updated_at = ?, acknowledged_at = ?, "
                                     "version = ?, last_seq = ?, details = ? WHERE restaurant_id = ? AND id = ?"),
                      {statusToWire(order.status), typeToWire(order.type), text(order.customerName),
                       itemsToJson(order.items), text(order.notes), order.totalCents,
                       timestampValue(order.updatedAt), timestampValue(order.acknowledgedAt),
                       order.version, lastSeq, detailsToJson(order), restaurantId, order.id}))
        return false;
    return query.numRowsAffected() == 1;
}

std::optional<Order> OrderRepository::find(const QString &restaurantId, const QString &orderId) const
{
    const QList<Order> found = select(QStringLiteral("WHERE restaurant_id = ? AND id = ?"),
                                      {restaurantId, orderId});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

int OrderRepository::nextNumber(const QString &restaurantId) const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query, QStringLiteral("SELECT COALESCE(MAX(number), 0) + 1 FROM orders WHERE restaurant_id = ?"),
                      {restaurantId})
        || !query.next())
        return -1;
    return query.value(0).toInt();
}

QList<Order> OrderRepository::openAndClosedSince(const QString &restaurantId, const QDateTime &closedSince,
                                                 std::optional<OrderStatus> status) const
{
    QVariantList values{restaurantId, statusToWire(OrderStatus::Completed),
                        statusToWire(OrderStatus::Cancelled), closedSince.toMSecsSinceEpoch()};
    const QString filter = statusFilter(status, &values);
    return select(QStringLiteral("WHERE restaurant_id = ? AND (status NOT IN (?, ?) OR updated_at >= ?)")
                      + filter + QStringLiteral(" ORDER BY created_at, number"),
                  values);
}

QList<Order> OrderRepository::changedSince(const QString &restaurantId, qint64 seq,
                                           std::optional<OrderStatus> status) const
{
    QVariantList values{restaurantId, seq};
    const QString filter = statusFilter(status, &values);
    return select(QStringLiteral("WHERE restaurant_id = ? AND last_seq > ?") + filter
                      + QStringLiteral(" ORDER BY last_seq"),
                  values);
}

QList<Order> OrderRepository::openOrders(const QString &restaurantId) const
{
    return select(QStringLiteral("WHERE restaurant_id = ? AND status NOT IN (?, ?) ORDER BY created_at"),
                  {restaurantId, statusToWire(OrderStatus::Completed), statusToWire(OrderStatus::Cancelled)});
}

std::optional<StatusChange> OrderRepository::lastStatusChange(const QString &restaurantId,
                                                             const QString &orderId) const
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("SELECT from_status, to_status, changed_at, version FROM order_last_changes "
                                     "WHERE restaurant_id = ? AND order_id = ?"),
                      {restaurantId, orderId})
        || !query.next())
        return std::nullopt;
    const std::optional<OrderStatus> from = statusFromWire(query.value(0).toString());
    const std::optional<OrderStatus> to = statusFromWire(query.value(1).toString());
    if (!from || !to)
        return std::nullopt;
    return StatusChange{*from, *to, timestampFrom(query.value(2)), query.value(3).toLongLong()};
}

bool OrderRepository::setLastStatusChange(const QString &restaurantId, const QString &orderId,
                                          const StatusChange &change)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query,
                        QStringLiteral("INSERT INTO order_last_changes (restaurant_id, order_id, "
                                       "from_status, to_status, changed_at, version) VALUES (?, ?, ?, ?, ?, ?) "
                                       "ON CONFLICT (restaurant_id, order_id) DO UPDATE SET "
                                       "from_status = excluded.from_status, to_status = excluded.to_status, "
                                       "changed_at = excluded.changed_at, version = excluded.version"),
                        {restaurantId, orderId, statusToWire(change.from), statusToWire(change.to),
                         change.at.toMSecsSinceEpoch(), change.version});
}

bool OrderRepository::forgetLastStatusChange(const QString &restaurantId, const QString &orderId)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query,
                        QStringLiteral("DELETE FROM order_last_changes WHERE restaurant_id = ? AND order_id = ?"),
                        {restaurantId, orderId});
}

QList<Order> OrderRepository::select(const QString &whereClause, const QVariantList &values) const
{
    QList<Order> orders;
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    if (!execPrepared(query, selectColumns + whereClause, values))
        return orders;
    while (query.next())
        orders.append(orderFrom(query));
    return orders;
}

} // namespace hearth::server
