#include "store/cachedatabase.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace hearth;

namespace {

const CacheDatabase::Migration stepOne{QStringLiteral("CREATE TABLE a (x INTEGER)")};
const CacheDatabase::Migration stepTwo{QStringLiteral("CREATE TABLE b (y INTEGER)"),
                                       QStringLiteral("INSERT INTO a (x) VALUES (42)")};

QVariant scalar(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCacheDatabase final : public QObject
{
    Q_OBJECT

private slots:
    void createsTheFileInWalModeAtTheLatestSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/folder/cache.sqlite"));
        CacheDatabase database(path, {stepOne, stepTwo});
        QVERIFY2(database.open(), qPrintable(database.lastError().text()));
        QVERIFY(QFile::exists(path));
        QCOMPARE(scalar(database.database(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(database.database(), QStringLiteral("PRAGMA user_version")).toInt(), 2);
        QCOMPARE(scalar(database.database(), QStringLiteral("SELECT x FROM a")).toInt(), 42);
    }

    void runsOnlyTheMissingSteps()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            CacheDatabase database(path, {stepOne});
            QVERIFY(database.open());
            QSqlQuery(database.database()).exec(QStringLiteral("INSERT INTO a (x) VALUES (7)"));
        }
        CacheDatabase database(path, {stepOne, stepTwo});
        QVERIFY2(database.open(), qPrintable(database.lastError().text()));
        QCOMPARE(scalar(database.database(), QStringLiteral("SELECT count(*) FROM a")).toInt(), 2);
        QCOMPARE(scalar(database.database(), QStringLiteral("PRAGMA user_version")).toInt(), 2);
        database.close();
        QVERIFY(database.open()); // nothing left to migrate
        QCOMPARE(scalar(database.database(), QStringLiteral("SELECT count(*) FROM a")).toInt(), 2);
    }

    void aNewerSchemaIsBroken()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        {
            CacheDatabase database(path, {stepOne, stepTwo});
            QVERIFY(database.open());
        }
        CacheDatabase older(path, {stepOne});
        QVERIFY(!older.open());
        QCOMPARE(older.lastFault(), SqliteFault::Broken);
        QVERIFY(older.lastError().text().contains(u"newer"));
    }

    void garbageIsBrokenAndMovedAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        const QByteArray garbage = QByteArray("this is not a database, honest ").repeated(200);
        writeFile(path, garbage);
        writeFile(path + u"-wal", "stale journal"); // SQLite may truncate it; it must not stay
        writeFile(CacheDatabase::movedAsidePath(path), "an older broken copy");

        CacheDatabase database(path, {stepOne});
        QVERIFY(!database.open());
        QCOMPARE(database.lastFault(), SqliteFault::Broken);

        const QString movedTo = database.moveAside();
        QCOMPARE(movedTo, CacheDatabase::movedAsidePath(path));
        QCOMPARE(readFile(movedTo), garbage); // the newest broken copy replaces the older one
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + u"-wal"));

        QVERIFY2(database.open(), qPrintable(database.lastError().text()));
        QCOMPARE(scalar(database.database(), QStringLiteral("PRAGMA user_version")).toInt(), 1);
    }

    void aFileWhereTheFolderShouldBeIsNotWritable()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("blocker")), "a file, not a folder");
        CacheDatabase database(dir.filePath(QStringLiteral("blocker/cache.sqlite")), {stepOne});
        QVERIFY(!database.open());
        QCOMPARE(database.lastFault(), SqliteFault::NotWritable);
    }

    void classifiesSqliteResultCodes_data()
    {
        QTest::addColumn<QString>("nativeCode");
        QTest::addColumn<SqliteFault>("fault");
        QTest::newRow("busy") << QStringLiteral("5") << SqliteFault::Busy;
        QTest::newRow("locked") << QStringLiteral("6") << SqliteFault::Busy;
        QTest::newRow("full") << QStringLiteral("13") << SqliteFault::DiskFull;
        QTest::newRow("readonly") << QStringLiteral("8") << SqliteFault::NotWritable;
        QTest::newRow("readonly_rollback (extended)") << QStringLiteral("776") << SqliteFault::NotWritable;
        QTest::newRow("cantopen") << QStringLiteral("14") << SqliteFault::NotWritable;
        QTest::newRow("corrupt") << QStringLiteral("11") << SqliteFault::Broken;
        QTest::newRow("notadb") << QStringLiteral("26") << SqliteFault::Broken;
        QTest::newRow("ioerr_read (extended)") << QStringLiteral("266") << SqliteFault::Other;
        QTest::newRow("constraint_unique (extended)") << QStringLiteral("2067") << SqliteFault::Other;
        QTest::newRow("no code") << QString() << SqliteFault::Other;
    }

    void classifiesSqliteResultCodes()
    {
        QFETCH(QString, nativeCode);
        QFETCH(SqliteFault, fault);
        const QSqlError error(QStringLiteral("driver"), QStringLiteral("database"),
                              QSqlError::StatementError, nativeCode);
        QCOMPARE(classifySqliteFault(error), fault);
        QCOMPARE(classifySqliteFault(QSqlError()), SqliteFault::None);
    }
};

QTEST_GUILESS_MAIN(TestCacheDatabase)
#include "tst_store_cachedatabase.moc"
