#include "server/menurepository.h"

#include "core/logging.h"
#include "core/menucodec.h"
#include "server/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace hearth::server {

namespace {

using namespace Qt::StringLiterals;

const QString selectColumns =
    QStringLiteral("SELECT id, name, available, sold_out, days, ingredients, version FROM menu_items ");

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString ingredientsText(const MenuItem &item)
{
    return compact(MenuCodec::toJson(item).value("ingredients"_L1).toArray());
}

QString daysText(const MenuItem &item)
{
    return compact(MenuCodec::daysToJson(item.days));
}

} // namespace

MenuRepository::MenuRepository(Database *database)
    : m_database(database)
{
}

bool MenuRepository::insert(const QString &restaurantId, const MenuItem &item, qint64 lastSeq)
{
    QSqlQuery query(m_database->connection());
    return execPrepared(query,
                        QStringLiteral("INSERT INTO menu_items (restaurant_id, id, name, available, sold_out, days, "
                                       "ingredients, version, position, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                       "(SELECT COUNT(*) FROM menu_items WHERE restaurant_id = ?), ?)"),
                        {restaurantId, item.id, item.name, item.available ? 1 : 0, item.soldOut ? 1 : 0,
                         daysText(item), ingredientsText(item), item.version, restaurantId, lastSeq});
}

bool MenuRepository::update(const QString &restaurantId, const MenuItem &item, qint64 lastSeq)
{
    QSqlQuery query(m_database->connection());
    if (!execPrepared(query,
                      QStringLiteral("UPDATE menu_items SET name = ?, available = ?, sold_out = ?, days = ?, "
                                     "ingredients = ?, version = ?, last_seq = ? WHERE restaurant_id = ? AND id = ?"),
                      {item.name, item.available ? 1 : 0, item.soldOut ? 1 : 0, daysText(item),
                       ingredientsText(item), item.version, lastSeq, restaurantId, item.id}))
        return false;
    return query.numRowsAffected() == 1;
}

std::optional<MenuItem> MenuRepository::find(const QString &restaurantId, const QString &menuItemId) const
{
    const QList<MenuItem> found = select(QStringLiteral("WHERE restaurant_id = ? AND id = ?"), {restaurantId, menuItemId});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

std::optional<MenuItem> MenuRepository::findByName(const QString &restaurantId, const QString &name) const
{
    const QList<MenuItem> found = select(QStringLiteral("WHERE restaurant_id = ? AND name = ?"), {restaurantId, name});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

QList<MenuItem> MenuRepository::all(const QString &restaurantId) const
{
    return select(QStringLiteral("WHERE restaurant_id = ? ORDER BY position"), {restaurantId});
}

QList<MenuItem> MenuRepository::changedSince(const QString &restaurantId, qint64 seq) const
{
    return select(QStringLiteral("WHERE restaurant_id = ? AND last_seq > ? ORDER BY last_seq"), {restaurantId, seq});
}

QList<MenuItem> MenuRepository::select(const QString &whereClause, const QVariantList &values) const
{
    QList<MenuItem> items;
    QSqlQuery query(m_database->connection());
    query.setForwardOnly(true);
    if (!execPrepared(query, selectColumns + whereClause, values))
        return items;
    while (query.next()) {
        // Stored through MenuCodec, so the one decoder reads it back.
        const QJsonObject json{
            {u"id"_s, query.value(0).toString()},
            {u"name"_s, query.value(1).toString()},
            {u"available"_s, query.value(2).toBool()},
            {u"sold_out"_s, query.value(3).toBool()},
            {u"days"_s, QJsonDocument::fromJson(query.value(4).toString().toUtf8()).array()},
            {u"ingredients"_s, QJsonDocument::fromJson(query.value(5).toString().toUtf8()).array()},
            {u"version"_s, query.value(6).toLongLong()},
        };
        Decoded<MenuItem> item = MenuCodec::fromJson(json);
        if (item.ok())
            items.append(std::move(*item.value));
        else
            qCWarning(lcServer).noquote() << "menu item" << json.value("id"_L1).toString()
                                          << "does not decode:" << item.errorString();
    }
    return items;
}

} // namespace hearth::server
