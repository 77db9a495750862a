#include "server/migrations.h"

#include "core/logging.h"
#include "server/analyticsschema.h"
#include "server/database.h"
#include "server/inventoryschema.h"
#include "server/kitchencontrol.h"
#include "server/sqldialect.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace hearth::server {

namespace {

QString newEpoch()
{
    // 128 random bits: an epoch must never repeat, or clients would replay across two logs.
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool createInitialSchema(QSqlDatabase &database)
{
    const bool created = Migrations::execAll(database, {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE restaurants (id TEXT PRIMARY KEY, name TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE users ("
                       " id INTEGER PRIMARY KEY,"
                       " restaurant_id TEXT NOT NULL REFERENCES restaurants(id),"
                       " username TEXT NOT NULL UNIQUE,"
                       " display_name TEXT NOT NULL,"
                       " role TEXT NOT NULL CHECK (role IN ('staff', 'manager')),"
                       " password_hash TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE sessions ("
                       " token_hash TEXT PRIMARY KEY,"
                       " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                       " created_at INTEGER NOT NULL,"
                       " expires_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX sessions_by_expiry ON sessions(expires_at)"),
        QStringLiteral("CREATE TABLE orders ("
                       " restaurant_id TEXT NOT NULL REFERENCES restaurants(id),"
                       " id TEXT NOT NULL,"
                       " number INTEGER NOT NULL,"
                       " status TEXT NOT NULL,"
                       " type TEXT NOT NULL,"
                       " customer_name TEXT NOT NULL,"
                       " items TEXT NOT NULL,"
                       " notes TEXT NOT NULL DEFAULT '',"
                       " total_cents INTEGER NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL,"
                       " acknowledged_at INTEGER,"
                       " version INTEGER NOT NULL,"
                       " last_seq INTEGER NOT NULL,"
                       " PRIMARY KEY (restaurant_id, id))"),
        QStringLiteral("CREATE INDEX orders_by_last_seq ON orders(restaurant_id, last_seq)"),
        QStringLiteral("CREATE INDEX orders_by_status ON orders(restaurant_id, status, updated_at)"),
        QStringLiteral("CREATE TABLE events ("
                       " id INTEGER PRIMARY KEY,"
                       " restaurant_id TEXT NOT NULL,"
                       " channel TEXT NOT NULL,"
                       " seq INTEGER NOT NULL,"
                       " type TEXT NOT NULL,"
                       " data TEXT NOT NULL,"
                       " ts INTEGER NOT NULL,"
                       " UNIQUE (restaurant_id, channel, seq))"),
    });
    if (!created)
        return false;
    QSqlQuery query(database);
    return execPrepared(query, QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"),
                        {QStringLiteral("epoch"), newEpoch()});
}

// Widget configurations, and the answers to writes that carried an Idempotency-Key.
bool addWidgetsAndIdempotencyKeys(QSqlDatabase &database)
{
    return Migrations::execAll(database, {
        QStringLiteral("CREATE TABLE widgets ("
                       " restaurant_id TEXT NOT NULL REFERENCES restaurants(id),"
                       " id TEXT NOT NULL,"
                       " kind TEXT NOT NULL CHECK (kind IN ('booking', 'ordering')),"
                       " name TEXT NOT NULL,"
                       " settings TEXT NOT NULL,"          // WidgetCodec::settingsToJson, compact
                       " version INTEGER NOT NULL,"
                       " archived INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL,"
                       " updated_by TEXT NOT NULL,"        // {"username", "display_name", "device"}
                       " last_seq INTEGER NOT NULL,"
                       " PRIMARY KEY (restaurant_id, id))"),
        QStringLiteral("CREATE INDEX widgets_by_last_seq ON widgets(restaurant_id, last_seq)"),
        QStringLiteral("CREATE TABLE idempotency_keys ("
                       " restaurant_id TEXT NOT NULL,"
                       " key TEXT NOT NULL,"
                       " method TEXT NOT NULL,"
                       " path TEXT NOT NULL,"
                       " body_hash TEXT NOT NULL,"
                       " status INTEGER NOT NULL,"
                       " response TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " PRIMARY KEY (restaurant_id, key))"),
        QStringLiteral("CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at)"),
    });
}

// The last status change of each order, so that it can be recalled (undone) for a short while.
bool addOrderLastChanges(QSqlDatabase &database)
{
    return Migrations::execAll(database, {
        QStringLiteral("CREATE TABLE order_last_changes ("
                       " restaurant_id TEXT NOT NULL,"
                       " order_id TEXT NOT NULL,"
                       " from_status TEXT NOT NULL,"
                       " to_status TEXT NOT NULL,"
                       " changed_at INTEGER NOT NULL,"     // ms since the epoch, the server's clock
                       " version INTEGER NOT NULL,"        // the order's version the change produced
                       " PRIMARY KEY (restaurant_id, order_id))"),
    });
}

// The optional details of an order (fees, contact, address or table, promised time, the status
// history with who made each change), as one JSON object: they are read and written whole.
bool addOrderDetails(QSqlDatabase &database)
{
    return Migrations::execAll(database, {
        QStringLiteral("ALTER TABLE orders ADD COLUMN details TEXT NOT NULL DEFAULT '{}'"),
    });
}

// A user can be disabled (hearth-server users disable): no sign-in, and their sessions end.
bool addUserDisabled(QSqlDatabase &database)
{
    return Migrations::execAll(database, {
        QStringLiteral("ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0"),
    });
}

// The head seq of every channel, so that an append takes the next one by locking a single row
// (UPDATE … RETURNING): instances sharing a PostgreSQL database never hand out one seq twice,
// and an append waits for the previous one of its channel to commit, so seqs commit in order.
bool addEventCounters(QSqlDatabase &database)
{
    return Migrations::execAll(database, {
        QStringLiteral("CREATE TABLE event_counters ("
                       " restaurant_id TEXT NOT NULL,"
                       " channel TEXT NOT NULL,"
                       " head INTEGER NOT NULL,"
                       " PRIMARY KEY (restaurant_id, channel))"),
        QStringLiteral("INSERT INTO event_counters (restaurant_id, channel, head) "
                       "SELECT restaurant_id, channel, MAX(seq) FROM events GROUP BY restaurant_id, channel"),
    });
}

} // namespace

QList<MigrationStep> Migrations::steps()
{
    return {
        {1, QStringLiteral("restaurants, users, sessions, orders, events, meta"), createInitialSchema},
        {2, QStringLiteral("widgets, idempotency keys"), addWidgetsAndIdempotencyKeys},
        {3, QStringLiteral("order last changes (recall)"), addOrderLastChanges},
        {4, QStringLiteral("order details (fees, contact, history)"), addOrderDetails},
        {5, QStringLiteral("inventory items, menu items"), InventorySchema::create},
        {6, QStringLiteral("disabled users"), addUserDisabled},
        {7, QStringLiteral("event counters (seq per channel from the database)"), addEventCounters},
        {8, QStringLiteral("widget analytics: events, minute rollups, retention, widget keys"), AnalyticsSchema::create},
        {10, QStringLiteral("kitchen load controls of ordering widgets"), KitchenControlService::createSchema},
    };
}

int Migrations::latestVersion()
{
    const QList<MigrationStep> all = steps();
    return all.isEmpty() ? 0 : all.constLast().version;
}

int Migrations::currentVersion(QSqlDatabase database)
{
    return SqlDialect::schemaVersion(database);
}

bool Migrations::apply(QSqlDatabase database, QString *errorMessage)
{
    return apply(std::move(database), steps(), errorMessage);
}

bool Migrations::apply(QSqlDatabase database, const QList<MigrationStep> &migrationSteps,
                       QString *errorMessage)
{
    const auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return false;
    };
    // Instances starting together on one PostgreSQL database migrate one after the other; the
    // later ones then find the schema current.
    if (!SqlDialect::lockSchema(database))
        return fail(QStringLiteral("cannot lock the schema: %1").arg(database.lastError().text()));
    const auto unlock = qScopeGuard([&database] { SqlDialect::unlockSchema(database); });
    const int current = currentVersion(database);
    if (current < 0)
        return fail(QStringLiteral("cannot read the schema version: %1").arg(database.lastError().text()));
    const int newest = migrationSteps.isEmpty() ? 0 : migrationSteps.constLast().version;
    if (current > newest) {
        return fail(QStringLiteral("the database has schema version %1, newer than this "
                                   "hearth-server understands (%2)").arg(current).arg(newest));
    }
    for (const MigrationStep &step : migrationSteps) {
        if (step.version <= current)
            continue;
        SqlTransaction transaction(database);
        if (!transaction.isActive())
            return fail(QStringLiteral("cannot begin the migration to version %1").arg(step.version));
        if (!step.apply(database) || !SqlDialect::setSchemaVersion(database, step.version) || !transaction.commit()) {
            return fail(QStringLiteral("migration to version %1 (%2) failed: %3")
                            .arg(step.version).arg(step.description, database.lastError().text()));
        }
        qCInfo(lcServer).noquote() << "database migrated to version" << step.version << '(' << step.description << ')';
    }
    return true;
}

bool Migrations::execAll(QSqlDatabase &database, const QStringList &statements)
{
    for (const QString &statement : statements) {
        QSqlQuery query(database);
        if (!query.exec(SqlDialect::ddl(database, statement))) {
            qCWarning(lcServer).noquote() << "migration statement failed:" << query.lastError().text()
                                          << "in" << statement;
            return false;
        }
    }
    return true;
}

} // namespace hearth::server
