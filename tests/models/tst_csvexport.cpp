// CSV fields as RFC 4180 wants them, and cells a spreadsheet would run as formulas defused.
#include "models/csvexport.h"

#include <QStandardItemModel>
#include <QtTest>

using namespace hearth;

class TestCsvExport final : public QObject
{
    Q_OBJECT

private slots:
    void fields_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("Margherita") << QStringLiteral("Margherita");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("$1,234.50") << QStringLiteral("\"$1,234.50\"");
        QTest::newRow("quote") << QStringLiteral("Olive \"Oli\" Park") << QStringLiteral("\"Olive \"\"Oli\"\" Park\"");
        QTest::newRow("newline") << QStringLiteral("No onions\nExtra napkins") << QStringLiteral("\"No onions\nExtra napkins\"");
        QTest::newRow("edge space") << QStringLiteral(" Luca") << QStringLiteral("\" Luca\"");
        QTest::newRow("formula") << QStringLiteral("=HYPERLINK(\"x\")") << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("plus") << QStringLiteral("+1 555") << QStringLiteral("'+1 555");
        QTest::newRow("at") << QStringLiteral("@sum") << QStringLiteral("'@sum");
        QTest::newRow("minus word") << QStringLiteral("-cmd") << QStringLiteral("'-cmd");
        QTest::newRow("negative number") << QStringLiteral("-5.00") << QStringLiteral("-5.00");
        QTest::newRow("accents") << QStringLiteral("Crème brûlée ×2") << QStringLiteral("Crème brûlée ×2");
    }

    void fields()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(CsvExport::field(text), field);
    }

    void aModelInTheGivenColumnOrder()
    {
        QStandardItemModel model(2, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("A"), QStringLiteral("B, b"), QStringLiteral("C")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("a1")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("b1")));
        model.setItem(0, 2, new QStandardItem(QStringLiteral("c1")));
        model.setItem(1, 0, new QStandardItem(QStringLiteral("a2")));
        model.setItem(1, 2, new QStandardItem(QStringLiteral("c\"2")));
        QCOMPARE(CsvExport::fromModel(model, {2, 0}), QStringLiteral("C,A\r\nc1,a1\r\n\"c\"\"2\",a2\r\n"));
        QCOMPARE(CsvExport::fromModel(model, {1}), QStringLiteral("\"B, b\"\r\nb1\r\n\r\n"));
    }
};

QTEST_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
