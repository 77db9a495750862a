// InventoryModel, its filter proxy and MenuAvailabilityModel under QAbstractItemModelTester:
// available = stock − damaged beside both, low rows, the snapshot diff (selection-friendly, newer
// rows kept), one low-stock notice per crossing (down, up, down → two), "low only", and the
// weekday semantics of "today" (no day chosen = every day).
#include "models/inventoryfilterproxy.h"
#include "models/inventorymodel.h"
#include "models/menuavailabilitymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

InventoryItem line(const QString &id, qint64 stock, qint64 damaged, qint64 threshold, qint64 version = 1)
{
    InventoryItem item;
    item.id = id;
    item.name = id.at(0).toUpper() + id.mid(1);
    item.unit = u"kg"_s;
    item.stock = stock;
    item.damaged = damaged;
    item.threshold = threshold;
    item.version = version;
    return item;
}

MenuItem dish(const QString &id, bool available, QList<int> days, bool soldOut = false, qint64 version = 1)
{
    MenuItem item;
    item.id = id;
    item.name = id;
    item.available = available;
    item.days = std::move(days);
    item.soldOut = soldOut;
    item.version = version;
    return item;
}

} // namespace

class TestInventoryModels final : public QObject
{
    Q_OBJECT

private slots:
    void showsAvailableBesideStockAndDamaged()
    {
        InventoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.replaceAll({line(u"flour"_s, 20, 5, 3), line(u"eggs"_s, 6, 1, 5)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(InventoryModel::ColumnCount));
        const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(0, InventoryModel::AvailableColumn, InventoryModel::SortRole).toLongLong(), 15);
        QCOMPARE(cell(0, InventoryModel::StockColumn, InventoryModel::SortRole).toLongLong(), 20);
        QCOMPARE(cell(0, InventoryModel::DamagedColumn, InventoryModel::SortRole).toLongLong(), 5);
        QVERIFY(cell(0, InventoryModel::AvailableColumn).toString().contains(u"kg"_s));
        QVERIFY(!cell(0, 0, InventoryModel::IsLowRole).toBool());
        QVERIFY(!cell(0, 0, Qt::BackgroundRole).isValid());
        QVERIFY(cell(1, 0, InventoryModel::IsLowRole).toBool()); // 5 available, low at 5
        QVERIFY(cell(1, 0, Qt::BackgroundRole).isValid());
        QCOMPARE(model.lowCount(), 1);
    }

    void aSnapshotIsADiff()
    {
        InventoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.replaceAll({line(u"a"_s, 10, 0, 1), line(u"b"_s, 10, 0, 1), line(u"c"_s, 10, 0, 1)});
        model.upsert({line(u"c"_s, 9, 0, 1, 3)}); // streamed after the snapshot's watermark
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.replaceAll({line(u"a"_s, 8, 0, 1, 2), line(u"c"_s, 10, 0, 1, 2), line(u"d"_s, 1, 0, 1)});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1);  // b
        QCOMPARE(inserted.size(), 1); // d
        QCOMPARE(changed.size(), 1);  // a; c's newer version stays
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowById(u"a"_s)->stock, 8);
        QCOMPARE(model.rowById(u"c"_s)->stock, 9);
        QCOMPARE(model.rowById(u"c"_s)->version, 3);
        QVERIFY(model.rowById(u"d"_s));
        QCOMPARE(model.rowOf(u"b"_s), -1);
    }

    // docs/sync-pattern.md 14: one span per batch, so a sorted proxy re-sorts all moved rows together.
    void aBatchIsOneChangedSpanAndTheSortedViewStaysInOrder()
    {
        InventoryModel model;
        InventoryFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.replaceAll({line(u"a"_s, 10, 0, 1), line(u"b"_s, 20, 0, 1), line(u"c"_s, 30, 0, 1), line(u"d"_s, 40, 0, 1)});
        proxy.sort(InventoryModel::AvailableColumn, Qt::AscendingOrder);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // a and c trade places; b and d stay.
        model.upsert({line(u"a"_s, 35, 0, 1, 2), line(u"c"_s, 5, 0, 1, 2)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order.append(proxy.index(row, 0).data(InventoryModel::ItemIdRole).toString());
        QCOMPARE(order, (QStringList{u"c"_s, u"b"_s, u"a"_s, u"d"_s}));
    }

    void olderVersionsAreIgnored()
    {
        InventoryModel model;
        model.upsert({line(u"a"_s, 10, 0, 1, 5)});
        model.upsert({line(u"a"_s, 1, 0, 1, 4)});
        QCOMPARE(model.rowById(u"a"_s)->stock, 10);
    }

    void announcesEachCrossingOnce()
    {
        InventoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy low(&model, &InventoryModel::becameLow);
        model.replaceAll({line(u"flour"_s, 40, 0, 10)});
        model.upsert({line(u"flour"_s, 10, 0, 10, 2)}); // down: 10 ≤ 10
        model.upsert({line(u"flour"_s, 8, 0, 10, 3)});  // still low
        model.upsert({line(u"flour"_s, 30, 0, 10, 4)}); // up
        model.upsert({line(u"flour"_s, 30, 25, 10, 5)}); // down again, by damage
        QCOMPARE(low.size(), 2);
        QCOMPARE(low.at(0).at(0).value<InventoryItem>().version, 2);
        QCOMPARE(low.at(1).at(0).value<InventoryItem>().version, 5);
        // A snapshot after an outage carries a crossing the stream missed: it counts too.
        model.replaceAll({line(u"flour"_s, 40, 0, 10, 6)});
        model.replaceAll({line(u"flour"_s, 2, 0, 10, 9)});
        QCOMPARE(low.size(), 3);
        // An item that is low when it first appears is no crossing (the start of the day).
        model.upsert({line(u"salt"_s, 0, 0, 3)});
        QCOMPARE(low.size(), 3);
    }

    void theProxySortsByValueAndFiltersLowOnes()
    {
        InventoryModel model;
        InventoryFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.replaceAll({line(u"b"_s, 100, 0, 10), line(u"a"_s, 9, 0, 10), line(u"c"_s, 20, 15, 10)});
        proxy.sort(InventoryModel::AvailableColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(InventoryModel::ItemIdRole).toString(), u"c"_s); // 5
        QCOMPARE(proxy.index(1, 0).data(InventoryModel::ItemIdRole).toString(), u"a"_s); // 9
        QCOMPARE(proxy.index(2, 0).data(InventoryModel::ItemIdRole).toString(), u"b"_s); // 100 (not "100" < "9")
        proxy.setLowOnly(true);
        QCOMPARE(proxy.rowCount(), 2);
        model.upsert({line(u"b"_s, 5, 0, 10, 2)}); // falls low: joins the filtered view
        QCOMPARE(proxy.rowCount(), 3);
        model.upsert({line(u"a"_s, 50, 0, 10, 2)});
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setLowOnly(false);
        QCOMPARE(proxy.rowCount(), 3);
    }

    void noDaysMeansEveryDayOnTheMenu()
    {
        MenuAvailabilityModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QDate today(2026, 12, 4); // a Friday
        model.setClock([&today] { return today; });
        model.replaceAll({dish(u"pizza"_s, true, {}), dish(u"lasagne"_s, true, {5, 6, 7}),
                          dish(u"brunch"_s, true, {7}), dish(u"burrata"_s, false, {}),
                          dish(u"tiramisu"_s, true, {}, true)});
        const auto orderable = [&model](const QString &id) {
            return model.index(model.rowOf(id), 0).data(MenuAvailabilityModel::OrderableTodayRole).toBool();
        };
        QVERIFY(orderable(u"pizza"_s));
        QVERIFY(orderable(u"lasagne"_s));
        QVERIFY(!orderable(u"brunch"_s));
        QVERIFY(!orderable(u"burrata"_s));
        QVERIFY(!orderable(u"tiramisu"_s));
        QCOMPARE(model.unavailableNames(), (QSet<QString>{u"brunch"_s, u"burrata"_s, u"tiramisu"_s}));
        QCOMPARE(model.index(model.rowOf(u"burrata"_s), MenuAvailabilityModel::OfferedColumn).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        QCOMPARE(model.index(0, MenuAvailabilityModel::DaysColumn).data().toString(), daysText({}));
        QCOMPARE(daysText({}), MenuAvailabilityModel::tr("Every day"));

        QSignalSpy changed(&model, &MenuAvailabilityModel::availabilityChanged);
        today = QDate(2026, 12, 6); // Sunday
        model.refreshDay();
        QCOMPARE(changed.size(), 1);
        QVERIFY(orderable(u"brunch"_s));
        model.refreshDay(); // the same day: nothing to say
        QCOMPARE(changed.size(), 1);
        model.upsert({dish(u"tiramisu"_s, true, {}, false, 2)}); // restocked
        QVERIFY(orderable(u"tiramisu"_s));
        QCOMPARE(changed.size(), 2);
    }

    void weekdayRanges()
    {
        QVERIFY(daysText({1, 2, 3, 4, 5}).contains(u"–"_s));
        QVERIFY(daysText({5, 7}).contains(u", "_s));
        QCOMPARE(daysText({1, 2, 3, 4, 5, 6, 7}), daysText({}));
    }
};

QTEST_GUILESS_MAIN(TestInventoryModels)
#include "tst_inventorymodels.moc"
