// Stock arithmetic, its validation and low-stock crossings (InventoryRules), and the weekday
// semantics of menu items: no day chosen means every day.
#include "core/inventoryrules.h"
#include "core/menucodec.h"

#include <QJsonArray>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;
using Problem = InventoryRules::StockProblem;
using Crossing = InventoryRules::Crossing;

namespace {

InventoryItem itemWith(qint64 stock, qint64 damaged, qint64 threshold)
{
    InventoryItem item;
    item.id = u"flour"_s;
    item.stock = stock;
    item.damaged = damaged;
    item.threshold = threshold;
    return item;
}

} // namespace

class TestCoreInventory final : public QObject
{
    Q_OBJECT

private slots:
    void availableIsStockLessDamaged()
    {
        QCOMPARE(itemWith(20, 5, 0).available(), 15);
        QCOMPARE(itemWith(5, 5, 0).available(), 0);
        QVERIFY(itemWith(20, 5, 15).isLow());  // 15 ≤ 15
        QVERIFY(!itemWith(20, 4, 15).isLow()); // 16
        QVERIFY(itemWith(0, 0, 0).isLow());    // nothing left is always low
    }

    void checksCounts_data()
    {
        QTest::addColumn<qint64>("stock");
        QTest::addColumn<qint64>("damaged");
        QTest::addColumn<qint64>("threshold");
        QTest::addColumn<Problem>("problem");
        QTest::newRow("fine") << qint64(10) << qint64(2) << qint64(3) << Problem::None;
        QTest::newRow("all damaged") << qint64(4) << qint64(4) << qint64(0) << Problem::None;
        QTest::newRow("empty") << qint64(0) << qint64(0) << qint64(0) << Problem::None;
        QTest::newRow("negative stock") << qint64(-1) << qint64(0) << qint64(0) << Problem::NegativeStock;
        QTest::newRow("negative damaged") << qint64(3) << qint64(-1) << qint64(0) << Problem::NegativeDamaged;
        QTest::newRow("damaged above stock") << qint64(3) << qint64(4) << qint64(0) << Problem::DamagedAboveStock;
        QTest::newRow("negative threshold") << qint64(3) << qint64(0) << qint64(-5) << Problem::NegativeThreshold;
        QTest::newRow("absurd") << InventoryRules::maxUnits + 1 << qint64(0) << qint64(0) << Problem::TooLarge;
    }

    void checksCounts()
    {
        QFETCH(qint64, stock);
        QFETCH(qint64, damaged);
        QFETCH(qint64, threshold);
        QFETCH(Problem, problem);
        QCOMPARE(InventoryRules::check(stock, damaged, threshold), problem);
        QCOMPARE(InventoryRules::describe(problem).isEmpty(), problem == Problem::None);
    }

    void namesTheFieldAtFault()
    {
        QCOMPARE(InventoryRules::fieldOf(Problem::NegativeStock), u"stock"_s);
        QCOMPARE(InventoryRules::fieldOf(Problem::DamagedAboveStock), u"damaged"_s);
        QCOMPARE(InventoryRules::fieldOf(Problem::NegativeThreshold), u"threshold"_s);
    }

    void crossesOncePerFall()
    {
        // down, further down, up, down again: two falls, one recovery.
        const QList<InventoryItem> steps{itemWith(40, 0, 10), itemWith(10, 0, 10), itemWith(8, 0, 10),
                                         itemWith(30, 0, 10), itemWith(12, 2, 10)};
        QList<Crossing> crossings;
        for (qsizetype i = 1; i < steps.size(); ++i)
            crossings.append(InventoryRules::crossing(steps.at(i - 1), steps.at(i)));
        QCOMPARE(crossings, (QList<Crossing>{Crossing::BecameLow, Crossing::None, Crossing::Recovered,
                                             Crossing::BecameLow}));
    }

    void damagingUnitsCanCrossTheLine()
    {
        QCOMPARE(InventoryRules::crossing(itemWith(20, 0, 15), itemWith(20, 6, 15)), Crossing::BecameLow);
        QCOMPARE(InventoryRules::crossing(itemWith(20, 6, 15), itemWith(20, 6, 10)), Crossing::Recovered);
    }

    void noDaysMeansEveryDay()
    {
        MenuItem item;
        for (int day = 1; day <= 7; ++day)
            QVERIFY(item.isScheduledOn(day));
        item.days = {5, 6};
        QVERIFY(item.isScheduledOn(5));
        QVERIFY(item.isScheduledOn(6));
        QVERIFY(!item.isScheduledOn(1));
        QVERIFY(!item.isScheduledOn(7));
    }

    void orderableNeedsOfferedScheduledAndInStock()
    {
        MenuItem item;
        item.days = {5}; // Fridays
        const QDate friday(2026, 12, 4);
        const QDate saturday(2026, 12, 5);
        QCOMPARE(friday.dayOfWeek(), 5);
        QVERIFY(item.isOrderableOn(friday));
        QVERIFY(!item.isOrderableOn(saturday));
        item.soldOut = true;
        QVERIFY(!item.isOrderableOn(friday));
        item.soldOut = false;
        item.available = false;
        QVERIFY(!item.isOrderableOn(friday));
        QVERIFY(!MenuItem{}.isOrderableOn(QDate()));
    }

    void weekdaysOnTheWire()
    {
        QCOMPARE(weekdayFromWire(u"mon"_s), 1);
        QCOMPARE(weekdayFromWire(u"sun"_s), 7);
        QCOMPARE(weekdayFromWire(u"Monday"_s), 0);
        QCOMPARE(weekdayToWire(3), u"wed"_s);
        QList<int> days{7, 1, 1, 3};
        QVERIFY(normalizeDays(&days));
        QCOMPARE(days, (QList<int>{1, 3, 7}));
        QList<int> bad{0, 8};
        QVERIFY(!normalizeDays(&bad));
    }

    void menuItemRoundTrips()
    {
        MenuItem item;
        item.id = u"lasagne"_s;
        item.name = u"Lasagne al Forno"_s;
        item.available = false;
        item.soldOut = true;
        item.days = {5, 6, 7};
        item.ingredients = {{u"lasagne"_s, 1}, {u"cheese"_s, 2}};
        item.version = 4;
        const QJsonObject json = MenuCodec::toJson(item);
        QCOMPARE(json.value("days"_L1).toArray(), (QJsonArray{u"fri"_s, u"sat"_s, u"sun"_s}));
        const Decoded<MenuItem> decoded = MenuCodec::fromJson(json);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QCOMPARE(*decoded.value, item);
    }

    void menuItemDecodingReportsBadFields()
    {
        const Decoded<MenuItem> decoded = MenuCodec::fromJson(QJsonObject{
            {u"id"_s, u"x"_s}, {u"days"_s, QJsonArray{u"someday"_s}}, {u"ingredients"_s, QJsonArray{QJsonObject{}}}});
        QVERIFY(!decoded.ok());
        const QString errors = decoded.errorString();
        QVERIFY2(errors.contains(u"name"_s), qPrintable(errors));
        QVERIFY2(errors.contains(u"days"_s), qPrintable(errors));
        QVERIFY2(errors.contains(u"ingredients[0].item_id"_s), qPrintable(errors));
    }
};

QTEST_GUILESS_MAIN(TestCoreInventory)
#include "tst_core_inventory.moc"
