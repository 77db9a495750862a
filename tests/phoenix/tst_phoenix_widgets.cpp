// Widgets from a Supabase project (the shipped profile) against the in-test Phoenix server: the
// PostgREST list fills the model after the join, postgres_changes arrive mapped (the higher
// version wins, an older one is ignored), a DELETE carrying only the key removes, a malformed
// change is counted and dropped, a crashed channel and a reconnect each reload the list, and
// everything is read-only.
#include "fakehttpserver.h"
#include "fakephoenixserver.h"
#include "foreignwidgets.h"
#include "foreignwidgetstack.h"
#include "phoenixfixtures.h"

#include "realtime/realtimeservice.h"

#include <QtTest>

using namespace hearth;
using namespace phxtest;
using namespace foreignwidgets;
using namespace Qt::StringLiterals;
using Response = FakeHttpServer::Response;

namespace {

const QString widgetsTopic = u"realtime:hearth-widgets-42"_s;
const QString table = u"widgets"_s;

} // namespace

class TestPhoenixWidgets final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakePhoenixServer> m_phoenix;
    std::unique_ptr<FakeHttpServer> m_http;
    std::unique_ptr<SupabaseWidgets> m_rows;
    std::unique_ptr<ForeignWidgetStack> m_stack;

    int widgetListRequests() const
    {
        int count = 0;
        for (const FakeHttpServer::Request &request : m_http->requests)
            count += request.path == "/rest/v1/widgets";
        return count;
    }

    void goLive()
    {
        QJsonObject json = supabaseProfileJson();
        json.insert(u"url"_s, m_phoenix->url().toString());
        json.insert(u"heartbeat_ms"_s, 400);
        QJsonObject rest = json.value("rest"_L1).toObject();
        rest.insert(u"base_url"_s, m_http->url().toString());
        json.insert(u"rest"_s, rest);
        QVERIFY(m_stack->configure(json));
        m_stack->go();
        QTRY_COMPARE(m_stack->client.realtime().state(), ConnectionState::Live);
        QTRY_COMPARE(m_phoenix->joinCount(widgetsTopic), 1);
        QTRY_COMPARE(m_stack->widgets.sync().snapshotsLoaded(), 1);
    }

private slots:
    void init()
    {
        m_phoenix = std::make_unique<FakePhoenixServer>();
        QVERIFY(m_phoenix->listen());
        m_rows = std::make_unique<SupabaseWidgets>();
        m_http = std::make_unique<FakeHttpServer>();
        m_http->handler = [this](const FakeHttpServer::Request &request) {
            if (request.headers.value("authorization") != "Bearer tok")
                return Response::json(401, R"({"message":"JWT expired"})");
            if (request.path == "/rest/v1/orders")
                return Response::json(200, "[]");
            if (request.path != "/rest/v1/widgets")
                return Response::json(404, R"({"message":"not found"})");
            return Response::json(200, m_rows->listBody());
        };
        QVERIFY(m_http->listen());
        m_stack = std::make_unique<ForeignWidgetStack>();
    }

    void cleanup()
    {
        m_stack.reset();
        m_phoenix.reset();
        m_http.reset();
        m_rows.reset();
    }

    void theListFillsTheModelReadOnly()
    {
        m_rows->createBooking(u"b-1"_s, u"Tables"_s, u"Reserve a table"_s);
        m_rows->createBooking(u"b-2"_s, u"Patio"_s, u"Reserve the patio"_s);
        goLive();
        // The join asks Postgres for the widgets table of this restaurant only.
        for (const FakePhoenixServer::Join &join : std::as_const(m_phoenix->joins)) {
            if (join.topic != widgetsTopic)
                continue;
            const QJsonObject change = join.payload.value("config"_L1).toObject().value("postgres_changes"_L1)
                                           .toArray().at(0).toObject();
            QCOMPARE(change.value("table"_L1).toString(), table);
            QCOMPARE(change.value("filter"_L1).toString(), u"restaurant_id=eq.42"_s);
            QCOMPARE(join.payload.value("access_token"_L1).toString(), u"tok"_s);
        }
        for (const FakeHttpServer::Request &request : std::as_const(m_http->requests)) {
            if (request.path == "/rest/v1/widgets")
                QCOMPARE(request.query, QByteArray("archived=is.false&restaurant_id=eq.42&select=*"));
        }
        QCOMPARE(m_stack->model.rowCount(), 2);
        QCOMPARE(m_stack->title(u"b-2"_s), u"Reserve the patio"_s);
        QCOMPARE(m_stack->widget(u"b-1"_s)->settings.maxPartySize, 12);
        QVERIFY(!m_stack->widgets.canEdit());
        QVERIFY2(m_stack->widgets.readOnlyReason().contains("(Phoenix)"_L1), qPrintable(m_stack->widgets.readOnlyReason()));
    }

    void changesArriveAndTheHigherVersionWins()
    {
        m_rows->createBooking(u"b-1"_s, u"Tables"_s, u"Reserve a table"_s);
        m_rows->createBooking(u"b-2"_s, u"Patio"_s, u"Reserve the patio"_s);
        goLive();
        const QJsonObject before = m_rows->row(u"b-1"_s);
        const QJsonObject after = m_rows->setSetting(u"b-1"_s, u"title"_s, u"Tables tonight"_s);
        QCOMPARE(m_phoenix->change(widgetsTopic, table, u"UPDATE"_s, after, before), 1);
        QTRY_COMPARE(m_stack->title(u"b-1"_s), u"Tables tonight"_s);
        // A late UPDATE of the older row: ignored; a change behind it shows it was processed.
        m_phoenix->change(widgetsTopic, table, u"UPDATE"_s, before);
        m_phoenix->change(widgetsTopic, table, u"UPDATE"_s, m_rows->setSetting(u"b-2"_s, u"slot_minutes"_s, 60));
        QTRY_COMPARE(m_stack->widget(u"b-2"_s)->settings.slotMinutes, 60);
        QCOMPARE(m_stack->title(u"b-1"_s), u"Tables tonight"_s);
        // An INSERT is a new widget.
        m_phoenix->change(widgetsTopic, table, u"INSERT"_s, m_rows->createBooking(u"b-3"_s, u"Bar"_s, u"Sit at the bar"_s));
        QTRY_COMPARE(m_stack->model.rowCount(), 3);
        QCOMPARE(m_stack->client.realtime().stats().malformedFrames, 0);
    }

    void aDeleteWithOnlyTheKeyRemoves()
    {
        m_rows->createBooking(u"b-1"_s, u"Tables"_s, u"Reserve a table"_s);
        m_rows->createBooking(u"b-2"_s, u"Patio"_s, u"Reserve the patio"_s);
        goLive();
        m_rows->remove(u"b-2"_s);
        // Without REPLICA IDENTITY FULL, old_record holds the primary key and nothing else.
        m_phoenix->change(widgetsTopic, table, u"DELETE"_s, {}, QJsonObject{{u"id"_s, u"b-2"_s}});
        QTRY_COMPARE(m_stack->model.rowCount(), 1);
        QVERIFY(!m_stack->widget(u"b-2"_s));
        QVERIFY(m_stack->widget(u"b-1"_s));
    }

    void aMalformedChangeIsCountedAndDropped()
    {
        m_rows->createBooking(u"b-1"_s, u"Tables"_s, u"Reserve a table"_s);
        goLive();
        m_phoenix->change(widgetsTopic, table, u"UPDATE"_s,
                          m_rows->setSetting(u"b-1"_s, u"max_party_size"_s, 500));
        QTRY_COMPARE(m_stack->client.realtime().stats().malformedFrames, 1);
        QCOMPARE(m_stack->widget(u"b-1"_s)->settings.maxPartySize, 12);
        m_phoenix->change(widgetsTopic, table, u"UPDATE"_s, m_rows->setSetting(u"b-1"_s, u"max_party_size"_s, 20));
        QTRY_COMPARE(m_stack->widget(u"b-1"_s)->settings.maxPartySize, 20);
        QCOMPARE(m_stack->client.realtime().state(), ConnectionState::Live);
    }

    void aCrashedChannelAndAReconnectReloadTheList()
    {
        m_rows->createBooking(u"b-1"_s, u"Tables"_s, u"Reserve a table"_s);
        goLive();
        // The channel process dies; changes made meanwhile are never broadcast.
        m_phoenix->crashChannel(widgetsTopic);
        m_rows->setSetting(u"b-1"_s, u"title"_s, u"After the crash"_s);
        QTRY_COMPARE(m_phoenix->joinCount(widgetsTopic), 2);
        QTRY_COMPARE(m_stack->widgets.sync().snapshotsLoaded(), 2);
        QCOMPARE(m_stack->title(u"b-1"_s), u"After the crash"_s);

        m_phoenix->abortCurrent();
        m_rows->createBooking(u"b-2"_s, u"Patio"_s, u"Reserve the patio"_s);
        QTRY_COMPARE(m_phoenix->connectionCount(), 2);
        QTRY_COMPARE(m_stack->widgets.sync().snapshotsLoaded(), 3);
        QVERIFY(m_stack->widget(u"b-2"_s));
        QVERIFY(widgetListRequests() >= 3);
    }
};

QTEST_GUILESS_MAIN(TestPhoenixWidgets)
#include "tst_phoenix_widgets.moc"
