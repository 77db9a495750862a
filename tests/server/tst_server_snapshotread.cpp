// A REST listing's rows and its watermark (epoch, seq) come from one state of the database
// (issue 8): the client loads the rows and resumes the channel after the watermark, so a row that
// already holds the effect of a later event makes the client apply that event twice, and a
// watermark past a change the rows lack loses the change. Another instance on the same database
// commits a write exactly between the two reads (interleaveNextWatermarkedRead); the listing must
// show it only when its watermark covers it. Runs on SQLite and, as tst_server_snapshotread_pg,
// on PostgreSQL, where only one REPEATABLE READ transaction gives this.
#include "testsupport.h"

#include "server/demoaccounts.h"
#include "server/eventlog.h"
#include "server/inventoryservice.h"
#include "server/orderservice.h"
#include "server/watermarkedread.h"
#include "server/widgetservice.h"

#include <QtTest>

#include <algorithm>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

class TestServerSnapshotRead final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // Two instances on one database: `reader` serves the listing, `writer` commits meanwhile.
        m_reader = std::make_unique<HearthServer>(testOptions(m_dir));
        m_writer = std::make_unique<HearthServer>(testOptions(m_dir));
        QString error;
        QVERIFY2(m_reader->start(&error), qPrintable(error));
        QVERIFY2(m_writer->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        interleaveNextWatermarkedRead({});
        m_writer.reset();
        m_reader.reset();
    }

    void anOrderCommittedBetweenTheReads_data()
    {
        QTest::addColumn<bool>("delta");
        QTest::newRow("snapshot") << false;
        QTest::newRow("since") << true;
    }

    void anOrderCommittedBetweenTheReads()
    {
        QFETCH(bool, delta);
        const qint64 before = m_reader->orders()->snapshot(restaurant()).seq;
        QString created;
        interleaveNextWatermarkedRead([&] { created = m_writer->orders()->createRandomOrder(restaurant()).id; });
        const OrderListing listing = delta ? m_reader->orders()->changesSince(restaurant(), before)
                                           : m_reader->orders()->snapshot(restaurant());
        QVERIFY(listing.ok);
        QVERIFY2(!created.isEmpty(), "the interleaved write did not run");
        const bool shown = std::any_of(listing.orders.cbegin(), listing.orders.cend(),
                                       [&](const Order &order) { return order.id == created; });
        QVERIFY(listing.seq >= before);
        QCOMPARE(shown, listing.seq > before);
        // And nothing was lost: the next listing has it, past the watermark the client resumes from.
        QVERIFY(headSeq(OrderEvents::channel) > listing.seq || shown);
    }

    void aWidgetCreatedBetweenTheReads()
    {
        const qint64 before = m_reader->widgets()->snapshot(restaurant()).seq;
        QString created;
        interleaveNextWatermarkedRead([&] {
            NewWidget draft;
            draft.kind = WidgetKind::Booking;
            draft.name = QStringLiteral("Terrace");
            draft.settings = WidgetSettings::defaults(WidgetKind::Booking);
            created = m_writer->widgets()->create(restaurant(), draft, WidgetEditor{}).widget.id;
        });
        const WidgetListing listing = m_reader->widgets()->snapshot(restaurant());
        QVERIFY(listing.ok);
        QVERIFY2(!created.isEmpty(), "the interleaved write did not run");
        const bool shown = std::any_of(listing.widgets.cbegin(), listing.widgets.cend(),
                                       [&](const WidgetConfig &widget) { return widget.id == created; });
        QCOMPARE(shown, listing.seq > before);
    }

    void aStockCountCommittedBetweenTheReads()
    {
        const InventoryListing first = m_reader->inventory()->snapshot(restaurant());
        QVERIFY(first.ok);
        QVERIFY(!first.items.isEmpty());
        const InventoryItem line = first.items.constFirst();
        interleaveNextWatermarkedRead([&] { QVERIFY(m_writer->inventory()->restock(restaurant(), line.id, 3).ok()); });
        const InventoryListing listing = m_reader->inventory()->snapshot(restaurant());
        QVERIFY(listing.ok);
        const auto it = std::find_if(listing.items.cbegin(), listing.items.cend(),
                                     [&](const InventoryItem &item) { return item.id == line.id; });
        QVERIFY(it != listing.items.cend());
        QVERIFY(headSeq(InventoryEvents::channel) > first.seq);
        // The count's version shows exactly when the watermark covers its event.
        QCOMPARE(it->version > line.version, listing.seq > first.seq);
    }

private:
    static QString restaurant() { return QString(DemoAccounts::restaurantId); }

    qint64 headSeq(QLatin1StringView channel) const
    {
        return m_writer->eventLog()->headSeq(restaurant(), QString(channel));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<HearthServer> m_reader;
    std::unique_ptr<HearthServer> m_writer;
};

QTEST_GUILESS_MAIN(TestServerSnapshotRead)
#include "tst_server_snapshotread.moc"
