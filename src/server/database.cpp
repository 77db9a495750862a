#include "server/database.h"

#include "core/logging.h"
#include "server/sqldialect.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>

namespace hearth::server {

namespace {

std::atomic<int> connectionCounter{0};

bool runPragma(QSqlDatabase &database, const QString &pragma, QString *errorMessage)
{
    QSqlQuery query(database);
    if (query.exec(pragma))
        return true;
    if (errorMessage)
        *errorMessage = QStringLiteral("%1 failed: %2").arg(pragma, query.lastError().text());
    return false;
}

} // namespace

Database::Database()
    : m_connectionName(QStringLiteral("hearth-server-%1").arg(connectionCounter.fetch_add(1) + 1))
{
}

Database::~Database()
{
    close();
}

bool Database::isPostgresUrl(const QString &location)
{
    return location.startsWith(u"postgresql://") || location.startsWith(u"postgres://");
}

QString Database::displayLocation(const QString &location)
{
    if (!isPostgresUrl(location))
        return location;
    QUrl url(location);
    url.setPassword(QString());
    return url.toString();
}

bool Database::isPostgres() const
{
    return SqlDialect::isPostgres(connection());
}

bool Database::open(const QString &location, QString *errorMessage)
{
    close();
    return isPostgresUrl(location) ? openPostgres(location, errorMessage) : openSqlite(location, errorMessage);
}

bool Database::openPostgres(const QString &location, QString *errorMessage)
{
    const auto fail = [this, errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        if (QSqlDatabase::contains(m_connectionName))
            QSqlDatabase::removeDatabase(m_connectionName);
        return false;
    };
    const QUrl url(location, QUrl::StrictMode);
    const QString databaseName = url.path().mid(1);
    if (!url.isValid() || databaseName.isEmpty() || databaseName.contains(u'/'))
        return fail(QStringLiteral("expected postgresql://user@host:port/database, not %1").arg(displayLocation(location)));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)"));
    // Query items pass on to libpq as connection options; only plain words, so that nothing
    // smuggles a second option into the connection string.
    static const QRegularExpression plainKey(QStringLiteral("^[a-z_]+$"));
    static const QRegularExpression plainValue(QStringLiteral("^[^\\s'\\\\;=]+$"));
    QStringList options;
    QString host = url.host();
    QString user = url.userName();
    const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!plainKey.match(key).hasMatch() || !plainValue.match(value).hasMatch())
            return fail(QStringLiteral("unusable database option %1 in %2").arg(key, displayLocation(location)));
        if (key == u"host")
            host = value; // a socket folder, e.g. /run/postgresql
        else if (key == u"user")
            user = value;
        else
            options.append(key + u'=' + value);
    }
    if (!options.join(u' ').contains(QLatin1StringView("connect_timeout")))
        options.append(QStringLiteral("connect_timeout=10"));
    if (!options.join(u' ').contains(QLatin1StringView("application_name")))
        options.append(QStringLiteral("application_name=hearth-server")); // in pg_stat_activity
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    database.setHostName(host);
    if (url.port() > 0)
        database.setPort(url.port());
    database.setDatabaseName(databaseName);
    database.setUserName(user);
    database.setPassword(url.password()); // empty: libpq's PGPASSWORD or ~/.pgpass
    database.setConnectOptions(options.join(u';'));
    if (!database.open()) {
        const QString reason = database.lastError().text();
        database = QSqlDatabase();
        return fail(QStringLiteral("cannot open the database %1: %2").arg(displayLocation(location), reason));
    }
    QSqlQuery query(database);
    // Timestamps are integers and text is UTF-8 on both engines; a session that says otherwise
    // would misread neither, but clients' names must round-trip.
    if (!query.exec(QStringLiteral("SET client_encoding TO 'UTF8'"))) {
        const QString reason = query.lastError().text();
        query = QSqlQuery();
        database = QSqlDatabase();
        close();
        return fail(QStringLiteral("cannot use the database %1: %2").arg(displayLocation(location), reason));
    }
    qCInfo(lcServer).noquote() << "database open:" << displayLocation(location);
    return true;
}

bool Database::reconnectIfBroken()
{
    if (!isPostgres())
        return true;
    QSqlDatabase database = connection();
    {
        QSqlQuery ping(database);
        if (ping.exec(QStringLiteral("SELECT 1")))
            return true;
    }
    qCWarning(lcServer) << "the database connection broke; reconnecting";
    database.close();
    if (database.open())
        return true;
    qCWarning(lcServer) << "cannot reconnect to the database:" << database.lastError().text();
    return false;
}

QSqlDatabase Database::openSibling(const QString &name, QString *errorMessage) const
{
    QSqlDatabase sibling = QSqlDatabase::cloneDatabase(m_connectionName, name);
    if (isPostgres()) {
        static const QRegularExpression applicationName(QStringLiteral("application_name=[^;]*"));
        QString options = sibling.connectOptions();
        options.replace(applicationName, QStringLiteral("application_name=") + name);
        sibling.setConnectOptions(options);
    }
    if (!sibling.open() && errorMessage)
        *errorMessage = sibling.lastError().text();
    return sibling;
}

bool Database::openSqlite(const QString &path, QString *errorMessage)
{
    const bool inMemory = path == u":memory:";
    if (!inMemory) {
        const QFileInfo file(path);
        if (!QDir().mkpath(file.absolutePath())) {
            if (errorMessage)
                *errorMessage = QStringLiteral("cannot create the folder %1").arg(file.absolutePath());
            return false;
        }
        // Password hashes and tokens' hashes live here: owner only (0600), created so before
        // SQLite writes a byte (its -wal and -shm files take the same mode), and an older
        // file that was readable by others is closed up.
        QFile databaseFile(path);
        if (!databaseFile.exists()
            && databaseFile.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
            databaseFile.close();
        if (databaseFile.exists() && !databaseFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            qCWarning(lcServer).noquote() << "cannot make the database owner-only:" << path;
    }
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    database.setDatabaseName(path);
    // Another process may hold the file briefly (a backup, sqlite3 in a shell): wait, don't fail.
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database.open()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot open the database %1: %2")
                                .arg(path, database.lastError().text());
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return false;
    }
    // WAL lets readers (snapshots, replays) proceed while an order is being written. Opening an
    // unwritable file succeeds lazily in SQLite; the journal switch is the first real write.
    QString pragmaError;
    const bool configured = (inMemory || runPragma(database, QStringLiteral("PRAGMA journal_mode=WAL"), &pragmaError))
        && runPragma(database, QStringLiteral("PRAGMA foreign_keys=ON"), &pragmaError)
        && runPragma(database, QStringLiteral("PRAGMA synchronous=NORMAL"), &pragmaError);
    if (!configured) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot use the database %1: %2").arg(path, pragmaError);
        close();
        return false;
    }
    qCInfo(lcServer) << "database open:" << path;
    return true;
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
        database.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_epoch.clear();
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::loadEpoch(QString *errorMessage)
{
    QSqlQuery query(connection());
    if (!execPrepared(query, QStringLiteral("SELECT value FROM meta WHERE key = ?"),
                      {QStringLiteral("epoch")})
        || !query.next()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("the database has no epoch; was it migrated?");
        return false;
    }
    m_epoch = query.value(0).toString();
    return !m_epoch.isEmpty();
}

bool execPrepared(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql)) {
        qCWarning(lcServer).noquote() << "SQL prepare failed:" << query.lastError().text() << "in" << sql;
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcServer).noquote() << "SQL failed:" << query.lastError().text() << "in" << sql;
        return false;
    }
    return true;
}

SqlTransaction::SqlTransaction(QSqlDatabase database)
    : SqlTransaction(std::move(database), QString())
{
}

SqlTransaction::SqlTransaction(QSqlDatabase database, const QString &writerKey)
    : m_database(std::move(database))
{
    m_active = m_database.isOpen() && m_database.transaction();
    if (!m_active && SqlDialect::isPostgres(m_database) && !QSqlQuery(m_database).exec(QStringLiteral("SELECT 1"))) {
        // PostgreSQL dropped the connection (a restart, a failover): one new try, so that the
        // request that notices is served rather than refused.
        qCWarning(lcServer) << "cannot begin a transaction, reconnecting:" << m_database.lastError().text();
        m_database.close();
        m_active = m_database.open() && m_database.transaction();
    }
    if (!m_active) {
        qCWarning(lcServer) << "cannot begin a transaction:" << m_database.lastError().text();
        return;
    }
    if (!SqlDialect::lockForWriting(m_database, writerKey)) {
        m_database.rollback();
        m_active = false;
    }
}

SqlTransaction::SqlTransaction(QSqlDatabase database, Snapshot)
    : SqlTransaction(std::move(database), QString())
{
    if (m_active && !SqlDialect::readOneSnapshot(m_database)) {
        m_database.rollback();
        m_active = false;
    }
}

SqlTransaction::~SqlTransaction()
{
    if (m_active)
        m_database.rollback();
}

bool SqlTransaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    if (m_database.commit())
        return true;
    qCWarning(lcServer) << "commit failed:" << m_database.lastError().text();
    m_database.rollback();
    return false;
}

} // namespace hearth::server
