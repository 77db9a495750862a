#pragma once

// One database connection per server instance, under a name of its own so several servers (and
// the tests) can live in one process: a SQLite file (the default), or a PostgreSQL database given
// as a postgresql:// URL, which several instances share. Also the two small SQL helpers every
// repository uses. What differs between the engines lives in SqlDialect.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace hearth::server {

class Database final
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // `location` is a SQLite file path or a postgresql://user[:password]@host[:port]/database URL
    // (query items become libpq options, e.g. ?sslmode=require or ?host=/run/postgresql).
    // SQLite: creates the file and its folder, switches to WAL and enables foreign keys.
    bool open(const QString &location, QString *errorMessage);
    void close();
    bool isOpen() const;

    QSqlDatabase connection() const;
    QString connectionName() const { return m_connectionName; }
    bool isPostgres() const;
    // A second connection to the same database under `name` (PostgreSQL's LISTEN needs one of
    // its own); the caller removes it with QSqlDatabase::removeDatabase.
    QSqlDatabase openSibling(const QString &name, QString *errorMessage) const;
    // PostgreSQL: when the server dropped the connection (a restart, a failover, an idle timeout
    // of a proxy), opens it again; true when the connection works (now). SQLite: true.
    bool reconnectIfBroken();
    // The location without a password, for logs and banners.
    static QString displayLocation(const QString &location);
    static bool isPostgresUrl(const QString &location);

    // The event log's identity, read from `meta` after the migrations have run.
    QString epoch() const { return m_epoch; }
    bool loadEpoch(QString *errorMessage);

private:
    bool openSqlite(const QString &path, QString *errorMessage);
    bool openPostgres(const QString &url, QString *errorMessage);

    QString m_connectionName;
    QString m_epoch;
};

// Prepares `sql`, binds `values` in order and runs it; failures are logged with the statement.
bool execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values = {});

// A transaction that rolls back unless commit() succeeded, so early returns cannot leave one open.
class SqlTransaction final
{
public:
    explicit SqlTransaction(QSqlDatabase database);
    // A writing transaction of one restaurant: on PostgreSQL it first waits for the other
    // instances' writes of that restaurant to commit (SqlDialect::lockForWriting), so what it
    // reads and checks before writing is still true when it commits.
    SqlTransaction(QSqlDatabase database, const QString &writerKey);
    // A read-only transaction whose statements all see the one state of the database of its
    // first statement (a REST listing and its watermark). PostgreSQL: REPEATABLE READ (its
    // default, READ COMMITTED, sees every commit between two statements); SQLite: any read
    // transaction does, a WAL reader keeps its snapshot until it ends.
    enum class Snapshot { Consistent };
    SqlTransaction(QSqlDatabase database, Snapshot);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();

private:
    QSqlDatabase m_database;
    bool m_active = false;
};

} // namespace hearth::server
