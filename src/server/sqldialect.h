#pragma once

// Everything that differs between hearth-server's two engines, SQLite (embedded, the default) and
// PostgreSQL (several instances on one database), in one place. The schema is written once, in
// SQLite's words, and translated here; repositories write SQL both engines read alike (bound `?`
// parameters, INSERT … ON CONFLICT … DO UPDATE, RETURNING) and never ask which engine they run on.
#include <QSqlDatabase>
#include <QString>

namespace hearth::server::SqlDialect {

bool isPostgres(const QSqlDatabase &database);

// The migration DDL for `database`'s engine. Write it for SQLite with the types INTEGER, TEXT,
// REAL and BLOB. PostgreSQL gets 64-bit integers (SQLite's INTEGER is 64-bit), DOUBLE PRECISION,
// BYTEA, an identity for `INTEGER PRIMARY KEY [AUTOINCREMENT]`, and every other table a `rowid`
// identity column, so that "ORDER BY …, rowid" (insertion order) means the same on both engines.
//
// What repositories must keep to (no translation happens there): bound `?` parameters; no
// INSERT OR REPLACE / OR IGNORE (use INSERT … ON CONFLICT (…) DO UPDATE / DO NOTHING); bind
// 0/1, not bool, for INTEGER flags; no SQLite functions (strftime, group_concat, …). Run the
// tests with HEARTH_TEST_DATABASE=postgresql (the *_pg ctest variants) to check.
QString ddl(const QSqlDatabase &database, const QString &sqliteDdl);

// The schema version: `PRAGMA user_version` on SQLite, a one-row table on PostgreSQL.
int schemaVersion(const QSqlDatabase &database);
bool setSchemaVersion(const QSqlDatabase &database, int version);

// Serializes migrations of several instances starting at once (PostgreSQL: a session advisory
// lock; SQLite: nothing, one process owns the file).
bool lockSchema(const QSqlDatabase &database);
void unlockSchema(const QSqlDatabase &database);

// Writes of one restaurant run one at a time across every instance: PostgreSQL takes a
// transaction-scoped advisory lock on `key` (so a read-check-write inside the transaction sees
// the newest committed state); SQLite's single writer already serializes them.
bool lockForWriting(const QSqlDatabase &database, const QString &key);

// Right after BEGIN: every later statement of the transaction reads the same snapshot, and it
// writes nothing (PostgreSQL: REPEATABLE READ, READ ONLY; SQLite already does within a transaction).
bool readOneSnapshot(const QSqlDatabase &database);

// Tells every instance listening on `channel` about `payload` when the transaction commits
// (PostgreSQL NOTIFY; nothing on SQLite, where one instance is all there is).
bool notifyOnCommit(const QSqlDatabase &database, const QString &channel, const QString &payload);

} // namespace hearth::server::SqlDialect
