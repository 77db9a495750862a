#pragma once

// A throw-away PostgreSQL for tests: initdb in a temporary folder, a server on a Unix socket
// there (no TCP port to collide on), fsync off, stopped and removed at the end. Started as root
// (CI containers) it runs as `nobody`, since PostgreSQL refuses to run as root. One per test
// program: the server tests create a database per test case in it, which takes milliseconds.
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace hearth::testing {

class PostgresTestServer final
{
public:
    static constexpr int skipExitCode = 77; // ctest's SKIP_RETURN_CODE of the *_pg variants

    PostgresTestServer();
    ~PostgresTestServer();
    PostgresTestServer(const PostgresTestServer &) = delete;
    PostgresTestServer &operator=(const PostgresTestServer &) = delete;

    // The folder with initdb, pg_ctl and postgres (HEARTH_POSTGRES_BIN, else the newest
    // /usr/lib/postgresql/<n>/bin); empty when PostgreSQL is not installed.
    static QString binDir();
    // Why PostgreSQL tests cannot run here (binaries or Qt's QPSQL driver missing), else empty.
    static QString unavailableReason();

    // initdb and start, bounded to a minute; false with a reason.
    bool start(QString *errorMessage);
    void stop();
    bool isRunning() const { return m_running; }

    // A new empty database; its postgresql:// URL, empty on failure (also when it exists).
    QString createDatabase(const QString &name, QString *errorMessage = nullptr);
    QString url(const QString &database) const;

    // One server for the whole test program, started on first use and stopped at exit; null
    // (with a reason) when it cannot run.
    static PostgresTestServer *shared(QString *errorMessage = nullptr);
    // The database for a test's SQLite path (exits with skipExitCode where PostgreSQL cannot run): the same path gives the same database, so tests
    // that restart a server on "the same file" reopen the same data.
    static QString sharedDatabaseFor(const QString &sqlitePath);

private:
    bool run(const QStringList &command, int timeoutMs, QString *output);
    void startReaper();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_socketDir;
    QString m_dataDir;
    bool m_running = false;
    bool m_asNobody = false;
};

} // namespace hearth::testing
