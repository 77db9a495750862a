// Inventory from a Rails backend (the shipped Hafaloha profile) against the in-test Rails: the
// REST inventory list fills the model once the InventoryChannel is confirmed, `stock_updated` and
// `low_stock` broadcasts arrive mapped (stock_quantity → stock, …) and the low-stock notice comes
// once per crossing; stock stays read-only, as Hearth cannot write to Rails.
#include "cablefixtures.h"
#include "fakecableserver.h"
#include "fakehttpserver.h"
#include "foreigninventorystack.h"

#include "realtime/realtimeservice.h"

#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace cabletest;
using namespace foreigninventory;
using namespace Qt::StringLiterals;
using Response = FakeHttpServer::Response;

namespace {

const QString inventoryChannel = u"InventoryChannel"_s;

QJsonObject message(const char *type, const QJsonObject &item)
{
    return {{u"type"_s, QString::fromLatin1(type)}, {u"item"_s, item}};
}

} // namespace

class TestActionCableInventory final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeCableServer> m_cable;
    std::unique_ptr<FakeHttpServer> m_http;
    std::unique_ptr<ForeignInventoryStack> m_stack;
    StockRows m_rows;

    QJsonObject profileJson() const
    {
        QJsonObject json = hafalohaProfileJson();
        json.insert(u"url"_s, m_cable->url().toString());
        json.insert(u"heartbeat_ms"_s, 200);
        QJsonObject rest = json.value("rest"_L1).toObject();
        rest.insert(u"base_url"_s, m_http->url().toString());
        json.insert(u"rest"_s, rest);
        return json;
    }

private slots:
    void init()
    {
        m_cable = std::make_unique<FakeCableServer>();
        m_cable->pingInterval = 200ms;
        QVERIFY(m_cable->listen());
        m_http = std::make_unique<FakeHttpServer>();
        m_http->handler = [this](const FakeHttpServer::Request &request) {
            if (request.headers.value("authorization") != "Bearer tok")
                return Response::json(401, R"({"error":"unauthorized"})");
            if (request.path == "/api/v1/admin/orders")
                return Response::json(200, R"({"orders":[]})");
            if (request.path == "/api/v1/admin/inventory")
                return Response::json(200, QJsonDocument(QJsonObject{{u"items"_s, m_rows.all()}}).toJson());
            return Response::json(404, R"({"error":"not found"})");
        };
        QVERIFY(m_http->listen());
        m_stack = std::make_unique<ForeignInventoryStack>();
    }

    void cleanup()
    {
        m_stack.reset();
        m_cable.reset();
        m_http.reset();
    }

    void theListAndTheBroadcastsReachTheModel()
    {
        m_rows.put(u"1"_s, u"Flour"_s, 20, 2, 5);
        m_rows.put(u"2"_s, u"Tomatoes"_s, 8, 0, 4);
        QVERIFY(m_stack->configure(profileJson()));
        QVERIFY(m_stack->inventory.isAvailable());
        m_stack->go();
        QTRY_COMPARE(m_stack->client.realtime().state(), ConnectionState::Live);
        QTRY_COMPARE(m_cable->commandCount(u"subscribe"_s, inventoryChannel), 1);
        QTRY_COMPARE(m_stack->inventory.sync().snapshotsLoaded(), 1);
        QCOMPARE(m_stack->model.rowCount(), 2);
        const InventoryItem *flour = m_stack->model.rowById(u"1"_s);
        QVERIFY(flour);
        QCOMPARE(flour->stock, 20);
        QCOMPARE(flour->damaged, 2);
        QCOMPARE(flour->threshold, 5);
        QCOMPARE(flour->available(), 18);
        QVERIFY(!m_stack->inventory.canAdjustStock()); // Rails owns the stock

        QSignalSpy low(&m_stack->model, &InventoryModel::becameLow);
        // Rails announces the fall with its own message type; the later state wins.
        QCOMPARE(m_cable->broadcast(inventoryChannel, u"1"_s, message("low_stock", m_rows.put(u"1"_s, u"Flour"_s, 6, 2, 5))), 1);
        QTRY_COMPARE(m_stack->model.rowById(u"1"_s)->stock, 6);
        QCOMPARE(low.size(), 1);
        m_cable->broadcast(inventoryChannel, u"1"_s, message("stock_updated", m_rows.put(u"1"_s, u"Flour"_s, 5, 2, 5)));
        QTRY_COMPARE(m_stack->model.rowById(u"1"_s)->stock, 5);
        QCOMPARE(low.size(), 1); // still low: no second notice
        m_cable->broadcast(inventoryChannel, u"1"_s, message("stock_updated", m_rows.put(u"1"_s, u"Flour"_s, 40, 0, 5)));
        m_cable->broadcast(inventoryChannel, u"1"_s, message("low_stock", m_rows.put(u"1"_s, u"Flour"_s, 4, 0, 5)));
        QTRY_COMPARE(m_stack->model.rowById(u"1"_s)->stock, 4);
        QCOMPARE(low.size(), 2);
        QCOMPARE(m_stack->client.realtime().stats().malformedFrames, 0);
    }
};

QTEST_GUILESS_MAIN(TestActionCableInventory)
#include "tst_actioncable_inventory.moc"
