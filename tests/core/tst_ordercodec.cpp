#include "core/ordercodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace hearth;

namespace {

QJsonObject validOrderJson()
{
    return QJsonDocument::fromJson(R"({
        "id": "ord-1", "number": 142, "status": "acknowledged", "type": "dine_in",
        "customer_name": "Ana Souza",
        "items": [{"name": "Margherita", "quantity": 2, "unit_price_cents": 1150},
                  {"name": "Lemonade", "quantity": 1, "unit_price_cents": 350}],
        "notes": "no basil", "total_cents": 2650,
        "created_at": "2026-11-20T18:01:02.123Z", "updated_at": "2026-11-20T18:03:00.000Z",
        "acknowledged_at": "2026-11-20T18:02:00.000Z", "version": 3
    })").object();
}

} // namespace

class TestOrderCodec final : public QObject
{
    Q_OBJECT

private slots:
    void decodesAValidOrder()
    {
        const Decoded<Order> decoded = OrderCodec::fromJson(validOrderJson());
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        const Order &order = *decoded.value;
        QCOMPARE(order.id, QStringLiteral("ord-1"));
        QCOMPARE(order.number, 142);
        QCOMPARE(order.status, OrderStatus::Acknowledged);
        QCOMPARE(order.type, OrderType::DineIn);
        QCOMPARE(order.customerName, QStringLiteral("Ana Souza"));
        QCOMPARE(order.items.size(), 2);
        QCOMPARE(order.items.at(0).lineTotalCents(), 2300);
        QCOMPARE(order.totalCents, 2650);
        QCOMPARE(order.createdAt, QDateTime(QDate(2026, 11, 20), QTime(18, 1, 2, 123), Qt::UTC));
        QVERIFY(order.isAcknowledged());
        QCOMPARE(order.version, 3);
    }

    void roundTripsThroughJson()
    {
        const Order original = *OrderCodec::fromJson(validOrderJson()).value;
        const Decoded<Order> again = OrderCodec::fromJson(OrderCodec::toJson(original));
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QCOMPARE(*again.value, original);
    }

    void nullAcknowledgedAtMeansNotAcknowledged()
    {
        QJsonObject json = validOrderJson();
        json[QStringLiteral("acknowledged_at")] = QJsonValue::Null;
        json.remove(QStringLiteral("version"));
        const Decoded<Order> decoded = OrderCodec::fromJson(json);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QVERIFY(!decoded.value->isAcknowledged());
        QCOMPARE(decoded.value->version, 1);
    }

    void rejectsEachInvalidField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the field
        QTest::addColumn<QString>("reportedPath");

        const QJsonValue missing(QJsonValue::Undefined);
        QTest::newRow("id missing") << "id" << missing << "id";
        QTest::newRow("id empty") << "id" << QJsonValue(QStringLiteral(" ")) << "id";
        QTest::newRow("id number") << "id" << QJsonValue(7) << "id";
        QTest::newRow("number zero") << "number" << QJsonValue(0) << "number";
        QTest::newRow("number fraction") << "number" << QJsonValue(1.5) << "number";
        QTest::newRow("number string") << "number" << QJsonValue(QStringLiteral("12")) << "number";
        QTest::newRow("status unknown") << "status" << QJsonValue(QStringLiteral("eaten")) << "status";
        QTest::newRow("status missing") << "status" << missing << "status";
        QTest::newRow("type unknown") << "type" << QJsonValue(QStringLiteral("drone")) << "type";
        QTest::newRow("customer not string") << "customer_name" << QJsonValue(true) << "customer_name";
        QTest::newRow("items not array") << "items" << QJsonValue(QStringLiteral("x")) << "items";
        QTest::newRow("items empty") << "items" << QJsonValue(QJsonArray()) << "items";
        QTest::newRow("item not object") << "items" << QJsonValue(QJsonArray{1}) << "items[0]";
        QTest::newRow("item quantity zero")
            << "items"
            << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Tea")},
                                                 {QStringLiteral("quantity"), 0},
                                                 {QStringLiteral("unit_price_cents"), 200}}})
            << "items[0].quantity";
        QTest::newRow("item price negative")
            << "items"
            << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Tea")},
                                                 {QStringLiteral("quantity"), 1},
                                                 {QStringLiteral("unit_price_cents"), -1}}})
            << "items[0].unit_price_cents";
        QTest::newRow("item name missing")
            << "items"
            << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("quantity"), 1},
                                                 {QStringLiteral("unit_price_cents"), 1}}})
            << "items[0].name";
        QTest::newRow("notes number") << "notes" << QJsonValue(3) << "notes";
        QTest::newRow("total negative") << "total_cents" << QJsonValue(-5) << "total_cents";
        QTest::newRow("total huge") << "total_cents" << QJsonValue(1e300) << "total_cents";
        QTest::newRow("created bad") << "created_at" << QJsonValue(QStringLiteral("yesterday")) << "created_at";
        QTest::newRow("created missing") << "created_at" << missing << "created_at";
        QTest::newRow("updated number") << "updated_at" << QJsonValue(1700000000) << "updated_at";
        QTest::newRow("acknowledged bad") << "acknowledged_at" << QJsonValue(QStringLiteral("soon")) << "acknowledged_at";
        QTest::newRow("version zero") << "version" << QJsonValue(0) << "version";
    }

    void rejectsEachInvalidField()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reportedPath);

        QJsonObject json = validOrderJson();
        if (value.isUndefined())
            json.remove(field);
        else
            json[field] = value;

        const Decoded<Order> decoded = OrderCodec::fromJson(json);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.errors.size(), 1);
        QCOMPARE(decoded.errors.first().field, reportedPath);
        QVERIFY(!decoded.errors.first().message.isEmpty());
    }

    void reportsEveryBadFieldAtOnce()
    {
        QJsonObject json = validOrderJson();
        json[QStringLiteral("number")] = -1;
        json[QStringLiteral("status")] = QStringLiteral("?");
        json.remove(QStringLiteral("updated_at"));
        const Decoded<Order> decoded = OrderCodec::fromJson(json);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.errors.size(), 3);
        QVERIFY(decoded.errorString().contains(QStringLiteral("updated_at: is missing")));
    }

    void aListFailsWholeWhenOneElementIsBad()
    {
        QJsonObject bad = validOrderJson();
        bad.remove(QStringLiteral("id"));
        const auto decoded = OrderCodec::fromJsonArray(QJsonArray{validOrderJson(), bad, 5});
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.errors.size(), 2);
        QCOMPARE(decoded.errors.at(0).field, QStringLiteral("[1].id"));
        QCOMPARE(decoded.errors.at(1).field, QStringLiteral("[2]"));

        const auto good = OrderCodec::fromJsonArray(QJsonArray{validOrderJson(), validOrderJson()});
        QVERIFY(good.ok());
        QCOMPARE(good.value->size(), 2);
    }
};

QTEST_APPLESS_MAIN(TestOrderCodec)
#include "tst_ordercodec.moc"
