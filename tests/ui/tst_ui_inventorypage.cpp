// The Inventory page in the real Dashboard against the real embedded server over loopback:
// available beside stock and damaged, low rows highlighted, sorting and "low only", counts saved
// and refused with words a manager can act on, a count overtaken by another PC, staff who may
// count but not move alerts or change the menu, availability toggles and weekday chips, the
// low-stock notice (once per crossing) that opens the page on the item, and the Orders page's
// mark on open orders holding a dish that cannot be ordered now.
#include "models/inventoryfilterproxy.h"
#include "models/inventorymodel.h"
#include "models/menuavailabilitymodel.h"
#include "models/ordersmodel.h"
#include "models/unavailableitemsproxy.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "server/inventoryservice.h"
#include "server/orderservice.h"
#include "ui/dashboard.h"
#include "ui/inventorypage.h"
#include "ui/lowstocknotifier.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QButtonGroup>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

const QString restaurant(server::DemoAccounts::restaurantId);

struct Signed
{
    std::unique_ptr<Dashboard> dashboard;
    MainWindow *window = nullptr;
    InventoryPage *page = nullptr;
};

} // namespace

class TestUiInventoryPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::HearthServer> m_server;

    Signed signIn(bool manager = true)
    {
        Signed s;
        s.dashboard = std::make_unique<Dashboard>();
        s.dashboard->setRemembersSession(false);
        s.dashboard->signInDirectly(
            ServerAddress::fromHttpBase(m_server->httpUrl()),
            QString(manager ? server::DemoAccounts::managerUsername : server::DemoAccounts::staffUsername),
            QString(manager ? server::DemoAccounts::managerPassword : server::DemoAccounts::staffPassword));
        s.window = s.dashboard->window();
        s.page = s.window->findChild<InventoryPage *>(u"inventoryPage"_s);
        return s;
    }

    bool open(Signed &s)
    {
        if (!s.page
            || !QTest::qWaitFor([&] { return s.window->isVisible() && s.page->stockView()->model()->rowCount() > 10; },
                                15000))
            return false;
        s.window->showPage(MainWindow::Page::Inventory);
        return s.window->currentPage() == MainWindow::Page::Inventory;
    }

    InventoryItem serverItem(const QString &id) const
    {
        return m_server->inventory()->findItem(restaurant, id).value_or(InventoryItem{});
    }

    void setOnServer(const QString &id, qint64 stock, qint64 damaged)
    {
        server::StockChange change;
        change.stock = stock;
        change.damaged = damaged;
        QVERIFY(m_server->inventory()->adjust(restaurant, id, change).ok());
    }

    static QSpinBox *spin(Signed &s, const QString &name) { return s.page->findChild<QSpinBox *>(name); }
    static QPushButton *saveButton(Signed &s) { return s.page->findChild<QPushButton *>(u"saveCount"_s); }

    // For a look while working on the page: HEARTH_UI_GRAB_DIR=/tmp …
    static void grab(QWidget *widget, const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("HEARTH_UI_GRAB_DIR"); !dir.isEmpty())
            widget->grab().save(u"%1/%2.png"_s.arg(dir, name));
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        server::ServerOptions options;
        options.databasePath = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
        options.passwordHashIterations = 1000;
        m_server = std::make_unique<server::HearthServer>(options);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_server.reset();
    }

    void showsAvailableBesideStockAndHighlightsLowRows()
    {
        Signed s = signIn();
        QVERIFY(open(s));
        QAbstractItemModelTester tester(s.page->stockProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        setOnServer(u"eggs"_s, 20, 9); // 11 available, alert at 12: low
        QTRY_VERIFY_WITH_TIMEOUT(s.dashboard->inventoryModel()->rowById(u"eggs"_s)->damaged == 9, 5000);
        QAbstractItemModel *model = s.page->stockView()->model();
        QModelIndex eggs;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(InventoryModel::ItemIdRole).toString() == u"eggs")
                eggs = model->index(row, 0);
        }
        QVERIFY(eggs.isValid());
        QCOMPARE(eggs.siblingAtColumn(InventoryModel::AvailableColumn).data(InventoryModel::SortRole).toLongLong(), 11);
        QCOMPARE(eggs.siblingAtColumn(InventoryModel::StockColumn).data().toString(), u"20"_s);
        QCOMPARE(eggs.siblingAtColumn(InventoryModel::DamagedColumn).data().toString(), u"9"_s);
        QVERIFY(eggs.data(Qt::BackgroundRole).isValid());

        // Low only, then sorted by what is available, fewest first.
        auto *lowOnly = s.page->findChild<QCheckBox *>(u"lowOnly"_s);
        lowOnly->click();
        const int lowRows = model->rowCount();
        QCOMPARE(lowRows, s.dashboard->inventoryModel()->lowCount());
        for (int row = 0; row < lowRows; ++row)
            QVERIFY(model->index(row, 0).data(InventoryModel::IsLowRole).toBool());
        lowOnly->click();
        QHeaderView *header = s.page->stockView()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(InventoryModel::AvailableColumn) + 5, header->height() / 2));
        const Qt::SortOrder order = header->sortIndicatorOrder();
        QCOMPARE(header->sortIndicatorSection(), int(InventoryModel::AvailableColumn));
        for (int row = 1; row < model->rowCount(); ++row) {
            const qint64 previous = model->index(row - 1, InventoryModel::AvailableColumn).data(InventoryModel::SortRole).toLongLong();
            const qint64 current = model->index(row, InventoryModel::AvailableColumn).data(InventoryModel::SortRole).toLongLong();
            QVERIFY(order == Qt::AscendingOrder ? previous <= current : previous >= current);
        }
        grab(s.window, u"inventory-page"_s);
    }

    void countsAreCheckedSavedAndRefusedInPlainWords()
    {
        Signed s = signIn();
        QVERIFY(open(s));
        s.page->showItem(u"mozzarella"_s);
        QCOMPARE(spin(s, u"stockSpin"_s)->value(), 36);
        // Damaged above stock: said at once, and nothing can be saved.
        spin(s, u"damagedSpin"_s)->setValue(40);
        QVERIFY2(s.page->editorMessage().contains(u"Damaged cannot be more than the stock"_s),
                 qPrintable(s.page->editorMessage()));
        QVERIFY(!saveButton(s)->isEnabled());
        // A plausible count is saved.
        spin(s, u"damagedSpin"_s)->setValue(4);
        spin(s, u"stockSpin"_s)->setValue(30);
        QVERIFY(s.page->findChild<QLabel *>(u"countPreview"_s)->text().contains(u"26"_s));
        QVERIFY(saveButton(s)->isEnabled());
        saveButton(s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(s.page->editorMessage().startsWith(u"Saved"_s), 5000);
        QCOMPARE(serverItem(u"mozzarella"_s).stock, 30);
        QCOMPARE(serverItem(u"mozzarella"_s).damaged, 4);

        // Another PC counts first; this one still shows the old numbers when it saves.
        spin(s, u"stockSpin"_s)->setValue(31);
        setOnServer(u"mozzarella"_s, 50, 0);
        saveButton(s)->click(); // before the other PC's change reached this one
        QTRY_VERIFY_WITH_TIMEOUT(s.page->editorMessage().contains(u"on another PC"_s), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(spin(s, u"stockSpin"_s)->value(), 50, 5000); // the current numbers
        QCOMPARE(serverItem(u"mozzarella"_s).stock, 50);
        grab(s.window, u"inventory-conflict"_s);
    }

    void staffCountButDoNotMoveAlertsOrChangeTheMenu()
    {
        Signed s = signIn(false);
        QVERIFY(open(s));
        s.page->showItem(u"rice"_s);
        QVERIFY(spin(s, u"stockSpin"_s)->isEnabled());
        QVERIFY(!spin(s, u"thresholdSpin"_s)->isEnabled());
        spin(s, u"stockSpin"_s)->setValue(29);
        saveButton(s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(serverItem(u"rice"_s).stock, 29, 5000);
        // The menu: no toggles, no chips.
        QTableView *menu = s.page->menuView();
        menu->selectRow(0);
        QVERIFY(!s.page->findChild<QToolButton *>(u"dayChip1"_s)->isEnabled());
        const MenuItem before = *s.dashboard->menuModel()->rowAt(0);
        emit menu->clicked(menu->model()->index(0, MenuAvailabilityModel::OfferedColumn));
        // Nothing is sent (the page refuses before asking): a count made after the click lands,
        // and the dish is still as it was.
        spin(s, u"stockSpin"_s)->setValue(28);
        saveButton(s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(serverItem(u"rice"_s).stock, 28, 5000);
        QCOMPARE(m_server->inventory()->findMenuItem(restaurant, before.id)->version, before.version);
        QCOMPARE(s.dashboard->menuModel()->rowAt(0)->available, before.available);
    }

    void managersToggleDishesAndSetTheirDays()
    {
        Signed s = signIn();
        QVERIFY(open(s));
        MenuAvailabilityModel *menu = s.dashboard->menuModel();
        const int row = menu->rowOf(u"carbonara"_s);
        QVERIFY(row >= 0);
        QTableView *view = s.page->menuView();
        view->selectRow(row);
        // Withdrawn with a click on its box.
        emit view->clicked(menu->index(row, MenuAvailabilityModel::OfferedColumn));
        QTRY_VERIFY_WITH_TIMEOUT(!m_server->inventory()->findMenuItem(restaurant, u"carbonara"_s)->available, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!menu->rowById(u"carbonara"_s)->available, 5000);
        // Fridays and Saturdays only: two chips.
        s.page->findChild<QToolButton *>(u"dayChip5"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(menu->rowById(u"carbonara"_s)->days, QList<int>{5}, 5000);
        s.page->findChild<QToolButton *>(u"dayChip6"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->inventory()->findMenuItem(restaurant, u"carbonara"_s)->days,
                                  (QList<int>{5, 6}), 5000);
        // Both off again: every day.
        QTRY_VERIFY_WITH_TIMEOUT(menu->rowById(u"carbonara"_s)->days.size() == 2, 5000);
        s.page->findChild<QToolButton *>(u"dayChip5"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(menu->rowById(u"carbonara"_s)->days, QList<int>{6}, 5000);
        s.page->findChild<QToolButton *>(u"dayChip6"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_server->inventory()->findMenuItem(restaurant, u"carbonara"_s)->days.isEmpty(), 5000);
        QVERIFY(s.page->findChild<QLabel *>(u"chipsNote"_s)->text().contains(u"every day"_s));
    }

    void theLowStockNoticeComesOncePerCrossingAndOpensThePage()
    {
        Signed s = signIn();
        QVERIFY(open(s));
        s.window->showPage(MainWindow::Page::Orders);
        LowStockNotifier *notifier = s.dashboard->lowStockNotifier();
        QSignalSpy announced(notifier, &LowStockNotifier::announced);
        setOnServer(u"chicken"_s, 5, 0);  // down: alert at 5
        setOnServer(u"chicken"_s, 4, 0);  // still low
        QTRY_COMPARE_WITH_TIMEOUT(s.dashboard->inventoryModel()->rowById(u"chicken"_s)->stock, 4, 5000);
        setOnServer(u"chicken"_s, 20, 0); // up
        setOnServer(u"chicken"_s, 20, 16); // down again
        QTRY_COMPARE_WITH_TIMEOUT(s.dashboard->inventoryModel()->rowById(u"chicken"_s)->damaged, 16, 5000);
        QCOMPARE(announced.size(), 2);
        const InventoryItem low = announced.at(1).at(0).value<InventoryItem>();
        QVERIFY(LowStockNotifier::title(low).contains(u"Chicken breast"_s));
        QVERIFY(LowStockNotifier::text(low).contains(u"4"_s));
        notifier->openLast(); // the message's click
        QCOMPARE(s.window->currentPage(), MainWindow::Page::Inventory);
        const QModelIndexList selected = s.page->stockView()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(InventoryModel::ItemIdRole).toString(), u"chicken"_s);
    }

    void ordersWithUnavailableDishesAreMarked()
    {
        Signed s = signIn();
        QVERIFY(open(s));
        server::NewOrder draft;
        draft.customerName = u"Ada"_s;
        draft.items = {OrderItem{u"Tiramisu"_s, 1, 690}, OrderItem{u"Espresso"_s, 1, 250}};
        const server::OrderResult created = m_server->orders()->createOrder(restaurant, draft);
        QVERIFY(created.ok());
        QTRY_VERIFY_WITH_TIMEOUT(s.dashboard->orders()->orderById(created.order.id), 5000);
        UnavailableItemsProxy *marks = s.window->unavailableItems();
        const auto rowOf = [&] {
            for (int row = 0; row < marks->rowCount(); ++row) {
                if (marks->index(row, 0).data(OrdersModel::OrderIdRole).toString() == created.order.id)
                    return marks->index(row, OrdersModel::ItemsColumn);
            }
            return QModelIndex();
        };
        QVERIFY(marks->data(rowOf(), UnavailableItemsProxy::UnavailableItemsRole).toStringList().isEmpty());
        setOnServer(u"mascarpone"_s, 0, 0); // tiramisu sells out
        QTRY_COMPARE_WITH_TIMEOUT(marks->data(rowOf(), UnavailableItemsProxy::UnavailableItemsRole).toStringList(),
                                  QStringList{u"Tiramisu"_s}, 5000);
        QVERIFY(rowOf().data(Qt::ToolTipRole).toString().contains(u"Tiramisu"_s));
        QVERIFY(rowOf().data().toString().startsWith(u"⊘"_s));
        setOnServer(u"mascarpone"_s, 10, 0);
        QTRY_VERIFY_WITH_TIMEOUT(marks->data(rowOf(), UnavailableItemsProxy::UnavailableItemsRole).toStringList().isEmpty(),
                                 5000);
    }
};

QTEST_MAIN(TestUiInventoryPage)
#include "tst_ui_inventorypage.moc"
