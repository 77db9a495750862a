#pragma once

// One SQLite connection per server instance, under a name of its own so several servers (and
// the tests) can live in one process. Also the two small SQL helpers every repository uses.
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

    // Opens (creating the file and its folder), switches to WAL and enables foreign keys.
    bool open(const QString &path, QString *errorMessage);
    void close();
    bool isOpen() const;

    QSqlDatabase connection() const;
    QString connectionName() const { return m_connectionName; }

    // The event log's identity, read from `meta` after the migrations have run.
    QString epoch() const { return m_epoch; }
    bool loadEpoch(QString *errorMessage);

private:
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
