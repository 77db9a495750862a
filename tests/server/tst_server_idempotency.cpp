// IdempotencyStore on its own, over a real SQLite database: replay, reuse, per-restaurant keys,
// and the 24-hour keep with a clock the test moves.
#include "server/database.h"
#include "server/idempotencystore.h"
#include "server/migrations.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace hearth::server;

class TestServerIdempotency final : public QObject
{
    Q_OBJECT

private:
    IdempotentRequest request(const QString &key, const QByteArray &body, const QString &restaurant = QStringLiteral("1"))
    {
        return IdempotentRequest{restaurant, key, QStringLiteral("PUT"), QStringLiteral("/api/widgets/w-1"),
                                 IdempotencyStore::fingerprint({body, QByteArrayLiteral("\"3\"")})};
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_database = std::make_unique<Database>();
        QString error;
        QVERIFY2(m_database->open(m_dir.filePath(QStringLiteral("%1.db").arg(++m_run)), &error), qPrintable(error));
        QVERIFY2(Migrations::apply(m_database->connection(), &error), qPrintable(error));
        m_store = std::make_unique<IdempotencyStore>(m_database.get());
        m_now = QDateTime(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC);
        m_store->setClock([this] { return m_now; });
    }

    void cleanup()
    {
        m_store.reset();
        m_database.reset();
    }

    void aKnownKeyReplaysTheFirstAnswer()
    {
        const IdempotentRequest first = request(QStringLiteral("k1"), "{\"a\":1}");
        QCOMPARE(m_store->lookup(first).outcome, IdempotencyStore::Outcome::New);
        QVERIFY(m_store->remember(first, StoredAnswer{200, "{\"version\":4}"}));
        const IdempotencyStore::Lookup again = m_store->lookup(first);
        QCOMPARE(again.outcome, IdempotencyStore::Outcome::Replay);
        QCOMPARE(again.answer.status, 200);
        QCOMPARE(again.answer.body, QByteArray("{\"version\":4}"));
    }

    void theSameKeyOnAnotherRequestIsReuse()
    {
        QVERIFY(m_store->remember(request(QStringLiteral("k2"), "{\"a\":1}"), StoredAnswer{200, "{}"}));
        QCOMPARE(m_store->lookup(request(QStringLiteral("k2"), "{\"a\":2}")).outcome, IdempotencyStore::Outcome::Reused);
        IdempotentRequest otherPath = request(QStringLiteral("k2"), "{\"a\":1}");
        otherPath.path = QStringLiteral("/api/widgets/w-2");
        QCOMPARE(m_store->lookup(otherPath).outcome, IdempotencyStore::Outcome::Reused);
        IdempotentRequest otherMethod = request(QStringLiteral("k2"), "{\"a\":1}");
        otherMethod.method = QStringLiteral("DELETE");
        QCOMPARE(m_store->lookup(otherMethod).outcome, IdempotencyStore::Outcome::Reused);
        // Keys are per restaurant.
        QCOMPARE(m_store->lookup(request(QStringLiteral("k2"), "{\"a\":2}", QStringLiteral("2"))).outcome,
                 IdempotencyStore::Outcome::New);
    }

    void keysAreKeptForADayThenForgotten()
    {
        const IdempotentRequest old = request(QStringLiteral("k3"), "{}");
        QVERIFY(m_store->remember(old, StoredAnswer{201, "{}"}));
        m_now = m_now.addSecs(24 * 60 * 60 - 1);
        QCOMPARE(m_store->lookup(old).outcome, IdempotencyStore::Outcome::Replay);
        QCOMPARE(m_store->prune(), 0);
        m_now = m_now.addSecs(2);
        QCOMPARE(m_store->lookup(old).outcome, IdempotencyStore::Outcome::New);
        // An expired key may be used again before the prune has run…
        QVERIFY(m_store->remember(request(QStringLiteral("k3"), "{\"b\":1}"), StoredAnswer{200, "{}"}));
        QCOMPARE(m_store->lookup(request(QStringLiteral("k3"), "{\"b\":1}")).outcome, IdempotencyStore::Outcome::Replay);
        // …and the prune removes exactly what is older than the keep.
        QVERIFY(m_store->remember(request(QStringLiteral("k4"), "{}"), StoredAnswer{200, "{}"}));
        m_now = m_now.addSecs(24 * 60 * 60 + 1);
        QCOMPARE(m_store->prune(), 2);
    }

    // A live key's answer is never overwritten: the second claim finds it taken (the request that
    // made it rolls its change back and answers the stored one), on SQLite as on PostgreSQL.
    void aLiveKeyCanBeClaimedOnce()
    {
        const IdempotentRequest first = request(QStringLiteral("k5"), "{\"a\":1}");
        QCOMPARE(m_store->claim(first, StoredAnswer{201, "{\"id\":\"w-1\"}"}), IdempotencyStore::Claim::Stored);
        QCOMPARE(m_store->claim(first, StoredAnswer{201, "{\"id\":\"w-2\"}"}), IdempotencyStore::Claim::Taken);
        QCOMPARE(m_store->claim(request(QStringLiteral("k5"), "{\"a\":2}"), StoredAnswer{409, "{}"}),
                 IdempotencyStore::Claim::Taken);
        const IdempotencyStore::Lookup stored = m_store->lookup(first);
        QCOMPARE(stored.outcome, IdempotencyStore::Outcome::Replay);
        QCOMPARE(stored.answer.body, QByteArray("{\"id\":\"w-1\"}"));
        // Once expired, the key is free again.
        m_now = m_now.addSecs(24 * 60 * 60 + 1);
        QCOMPARE(m_store->claim(first, StoredAnswer{201, "{\"id\":\"w-3\"}"}), IdempotencyStore::Claim::Stored);
        QCOMPARE(m_store->lookup(first).answer.body, QByteArray("{\"id\":\"w-3\"}"));
    }

    void fingerprintsTellTheirPartsApart()
    {
        QCOMPARE(IdempotencyStore::fingerprint({"ab", "c"}), IdempotencyStore::fingerprint({"ab", "c"}));
        QVERIFY(IdempotencyStore::fingerprint({"ab", "c"}) != IdempotencyStore::fingerprint({"a", "bc"}));
        QVERIFY(IdempotencyStore::fingerprint({"{}", ""}) != IdempotencyStore::fingerprint({"{}", "\"1\""}));
    }

    void keyRules()
    {
        QVERIFY(IdempotencyStore::keyProblem("5f0c8a52-6b8e-4f3e-9a53-1c2d3e4f5a6b").isEmpty());
        QVERIFY(!IdempotencyStore::keyProblem({}).isEmpty());
        QVERIFY(!IdempotencyStore::keyProblem("has space").isEmpty());
        QVERIFY(!IdempotencyStore::keyProblem("tab\t").isEmpty());
        QVERIFY(!IdempotencyStore::keyProblem("\xc3\xa9").isEmpty());
        QVERIFY(IdempotencyStore::keyProblem(QByteArray(100, 'k')).isEmpty());
        QVERIFY(!IdempotencyStore::keyProblem(QByteArray(101, 'k')).isEmpty());
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<IdempotencyStore> m_store;
    QDateTime m_now;
};

QTEST_GUILESS_MAIN(TestServerIdempotency)
#include "tst_server_idempotency.moc"
