#pragma once

// Brings a database to the current schema, on either engine (the DDL is SQLite's, translated by
// SqlDialect). The schema version lives in `PRAGMA user_version` (PostgreSQL: a one-row table);
// each step runs in its own transaction together with the version bump, so a crash or an error
// leaves the database at the last complete version, never half-migrated.
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace hearth::server {

struct MigrationStep
{
    int version = 0;     // the user_version once this step is applied
    QString description; // for the log
    std::function<bool(QSqlDatabase &database)> apply;
};

class Migrations final
{
public:
    // The steps of hearth-server's schema, oldest first.
    static QList<MigrationStep> steps();
    static int latestVersion();

    static int currentVersion(QSqlDatabase database);
    // Applies the missing steps of `steps` (default: the server's own); refuses a database
    // newer than the newest step, since this binary would misread it.
    static bool apply(QSqlDatabase database, QString *errorMessage);
    static bool apply(QSqlDatabase database, const QList<MigrationStep> &steps, QString *errorMessage);
    // steps' DDL goes through SqlDialect::ddl.

    // Runs statements that take no parameters (DDL) one by one; for writing steps.
    static bool execAll(QSqlDatabase &database, const QStringList &statements);
};

} // namespace hearth::server
