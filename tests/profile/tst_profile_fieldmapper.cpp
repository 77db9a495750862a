// The field mapper: foreign JSON (a Rails order, a Supabase row) into Hearth's wire form and
// through Hearth's own validation, with errors that name the foreign fields.
#include "core/ordercodec.h"
#include "profile/fieldmapper.h"
#include "profile/foreignvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

QJsonObject object(const char *json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json));
    if (!document.isObject())
        qFatal("bad test JSON: %s", json);
    return document.object();
}

FieldRule from(const QString &path)
{
    FieldRule rule;
    rule.from = path;
    return rule;
}

FieldRule cents(const QString &path)
{
    FieldRule rule = from(path);
    rule.convert = FieldRule::Convert::DecimalToCents;
    return rule;
}

// The mapping of the shipped Hafaloha profile, written out so this test stands alone.
QHash<QString, EntityMapping> hafalohaMapping()
{
    FieldRule status = from(u"status"_s);
    status.values = {{u"pending"_s, u"new"_s}, {u"confirmed"_s, u"acknowledged"_s},
                     {u"picked_up"_s, u"completed"_s}};
    FieldRule type = from(u"order_type"_s);
    type.fallback = QJsonValue(u"pickup"_s);
    FieldRule notes = from(u"special_instructions"_s);
    notes.fallback = QJsonValue(u""_s);
    FieldRule version = from(u"updated_at"_s);
    version.convert = FieldRule::Convert::VersionFromTimestamp;
    FieldRule acknowledged = from(u"confirmed_at"_s);
    acknowledged.fallback = QJsonValue(QJsonValue::Null);
    EntityMapping order{{u"number"_s, from(u"order_number"_s)},
                        {u"status"_s, status},
                        {u"type"_s, type},
                        {u"customer_name"_s, from(u"contact_name"_s)},
                        {u"items"_s, from(u"order_items"_s)},
                        {u"notes"_s, notes},
                        {u"total_cents"_s, cents(u"total"_s)},
                        {u"acknowledged_at"_s, acknowledged},
                        {u"version"_s, version}};
    EntityMapping item{{u"unit_price_cents"_s, cents(u"price"_s)}};
    FieldRule damaged = from(u"damaged_quantity"_s);
    damaged.fallback = QJsonValue(0);
    FieldRule inventoryVersion = version;
    EntityMapping inventory{{u"stock"_s, from(u"stock_quantity"_s)},
                            {u"damaged"_s, damaged},
                            {u"threshold"_s, from(u"low_stock_threshold"_s)},
                            {u"version"_s, inventoryVersion}};
    return {{u"order"_s, order}, {u"order_item"_s, item}, {u"inventory_item"_s, inventory}};
}

// A Hafaloha order as its Rails serializer writes it: integer id, decimal strings, Hawaii time.
QJsonObject railsOrder()
{
    return object(R"({
        "id": 9137, "order_number": "142", "status": "pending", "order_type": "pickup",
        "contact_name": "Keola Kahananui", "contact_phone": "+1 808 555 0100",
        "contact_email": "keola@example.com",
        "order_items": [
            {"id": 1, "name": "Loco Moco", "quantity": 2, "price": "14.5", "customizations": {}},
            {"id": 2, "name": "Spam Musubi", "quantity": "3", "price": 3.25}
        ],
        "special_instructions": null, "total": "38.75", "subtotal": "35.00", "tax": "3.75",
        "created_at": "2026-11-20T08:01:02.123-10:00", "updated_at": "2026-11-20T08:01:02.123456-10:00",
        "payment_status": "paid"})");
}

} // namespace

class TestFieldMapper final : public QObject
{
    Q_OBJECT

private slots:
    void mapsARailsOrder()
    {
        const FieldMapper mapper(hafalohaMapping());
        const Decoded<Order> decoded = mapper.toOrder(railsOrder());
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        const Order &order = *decoded.value;
        QCOMPARE(order.id, u"9137"_s);                 // a number id becomes text
        QCOMPARE(order.number, 142);                   // a digit string becomes a number
        QCOMPARE(order.status, OrderStatus::New);      // "pending" → "new"
        QCOMPARE(order.type, OrderType::Pickup);
        QCOMPARE(order.customerName, u"Keola Kahananui"_s);
        QCOMPARE(order.notes, QString());              // null → the default
        QCOMPARE(order.totalCents, 3875);
        QCOMPARE(order.items.size(), 2);
        QCOMPARE(order.items.at(0), (OrderItem{u"Loco Moco"_s, 2, 1450}));
        QCOMPARE(order.items.at(1), (OrderItem{u"Spam Musubi"_s, 3, 325}));
        QCOMPARE(order.createdAt, QDateTime(QDate(2026, 11, 20), QTime(18, 1, 2, 123), Qt::UTC));
        QVERIFY(!order.acknowledgedAt.isValid());
        // Microseconds since the epoch: later updates always get higher versions.
        QCOMPARE(order.version, order.createdAt.toMSecsSinceEpoch() * 1000 + 456);
    }

    void theVersionGrowsWithUpdatedAt()
    {
        const FieldMapper mapper(hafalohaMapping());
        QJsonObject later = railsOrder();
        later.insert(u"updated_at"_s, u"2026-11-20T08:01:02.123457-10:00"_s);
        later.insert(u"status"_s, u"confirmed"_s);
        const Decoded<Order> first = mapper.toOrder(railsOrder());
        const Decoded<Order> second = mapper.toOrder(later);
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(second.value->version, first.value->version + 1);
        QCOMPARE(second.value->status, OrderStatus::Acknowledged);
    }

    void identityForFieldsWithoutRules()
    {
        // hearth-server's own wire form passes through an empty mapping unchanged.
        Order order;
        order.id = u"o1"_s;
        order.number = 7;
        order.customerName = u"Ana"_s;
        order.items = {OrderItem{u"Soup"_s, 1, 500}};
        order.totalCents = 500;
        order.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        order.updatedAt = order.createdAt;
        order.version = 3;
        const FieldMapper mapper;
        const Decoded<Order> decoded = mapper.toOrder(OrderCodec::toJson(order));
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QCOMPARE(*decoded.value, order);
    }

    void fixedValuesDefaultsAndNestedSources()
    {
        EntityMapping rules;
        FieldRule type;
        type.constant = QJsonValue(u"delivery"_s);
        rules.insert(u"type"_s, type);
        rules.insert(u"customer_name"_s, from(u"customer.name"_s));
        FieldRule status = from(u"state"_s);
        status.values = {{u"0"_s, u"new"_s}, {u"1"_s, u"preparing"_s}}; // a Rails integer enum
        rules.insert(u"status"_s, status);
        const FieldMapper mapper({{u"order"_s, rules}});
        const Decoded<QJsonObject> mapped = mapper.map(u"order"_s, object(
            R"({"id":"a","type":"pickup","customer":{"name":"Lani"},"state":1,"unknown":true})"));
        QVERIFY2(mapped.ok(), qPrintable(mapped.errorString()));
        QCOMPARE(mapped.value->value("type"_L1).toString(), u"delivery"_s); // fixed beats source
        QCOMPARE(mapped.value->value("customer_name"_L1).toString(), u"Lani"_s);
        QCOMPARE(mapped.value->value("status"_L1).toString(), u"preparing"_s);
        QVERIFY(!mapped.value->contains("unknown"_L1));  // extra fields are not carried along
        QVERIFY(!mapped.value->contains("items"_L1));    // absent stays absent for the codec
    }

    void errorsNameTheForeignFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");

        QTest::newRow("customer missing") << u"contact_name"_s << QJsonValue(QJsonValue::Undefined)
                                          << u"customer_name (from contact_name): is missing"_s;
        QTest::newRow("status unknown") << u"status"_s << QJsonValue(u"refunded_twice"_s)
                                        << u"status: unknown status \"refunded_twice\""_s;
        QTest::newRow("total three decimals") << u"total"_s << QJsonValue(u"12.345"_s)
                                              << u"total: \"12.345\" has more than two decimal places"_s;
        QTest::newRow("total negative") << u"total"_s << QJsonValue(u"-3.50"_s)
                                        << u"total_cents (from total): must be between 0"_s;
        QTest::newRow("items not a list") << u"order_items"_s << QJsonValue(u"x"_s)
                                          << u"items (from order_items): must be an array"_s;
        QTest::newRow("items empty") << u"order_items"_s << QJsonValue(QJsonArray())
                                     << u"items (from order_items): must hold at least one item"_s;
        QTest::newRow("item price bad")
            << u"order_items"_s
            << QJsonValue(QJsonArray{QJsonObject{{u"name"_s, u"Poke"_s}, {u"quantity"_s, 1}, {u"price"_s, u"12,50"_s}}})
            << u"order_items[0].price: \"12,50\" is not a decimal amount"_s;
        QTest::newRow("item not object") << u"order_items"_s << QJsonValue(QJsonArray{1})
                                         << u"order_items[0]: must be an object"_s;
        QTest::newRow("created garbage") << u"created_at"_s << QJsonValue(u"yesterday"_s)
                                         << u"created_at: \"yesterday\" is not an ISO 8601 timestamp"_s;
        QTest::newRow("version source bad") << u"updated_at"_s << QJsonValue(12)
                                            << u"updated_at: must be an ISO 8601 timestamp"_s;
        QTest::newRow("number not digits") << u"order_number"_s << QJsonValue(u"HAF-142"_s)
                                           << u"number (from order_number): must be a number"_s;
    }

    void errorsNameTheForeignFields()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject order = railsOrder();
        if (value.isUndefined())
            order.remove(field);
        else
            order.insert(field, value);
        const Decoded<Order> decoded = FieldMapper(hafalohaMapping()).toOrder(order);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.errorString().contains(error), qPrintable(decoded.errorString()));
    }

    void decimalsToCents_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<qint64>("cents"); // -1: refused

        QTest::newRow("12.5") << QJsonValue(u"12.5"_s) << qint64(1250);
        QTest::newRow("12.50") << QJsonValue(u"12.50"_s) << qint64(1250);
        QTest::newRow("12") << QJsonValue(u"12"_s) << qint64(1200);
        QTest::newRow("0.05") << QJsonValue(u"0.05"_s) << qint64(5);
        QTest::newRow("12.500 (numeric(10,3))") << QJsonValue(u"12.500"_s) << qint64(1250);
        QTest::newRow("spaces") << QJsonValue(u" 7.10 "_s) << qint64(710);
        QTest::newRow("number 12.5") << QJsonValue(12.5) << qint64(1250);
        QTest::newRow("number 12") << QJsonValue(12) << qint64(1200);
        QTest::newRow("number 0.1") << QJsonValue(0.1) << qint64(10);
        QTest::newRow("number 19.99") << QJsonValue(19.99) << qint64(1999);
        QTest::newRow("negative") << QJsonValue(u"-3.5"_s) << qint64(-350);
        QTest::newRow("12.345 refused") << QJsonValue(u"12.345"_s) << qint64(-1);
        QTest::newRow("number 12.345 refused") << QJsonValue(12.345) << qint64(-1);
        QTest::newRow("0.1 + 0.2 refused") << QJsonValue(0.1 + 0.2) << qint64(-1);
        QTest::newRow("comma") << QJsonValue(u"12,50"_s) << qint64(-1);
        QTest::newRow("thousands") << QJsonValue(u"1,234.50"_s) << qint64(-1);
        QTest::newRow("exponent") << QJsonValue(u"1e3"_s) << qint64(-1);
        QTest::newRow("plus") << QJsonValue(u"+5"_s) << qint64(-1);
        QTest::newRow("trailing dot") << QJsonValue(u"12."_s) << qint64(-1);
        QTest::newRow("currency") << QJsonValue(u"$12"_s) << qint64(-1);
        QTest::newRow("empty") << QJsonValue(u""_s) << qint64(-1);
        QTest::newRow("too large") << QJsonValue(u"12345678901234"_s) << qint64(-1);
        QTest::newRow("huge number") << QJsonValue(1e300) << qint64(-1);
        QTest::newRow("bool") << QJsonValue(true) << qint64(-1);
        QTest::newRow("object") << QJsonValue(QJsonObject()) << qint64(-1);
    }

    void decimalsToCents()
    {
        QFETCH(QJsonValue, value);
        QFETCH(qint64, cents);
        QString error;
        const std::optional<qint64> result = ForeignValues::decimalToCents(value, &error);
        if (cents == -1) {
            QVERIFY(!result);
            QVERIFY(!error.isEmpty());
        } else {
            QVERIFY2(result, qPrintable(error));
            QCOMPARE(*result, cents);
        }
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("wire");      // empty: refused
        QTest::addColumn<qint64>("microsecond"); // the sub-millisecond part kept

        QTest::newRow("hearth") << u"2026-11-20T18:01:02.123Z"_s << u"2026-11-20T18:01:02.123Z"_s << qint64(0);
        QTest::newRow("rails hawaii") << u"2026-11-20T08:01:02.123-10:00"_s << u"2026-11-20T18:01:02.123Z"_s << qint64(0);
        QTest::newRow("postgres") << u"2026-11-20 18:01:02.123456+00"_s << u"2026-11-20T18:01:02.123Z"_s << qint64(456);
        QTest::newRow("supabase") << u"2026-11-20T18:01:02.123456+00:00"_s << u"2026-11-20T18:01:02.123Z"_s << qint64(456);
        QTest::newRow("nanoseconds") << u"2026-11-20T18:01:02.123456789Z"_s << u"2026-11-20T18:01:02.123Z"_s << qint64(456);
        QTest::newRow("no fraction") << u"2026-11-20T18:01:02Z"_s << u"2026-11-20T18:01:02.000Z"_s << qint64(0);
        QTest::newRow("no seconds") << u"2026-11-20T18:01+0130"_s << u"2026-11-20T16:31:00.000Z"_s << qint64(0);
        QTest::newRow("no offset is UTC") << u"2026-11-20T18:01:02.5"_s << u"2026-11-20T18:01:02.500Z"_s << qint64(0);
        QTest::newRow("date only") << u"2026-11-20"_s << QString() << qint64(0);
        QTest::newRow("month 13") << u"2026-13-20T18:01:02Z"_s << QString() << qint64(0);
        QTest::newRow("hour 25") << u"2026-11-20T25:01:02Z"_s << QString() << qint64(0);
        QTest::newRow("offset 24h") << u"2026-11-20T18:01:02+24:00"_s << QString() << qint64(0);
        QTest::newRow("words") << u"tomorrow"_s << QString() << qint64(0);
        QTest::newRow("unix seconds") << u"1763661662"_s << QString() << qint64(0);
    }

    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(QString, wire);
        QFETCH(qint64, microsecond);
        const std::optional<ForeignValues::Instant> instant = ForeignValues::parseTimestamp(text);
        if (wire.isEmpty()) {
            QVERIFY(!instant);
            return;
        }
        QVERIFY(instant);
        QCOMPARE(toWireTimestamp(instant->utc), wire);
        QCOMPARE(instant->microseconds, instant->utc.toMSecsSinceEpoch() * 1000 + microsecond);
    }

    void mapsAnInventoryItem()
    {
        const FieldMapper mapper(hafalohaMapping());
        const Decoded<InventoryItem> item = mapper.toInventoryItem(object(
            R"({"id": 77, "name": "Kalua pork", "stock_quantity": 12, "damaged_quantity": 3,
                "low_stock_threshold": 10, "unit": "lb", "updated_at": "2026-11-20T08:00:00-10:00"})"));
        QVERIFY2(item.ok(), qPrintable(item.errorString()));
        QCOMPARE(item.value->id, u"77"_s);
        QCOMPARE(item.value->available(), 9);
        QVERIFY(item.value->isLow());
        QCOMPARE(item.value->unit, u"lb"_s);
        QVERIFY(item.value->version > 1);

        const Decoded<QJsonObject> json = mapper.toHearthJson(u"inventory_item"_s, object(
            R"({"id": "x", "name": "Rice", "stock_quantity": "40", "low_stock_threshold": 5})"));
        QVERIFY2(!json.ok(), "a version derived from a missing updated_at must fail");
        QVERIFY2(json.errorString().contains("updated_at: is missing; the version is derived from it"_L1),
                 qPrintable(json.errorString()));
    }

    void valueAtDottedPaths()
    {
        const QJsonObject frame = object(R"({"payload":{"data":{"record":{"id":1},"type":"INSERT"}}})");
        QCOMPARE(FieldMapper::valueAt(frame, u"payload.data.type"), QJsonValue(u"INSERT"_s));
        QVERIFY(FieldMapper::valueAt(frame, u"payload.data.record").isObject());
        QVERIFY(FieldMapper::valueAt(frame, u"payload.missing.type").isUndefined());
        QVERIFY(FieldMapper::valueAt(frame, u"payload.data.type.deeper").isUndefined());
        QCOMPARE(FieldMapper::valueAt(frame, u""), QJsonValue(frame));
    }
};

QTEST_GUILESS_MAIN(TestFieldMapper)
#include "tst_profile_fieldmapper.moc"
