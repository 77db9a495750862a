#include "store/cachedatabase.h"
#include "store/orderscache.h"
#include "storefixtures.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace hearth;
using namespace hearth::test;

namespace {

const QString epoch = QStringLiteral("epoch-a");

// A second connection to the cache file: the test's back door into it.
class SideConnection final
{
public:
    explicit SideConnection(const QString &path)
        : m_name(QStringLiteral("side-%1").arg(++s_count))
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        database.setDatabaseName(path);
        database.open();
    }
    ~SideConnection() { QSqlDatabase::removeDatabase(m_name); }
    Q_DISABLE_COPY_MOVE(SideConnection)

    QSqlDatabase database() const { return QSqlDatabase::database(m_name); }

private:
    static inline int s_count = 0;
    QString m_name;
};

QList<Order> loadedOrders(OrdersCache &cache)
{
    return sortedById(cache.load().orders);
}

} // namespace

class TestOrdersCache final : public QObject
{
    Q_OBJECT

private:
    QString cachePath() const { return m_dir->filePath(QStringLiteral("server-1/restaurant-1.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void anEmptyCacheLoadsEmpty()
    {
        OrdersCache cache(cachePath());
        const CachedOrders cached = cache.load();
        QVERIFY(cached.orders.isEmpty());
        QVERIFY(!cached.position.isValid());
        QVERIFY(!cached.savedAt.isValid());
        QVERIFY(cached.isEmpty());
    }

    void roundTripsOrdersPositionAndSavedAt()
    {
        const QList<Order> orders = sortedById({makeOrder(1, 3, OrderStatus::Acknowledged),
                                                makeOrder(2, 1), makeOrder(3, 7, OrderStatus::Ready),
                                                makeOrder(4, 2, OrderStatus::Preparing)});
        const SyncPosition position{epoch, 1234};
        OrdersCache cache(cachePath());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        cache.replaceAll(orders, position);
        cache.flush();
        const QDateTime after = QDateTime::currentDateTimeUtc();

        const CachedOrders cached = cache.load();
        QCOMPARE(sortedById(cached.orders), orders);
        QCOMPARE(cached.position, position);
        QVERIFY(cached.savedAt.isValid());
        QCOMPARE(cached.savedAt.timeSpec(), Qt::UTC);
        QVERIFY2(before <= cached.savedAt && cached.savedAt <= after,
                 qPrintable(cached.savedAt.toString(Qt::ISODateWithMs)));
        QCOMPARE(cache.committedWrites(), 1U);
    }

    void upsertKeepsTheHigherVersion()
    {
        OrdersCache cache(cachePath());
        cache.replaceAll({makeOrder(1, 5), makeOrder(2, 1)}, {epoch, 10});
        cache.flush();
        cache.upsert({makeOrder(1, 4), makeOrder(2, 2), makeOrder(3, 1)}, {epoch, 11});
        cache.flush();
        cache.upsert({makeOrder(2, 2)}, {epoch, 12}); // the same copy again: nothing changes
        cache.flush();
        // The same version with other content arrived later and wins (core/versionrule.h): versions
        // derived from whole-second timestamps tie, and the later frame is the newer news.
        cache.upsert({makeOrder(1, 5, OrderStatus::Preparing)}, {epoch, 12});
        cache.flush();

        const CachedOrders cached = cache.load();
        QCOMPARE(sortedById(cached.orders),
                 QList<Order>({makeOrder(1, 5, OrderStatus::Preparing), makeOrder(2, 2), makeOrder(3, 1)}));
        QCOMPARE(cached.position, (SyncPosition{epoch, 12}));
    }

    void replaceAllRemovesWhatIsGone()
    {
        OrdersCache cache(cachePath());
        cache.replaceAll(makeOrders(1, 10), {epoch, 10});
        cache.flush();
        // A snapshot is the whole truth, even where it holds an older version than the cache.
        const QList<Order> snapshot{makeOrder(2, 1), makeOrder(20, 1)};
        cache.replaceAll(snapshot, {QStringLiteral("epoch-b"), 3});
        cache.flush();

        const CachedOrders cached = cache.load();
        QCOMPARE(sortedById(cached.orders), sortedById(snapshot));
        QCOMPARE(cached.position, (SyncPosition{QStringLiteral("epoch-b"), 3}));

        cache.replaceAll({}, {epoch, 4});
        cache.flush();
        const CachedOrders emptied = cache.load();
        QVERIFY(emptied.orders.isEmpty());
        QCOMPARE(emptied.position, (SyncPosition{epoch, 4}));
        QVERIFY(emptied.savedAt.isValid()); // saved, though empty: not the same as never saved
    }

    void rapidUpsertsCoalesceAndAllLand()
    {
        OrdersCache cache(cachePath());
        cache.load(); // creates the schema, so the side connection can lock it
        const quint64 writesBefore = cache.committedWrites();

        // Holding the write lock keeps the worker in its first transaction while the calls pile
        // up, so what follows is folded whatever the scheduler does.
        SideConnection side(cachePath());
        QSqlQuery lock(side.database());
        QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));

        constexpr int calls = 1000;
        QList<Order> expected;
        for (int call = 1; call <= calls; ++call) {
            const int number = call % 100 + 1;
            const qint64 version = call / 100 + 1;
            cache.upsert({makeOrder(number, version)}, {epoch, call});
        }
        for (int number = 1; number <= 100; ++number)
            expected.append(makeOrder(number, number == 1 ? calls / 100 + 1 : calls / 100));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));

        cache.flush();
        const quint64 transactions = cache.committedWrites() - writesBefore;
        qInfo("%d upsert calls became %llu transaction(s)", calls, transactions);
        QVERIFY2(transactions <= 2, qPrintable(QString::number(transactions)));

        const CachedOrders cached = cache.load();
        QCOMPARE(sortedById(cached.orders), sortedById(expected));
        QCOMPARE(cached.position, (SyncPosition{epoch, calls}));
    }

    void survivesARestart()
    {
        const QList<Order> orders = makeOrders(1, 50, 2);
        {
            OrdersCache cache(cachePath());
            cache.replaceAll(orders, {epoch, 50});
            // No flush: the destructor writes what is queued.
            cache.upsert({makeOrder(51, 1), makeOrder(7, 3)}, {epoch, 52});
        }
        OrdersCache cache(cachePath());
        const CachedOrders cached = cache.load();
        QList<Order> expected = orders;
        expected[6] = makeOrder(7, 3);
        expected.append(makeOrder(51, 1));
        QCOMPARE(sortedById(cached.orders), sortedById(expected));
        QCOMPARE(cached.position, (SyncPosition{epoch, 52}));
    }

    void aGarbageFileIsMovedAsideAndTheCacheStartsEmpty()
    {
        QVERIFY(QDir().mkpath(QFileInfo(cachePath()).absolutePath()));
        static constexpr char notSqlite[] = "\x00\x01 definitely not SQLite \xff";
        const QByteArray garbage = QByteArray(notSqlite, sizeof notSqlite - 1).repeated(500);
        {
            QFile file(cachePath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }

        OrdersCache cache(cachePath());
        QSignalSpy failures(&cache, &OrdersCache::writeFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is unusable.*moved it to")));
        const CachedOrders cached = cache.load();
        QVERIFY(cached.isEmpty());
        QVERIFY(cached.orders.isEmpty());

        QFile movedAside(CacheDatabase::movedAsidePath(cachePath()));
        QVERIFY(movedAside.open(QIODevice::ReadOnly));
        QCOMPARE(movedAside.readAll(), garbage);

        cache.upsert({makeOrder(1, 1)}, {epoch, 1});
        cache.flush();
        QCOMPARE(failures.count(), 0);
        QCOMPARE(cache.load().orders, QList<Order>{makeOrder(1, 1)});
    }

    void rowsThatDoNotDecodeAreSkipped()
    {
        OrdersCache cache(cachePath());
        cache.replaceAll({makeOrder(1, 1), makeOrder(2, 1)}, {epoch, 2});
        cache.flush();
        {
            SideConnection side(cachePath());
            QSqlQuery insert(side.database());
            QVERIFY(insert.prepare(QStringLiteral(
                "INSERT INTO orders (id, version, closed, updated_at, json) VALUES (?, 1, 0, 0, ?)")));
            for (const auto &[id, json] : {std::pair{"bad-json", "{not json"},
                                           std::pair{"bad-order", R"({"id": "bad-order"})"},
                                           std::pair{"wrong-id", R"({"id": "ord-1"})"}}) {
                insert.addBindValue(QString::fromLatin1(id));
                insert.addBindValue(QByteArray(json));
                QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            }
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped 3 cached orders")));
        const CachedOrders cached = cache.load();
        QCOMPARE(sortedById(cached.orders), QList<Order>({makeOrder(1, 1), makeOrder(2, 1)}));
        QCOMPARE(cached.position, (SyncPosition{epoch, 2}));
    }

    void prunesOldClosedOrders()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime dayAndAHourAgo = now.addSecs(-25 * 3600);
        const QDateTime almostADayAgo = now.addSecs(-23 * 3600);
        const Order oldCompleted = makeOrder(1, 4, OrderStatus::Completed, dayAndAHourAgo);
        const Order oldCancelled = makeOrder(2, 2, OrderStatus::Cancelled, dayAndAHourAgo);
        const Order recentCompleted = makeOrder(3, 4, OrderStatus::Completed, almostADayAgo);
        const Order oldButOpen = makeOrder(4, 3, OrderStatus::Ready, now.addDays(-3));

        OrdersCache cache(cachePath());
        // On replaceAll:
        cache.replaceAll({oldCompleted, oldCancelled, recentCompleted, oldButOpen}, {epoch, 1});
        cache.flush();
        QCOMPARE(loadedOrders(cache), sortedById({recentCompleted, oldButOpen}));

        // At load: upserts do not prune, so the rows are on disk until the next load.
        cache.upsert({oldCompleted, oldCancelled}, {epoch, 2});
        cache.flush();
        {
            SideConnection side(cachePath());
            QSqlQuery count(side.database());
            QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM orders")) && count.next());
            QCOMPARE(count.value(0).toInt(), 4);
        }
        QCOMPARE(loadedOrders(cache), sortedById({recentCompleted, oldButOpen}));
        SideConnection side(cachePath());
        QSqlQuery count(side.database());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM orders")) && count.next());
        QCOMPARE(count.value(0).toInt(), 2);
    }

    void aWriterHoldingTheFileDoesNotHoldUpTheLoad()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Order oldCompleted = makeOrder(1, 4, OrderStatus::Completed, now.addSecs(-25 * 3600));
        const Order open = makeOrder(2, 1, OrderStatus::New, now);
        {
            OrdersCache cache(cachePath());
            cache.replaceAll({open}, {epoch, 1});
            cache.upsert({oldCompleted}, {epoch, 2}); // upserts do not prune: it is on disk
        }

        // Another Hearth (or a backup tool) holds the write lock, and pruning needs it. Reading
        // does not (WAL): the load answers at once, without the old closed order, instead of
        // waiting out the busy timeout on the GUI thread. A lock instead of a clock: the old
        // code waited and then returned the closed order, which could not be pruned.
        SideConnection side(cachePath());
        QSqlQuery lock(side.database());
        QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));
        OrdersCache cache(cachePath());
        const CachedOrders cached = cache.load();
        QVERIFY(!cached.deferred);
        QCOMPARE(sortedById(cached.orders), QList<Order>{open});
        QCOMPARE(cached.position, (SyncPosition{epoch, 2}));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    }

    void aLockedFileIsLoadedLateInsteadOfBlockingTheStart()
    {
        const QList<Order> orders = makeOrders(1, 20, 1);
        {
            OrdersCache cache(cachePath());
            cache.replaceAll(orders, {epoch, 20});
        }

        // A connection in exclusive locking mode keeps every other one out, readers included.
        auto side = std::make_unique<SideConnection>(cachePath());
        QSqlQuery lock(side->database());
        QVERIFY(lock.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
        QVERIFY2(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(lock.lastError().text()));

        OrdersCache cache(cachePath());
        QSignalSpy late(&cache, &OrdersCache::loadedLate);
        const CachedOrders cached = cache.load();
        QVERIFY(cached.deferred); // the start goes on without the cache for now
        QVERIFY(cached.isEmpty());
        QVERIFY(cached.orders.isEmpty());
        QVERIFY(late.isEmpty());

        lock.finish();
        lock = QSqlQuery();
        side.reset(); // closing the connection releases the lock
        QTRY_COMPARE_WITH_TIMEOUT(late.size(), 1, 20000);
        const auto loaded = late.at(0).at(0).value<CachedOrders>();
        QVERIFY(!loaded.deferred);
        QCOMPARE(sortedById(loaded.orders), sortedById(orders));
        QCOMPARE(loaded.position, (SyncPosition{epoch, 20}));
        QVERIFY(QFile::exists(cachePath())); // busy is not broken: the file was left alone
        QVERIFY(!QFile::exists(CacheDatabase::movedAsidePath(cachePath())));
    }

    void aReadOnlyFolderReportsWriteFailed()
    {
        const QString folder = m_dir->filePath(QStringLiteral("read-only"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const auto restore = qScopeGuard([&] {
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        });
        if (QFileInfo(folder).isWritable())
            QSKIP("the folder is still writable after chmod (running as root?); see aBlockedPathReportsWriteFailed");

        OrdersCache cache(folder + u"/cache.sqlite");
        QSignalSpy failures(&cache, &OrdersCache::writeFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot write cache")));
        cache.upsert({makeOrder(1, 1)}, {epoch, 1});
        cache.flush();
        QCOMPARE(failures.count(), 1);
        QVERIFY2(failures.at(0).at(0).toString().contains(QStringLiteral("may not write")),
                 qPrintable(failures.at(0).at(0).toString()));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("giving up on 1 unsaved orders")));
    }

    void aBlockedPathReportsWriteFailedAndRetriesLater()
    {
        // A file where the cache's folder should be: writing fails even for root.
        const QString blocker = m_dir->filePath(QStringLiteral("server-1"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("in the way");
        }
        OrdersCache cache(cachePath());
        QSignalSpy failures(&cache, &OrdersCache::writeFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot write cache")));
        cache.replaceAll({makeOrder(1, 1), makeOrder(2, 1)}, {epoch, 2});
        cache.flush();
        QCOMPARE(failures.count(), 1);
        QVERIFY(!failures.at(0).at(0).toString().isEmpty());

        cache.upsert({makeOrder(2, 2)}, {epoch, 3});
        cache.flush();
        QCOMPARE(failures.count(), 1); // once per run of failures, not once per batch
        QCOMPARE(cache.committedWrites(), 0U);

        // Once the folder can be created, the failed batches go out with the next write.
        QVERIFY(QFile::remove(blocker));
        cache.upsert({makeOrder(3, 1)}, {epoch, 4});
        cache.flush();
        QCOMPARE(failures.count(), 1);
        QCOMPARE(cache.committedWrites(), 1U);
        const CachedOrders cached = cache.load();
        QCOMPARE(sortedById(cached.orders), QList<Order>({makeOrder(1, 1), makeOrder(2, 2), makeOrder(3, 1)}));
        QCOMPARE(cached.position, (SyncPosition{epoch, 4}));
    }

    void writeFailedArrivesWithoutFlushToo()
    {
        const QString blocker = m_dir->filePath(QStringLiteral("server-1"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        OrdersCache cache(cachePath());
        QSignalSpy failures(&cache, &OrdersCache::writeFailed);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot write cache")));
        cache.upsert({makeOrder(1, 1)}, {epoch, 1});
        QTRY_COMPARE(failures.count(), 1); // queued to this thread by the worker
        // The destructor tries once more, then gives up on what it could not write.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("giving up on 1 unsaved orders")));
    }

    void loadsTenThousandOrdersQuickly()
    {
        constexpr int count = 10'000;
        const QList<Order> orders = makeOrders(1, count, 3);
        {
            OrdersCache cache(cachePath());
            QElapsedTimer timer;
            timer.start();
            cache.replaceAll(orders, {epoch, count});
            cache.flush();
            qInfo("replaceAll of %d orders written in %lld ms", count, timer.elapsed());
        }
        QElapsedTimer timer;
        timer.start();
        OrdersCache cache(cachePath());
        const CachedOrders cached = cache.load();
        const qint64 elapsed = timer.elapsed();
        qInfo("cold load of %lld orders took %lld ms", qlonglong(cached.orders.size()), elapsed);
        QCOMPARE(cached.orders.size(), count);
        QCOMPARE(sortedById(cached.orders), sortedById(orders));
    }
};

QTEST_GUILESS_MAIN(TestOrdersCache)
#include "tst_store_orderscache.moc"
