// Inventory from a Supabase project (the shipped profile) against the in-test Phoenix server:
// the REST list of inventory_items fills the model after the join, `postgres_changes` on the
// inventory table arrive mapped, the low-stock notice comes once per crossing, and a channel
// crash (rejoin) reloads the list, since Phoenix has no replay.
#include "fakehttpserver.h"
#include "fakephoenixserver.h"
#include "foreigninventorystack.h"
#include "phoenixfixtures.h"

#include "realtime/realtimeservice.h"

#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace phxtest;
using namespace foreigninventory;
using namespace Qt::StringLiterals;
using Response = FakeHttpServer::Response;

namespace {

const QString inventoryTopic = u"realtime:hearth-inventory-42"_s;
const QString table = u"inventory_items"_s;

} // namespace

class TestPhoenixInventory final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakePhoenixServer> m_phoenix;
    std::unique_ptr<FakeHttpServer> m_http;
    std::unique_ptr<ForeignInventoryStack> m_stack;
    StockRows m_rows;

    int listRequests() const
    {
        int count = 0;
        for (const FakeHttpServer::Request &request : m_http->requests)
            count += request.path == "/rest/v1/inventory_items";
        return count;
    }

private slots:
    void init()
    {
        m_phoenix = std::make_unique<FakePhoenixServer>();
        QVERIFY(m_phoenix->listen());
        m_http = std::make_unique<FakeHttpServer>();
        m_http->handler = [this](const FakeHttpServer::Request &request) {
            if (request.headers.value("authorization") != "Bearer tok")
                return Response::json(401, R"({"message":"JWT expired"})");
            if (request.path == "/rest/v1/orders")
                return Response::json(200, "[]");
            if (request.path == "/rest/v1/inventory_items")
                return Response::json(200, QJsonDocument(m_rows.all()).toJson());
            return Response::json(404, R"({"message":"not found"})");
        };
        QVERIFY(m_http->listen());
        m_stack = std::make_unique<ForeignInventoryStack>();
    }

    void cleanup()
    {
        m_stack.reset();
        m_phoenix.reset();
        m_http.reset();
    }

    void postgresChangesReachTheModel()
    {
        m_rows.put(u"flour"_s, u"Flour"_s, 20, 0, 5);
        QJsonObject json = supabaseProfileJson();
        json.insert(u"url"_s, m_phoenix->url().toString());
        json.insert(u"heartbeat_ms"_s, 400);
        QJsonObject rest = json.value("rest"_L1).toObject();
        rest.insert(u"base_url"_s, m_http->url().toString());
        json.insert(u"rest"_s, rest);
        QVERIFY(m_stack->configure(json));
        m_stack->go();
        QTRY_COMPARE(m_stack->client.realtime().state(), ConnectionState::Live);
        QTRY_COMPARE(m_phoenix->joinCount(inventoryTopic), 1);
        QTRY_COMPARE(m_stack->inventory.sync().snapshotsLoaded(), 1);
        for (const FakePhoenixServer::Join &join : std::as_const(m_phoenix->joins)) {
            if (join.topic == inventoryTopic) {
                const QJsonObject change = join.payload.value("config"_L1).toObject().value("postgres_changes"_L1)
                                               .toArray().at(0).toObject();
                QCOMPARE(change.value("table"_L1).toString(), table);
            }
        }
        QCOMPARE(m_stack->model.rowCount(), 1);
        QCOMPARE(m_stack->model.rowById(u"flour"_s)->stock, 20);

        QSignalSpy low(&m_stack->model, &InventoryModel::becameLow);
        QCOMPARE(m_phoenix->change(inventoryTopic, table, u"UPDATE"_s, m_rows.put(u"flour"_s, u"Flour"_s, 9, 4, 5)), 1);
        QTRY_COMPARE(m_stack->model.rowById(u"flour"_s)->damaged, 4);
        QCOMPARE(low.size(), 1); // 5 available: low
        m_phoenix->change(inventoryTopic, table, u"INSERT"_s, m_rows.put(u"salt"_s, u"Salt"_s, 3, 0, 1));
        QTRY_COMPARE(m_stack->model.rowCount(), 2);
        QCOMPARE(low.size(), 1);

        // The channel crashes; changes made meanwhile are never broadcast: the rejoin reloads.
        const int listsBefore = listRequests();
        m_phoenix->crashChannel(inventoryTopic);
        m_rows.put(u"flour"_s, u"Flour"_s, 50, 0, 5);
        QTRY_VERIFY(listRequests() > listsBefore);
        QTRY_COMPARE(m_stack->model.rowById(u"flour"_s)->stock, 50);
        QCOMPARE(m_stack->client.realtime().stats().malformedFrames, 0);
    }
};

QTEST_GUILESS_MAIN(TestPhoenixInventory)
#include "tst_phoenix_inventory.moc"
