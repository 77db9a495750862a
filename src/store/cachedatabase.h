#pragma once

// Opens one SQLite cache file for the calling thread: a private connection, the WAL journal, and
// the schema brought up to date through PRAGMA user_version migrations. A cache can always be
// rebuilt from the server, so an unusable file is moved aside rather than repaired.
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

#include <chrono>

namespace hearth {

// What a failed SQLite call means for the file, from SQLite's primary result code.
enum class SqliteFault {
    None,
    Busy,        // another connection holds the file: leave it alone, try again later
    DiskFull,
    NotWritable, // permissions, read-only media, a missing or unusable folder
    Broken,      // not a database, corrupt, or a schema this build cannot use: move it aside
    Other,       // I/O errors and the rest: report, but leave the file alone
};
SqliteFault classifySqliteFault(const QSqlError &error);

class CacheDatabase final
{
public:
    // The statements of one schema step; step N takes user_version from N to N + 1.
    using Migration = QStringList;

    // Nothing touches the disk before open(). The connection belongs to the thread that opens it.
    CacheDatabase(QString path, QList<Migration> migrations);
    ~CacheDatabase();
    Q_DISABLE_COPY_MOVE(CacheDatabase)

    // How long a statement waits for another connection's lock before it fails as Busy
    // (default 5 s). Applies at once when open.
    void setBusyTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds busyTimeout() const { return m_busyTimeout; }

    // True when the connection is open and the schema current; opens on first use.
    bool open();
    void close();
    bool isOpen() const { return m_database.isOpen(); }

    QSqlDatabase database() const { return m_database; }
    const QString &path() const { return m_path; }
    QSqlError lastError() const { return m_lastError; }
    SqliteFault lastFault() const { return m_lastFault; }

    // Closes the connection and renames the file, with its WAL and shared-memory files, to
    // "<path>.broken", replacing an earlier broken copy so they cannot pile up. Returns the new
    // path, or an empty string when the file could not be moved.
    QString moveAside();
    static QString movedAsidePath(const QString &path);

private:
    bool configure();
    bool migrate();
    bool fail(const QSqlError &error);
    bool fail(const QSqlError &error, SqliteFault fault);

    QString m_path;
    QList<Migration> m_migrations;
    QString m_connectionName;
    std::chrono::milliseconds m_busyTimeout{5000};
    QSqlDatabase m_database;
    QSqlError m_lastError;
    SqliteFault m_lastFault = SqliteFault::None;
};

} // namespace hearth
