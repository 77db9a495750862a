// InventoryItem and its codec: the small inventory type mapped inventory events decode into.
#include "core/inventorycodec.h"

#include <QJsonDocument>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

class TestInventory final : public QObject
{
    Q_OBJECT

private slots:
    void availableIsStockMinusDamaged()
    {
        InventoryItem item{u"i1"_s, u"Flour"_s, 20, 5, 15, u"kg"_s, 1};
        QCOMPARE(item.available(), 15);
        QVERIFY(item.isLow()); // at the threshold counts as low
        item.stock = 21;
        QVERIFY(!item.isLow());
    }

    void roundTrips()
    {
        const InventoryItem item{u"i1"_s, u"Cola cans"_s, 48, 2, 12, u"cans"_s, 9};
        const Decoded<InventoryItem> decoded = InventoryCodec::fromJson(InventoryCodec::toJson(item));
        QVERIFY(decoded.ok());
        QCOMPARE(*decoded.value, item);
    }

    void optionalFieldsDefault()
    {
        const Decoded<InventoryItem> decoded = InventoryCodec::fromJson(
            QJsonDocument::fromJson(R"({"id":"i","name":"Rice","stock":3})").object());
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value->damaged, 0);
        QCOMPARE(decoded.value->threshold, 0);
        QCOMPARE(decoded.value->version, 1);
        QVERIFY(decoded.value->unit.isEmpty());
    }

    void rejectsBadItems_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("no id") << QByteArray(R"({"name":"x","stock":1})") << u"id: is missing"_s;
        QTest::newRow("empty name") << QByteArray(R"({"id":"i","name":" ","stock":1})") << u"name: must not be empty"_s;
        QTest::newRow("stock text") << QByteArray(R"({"id":"i","name":"x","stock":"1"})") << u"stock: must be a number"_s;
        QTest::newRow("stock negative") << QByteArray(R"({"id":"i","name":"x","stock":-1})") << u"stock: must be between 0"_s;
        QTest::newRow("stock fraction") << QByteArray(R"({"id":"i","name":"x","stock":1.5})") << u"stock: must be a whole number"_s;
        QTest::newRow("damaged huge") << QByteArray(R"({"id":"i","name":"x","stock":1,"damaged":1e12})") << u"damaged: must be between"_s;
        QTest::newRow("version zero") << QByteArray(R"({"id":"i","name":"x","stock":1,"version":0})") << u"version: must be between 1"_s;
        QTest::newRow("unit number") << QByteArray(R"({"id":"i","name":"x","stock":1,"unit":5})") << u"unit: must be a string"_s;
    }

    void rejectsBadItems()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const Decoded<InventoryItem> decoded = InventoryCodec::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.errorString().contains(error), qPrintable(decoded.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_profile_inventory.moc"
