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
        QTest::newRow("tip negative") << "tip_cents" << QJsonValue(-1) << "tip_cents";
        QTest::newRow("discount text") << "discount_cents" << QJsonValue(QStringLiteral("5")) << "discount_cents";
        QTest::newRow("fee fraction") << "delivery_fee_cents" << QJsonValue(3.5) << "delivery_fee_cents";
        QTest::newRow("phone too long") << "customer_phone" << QJsonValue(QString(41, u'1')) << "customer_phone";
        QTest::newRow("address too long") << "delivery_address" << QJsonValue(QString(501, u'a')) << "delivery_address";
        QTest::newRow("table number") << "table" << QJsonValue(12) << "table";
        QTest::newRow("promised bad") << "promised_at" << QJsonValue(QStringLiteral("in 20 min")) << "promised_at";
        QTest::newRow("history object") << "history" << QJsonValue(QJsonObject{}) << "history";
        QTest::newRow("history status unknown")
            << "history"
            << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("status"), QStringLiteral("eaten")},
                                                 {QStringLiteral("at"), QStringLiteral("2026-11-20T18:01:02.123Z")}}})
            << "history[0].status";
        QTest::newRow("history time missing")
            << "history" << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("status"), QStringLiteral("new")}}})
            << "history[0].at";
        QTest::newRow("history who too long")
            << "history"
            << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("status"), QStringLiteral("new")},
                                                 {QStringLiteral("at"), QStringLiteral("2026-11-20T18:01:02.123Z")},
                                                 {QStringLiteral("by"), QString(121, u'x')}}})
            << "history[0].by";
    }

    void detailsAreOptionalAndRoundTrip()
    {
        // An older server's order: no details, and none invented.
        const Decoded<Order> plain = OrderCodec::fromJson(validOrderJson());
        QVERIFY(plain.ok());
        QVERIFY(plain.value->charges.isEmpty());
        QVERIFY(plain.value->history.isEmpty());
        QVERIFY(!plain.value->promisedAt.isValid());
        // ... and written back without them, as an older client expects.
        const QJsonObject written = OrderCodec::toJson(*plain.value);
        for (const char *key : {"tip_cents", "customer_phone", "table", "promised_at", "history"})
            QVERIFY2(!written.contains(QLatin1StringView(key)), key);

        QJsonObject json = validOrderJson();
        json[QStringLiteral("delivery_fee_cents")] = 399;
        json[QStringLiteral("service_fee_cents")] = 150;
        json[QStringLiteral("tip_cents")] = 300;
        json[QStringLiteral("tax_cents")] = 212;
        json[QStringLiteral("discount_cents")] = 265;
        json[QStringLiteral("customer_phone")] = QStringLiteral("+1 555 0142");
        json[QStringLiteral("delivery_address")] = QStringLiteral("12 Mill Lane");
        json[QStringLiteral("table")] = QStringLiteral("Terrace 3");
        json[QStringLiteral("promised_at")] = QStringLiteral("2026-11-20T18:30:00+01:00");
        json[QStringLiteral("customer_phone")] = QStringLiteral("+1 555 0142");
        json[QStringLiteral("history")] = QJsonArray{
            QJsonObject{{QStringLiteral("status"), QStringLiteral("new")}, {QStringLiteral("at"), QStringLiteral("2026-11-20T18:01:02.123Z")}},
            QJsonObject{{QStringLiteral("status"), QStringLiteral("acknowledged")},
                        {QStringLiteral("at"), QStringLiteral("2026-11-20T18:02:00.000Z")},
                        {QStringLiteral("by"), QStringLiteral("Sam Staff")}},
            QJsonObject{{QStringLiteral("status"), QStringLiteral("new")},
                        {QStringLiteral("at"), QStringLiteral("2026-11-20T18:02:30.000Z")},
                        {QStringLiteral("by"), QStringLiteral("Sam Staff")},
                        {QStringLiteral("recall"), true}}};
        const Decoded<Order> decoded = OrderCodec::fromJson(json);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        const Order &order = *decoded.value;
        QCOMPARE(order.charges.deliveryFeeCents, 399);
        QCOMPARE(order.charges.serviceFeeCents, 150);
        QCOMPARE(order.charges.tipCents, 300);
        QCOMPARE(order.charges.taxCents, 212);
        QCOMPARE(order.charges.discountCents, 265);
        QCOMPARE(order.charges.sumCents(), 399 + 150 + 300 + 212 - 265);
        QCOMPARE(order.table, QStringLiteral("Terrace 3"));
        QCOMPARE(order.promisedAt, QDateTime(QDate(2026, 11, 20), QTime(17, 30), Qt::UTC));
        QCOMPARE(order.history.size(), 3);
        QVERIFY(!order.history.at(1).recall);
        QVERIFY(order.history.at(2).recall); // the acknowledge was recalled
        QCOMPARE(order.history.at(1).status, OrderStatus::Acknowledged);
        QCOMPARE(order.history.at(1).by, QStringLiteral("Sam Staff"));
        QVERIFY(order.history.at(0).by.isEmpty());

        const Decoded<Order> again = OrderCodec::fromJson(OrderCodec::toJson(order));
        QVERIFY(again.ok());
        QCOMPARE(*again.value, order);
        Order changed = order;
        changed.history[1].by = QStringLiteral("Morgan Manager");
        QVERIFY(changed != order); // the details take part in equality (caches, upserts)

        QJsonArray badRecall = json[QStringLiteral("history")].toArray();
        QJsonObject last = badRecall.last().toObject();
        last[QStringLiteral("recall")] = QStringLiteral("yes");
        badRecall.replace(badRecall.size() - 1, last);
        json[QStringLiteral("history")] = badRecall;
        QVERIFY(!OrderCodec::fromJson(json).ok());
    }

    void aHistoryIsBounded()
    {
        QJsonArray history;
        for (int i = 0; i < OrderCodec::maxHistoryEntries + 1; ++i)
            history.append(QJsonObject{{QStringLiteral("status"), QStringLiteral("new")},
                                       {QStringLiteral("at"), QStringLiteral("2026-11-20T18:01:02.123Z")}});
        QJsonObject json = validOrderJson();
        json[QStringLiteral("history")] = history;
        const Decoded<Order> tooLong = OrderCodec::fromJson(json);
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.errors.constFirst().field, QStringLiteral("history"));
        history.removeLast();
        json[QStringLiteral("history")] = history;
        QVERIFY(OrderCodec::fromJson(json).ok());
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
