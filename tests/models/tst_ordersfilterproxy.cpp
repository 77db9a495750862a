#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"
#include "orderfixtures.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace hearth;
using hearth::test::makeOrder;

class TestOrdersFilterProxy final : public QObject
{
    Q_OBJECT

private slots:
    void newestFirstOpenOnlyAndSearch()
    {
        OrdersModel model;
        OrdersFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        Order olive = makeOrder(3, OrderStatus::Completed);
        olive.customerName = QStringLiteral("Olive Park");
        model.upsert({makeOrder(1), makeOrder(2, OrderStatus::Preparing), olive});
        QCOMPARE(proxy.rowCount(), 3);
        QCOMPARE(proxy.index(0, OrdersModel::NumberColumn).data().toString(), QStringLiteral("#3"));
        QCOMPARE(proxy.index(2, OrdersModel::NumberColumn).data().toString(), QStringLiteral("#1"));

        proxy.setOpenOnly(true);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setOpenOnly(false);

        proxy.setSearchText(QStringLiteral("olive"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QStringLiteral("#2"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setSearchText(QString());
        QCOMPARE(proxy.rowCount(), 3);

        // A newly arrived order sorts to the top by itself.
        model.upsert({makeOrder(9)});
        QCOMPARE(proxy.index(0, OrdersModel::NumberColumn).data().toString(), QStringLiteral("#9"));
        // An order that completes leaves the open-only view.
        proxy.setOpenOnly(true);
        model.upsert({makeOrder(9, OrderStatus::Completed, 2)});
        QCOMPARE(proxy.rowCount(), 2);
    }
};

QTEST_MAIN(TestOrdersFilterProxy)
#include "tst_ordersfilterproxy.moc"
