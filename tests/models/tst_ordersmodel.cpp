#include "models/ordersmodel.h"
#include "orderfixtures.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using hearth::test::makeOrder;

class TestOrdersModel final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_model = std::make_unique<OrdersModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void aBatchOfNewOrdersIsOneRangedInsert()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->upsert({makeOrder(1), makeOrder(2), makeOrder(3)});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(1, OrdersModel::NumberColumn).data().toString(), QStringLiteral("#2"));
        QCOMPARE(m_model->index(1, OrdersModel::StatusColumn).data().toString(), QStringLiteral("New"));
    }

    void newerVersionsUpdateOlderOnesAreIgnored()
    {
        m_model->upsert({makeOrder(1), makeOrder(2)});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);

        m_model->upsert({makeOrder(2, OrderStatus::Preparing, 3)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(m_model->orderById(QStringLiteral("ord-2"))->status, OrderStatus::Preparing);

        m_model->upsert({makeOrder(2, OrderStatus::Acknowledged, 2), makeOrder(2, OrderStatus::Preparing, 3)});
        QCOMPARE(changed.size(), 1); // a replayed older or equal version changes nothing
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(m_model->orderById(QStringLiteral("ord-2"))->version, 3);
    }

    void severalVersionsOfANewOrderInOneBatchKeepTheNewest()
    {
        m_model->upsert({makeOrder(5, OrderStatus::New, 1), makeOrder(5, OrderStatus::Ready, 4),
                         makeOrder(5, OrderStatus::Preparing, 3)});
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->orderAt(0)->status, OrderStatus::Ready);
    }

    void scatteredUpdatesBecomeContiguousRanges()
    {
        QList<Order> orders;
        for (int i = 1; i <= 10; ++i)
            orders.append(makeOrder(i));
        m_model->upsert(orders);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->upsert({makeOrder(2, OrderStatus::Acknowledged, 2), makeOrder(3, OrderStatus::Acknowledged, 2),
                         makeOrder(8, OrderStatus::Acknowledged, 2)});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 7);
    }

    void mostRowsChangedIsOneSignal()
    {
        QList<Order> orders;
        QList<Order> updates;
        for (int i = 1; i <= 10; ++i) {
            orders.append(makeOrder(i));
            if (i % 3 != 0)
                updates.append(makeOrder(i, OrderStatus::Acknowledged, 2));
        }
        m_model->upsert(orders);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->upsert(updates);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 9);
    }

    void replaceAllResetsAtOnce()
    {
        m_model->upsert({makeOrder(1), makeOrder(2)});
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->replaceAll({makeOrder(7), makeOrder(8), makeOrder(9)});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->rowOf(QStringLiteral("ord-1")), -1);
        QCOMPARE(m_model->rowOf(QStringLiteral("ord-9")), 2);
    }

    void unacknowledgedOpenOrdersAreBoldAndCounted()
    {
        QSignalSpy count(m_model.get(), &OrdersModel::unacknowledgedCountChanged);
        m_model->upsert({makeOrder(1), makeOrder(2), makeOrder(3, OrderStatus::Preparing)});
        QCOMPARE(m_model->unacknowledgedCount(), 2);
        QCOMPARE(count.size(), 1);
        QVERIFY(m_model->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!m_model->index(2, 0).data(Qt::FontRole).isValid());

        Order acknowledged = makeOrder(1, OrderStatus::Acknowledged, 2);
        m_model->upsert({acknowledged});
        QCOMPARE(m_model->unacknowledgedCount(), 1);
        Order cancelled = makeOrder(2, OrderStatus::Cancelled, 2);
        cancelled.acknowledgedAt = {};
        m_model->upsert({cancelled}); // cancelled unseen orders no longer need anyone
        QCOMPARE(m_model->unacknowledgedCount(), 0);
        m_model->replaceAll({makeOrder(4)});
        QCOMPARE(m_model->unacknowledgedCount(), 1);
    }

    void statusesHaveDistinctColoursAndSortValues()
    {
        m_model->upsert({makeOrder(1), makeOrder(2, OrderStatus::Ready)});
        QVERIFY(m_model->index(0, 0).data(Qt::BackgroundRole) != m_model->index(1, 0).data(Qt::BackgroundRole));
        QCOMPARE(m_model->index(1, OrdersModel::TotalColumn).data(OrdersModel::SortRole).toLongLong(), 650);
        QCOMPARE(m_model->index(1, OrdersModel::StatusColumn).data(OrdersModel::SortRole).toInt(),
                 int(OrderStatus::Ready));
    }

private:
    std::unique_ptr<OrdersModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestOrdersModel)
#include "tst_ordersmodel.moc"
