#include "postgrestestserver.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <atomic>

namespace hearth::testing {

namespace {

constexpr int port = 5432; // only names the socket file; the server listens on no TCP port
constexpr int startTimeoutMs = 60000;
std::atomic<int> connectionCounter{0};

std::unique_ptr<PostgresTestServer> &sharedInstance()
{
    static std::unique_ptr<PostgresTestServer> instance;
    return instance;
}

void stopShared()
{
    if (sharedInstance())
        sharedInstance()->stop();
}

} // namespace

PostgresTestServer::PostgresTestServer() = default;

PostgresTestServer::~PostgresTestServer()
{
    stop();
}

QString PostgresTestServer::binDir()
{
    const QString given = qEnvironmentVariable("HEARTH_POSTGRES_BIN");
    QStringList candidates;
    if (!given.isEmpty()) {
        candidates.append(given);
    } else {
        QDir versions(QStringLiteral("/usr/lib/postgresql"));
        QStringList numbers = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(numbers.begin(), numbers.end(),
                  [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &number : std::as_const(numbers))
            candidates.append(versions.filePath(number + QStringLiteral("/bin")));
    }
    for (const QString &candidate : std::as_const(candidates)) {
        const QDir dir(candidate);
        if (QFile::exists(dir.filePath(QStringLiteral("initdb"))) && QFile::exists(dir.filePath(QStringLiteral("pg_ctl"))))
            return dir.absolutePath();
    }
    return {};
}

QString PostgresTestServer::unavailableReason()
{
    if (binDir().isEmpty())
        return QStringLiteral("PostgreSQL is not installed (no initdb/pg_ctl in /usr/lib/postgresql/*/bin; "
                              "packaging/install-deps.sh installs it)");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return QStringLiteral("Qt's PostgreSQL driver QPSQL is missing (Debian: libqt6sql6-psql)");
    if (::geteuid() == 0 && QStandardPaths::findExecutable(QStringLiteral("runuser")).isEmpty())
        return QStringLiteral("running as root without runuser: PostgreSQL refuses to run as root");
    return {};
}

bool PostgresTestServer::run(const QStringList &command, int timeoutMs, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments = command;
    QString program = arguments.takeFirst();
    if (m_asNobody) {
        arguments = QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), program} + arguments;
        program = QStandardPaths::findExecutable(QStringLiteral("runuser"));
    }
    process.start(program, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PostgresTestServer::start(QString *errorMessage)
{
    const auto fail = [this, errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        stop();
        return false;
    };
    if (m_running)
        return true;
    if (const QString reason = unavailableReason(); !reason.isEmpty())
        return fail(reason);
    // Unix socket paths are short (108 bytes): a folder right under /tmp.
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/hearth-pg-XXXXXX"));
    if (!m_dir->isValid())
        return fail(QStringLiteral("cannot create a temporary folder"));
    m_socketDir = m_dir->path();
    m_dataDir = m_dir->filePath(QStringLiteral("data"));
    m_asNobody = ::geteuid() == 0;
    if (m_asNobody) {
        const passwd *nobody = ::getpwnam("nobody");
        if (!nobody || ::chown(QFile::encodeName(m_socketDir).constData(), nobody->pw_uid, nobody->pw_gid) != 0)
            return fail(QStringLiteral("cannot hand the temporary folder to the user nobody"));
    }
    const QDir bin(binDir());
    QString output;
    if (!run({bin.filePath(QStringLiteral("initdb")), QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"),
              QStringLiteral("hearth"), QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"),
              QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
             startTimeoutMs, &output))
        return fail(QStringLiteral("initdb failed: %1").arg(output));
    // Durability is not what these tests are about; speed and a small footprint are.
    QFile config(QDir(m_dataDir).filePath(QStringLiteral("postgresql.conf")));
    if (!config.open(QIODevice::Append | QIODevice::Text))
        return fail(QStringLiteral("cannot extend postgresql.conf"));
    config.write(QStringLiteral("\nlisten_addresses = ''\nunix_socket_directories = '%1'\nport = %2\n"
                                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                                "shared_buffers = 16MB\nmax_connections = 200\n")
                     .arg(m_socketDir)
                     .arg(port)
                     .toUtf8());
    config.close();
    m_running = true; // from here on stop() has something to stop
    if (!run({bin.filePath(QStringLiteral("pg_ctl")), QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"),
              m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("-t"),
              QString::number(startTimeoutMs / 1000), QStringLiteral("start")},
             startTimeoutMs + 5000, &output)) {
        QFile log(m_dir->filePath(QStringLiteral("server.log")));
        log.open(QIODevice::ReadOnly);
        return fail(QStringLiteral("pg_ctl start failed: %1 %2").arg(output, QString::fromUtf8(log.readAll())));
    }
    startReaper();
    return true;
}

void PostgresTestServer::startReaper()
{
    // A test program that crashes or is killed (a ctest timeout) never reaches stop(): a watcher
    // stops this server and removes its folder once the program is gone, so that no PostgreSQL
    // outlives its test. Paths go as arguments, never into the script's text.
    QStringList stop{QDir(binDir()).filePath(QStringLiteral("pg_ctl")), QStringLiteral("-D"), m_dataDir,
                     QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("stop")};
    if (m_asNobody)
        stop = QStringList{QStandardPaths::findExecutable(QStringLiteral("runuser")), QStringLiteral("-u"),
                           QStringLiteral("nobody"), QStringLiteral("--")} + stop;
    QProcess reaper;
    reaper.setProgram(QStringLiteral("/bin/sh"));
    reaper.setArguments(QStringList{QStringLiteral("-c"),
                                    QStringLiteral("pid=$1; dir=$2; shift 2; "
                                                   "while kill -0 \"$pid\" 2>/dev/null; do sleep 1; done; "
                                                   "\"$@\" >/dev/null 2>&1; rm -rf \"$dir\""),
                                    QStringLiteral("hearth-pg-reaper"), QString::number(QCoreApplication::applicationPid()),
                                    m_dir->path()}
                        + stop);
    // Not holding the test's output open: ctest waits for every holder of it.
    reaper.setStandardInputFile(QProcess::nullDevice());
    reaper.setStandardOutputFile(QProcess::nullDevice());
    reaper.setStandardErrorFile(QProcess::nullDevice());
    if (!reaper.startDetached())
        qWarning("PostgreSQL for the tests: no watcher (%s); a crashed test leaves its server running",
                 qPrintable(reaper.errorString()));
}

void PostgresTestServer::stop()
{
    if (m_running) {
        m_running = false;
        // Immediate: nothing here needs a clean shutdown, and it takes no time.
        run({QDir(binDir()).filePath(QStringLiteral("pg_ctl")), QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"),
             QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
             QStringLiteral("stop")},
            35000, nullptr);
    }
    m_dir.reset();
}

QString PostgresTestServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://hearth@localhost:%1/%2?host=%3").arg(port).arg(database, m_socketDir);
}

QString PostgresTestServer::createDatabase(const QString &name, QString *errorMessage)
{
    // `name` comes from the tests themselves; identifiers cannot be bound, so keep to plain ones.
    const bool plain = !name.isEmpty()
        && std::all_of(name.begin(), name.end(), [](QChar c) { return c == u'_' || (c.isLower() && c.unicode() < 128) || c.isDigit(); });
    if (!m_running || !plain) {
        if (errorMessage)
            *errorMessage = QStringLiteral("no server, or not a plain database name: %1").arg(name);
        return {};
    }
    const QString connectionName = QStringLiteral("hearth-pg-admin-%1").arg(connectionCounter.fetch_add(1));
    QString problem;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        admin.setHostName(m_socketDir);
        admin.setPort(port);
        admin.setUserName(QStringLiteral("hearth"));
        admin.setDatabaseName(QStringLiteral("postgres"));
        if (!admin.open()) {
            problem = admin.lastError().text();
        } else {
            QSqlQuery query(admin);
            if (!query.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
                problem = query.lastError().text();
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    if (!problem.isEmpty()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot create the database %1: %2").arg(name, problem);
        return {};
    }
    return url(name);
}

PostgresTestServer *PostgresTestServer::shared(QString *errorMessage)
{
    std::unique_ptr<PostgresTestServer> &instance = sharedInstance();
    if (!instance) {
        instance = std::make_unique<PostgresTestServer>();
        qAddPostRoutine(stopShared);
    }
    if (!instance->isRunning() && !instance->start(errorMessage))
        return nullptr;
    return instance.get();
}

QString PostgresTestServer::sharedDatabaseFor(const QString &sqlitePath)
{
    static QSet<QString> created;
    if (const QString reason = unavailableReason(); !reason.isEmpty()) {
        // The whole program is a PostgreSQL variant (ctest's SKIP_RETURN_CODE): skipped, not failed.
        std::fprintf(stderr, "SKIP: the PostgreSQL variant of this test cannot run: %s\n", qPrintable(reason));
        std::exit(skipExitCode);
    }
    QString problem;
    PostgresTestServer *server = shared(&problem);
    if (!server)
        qFatal("PostgreSQL for the tests: %s", qPrintable(problem));
    const QString name = QStringLiteral("t_")
        + QString::fromLatin1(QCryptographicHash::hash(sqlitePath.toUtf8(), QCryptographicHash::Sha1).toHex().left(24));
    if (created.contains(name))
        return server->url(name);
    const QString url = server->createDatabase(name, &problem);
    if (url.isEmpty())
        qFatal("PostgreSQL for the tests: %s", qPrintable(problem));
    created.insert(name);
    return url;
}

} // namespace hearth::testing
