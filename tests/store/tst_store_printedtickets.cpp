// The list of printed kitchen tickets: kept across restarts, bounded by age and count, and a
// file it cannot read costs the list, never the print.
#include "store/printedtickets.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace hearth;

class TestStorePrintedTickets final : public QObject
{
    Q_OBJECT

private slots:
    void keptAcrossOpening()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("printed.json"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        PrintedTickets first;
        QVERIFY(first.open(path, now)); // no file yet: empty, fine
        QCOMPARE(first.size(), 0);
        QVERIFY(first.add(QStringLiteral("a"), now));
        QVERIFY(first.add(QStringLiteral("b"), now));
        PrintedTickets again;
        QVERIFY(again.open(path, now));
        QVERIFY(again.contains(QStringLiteral("a")));
        QVERIFY(again.contains(QStringLiteral("b")));
        QVERIFY(!again.contains(QStringLiteral("c")));
    }

    void oldEntriesAndTheOldestBeyondTheBoundGo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("printed.json"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        PrintedTickets tickets;
        QVERIFY(tickets.open(path, now));
        QVERIFY(tickets.add(QStringLiteral("three-days-ago"), now.addDays(-3)));
        QVERIFY(tickets.add(QStringLiteral("yesterday"), now.addDays(-1)));
        PrintedTickets later;
        QVERIFY(later.open(path, now));
        QVERIFY(!later.contains(QStringLiteral("three-days-ago")));
        QVERIFY(later.contains(QStringLiteral("yesterday")));

        for (qsizetype i = 0; i < PrintedTickets::maxEntries + 10; ++i)
            QVERIFY(later.add(QStringLiteral("order-%1").arg(i), now.addSecs(i)));
        QCOMPARE(later.size(), PrintedTickets::maxEntries);
        QVERIFY(!later.contains(QStringLiteral("yesterday")));
        QVERIFY(!later.contains(QStringLiteral("order-9")));
        QVERIFY(later.contains(QStringLiteral("order-10")));
        QVERIFY(later.contains(QStringLiteral("order-%1").arg(PrintedTickets::maxEntries + 9)));
    }

    void anUnreadableFileIsReportedAndTheListStillWorks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("printed.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{not json");
        file.close();
        PrintedTickets tickets;
        QString error;
        QVERIFY(!tickets.open(path, QDateTime::currentDateTimeUtc(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(tickets.add(QStringLiteral("a"))); // and the next save replaces the broken file
        PrintedTickets again;
        QVERIFY(again.open(path));
        QVERIFY(again.contains(QStringLiteral("a")));

        // A folder that cannot hold the file: the print is still remembered for this run.
        PrintedTickets nowhere;
        QVERIFY(nowhere.open(dir.filePath(QStringLiteral("missing/printed.json"))));
        QVERIFY(!nowhere.add(QStringLiteral("b"), QDateTime::currentDateTimeUtc(), &error));
        QVERIFY(nowhere.contains(QStringLiteral("b")));
    }
};

QTEST_APPLESS_MAIN(TestStorePrintedTickets)
#include "tst_store_printedtickets.moc"
