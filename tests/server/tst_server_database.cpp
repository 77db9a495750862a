// The storage layer on its own: migrations, seeding, passwords and the event log.
#include "server/accountrepository.h"
#include "server/database.h"
#include "server/demoaccounts.h"
#include "server/demoseeder.h"
#include "server/eventlog.h"
#include "server/migrations.h"
#include "server/passwordhasher.h"
#include "server/sqldialect.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace hearth::server;

namespace {

QStringList tableNames(QSqlDatabase database)
{
    QStringList names = database.tables();
    names.sort();
    return names;
}

bool hasColumn(QSqlDatabase database, const QString &table, const QString &column)
{
    return database.record(table).indexOf(column) >= 0;
}

} // namespace

class TestServerDatabase final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void migratesAFreshDatabase()
    {
        Database database;
        QString error;
        QVERIFY2(database.open(m_dir.filePath(QStringLiteral("fresh.db")), &error), qPrintable(error));
        QCOMPARE(Migrations::currentVersion(database.connection()), 0);
        QVERIFY2(Migrations::apply(database.connection(), &error), qPrintable(error));
        QCOMPARE(Migrations::currentVersion(database.connection()), Migrations::latestVersion());
        const QStringList expected{QStringLiteral("analytics_events"), QStringLiteral("analytics_hours"),
                                   QStringLiteral("analytics_minutes"), QStringLiteral("event_counters"), QStringLiteral("events"), QStringLiteral("idempotency_keys"),
                                   QStringLiteral("inventory_items"), QStringLiteral("kitchen_controls"), QStringLiteral("menu_items"),
                                   QStringLiteral("meta"), QStringLiteral("order_last_changes"), QStringLiteral("orders"),
                                   QStringLiteral("restaurants"), QStringLiteral("sessions"),
                                   QStringLiteral("users"), QStringLiteral("widget_keys"), QStringLiteral("widgets")};
        QCOMPARE(tableNames(database.connection()), expected);
        QVERIFY(database.loadEpoch(&error));
        QVERIFY(database.epoch().size() >= 16);

        QSqlQuery mode(database.connection());
        QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
        QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
    }

    void reopeningAnExistingDatabaseKeepsDataAndEpoch()
    {
        const QString path = m_dir.filePath(QStringLiteral("existing.db"));
        QString epoch;
        {
            Database database;
            QString error;
            QVERIFY(database.open(path, &error));
            QVERIFY(Migrations::apply(database.connection(), &error));
            QVERIFY(database.loadEpoch(&error));
            epoch = database.epoch();
            AccountRepository accounts(&database);
            QVERIFY(DemoSeeder::seedIfEmpty(&database, &accounts, 1000, &error));
        }
        Database again;
        QString error;
        QVERIFY(again.open(path, &error));
        QVERIFY2(Migrations::apply(again.connection(), &error), qPrintable(error));
        QVERIFY(again.loadEpoch(&error));
        QCOMPARE(again.epoch(), epoch);
        AccountRepository accounts(&again);
        QCOMPARE(accounts.restaurantCount(), 1);
        QVERIFY(DemoSeeder::seedIfEmpty(&again, &accounts, 1000, &error)); // no second seed
        QCOMPARE(accounts.restaurantCount(), 1);
        const auto manager = accounts.userByUsername(QString(DemoAccounts::managerUsername));
        QVERIFY(manager);
        QCOMPARE(manager->role, Role::Manager);
        QCOMPARE(manager->restaurantId, QString(DemoAccounts::restaurantId));
        QVERIFY(PasswordHasher::verify(QString(DemoAccounts::managerPassword), manager->passwordHash));
    }

    void appliesOnlyTheMissingSteps()
    {
        Database database;
        QString error;
        QVERIFY(database.open(m_dir.filePath(QStringLiteral("steps.db")), &error));
        int firstRuns = 0;
        QList<MigrationStep> steps{{1, QStringLiteral("one"), [&firstRuns](QSqlDatabase &db) {
                                        ++firstRuns;
                                        return Migrations::execAll(db, {QStringLiteral("CREATE TABLE t (a INTEGER)")});
                                    }}};
        QVERIFY(Migrations::apply(database.connection(), steps, &error));
        steps.append({2, QStringLiteral("two"), [](QSqlDatabase &db) {
                          return Migrations::execAll(db, {QStringLiteral("ALTER TABLE t ADD COLUMN b TEXT")});
                      }});
        QVERIFY2(Migrations::apply(database.connection(), steps, &error), qPrintable(error));
        QCOMPARE(firstRuns, 1);
        QCOMPARE(Migrations::currentVersion(database.connection()), 2);
        QVERIFY(hasColumn(database.connection(), QStringLiteral("t"), QStringLiteral("b")));
    }

    void aFailingStepLeavesThePreviousVersion()
    {
        Database database;
        QString error;
        QVERIFY(database.open(m_dir.filePath(QStringLiteral("failing.db")), &error));
        const QList<MigrationStep> steps{
            {1, QStringLiteral("good"), [](QSqlDatabase &db) {
                 return Migrations::execAll(db, {QStringLiteral("CREATE TABLE ok (a INTEGER)")});
             }},
            {2, QStringLiteral("bad"), [](QSqlDatabase &db) {
                 return Migrations::execAll(db, {QStringLiteral("CREATE TABLE half (a INTEGER)"),
                                                 QStringLiteral("THIS IS NOT SQL")});
             }}};
        QVERIFY(!Migrations::apply(database.connection(), steps, &error));
        QVERIFY(error.contains(QStringLiteral("version 2")));
        QCOMPARE(Migrations::currentVersion(database.connection()), 1);
        QVERIFY(!database.connection().tables().contains(QStringLiteral("half")));
    }

    void refusesADatabaseFromANewerServer()
    {
        Database database;
        QString error;
        QVERIFY(database.open(m_dir.filePath(QStringLiteral("newer.db")), &error));
        QSqlQuery(database.connection()).exec(QStringLiteral("PRAGMA user_version = 99"));
        QVERIFY(!Migrations::apply(database.connection(), &error));
        QVERIFY(error.contains(QStringLiteral("newer")));
    }

    void reportsAnUnusableDatabasePath()
    {
        QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Database database;
        QString error;
        QVERIFY(!database.open(m_dir.filePath(QStringLiteral("not-a-folder/hearth.db")), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!database.isOpen());
    }

    void hashesAndVerifiesPasswords()
    {
        const QString hash = PasswordHasher::hash(QStringLiteral("s3cret"), 1000);
        QVERIFY(hash.startsWith(QStringLiteral("pbkdf2-sha256$1000$")));
        QVERIFY(PasswordHasher::verify(QStringLiteral("s3cret"), hash));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("s3cret!"), hash));
        QVERIFY(hash != PasswordHasher::hash(QStringLiteral("s3cret"), 1000)); // salted
        QVERIFY(!PasswordHasher::verify(QStringLiteral("s3cret"), QStringLiteral("plain")));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("s3cret"), QStringLiteral("pbkdf2-sha256$x$y$z")));
    }

    void eventLogNumbersPerChannelAndReplays()
    {
        Database database;
        QString error;
        QVERIFY(database.open(m_dir.filePath(QStringLiteral("events.db")), &error));
        QVERIFY(Migrations::apply(database.connection(), &error));
        EventLog log(&database, 100);
        const QString orders = QStringLiteral("orders");
        QCOMPARE(log.headSeq(QStringLiteral("1"), orders), 0);
        QVERIFY(log.canReplayFrom(QStringLiteral("1"), orders, 0));
        for (int i = 0; i < 5; ++i) {
            SqlTransaction transaction(database.connection());
            const auto event = log.append(QStringLiteral("1"), orders, QStringLiteral("order.created"),
                                          {{QStringLiteral("n"), i}}, QDateTime::currentDateTimeUtc());
            QVERIFY(event);
            QCOMPARE(event->seq, i + 1);
            QVERIFY(transaction.commit());
        }
        {
            SqlTransaction transaction(database.connection());
            QCOMPARE(log.append(QStringLiteral("2"), orders, QStringLiteral("order.created"), {},
                                QDateTime::currentDateTimeUtc())->seq, 1);
            QCOMPARE(log.append(QStringLiteral("1"), QStringLiteral("inventory"), QStringLiteral("inventory.updated"),
                                {}, QDateTime::currentDateTimeUtc())->seq, 1);
            // Rolled back: the seq must be reused by the next append.
        }
        QCOMPARE(log.headSeq(QStringLiteral("2"), orders), 0);
        QCOMPARE(log.headSeq(QStringLiteral("1"), orders), 5);

        const QList<StoredEvent> after2 = log.readAfter(QStringLiteral("1"), orders, 2);
        QCOMPARE(after2.size(), 3);
        QCOMPARE(after2.first().seq, 3);
        QCOMPARE(after2.first().data, QByteArray(R"({"n":2})"));
        QCOMPARE(log.readAfter(QStringLiteral("1"), orders, 0, 2).size(), 2);
        QVERIFY(log.canReplayFrom(QStringLiteral("1"), orders, 5));
        QVERIFY(!log.canReplayFrom(QStringLiteral("1"), orders, 6)); // from the future

        log.setRetention(2);
        QCOMPARE(log.prune(), 3);
        QCOMPARE(log.oldestRetainedSeq(QStringLiteral("1"), orders), 4);
        QCOMPARE(log.headSeq(QStringLiteral("1"), orders), 5);
        QVERIFY(log.canReplayFrom(QStringLiteral("1"), orders, 3));
        QVERIFY(!log.canReplayFrom(QStringLiteral("1"), orders, 2));
    }

    // Version 4 numbers events from a counter row per channel; a database from before carries on
    // from its newest event, not from 1 (which the UNIQUE (restaurant, channel, seq) would refuse).
    void eventCountersCarryOnFromAnOlderLog()
    {
        Database database;
        QString error;
        QVERIFY(database.open(m_dir.filePath(QStringLiteral("counters.db")), &error));
        QVERIFY2(Migrations::apply(database.connection(), Migrations::steps().mid(0, 3), &error), qPrintable(error));
        QSqlQuery insert(database.connection());
        for (int seq = 1; seq <= 7; ++seq)
            QVERIFY(execPrepared(insert,
                                 QStringLiteral("INSERT INTO events (restaurant_id, channel, seq, type, data, ts) "
                                                "VALUES (?, ?, ?, ?, ?, ?)"),
                                 {QStringLiteral("1"), QStringLiteral("orders"), seq, QStringLiteral("order.created"),
                                  QStringLiteral("{}"), 0}));
        QVERIFY2(Migrations::apply(database.connection(), &error), qPrintable(error));
        EventLog log(&database, 100);
        SqlTransaction transaction(database.connection());
        QCOMPARE(log.append(QStringLiteral("1"), QStringLiteral("orders"), QStringLiteral("order.created"), {},
                            QDateTime::currentDateTimeUtc())->seq, 8);
        QCOMPARE(log.append(QStringLiteral("1"), QStringLiteral("widgets"), QStringLiteral("widget.created"), {},
                            QDateTime::currentDateTimeUtc())->seq, 1);
        QVERIFY(transaction.commit());
        QCOMPARE(log.headSeq(QStringLiteral("1"), QStringLiteral("orders")), 8);
    }

    // One schema source for both engines: SQLite's words, translated for PostgreSQL.
    void theSchemaIsTranslatedForPostgres()
    {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("Qt's QPSQL driver is not installed");
        {
            const QSqlDatabase postgres = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("dialect"));
            const QSqlDatabase sqlite = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dialect-lite"));
            const QString users = QStringLiteral("CREATE TABLE users (id INTEGER PRIMARY KEY, score REAL, n INTEGER)");
            const QString tags = QStringLiteral("CREATE TABLE IF NOT EXISTS tags (name TEXT PRIMARY KEY, icon BLOB, "
                                                "uses INTEGER NOT NULL) WITHOUT ROWID");
            QCOMPARE(SqlDialect::ddl(sqlite, users), users);
            QCOMPARE(SqlDialect::ddl(postgres, users),
                     QStringLiteral("CREATE TABLE users (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                                    "score DOUBLE PRECISION, n BIGINT)"));
            QCOMPARE(SqlDialect::ddl(postgres, tags),
                     QStringLiteral("CREATE TABLE IF NOT EXISTS tags (rowid BIGINT GENERATED ALWAYS AS IDENTITY,name "
                                    "TEXT PRIMARY KEY, icon BYTEA, uses BIGINT NOT NULL)"));
            QCOMPARE(SqlDialect::ddl(postgres, QStringLiteral("CREATE INDEX a ON tags(uses)")),
                     QStringLiteral("CREATE INDEX a ON tags(uses)"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("dialect"));
        QSqlDatabase::removeDatabase(QStringLiteral("dialect-lite"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_server_database.moc"
