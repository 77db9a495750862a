// What leaves the orders page on paper or in a file: the kitchen ticket (a PDF here, where there
// is no printer; "REPRINT" on the second copy) and the CSV of exactly what the view shows.
#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"
#include "models/orderspagesettings.h"
#include "ui/dashboard.h"
#include "ui/mainwindow.h"
#include "ui/ticketprinter.h"
#include "ui/viewcsvwriter.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

using namespace hearth;

namespace {

Order makeOrder(int number, OrderType type, const QString &customer, QList<OrderItem> items, qint64 totalCents,
                const QString &notes = {})
{
    Order order;
    order.id = QStringLiteral("order-%1").arg(number);
    order.number = number;
    order.status = OrderStatus::Preparing;
    order.type = type;
    order.customerName = customer;
    order.items = std::move(items);
    order.notes = notes;
    order.totalCents = totalCents;
    order.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60 * number);
    order.updatedAt = order.createdAt;
    order.acknowledgedAt = order.createdAt.addSecs(30);
    return order;
}

} // namespace

class TestUiOrdersOutput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // Fixed money formats for exact text: "$1,234.50" has a comma to quote.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void cleanupTestCase() { QSettings().clear(); }

    void theCsvIsWhatTheViewShowsInItsOrder()
    {
        Dashboard dashboard;
        OrdersModel *model = dashboard.orders();
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTableView *view = window->ordersView();
        model->upsert({makeOrder(1, OrderType::Delivery, QStringLiteral("Olive \"Oli\" Park, Jr."),
                                 {OrderItem{QStringLiteral("Margherita"), 2, 1150}, OrderItem{QStringLiteral("Tiramisu"), 1, 650}}, 123450),
                       makeOrder(2, OrderType::Pickup, QStringLiteral("Luca"), {OrderItem{QStringLiteral("Soup"), 1, 650}}, 650),
                       makeOrder(3, OrderType::Delivery, QStringLiteral("=1+2"), {OrderItem{QStringLiteral("Lasagne"), 1, 1400}}, 1400,
                                 QStringLiteral("No onions"))});
        // Deliveries only, by number ascending, without the Received column (its age moves with the clock).
        auto *type = window->findChild<QComboBox *>(QStringLiteral("typeFilter"));
        type->setFocus();
        QTest::keyClick(type, Qt::Key_Down);
        QTest::keyClick(type, Qt::Key_Down);
        QCOMPARE(view->model()->rowCount(), 2);
        view->sortByColumn(OrdersModel::NumberColumn, Qt::AscendingOrder);
        window->settings()->setColumnShown(OrdersModel::ReceivedColumn, false);
        // The columns in their on-screen order: Total dragged before Customer.
        QHeaderView *header = view->horizontalHeader();
        header->moveSection(header->visualIndex(OrdersModel::TotalColumn), header->visualIndex(OrdersModel::CustomerColumn));

        const QString expected = QStringLiteral(
            "Order,Status,Type,Total,Customer,Items\r\n"
            "#1,Preparing,Delivery,\"$1,234.50\",\"Olive \"\"Oli\"\" Park, Jr.\",\"2× Margherita, 1× Tiramisu\"\r\n"
            "#3,Preparing,Delivery,$14.00,'=1+2,✎ No onions · 1× Lasagne\r\n");
        QCOMPARE(ViewCsvWriter::csv(*view), expected);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("orders.csv"));
        QString error;
        QVERIFY2(ViewCsvWriter::write(*view, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("\xEF\xBB\xBF") + expected.toUtf8());
        // A folder that is not there: a sentence, no crash.
        QVERIFY(!ViewCsvWriter::write(*view, dir.filePath(QStringLiteral("missing/orders.csv")), &error));
        QVERIFY(error.contains(QStringLiteral("could not be saved")));
        window->settings()->setColumnShown(OrdersModel::ReceivedColumn, true);
    }

    void aTicketIsPrintedToPdfAndTheSecondSaysReprint()
    {
        TicketPrinter printer;
        printer.setRestaurantName(QStringLiteral("Trattoria Sole"));
        const Order order = makeOrder(142, OrderType::Pickup, QStringLiteral("Maria Costa"),
                                      {OrderItem{QStringLiteral("Margherita"), 2, 1150}, OrderItem{QStringLiteral("Tiramisu"), 1, 650}},
                                      2950, QStringLiteral("Allergic to nuts"));
        QSignalSpy printed(&printer, &TicketPrinter::printed);

        const QString first = printer.ticketFor(order)->toPlainText();
        for (const QString &expected : {QStringLiteral("#142"), QStringLiteral("Trattoria Sole"), QStringLiteral("Maria Costa"),
                                        QStringLiteral("2×"), QStringLiteral("Margherita"), QStringLiteral("1×"),
                                        QStringLiteral("Tiramisu"), QStringLiteral("ALLERGY: ALLERGIC TO NUTS")})
            QVERIFY2(first.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + first));
        QVERIFY(!first.contains(QStringLiteral("REPRINT")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ticket-142.pdf"));
        QString error;
        QVERIFY2(printer.printToPdf(order, path, &error), qPrintable(error));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 1000);
        QCOMPARE(printed.count(), 1);
        QCOMPARE(printed.last().at(1).toBool(), false);

        // The second copy says so.
        const QString second = printer.ticketFor(order)->toPlainText();
        QVERIFY2(second.contains(QStringLiteral("REPRINT")), qPrintable(second));
        QVERIFY(second.contains(QStringLiteral("Margherita")));
        QVERIFY(second.contains(QStringLiteral("ALLERGIC TO NUTS")));
        QVERIFY(printer.printToPdf(order, dir.filePath(QStringLiteral("ticket-142-again.pdf")), &error));
        QCOMPARE(printed.count(), 2);
        QCOMPARE(printed.last().at(1).toBool(), true);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("ticket-142-again.pdf"))));

        // A plain note is there too, not as an allergy.
        Order noted = order;
        noted.id = QStringLiteral("order-143");
        noted.notes = QStringLiteral("Sauce on the side");
        QVERIFY(printer.ticketFor(noted)->toPlainText().contains(QStringLiteral("NOTE: Sauce on the side")));
        // Where it goes and by when: the table, the driver's address and phone, the promise.
        Order delivery = order;
        delivery.id = QStringLiteral("order-144");
        delivery.type = OrderType::Delivery;
        delivery.deliveryAddress = QStringLiteral("12 Mill Lane\nFlat 3");
        delivery.customerPhone = QStringLiteral("+1 555 0142");
        delivery.promisedAt = QDateTime(QDate(2026, 11, 20), QTime(19, 45)).toUTC();
        const QString out = printer.ticketFor(delivery)->toPlainText();
        for (const QString &expected : {QStringLiteral("12 Mill Lane"), QStringLiteral("Flat 3"), QStringLiteral("Phone +1 555 0142"),
                                        QStringLiteral("At the door by 7:45")})
            QVERIFY2(out.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + out));
        Order dineIn = order;
        dineIn.id = QStringLiteral("order-145");
        dineIn.type = OrderType::DineIn;
        dineIn.table = QStringLiteral("Terrace 3");
        dineIn.promisedAt = QDateTime(QDate(2026, 11, 20), QTime(20, 5)).toUTC();
        const QString table = printer.ticketFor(dineIn)->toPlainText();
        QVERIFY2(table.contains(QStringLiteral("Table Terrace 3")) && table.contains(QStringLiteral("Ready by 8:05")), qPrintable(table));
        QVERIFY(!table.contains(QStringLiteral("Phone")));
        QVERIFY(!first.contains(QStringLiteral("Table")) && !first.contains(QStringLiteral("Ready by")));

        // A folder that is not there: a sentence.
        QVERIFY(!printer.printToPdf(order, dir.filePath(QStringLiteral("missing/t.pdf")), &error));
        QVERIFY(!error.isEmpty());
    }

    // REPRINT was remembered for the run only: after a restart (a crash mid-service) the kitchen
    // got a second ticket that looked like a new order.
    void whatWasPrintedIsRememberedAcrossARestart()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("printed-demo.json"));
        const Order order = makeOrder(150, OrderType::Pickup, QStringLiteral("Ana Souza"),
                                      {OrderItem{QStringLiteral("Diavola"), 1, 1350}}, 1350);
        const Order other = makeOrder(151, OrderType::Pickup, QStringLiteral("Ben Rossi"),
                                      {OrderItem{QStringLiteral("Diavola"), 1, 1350}}, 1350);
        QString error;
        {
            TicketPrinter printer;
            printer.openStore(store);
            QVERIFY2(printer.printToPdf(order, dir.filePath(QStringLiteral("a.pdf")), &error), qPrintable(error));
            QVERIFY(printer.wasPrinted(order.id));
        }
        QVERIFY(QFile::exists(store));
        TicketPrinter restarted; // the next run
        QVERIFY(!restarted.wasPrinted(order.id)); // nothing known before the store is opened
        restarted.openStore(store);
        QVERIFY(restarted.wasPrinted(order.id));
        QVERIFY(!restarted.wasPrinted(other.id));
        QVERIFY(restarted.ticketFor(order)->toPlainText().contains(QStringLiteral("REPRINT")));
        QVERIFY(!restarted.ticketFor(other)->toPlainText().contains(QStringLiteral("REPRINT")));
        QSignalSpy printed(&restarted, &TicketPrinter::printed);
        QVERIFY(restarted.printToPdf(order, dir.filePath(QStringLiteral("b.pdf")), &error));
        QCOMPARE(printed.last().at(1).toBool(), true);

        // Another restaurant's store knows nothing of these prints.
        restarted.openStore(dir.filePath(QStringLiteral("printed-other.json")));
        QVERIFY(!restarted.wasPrinted(order.id));
    }

    void printingWaitsForASelectedOrder()
    {
        Dashboard dashboard;
        MainWindow *window = dashboard.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *print = window->findChild<QAction *>(QStringLiteral("printTicketAction"));
        QVERIFY(print);
        QVERIFY(!print->isEnabled());
        dashboard.orders()->upsert({makeOrder(1, OrderType::Pickup, QStringLiteral("Luca"), {OrderItem{QStringLiteral("Soup"), 1, 650}}, 650)});
        QTableView *view = window->ordersView();
        view->setCurrentIndex(view->model()->index(0, 0));
        QVERIFY(print->isEnabled());
        QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
        QVERIFY(window->findChild<QAction *>(QStringLiteral("exportCsvAction")));
    }
};

QTEST_MAIN(TestUiOrdersOutput)
#include "tst_ui_ordersoutput.moc"
