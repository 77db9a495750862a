#include "models/ordersmodel.h"
#include "orderfixtures.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
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

    // Versions derived from whole-second updated_at tie: created and marked ready in one second,
    // the second frame was dropped as a repeat and the row said "new" (core/versionrule.h).
    void anEqualVersionThatDiffersArrivedLaterAndWins()
    {
        m_model->upsert({makeOrder(1), makeOrder(2, OrderStatus::New, 7)});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->upsert({makeOrder(2, OrderStatus::Ready, 7)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_model->orderById(QStringLiteral("ord-2"))->status, OrderStatus::Ready);
        m_model->upsert({makeOrder(2, OrderStatus::Ready, 7)}); // the same frame again: nothing
        QCOMPARE(changed.size(), 1);
        // Within one batch too, for an order not yet shown: the later copy.
        m_model->upsert({makeOrder(9, OrderStatus::New, 4), makeOrder(9, OrderStatus::Acknowledged, 4)});
        QCOMPARE(m_model->orderById(QStringLiteral("ord-9"))->status, OrderStatus::Acknowledged);
        // An older version still never wins.
        m_model->upsert({makeOrder(2, OrderStatus::Preparing, 6)});
        QCOMPARE(m_model->orderById(QStringLiteral("ord-2"))->status, OrderStatus::Ready);
    }

    void severalVersionsOfANewOrderInOneBatchKeepTheNewest()
    {
        m_model->upsert({makeOrder(5, OrderStatus::New, 1), makeOrder(5, OrderStatus::Ready, 4),
                         makeOrder(5, OrderStatus::Preparing, 3)});
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->orderAt(0)->status, OrderStatus::Ready);
    }

    // One range from the first changed row to the last (issue 13): with several ranges a sorted
    // proxy re-sorts each against neighbours whose keys changed too, and stays out of order.
    void scatteredUpdatesAreOneSpan()
    {
        QList<Order> orders;
        for (int i = 1; i <= 10; ++i)
            orders.append(makeOrder(i));
        m_model->upsert(orders);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->upsert({makeOrder(2, OrderStatus::Acknowledged, 2), makeOrder(3, OrderStatus::Acknowledged, 2),
                         makeOrder(8, OrderStatus::Acknowledged, 2)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 7);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), OrdersModel::ColumnCount - 1);
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

    void aSnapshotIsAppliedAsADiffSoSelectionSurvives()
    {
        m_model->upsert({makeOrder(1), makeOrder(2), makeOrder(3), makeOrder(4)});
        QItemSelectionModel selection(m_model.get());
        selection.select(m_model->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

        // ord-1 and ord-2 are gone, ord-3 moved on, ord-4 is unchanged, ord-5 and ord-6 are new.
        m_model->replaceAll({makeOrder(3, OrderStatus::Preparing, 2), makeOrder(4), makeOrder(5), makeOrder(6)});

        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1); // ord-1 and ord-2: one range
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(removed.first().at(2).toInt(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->rowOf(QStringLiteral("ord-1")), -1);
        QCOMPARE(m_model->orderById(QStringLiteral("ord-3"))->status, OrderStatus::Preparing);
        QCOMPARE(m_model->orderById(QStringLiteral("ord-6"))->number, 6);
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(m_model->rowOf(m_model->orderAt(row)->id), row);
        const QModelIndexList selected = selection.selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(OrdersModel::OrderIdRole).toString(), QStringLiteral("ord-3"));
    }

    void aSnapshotNeverTakesANewerVersionBack()
    {
        m_model->upsert({makeOrder(1, OrderStatus::Ready, 5)});
        m_model->replaceAll({makeOrder(1, OrderStatus::Preparing, 3), makeOrder(2)});
        QCOMPARE(m_model->orderById(QStringLiteral("ord-1"))->version, 5);
        QCOMPARE(m_model->orderById(QStringLiteral("ord-1"))->status, OrderStatus::Ready);
        QCOMPARE(m_model->rowCount(), 2);
    }

    void clearEmptiesTheModel()
    {
        m_model->upsert({makeOrder(1), makeOrder(2)});
        QSignalSpy count(m_model.get(), &OrdersModel::unacknowledgedCountChanged);
        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->rowOf(QStringLiteral("ord-1")), -1);
        QCOMPARE(m_model->unacknowledgedCount(), 0);
        QCOMPARE(count.size(), 1);
    }

    void changedRowsAreAnnouncedBeforeNewRowsArrive()
    {
        m_model->upsert({makeOrder(1), makeOrder(2, OrderStatus::Ready)});
        QStringList signalOrder;
        QObject context; // the connections end with this test
        connect(m_model.get(), &QAbstractItemModel::dataChanged, &context,
                [&] { signalOrder.append(QStringLiteral("changed")); });
        connect(m_model.get(), &QAbstractItemModel::rowsAboutToBeInserted, &context,
                [&] { signalOrder.append(QStringLiteral("inserting")); });
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(m_model.get());
        sorted.setSortRole(OrdersModel::SortRole);
        sorted.sort(OrdersModel::StatusColumn);
        QAbstractItemModelTester proxyTester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // ord-1 moves past ord-2 in the sort order, and a new order arrives in the same batch.
        m_model->upsert({makeOrder(1, OrderStatus::Completed, 2), makeOrder(3, OrderStatus::Preparing)});

        QCOMPARE(signalOrder, (QStringList{QStringLiteral("changed"), QStringLiteral("inserting")}));
        QStringList proxyOrder;
        for (int row = 0; row < sorted.rowCount(); ++row)
            proxyOrder.append(sorted.index(row, 0).data(OrdersModel::OrderIdRole).toString());
        QCOMPARE(proxyOrder, (QStringList{QStringLiteral("ord-3"), QStringLiteral("ord-2"), QStringLiteral("ord-1")}));
    }

    void closedOrdersOlderThanADayArePrunedInRanges()
    {
        const QDateTime now(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);
        m_model->setClock([now] { return now; });
        auto closedAt = [](Order order, const QDateTime &when) {
            order.updatedAt = when;
            return order;
        };
        const QDateTime old = now.addSecs(-25 * 3600);
        const QDateTime recent = now.addSecs(-23 * 3600);
        m_model->upsert({closedAt(makeOrder(1, OrderStatus::Completed), old),
                         closedAt(makeOrder(2, OrderStatus::Cancelled), old),
                         closedAt(makeOrder(3, OrderStatus::New), old), // open: stays however old
                         closedAt(makeOrder(4, OrderStatus::Completed), recent),
                         closedAt(makeOrder(5, OrderStatus::Completed), old)});
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);

        QCOMPARE(m_model->pruneClosed(), 3);

        QCOMPARE(removed.size(), 2); // rows 0-1 and row 4
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->orderAt(0)->id, QStringLiteral("ord-3"));
        QCOMPARE(m_model->orderAt(1)->id, QStringLiteral("ord-4"));
        QCOMPARE(m_model->rowOf(QStringLiteral("ord-4")), 1);
        QCOMPARE(m_model->unacknowledgedCount(), 1);
        QCOMPARE(m_model->pruneClosed(), 0);
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
