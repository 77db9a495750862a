// The inventory channel of hearth-server over real HTTP and WebSocket on 127.0.0.1
// (docs/protocol.md, "Inventory"): the demo store room, stock arithmetic validated on the server,
// If-Match and Idempotency-Key, roles, low-stock alerts once per crossing, menu availability and
// weekdays, sold-out dishes, deltas with `since`, and the events on the channel.
#include "testsupport.h"

#include "core/inventorycodec.h"
#include "core/menucodec.h"
#include "server/demoaccounts.h"
#include "server/eventlog.h"
#include "server/inventoryservice.h"
#include "server/orderservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;
using namespace Qt::StringLiterals;

namespace {

QString errorCode(const HttpResult &result)
{
    return result.body.value("error"_L1).toObject().value("code"_L1).toString();
}

QJsonObject errorFields(const HttpResult &result)
{
    return result.body.value("error"_L1).toObject().value("fields"_L1).toObject();
}

QByteArray newKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

QByteArray quoted(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

const QString restaurant = QString(DemoAccounts::restaurantId);

} // namespace

class TestServerInventory final : public QObject
{
    Q_OBJECT

private:
    HttpResult patch(const QString &path, const QJsonObject &body, const QString &token, const QByteArray &key,
                     const QByteArray &ifMatch)
    {
        HttpClient::Headers headers;
        if (!key.isEmpty())
            headers.append({QByteArrayLiteral("Idempotency-Key"), key});
        if (!ifMatch.isEmpty())
            headers.append({QByteArrayLiteral("If-Match"), ifMatch});
        return m_http->send("PATCH", path, json(body), token, headers);
    }

    InventoryItem item(const QString &id) const
    {
        return m_server->inventory()->findItem(restaurant, id).value_or(InventoryItem{});
    }

    MenuItem menuItem(const QString &id) const
    {
        return m_server->inventory()->findMenuItem(restaurant, id).value_or(MenuItem{});
    }

    // Events of `type` on the inventory channel after `afterSeq` about entity `id`.
    int eventsAbout(const QString &type, const QString &id, qint64 afterSeq) const
    {
        int count = 0;
        const QList<StoredEvent> events =
            m_server->eventLog()->readAfter(restaurant, QString(InventoryEvents::channel), afterSeq, 10000);
        for (const StoredEvent &event : events) {
            if (event.type == type && QJsonDocument::fromJson(event.data).object().value("id"_L1).toString() == id)
                ++count;
        }
        return count;
    }

    qint64 head() const { return m_server->eventLog()->headSeq(restaurant, QString(InventoryEvents::channel)); }

    void setCounts(const QString &id, qint64 stock, qint64 damaged)
    {
        StockChange change;
        change.stock = stock;
        change.damaged = damaged;
        QVERIFY(m_server->inventory()->adjust(restaurant, id, change).ok());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<HearthServer>(testOptions(m_dir));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server->httpUrl());
        m_manager = m_http->login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        m_staff = m_http->login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        QVERIFY(!m_manager.isEmpty());
        QVERIFY(!m_staff.isEmpty());
    }

    void cleanupTestCase()
    {
        m_http.reset();
        m_server.reset();
    }

    void theDemoStoreRoomAndMenuAreSeeded()
    {
        const HttpResult listed = m_http->get(u"/api/inventory"_s, m_staff);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.body.value("epoch"_L1).toString(), m_server->epoch());
        QCOMPARE(listed.body.value("seq"_L1).toInteger(), head());
        const QJsonArray items = listed.body.value("items"_L1).toArray();
        const QJsonArray menu = listed.body.value("menu"_L1).toArray();
        QVERIFY(items.size() >= 10);
        QVERIFY(menu.size() >= 10);
        for (const QJsonValue &value : items)
            QVERIFY2(InventoryCodec::fromJson(value.toObject()).ok(), qPrintable(value.toObject().value("id"_L1).toString()));
        for (const QJsonValue &value : menu)
            QVERIFY(MenuCodec::fromJson(value.toObject()).ok());
        QCOMPARE(items.at(0).toObject().value("id"_L1).toString(), u"dough"_s); // in the order they were listed
        QCOMPARE(menuItem(u"lasagne"_s).days, (QList<int>{5, 6, 7}));
        QVERIFY(menuItem(u"margherita"_s).days.isEmpty());
        QVERIFY(!menuItem(u"burrata"_s).available);
        // Restarting the server seeds nothing twice.
        const qint64 before = head();
        m_server->stop();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QCOMPARE(head(), before);
    }

    void anUnauthenticatedListIsRefused()
    {
        QCOMPARE(m_http->get(u"/api/inventory"_s).status, 401);
    }

    void staffAdjustStockWithIfMatch()
    {
        const InventoryItem flour = item(u"pasta"_s);
        const qint64 seq = head();
        const HttpResult answer = patch(u"/api/inventory/pasta"_s, {{u"stock"_s, 75}, {u"damaged"_s, 3}}, m_staff,
                                        newKey(), quoted(flour.version));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value("stock"_L1).toInteger(), 75);
        QCOMPARE(answer.body.value("damaged"_L1).toInteger(), 3);
        QCOMPARE(answer.body.value("version"_L1).toInteger(), flour.version + 1);
        QCOMPARE(answer.header("etag"), quoted(flour.version + 1));
        QCOMPARE(item(u"pasta"_s).available(), 72);
        QCOMPARE(eventsAbout(QString(InventoryEvents::updated), u"pasta"_s, seq), 1);
    }

    void invalidCountsAreRefusedPerField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("negative stock") << QJsonObject{{u"stock"_s, -1}} << u"stock"_s << u"negative"_s;
        QTest::newRow("negative damaged") << QJsonObject{{u"damaged"_s, -2}} << u"damaged"_s << u"negative"_s;
        QTest::newRow("damaged above stock") << QJsonObject{{u"stock"_s, 5}, {u"damaged"_s, 6}} << u"damaged"_s
                                             << u"more than the stock"_s;
        QTest::newRow("damaged above current stock") << QJsonObject{{u"damaged"_s, 1000}} << u"damaged"_s
                                                     << u"more than the stock"_s;
        QTest::newRow("fraction") << QJsonObject{{u"stock"_s, 2.5}} << u"stock"_s << u""_s;
        QTest::newRow("text") << QJsonObject{{u"stock"_s, u"12"_s}} << u"stock"_s << u""_s;
        QTest::newRow("unknown field") << QJsonObject{{u"price"_s, 3}} << u"price"_s << u""_s;
    }

    void invalidCountsAreRefusedPerField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const InventoryItem before = item(u"eggs"_s);
        const qint64 seq = head();
        const HttpResult answer = patch(u"/api/inventory/eggs"_s, body, m_staff, newKey(), quoted(before.version));
        QCOMPARE(answer.status, 422);
        QCOMPARE(errorCode(answer), u"validation_failed"_s);
        QVERIFY2(errorFields(answer).contains(field), answer.raw.constData());
        QVERIFY2(errorFields(answer).value(field).toString().contains(message), answer.raw.constData());
        QCOMPARE(item(u"eggs"_s), before);
        QCOMPARE(head(), seq);
    }

    void aChangeNeedsIfMatchAndAKey()
    {
        const InventoryItem eggs = item(u"eggs"_s);
        QCOMPARE(patch(u"/api/inventory/eggs"_s, {{u"stock"_s, 40}}, m_staff, newKey(), {}).status, 428);
        QCOMPARE(patch(u"/api/inventory/eggs"_s, {{u"stock"_s, 40}}, m_staff, {}, quoted(eggs.version)).status, 400);
        QCOMPARE(patch(u"/api/inventory/nothing"_s, {{u"stock"_s, 40}}, m_staff, newKey(), quoted(1)).status, 404);
        QCOMPARE(item(u"eggs"_s), eggs);
    }

    void aStaleVersionConflictsWithTheCurrentItem()
    {
        const InventoryItem eggs = item(u"eggs"_s);
        QCOMPARE(patch(u"/api/inventory/eggs"_s, {{u"stock"_s, 44}}, m_staff, newKey(), quoted(eggs.version)).status, 200);
        // The second PC still shows the old version.
        const HttpResult stale = patch(u"/api/inventory/eggs"_s, {{u"stock"_s, 10}}, m_manager, newKey(), quoted(eggs.version));
        QCOMPARE(stale.status, 409);
        QCOMPARE(errorCode(stale), u"conflict"_s);
        QCOMPARE(stale.body.value("current"_L1).toObject().value("stock"_L1).toInteger(), 44);
        QCOMPARE(item(u"eggs"_s).stock, 44);
    }

    void aRetriedAdjustmentIsAppliedOnce()
    {
        const InventoryItem rice = item(u"rice"_s);
        const QByteArray key = newKey();
        const qint64 seq = head();
        const HttpResult first = patch(u"/api/inventory/rice"_s, {{u"stock"_s, 25}}, m_staff, key, quoted(rice.version));
        const HttpResult again = patch(u"/api/inventory/rice"_s, {{u"stock"_s, 25}}, m_staff, key, quoted(rice.version));
        QCOMPARE(first.status, 200);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.header("idempotent-replayed"), QByteArrayLiteral("true"));
        QCOMPARE(again.body, first.body);
        QCOMPARE(item(u"rice"_s).version, rice.version + 1);
        QCOMPARE(eventsAbout(QString(InventoryEvents::updated), u"rice"_s, seq), 1);
        // The same key for another change is refused.
        QCOMPARE(patch(u"/api/inventory/rice"_s, {{u"stock"_s, 24}}, m_staff, key, quoted(rice.version + 1)).status, 422);
    }

    void onlyManagersMoveTheThreshold()
    {
        const InventoryItem wine = item(u"wine"_s);
        const HttpResult refused =
            patch(u"/api/inventory/wine"_s, {{u"threshold"_s, 2}}, m_staff, newKey(), quoted(wine.version));
        QCOMPARE(refused.status, 403);
        QCOMPARE(item(u"wine"_s), wine);
        // Sending the item back whole with its threshold unchanged is still a stock count.
        QCOMPARE(patch(u"/api/inventory/wine"_s, {{u"stock"_s, 29}, {u"threshold"_s, wine.threshold}}, m_staff,
                       newKey(), quoted(wine.version))
                     .status,
                 200);
        const HttpResult allowed =
            patch(u"/api/inventory/wine"_s, {{u"threshold"_s, 2}}, m_manager, newKey(), quoted(wine.version + 1));
        QCOMPARE(allowed.status, 200);
        QCOMPARE(item(u"wine"_s).threshold, 2);
    }

    void lowStockIsAnnouncedOncePerCrossing()
    {
        // threshold 12 for dough; down, further down, up, down again → two alerts.
        const QString id = u"dough"_s;
        setCounts(id, 40, 0);
        const qint64 seq = head();
        setCounts(id, 12, 0); // available 12 ≤ 12: crossed
        setCounts(id, 11, 0);
        setCounts(id, 10, 2); // still low: no second alert
        setCounts(id, 30, 0); // recovered
        setCounts(id, 20, 9); // 11: low again
        QCOMPARE(eventsAbout(QString(InventoryEvents::lowStock), id, seq), 2);
        QCOMPARE(eventsAbout(QString(InventoryEvents::updated), id, seq), 5);
    }

    void aDishSellsOutWhenAnIngredientRunsOutAndComesBack()
    {
        setCounts(u"mascarpone"_s, 2, 0);
        QVERIFY(!menuItem(u"tiramisu"_s).soldOut);
        const qint64 seq = head();
        QVERIFY(m_server->inventory()->consume(restaurant, u"Tiramisu"_s, 1));
        QVERIFY(!menuItem(u"tiramisu"_s).soldOut);
        QVERIFY(m_server->inventory()->consume(restaurant, u"Tiramisu"_s, 1));
        QCOMPARE(item(u"mascarpone"_s).stock, 0);
        QVERIFY(menuItem(u"tiramisu"_s).soldOut);
        QVERIFY(menuItem(u"tiramisu"_s).available); // the manager's choice is untouched
        QCOMPARE(eventsAbout(QString(InventoryEvents::menuChanged), u"tiramisu"_s, seq), 1);
        QVERIFY(!m_server->inventory()->consume(restaurant, u"Tiramisu"_s, 1) || item(u"mascarpone"_s).stock == 0);
        QCOMPARE(item(u"mascarpone"_s).stock, 0); // never below zero
        QVERIFY(m_server->inventory()->restock(restaurant, u"mascarpone"_s, 10).ok());
        QVERIFY(!menuItem(u"tiramisu"_s).soldOut);
        QCOMPARE(eventsAbout(QString(InventoryEvents::menuChanged), u"tiramisu"_s, seq), 2);
    }

    void damagedUnitsAreNotCookedWith()
    {
        setCounts(u"burrata"_s, 3, 2);
        QVERIFY(m_server->inventory()->consume(restaurant, u"Burrata & Tomatoes"_s, 5));
        QCOMPARE(item(u"burrata"_s).stock, 2);
        QCOMPARE(item(u"burrata"_s).damaged, 2);
        QVERIFY(menuItem(u"burrata"_s).soldOut);
    }

    void managersSetAvailabilityAndDays()
    {
        const MenuItem lasagne = menuItem(u"lasagne"_s);
        QCOMPARE(patch(u"/api/menu/lasagne"_s, {{u"available"_s, false}}, m_staff, newKey(), quoted(lasagne.version)).status,
                 403);
        const HttpResult days = patch(u"/api/menu/lasagne"_s, {{u"days"_s, QJsonArray{u"fri"_s, u"mon"_s, u"mon"_s}}},
                                      m_manager, newKey(), quoted(lasagne.version));
        QCOMPARE(days.status, 200);
        QCOMPARE(days.body.value("days"_L1).toArray(), (QJsonArray{u"mon"_s, u"fri"_s}));
        const HttpResult everyDay =
            patch(u"/api/menu/lasagne"_s, {{u"days"_s, QJsonArray{}}, {u"available"_s, false}}, m_manager, newKey(),
                  quoted(lasagne.version + 1));
        QCOMPARE(everyDay.status, 200);
        QVERIFY(menuItem(u"lasagne"_s).days.isEmpty());
        QVERIFY(!menuItem(u"lasagne"_s).available);
        const HttpResult badDay = patch(u"/api/menu/lasagne"_s, {{u"days"_s, QJsonArray{u"funday"_s}}}, m_manager,
                                        newKey(), quoted(lasagne.version + 2));
        QCOMPARE(badDay.status, 422);
        QVERIFY(errorFields(badDay).contains(u"days"_s));
        const HttpResult stale = patch(u"/api/menu/lasagne"_s, {{u"available"_s, true}}, m_manager, newKey(),
                                       quoted(lasagne.version));
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.body.value("current"_L1).toObject().value("available"_L1).toBool(), false);
    }

    void aDeltaHoldsWhatChangedSince()
    {
        const qint64 seq = head();
        setCounts(u"lemons"_s, 25, 1);
        const HttpResult delta = m_http->get(u"/api/inventory?since=%1"_s.arg(seq), m_staff);
        QCOMPARE(delta.status, 200);
        QCOMPARE(delta.body.value("seq"_L1).toInteger(), head());
        const QJsonArray items = delta.body.value("items"_L1).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value("id"_L1).toString(), u"lemons"_s);
        QVERIFY(delta.body.value("menu"_L1).toArray().isEmpty());
        QCOMPARE(m_http->get(u"/api/inventory?since=-1"_s, m_staff).status, 400);
    }

    void theChannelStreamsTheEvents()
    {
        WsClient ws;
        QVERIFY(ws.open(m_server->webSocketUrl(), m_staff));
        QVERIFY(!ws.nextOp(u"welcome"_s).isEmpty());
        const QJsonObject subscribed = ws.subscribe(u"inventory"_s, m_server->epoch(), head());
        QCOMPARE(subscribed.value("op"_L1).toString(), u"subscribed"_s);
        setCounts(u"water"_s, 35, 0);
        setCounts(u"water"_s, 10, 0); // below 12: low
        QStringList types;
        for (int i = 0; i < 3; ++i) {
            const QJsonObject event = ws.nextOp(u"event"_s);
            QCOMPARE(event.value("channel"_L1).toString(), u"inventory"_s);
            types.append(event.value("type"_L1).toString());
        }
        QCOMPARE(types, (QStringList{u"inventory.updated"_s, u"inventory.updated"_s, u"inventory.low_stock"_s}));
    }

    void simulatedOrdersDrawTheStockDown()
    {
        setCounts(u"guanciale"_s, 20, 0);
        setCounts(u"pasta"_s, 80, 0);
        NewOrder draft;
        draft.customerName = u"Test"_s;
        draft.items = {OrderItem{u"Spaghetti Carbonara"_s, 3, 1390}};
        // Without a simulation, an order is just an order.
        QVERIFY(m_server->orders()->createOrder(restaurant, draft).ok());
        QCOMPARE(item(u"guanciale"_s).stock, 20);
        m_server->setSimulationRate(0.01); // its first order may draw too: only a lower bound below
        const qint64 before = item(u"guanciale"_s).stock;
        QVERIFY(m_server->orders()->createOrder(restaurant, draft).ok());
        QVERIFY(item(u"guanciale"_s).stock <= before - 3);
        QVERIFY(item(u"pasta"_s).stock <= 80 - 3);
        m_server->setSimulationRate(0);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_manager;
    QString m_staff;
};

QTEST_GUILESS_MAIN(TestServerInventory)
#include "tst_server_inventory.moc"
