// The counts beside the orders filters and the all-day item counts: right after every kind of
// change (arrival, status change, close, snapshot), following the other filter, and valid models.
#include "models/itemtotalsmodel.h"
#include "models/orderfacetmodel.h"
#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"
#include "orderfixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using hearth::test::makeOrder;

namespace {

Order withType(Order order, OrderType type)
{
    order.type = type;
    return order;
}

Order withItems(Order order, QList<OrderItem> items)
{
    order.items = std::move(items);
    return order;
}

int countOf(const OrderFacetModel &facets, int value)
{
    return facets.countAt(facets.rowOfValue(value));
}

} // namespace

class TestOrderFacets final : public QObject
{
    Q_OBJECT

private slots:
    void statusAndTypeCountsFollowLiveChangesAndEachOther()
    {
        OrdersModel model;
        OrdersFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setOpenOnly(true);
        OrderFacetModel statuses(OrderFacetModel::Facet::Status, &model, &proxy);
        OrderFacetModel types(OrderFacetModel::Facet::Type, &model, &proxy);
        QAbstractItemModelTester statusTester(&statuses, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester typeTester(&types, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(statuses.rowCount(), 7); // All + six statuses
        QCOMPARE(types.rowCount(), 4);    // All + three types
        QCOMPARE(statuses.index(0).data().toString(), QStringLiteral("All open (0)"));

        model.upsert({makeOrder(1), makeOrder(2), withType(makeOrder(3, OrderStatus::Preparing), OrderType::Delivery),
                      makeOrder(4, OrderStatus::Completed)});
        // Counted once the burst is over, not per signal.
        QTRY_COMPARE(statuses.countAt(0), 3);
        QCOMPARE(countOf(statuses, int(OrderStatus::New)), 2);
        QCOMPARE(countOf(statuses, int(OrderStatus::Preparing)), 1);
        QCOMPARE(countOf(statuses, int(OrderStatus::Completed)), 1); // named: counted though closed
        QCOMPARE(statuses.index(statuses.rowOfValue(int(OrderStatus::New))).data().toString(), QStringLiteral("New (2)"));
        QCOMPARE(types.countAt(0), 3); // "all types" of the open orders
        QCOMPARE(countOf(types, int(OrderType::Pickup)), 2);
        QCOMPARE(countOf(types, int(OrderType::Delivery)), 1);

        // A live change moves a count from one status to the other.
        QSignalSpy changed(&statuses, &QAbstractItemModel::dataChanged);
        model.upsert({makeOrder(1, OrderStatus::Acknowledged, 2)});
        QTRY_COMPARE(countOf(statuses, int(OrderStatus::Acknowledged)), 1);
        QCOMPARE(countOf(statuses, int(OrderStatus::New)), 1);
        QVERIFY(!changed.isEmpty());

        // Each facet follows the other's choice: delivery only → one preparing, nothing new.
        proxy.setTypeFilter(OrderType::Delivery);
        QTRY_COMPARE(countOf(statuses, int(OrderStatus::New)), 0);
        QCOMPARE(countOf(statuses, int(OrderStatus::Preparing)), 1);
        QCOMPARE(statuses.countAt(0), 1);
        proxy.setTypeFilter(std::nullopt);
        proxy.setStatusFilter(OrderStatus::New);
        QTRY_COMPARE(countOf(types, int(OrderType::Delivery)), 0);
        QCOMPARE(countOf(types, int(OrderType::Pickup)), 1);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setStatusFilter(std::nullopt);

        // "All" follows "open orders only", its label too.
        proxy.setOpenOnly(false);
        QTRY_COMPARE(statuses.countAt(0), 4);
        QCOMPARE(statuses.index(0).data().toString(), QStringLiteral("All statuses (4)"));
        QCOMPARE(types.countAt(0), 4);

        // A snapshot that replaces everything.
        model.replaceAll({makeOrder(7)});
        QTRY_COMPARE(statuses.countAt(0), 1);
        QCOMPARE(countOf(statuses, int(OrderStatus::Preparing)), 0);
        model.clear();
        QTRY_COMPARE(statuses.countAt(0), 0);
    }

    void aClosedStatusChosenShowsItsOrdersEvenWithOpenOnly()
    {
        OrdersModel model;
        OrdersFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setOpenOnly(true);
        model.upsert({makeOrder(1), makeOrder(2, OrderStatus::Completed), withType(makeOrder(3), OrderType::DineIn)});
        QCOMPARE(proxy.rowCount(), 2);
        QSignalSpy filterChanged(&proxy, &OrdersFilterProxy::filterChanged);
        proxy.setStatusFilter(OrderStatus::Completed);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(OrdersModel::OrderIdRole).toString(), QStringLiteral("ord-2"));
        proxy.setStatusFilter(std::nullopt);
        proxy.setTypeFilter(OrderType::DineIn);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(filterChanged.count(), 3);
        proxy.setTypeFilter(OrderType::Delivery);
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(proxy.emptyText(), QStringLiteral("No orders of this status or type — choose “All” to see the others"));
        proxy.setTypeFilter(std::nullopt);
        model.clear();
        QCOMPARE(proxy.emptyText(), QStringLiteral("No open orders — new ones appear here by themselves"));
        proxy.setSearchText(QStringLiteral("olive"));
        QCOMPARE(proxy.emptyText(), QStringLiteral("No orders match “olive”"));
    }

    void allDayCountsAddUpTheOpenOrdersItems()
    {
        OrdersModel model;
        ItemTotalsModel totals(&model);
        QAbstractItemModelTester tester(&totals, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(totals.rowCount(), 0);
        QCOMPARE(totals.summary(), QString());

        const OrderItem margherita2{QStringLiteral("Margherita"), 2, 1150};
        const OrderItem tiramisu1{QStringLiteral("Tiramisu"), 1, 650};
        model.upsert({withItems(makeOrder(1), {margherita2, tiramisu1}),
                      withItems(makeOrder(2, OrderStatus::Preparing), {OrderItem{QStringLiteral("Margherita"), 5, 1150}}),
                      withItems(makeOrder(3, OrderStatus::Completed), {OrderItem{QStringLiteral("Lasagne"), 9, 1400}})});
        QTRY_COMPARE(totals.summary(), QStringLiteral("Margherita ×7 · Tiramisu ×1"));
        QCOMPARE(totals.rowCount(), 2); // the completed order's lasagne is not to be cooked
        QCOMPARE(totals.index(0).data(ItemTotalsModel::NameRole).toString(), QStringLiteral("Margherita"));
        QCOMPARE(totals.index(0).data().toString(), QStringLiteral("Margherita ×7"));

        // A new order with a new item and more of an old one; rows stay in name order.
        QSignalSpy countsChanged(&totals, &ItemTotalsModel::countsChanged);
        model.upsert({withItems(makeOrder(4), {OrderItem{QStringLiteral("Arancini"), 3, 500}, OrderItem{QStringLiteral("Tiramisu"), 3, 650}})});
        QTRY_COMPARE(countsChanged.count(), 1);
        QCOMPARE(totals.summary(), QStringLiteral("Margherita ×7 · Tiramisu ×4 · Arancini ×3"));
        QCOMPARE(totals.summary(2), QStringLiteral("Margherita ×7 · Tiramisu ×4"));
        QCOMPARE(totals.index(0).data(ItemTotalsModel::NameRole).toString(), QStringLiteral("Arancini"));

        // Completed and cancelled orders leave the counts; an item no open order holds leaves the list.
        model.upsert({withItems(makeOrder(2, OrderStatus::Completed, 2), {OrderItem{QStringLiteral("Margherita"), 5, 1150}}),
                      withItems(makeOrder(4, OrderStatus::Cancelled, 2), {OrderItem{QStringLiteral("Arancini"), 3, 500}, OrderItem{QStringLiteral("Tiramisu"), 3, 650}})});
        QTRY_COMPARE(totals.summary(), QStringLiteral("Margherita ×2 · Tiramisu ×1"));
        QCOMPARE(totals.rowCount(), 2);

        model.replaceAll({});
        QTRY_COMPARE(totals.rowCount(), 0);
    }
};

QTEST_MAIN(TestOrderFacets)
#include "tst_orderfacets.moc"
