#include "store/cachedatabase.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <array>
#include <atomic>

namespace hearth {

namespace {

// SQLite's primary result codes (sqlite3.h). QSQLITE reports them as the native error code,
// extended codes included, so only the low byte is compared.
enum SqliteResultCode : int {
    SqliteError = 1,
    SqlitePerm = 3,
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteSchema = 17,
    SqliteMismatch = 20,
    SqliteAuth = 23,
    SqliteFormat = 24,
    SqliteNotADatabase = 26,
};

// The journal files SQLite keeps beside the database while it is open in WAL mode.
constexpr std::array companionSuffixes{u"-wal", u"-shm"};

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("hearth.store.%1").arg(counter.fetch_add(1, std::memory_order_relaxed));
}

} // namespace

SqliteFault classifySqliteFault(const QSqlError &error)
{
    if (error.type() == QSqlError::NoError)
        return SqliteFault::None;
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return SqliteFault::Other; // Qt's own errors (no driver…) say nothing about the file
    switch (code) {
    case SqliteBusy:
    case SqliteLocked:
        return SqliteFault::Busy;
    case SqliteFull:
        return SqliteFault::DiskFull;
    case SqlitePerm:
    case SqliteReadOnly:
    case SqliteCantOpen:
    case SqliteAuth:
        return SqliteFault::NotWritable;
    case SqliteError: // "no such table" and the like: a file with some other schema
    case SqliteCorrupt:
    case SqliteSchema:
    case SqliteMismatch:
    case SqliteFormat:
    case SqliteNotADatabase:
        return SqliteFault::Broken;
    default:
        return SqliteFault::Other;
    }
}

CacheDatabase::CacheDatabase(QString path, QList<Migration> migrations)
    : m_path(std::move(path)), m_migrations(std::move(migrations)), m_connectionName(nextConnectionName())
{
}

CacheDatabase::~CacheDatabase()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    m_database.close();
    m_database = QSqlDatabase(); // removeDatabase() warns while a handle is still alive
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool CacheDatabase::open()
{
    if (m_database.isOpen())
        return true;
    m_lastError = QSqlError();
    m_lastFault = SqliteFault::None;
    if (!QSqlDatabase::contains(m_connectionName)) {
        m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        m_database.setDatabaseName(m_path);
    }
    // A second Hearth on the same file (or a test holding a lock) is waited for, not failed.
    m_database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeout.count()));
    // SQLite creates the file but not its folder; if this fails, open() says why.
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (!m_database.open())
        return fail(m_database.lastError());
    return configure() && migrate();
}

void CacheDatabase::setBusyTimeout(std::chrono::milliseconds timeout)
{
    m_busyTimeout = timeout;
    if (!m_database.isOpen())
        return; // open() passes it on
    QSqlQuery query(m_database);
    // PRAGMA takes no bound parameters; the value is a number of ours, never input.
    if (!query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(timeout.count())))
        qCWarning(lcStore) << "could not set the busy timeout:" << query.lastError().text();
}

void CacheDatabase::close()
{
    m_database.close();
}

bool CacheDatabase::configure()
{
    QSqlQuery query(m_database);
    // WAL: a commit appends to the log instead of rewriting pages, and readers never wait for it.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return fail(query.lastError());
    if (query.next() && query.value(0).toString() != u"wal") {
        // Some network file systems cannot share memory for WAL; the rollback journal still works.
        qCInfo(lcStore) << "cache" << QDir::toNativeSeparators(m_path) << "uses journal mode"
                        << query.value(0).toString() << "instead of WAL";
    }
    query.finish();
    // In WAL mode NORMAL can lose the last commits on power loss but never corrupts the file;
    // the server can always fill in what a cache lost.
    if (!query.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return fail(query.lastError());
    return true;
}

bool CacheDatabase::migrate()
{
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fail(query.lastError());
    const qsizetype version = query.value(0).toLongLong();
    query.finish();
    if (version > m_migrations.size()) {
        // Written by a newer Hearth: this build cannot tell what the file means.
        return fail(QSqlError(QStringLiteral("schema version %1 is newer than this build's %2")
                                  .arg(version)
                                  .arg(m_migrations.size()),
                              {}, QSqlError::UnknownError),
                    SqliteFault::Broken);
    }
    for (qsizetype step = version; step < m_migrations.size(); ++step) {
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(query.lastError());
        // PRAGMA takes no bound parameters; the value is our own step number, never input.
        QStringList statements = m_migrations.at(step);
        statements.append(QStringLiteral("PRAGMA user_version = %1").arg(step + 1));
        for (const QString &statement : std::as_const(statements)) {
            if (!query.exec(statement)) {
                const QSqlError error = query.lastError();
                query.exec(QStringLiteral("ROLLBACK"));
                return fail(error);
            }
        }
        if (!query.exec(QStringLiteral("COMMIT"))) {
            const QSqlError error = query.lastError();
            query.exec(QStringLiteral("ROLLBACK"));
            return fail(error);
        }
        qCInfo(lcStore) << "cache" << QDir::toNativeSeparators(m_path) << "now at schema" << step + 1;
    }
    return true;
}

bool CacheDatabase::fail(const QSqlError &error)
{
    return fail(error, classifySqliteFault(error));
}

bool CacheDatabase::fail(const QSqlError &error, SqliteFault fault)
{
    m_lastError = error;
    m_lastFault = fault;
    m_database.close();
    return false;
}

QString CacheDatabase::movedAsidePath(const QString &path)
{
    return path + u".broken";
}

QString CacheDatabase::moveAside()
{
    close();
    const QString target = movedAsidePath(m_path);
    QFile::remove(target);
    for (const char16_t *suffix : companionSuffixes)
        QFile::remove(target + suffix);
    QFile file(m_path);
    if (!file.rename(target)) {
        qCWarning(lcStore) << "could not move" << QDir::toNativeSeparators(m_path) << "aside:"
                           << file.errorString();
        return {};
    }
    // A journal left beside a new file of the same name would be replayed into it.
    for (const char16_t *suffix : companionSuffixes) {
        const QString companion = m_path + suffix;
        if (QFile::exists(companion) && !QFile::rename(companion, target + suffix))
            QFile::remove(companion);
    }
    return target;
}

} // namespace hearth
