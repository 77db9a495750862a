// Widgets from a Rails backend (the shipped Hafaloha profile) against the in-test Rails: the
// REST list fills the model after the subscription is confirmed, broadcasts arrive mapped (the
// higher version wins, an older one is ignored), a destroy removes, a malformed broadcast is
// counted and dropped, a reconnect reloads the list, the list is polled while the cable is down,
// and everything is read-only. A profile without a widgets channel subscribes to nothing.
#include "cablefixtures.h"
#include "fakecableserver.h"
#include "fakehttpserver.h"
#include "foreignwidgets.h"
#include "foreignwidgetstack.h"

#include "realtime/realtimeservice.h"
#include "sync/widgetspolling.h"

#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace cabletest;
using namespace foreignwidgets;
using namespace Qt::StringLiterals;
using Response = FakeHttpServer::Response;

namespace {

constexpr auto ping = 200ms;
const QString widgetChannel = u"WidgetChannel"_s;

QJsonObject message(const char *type, const QJsonObject &widget)
{
    return {{u"type"_s, QString::fromLatin1(type)}, {u"widget"_s, widget}};
}

} // namespace

class TestActionCableWidgets final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeCableServer> m_cable;
    std::unique_ptr<FakeHttpServer> m_http;
    std::unique_ptr<RailsWidgets> m_rails;
    std::unique_ptr<ForeignWidgetStack> m_stack;
    QByteArray m_badRow; // appended to the list when set

    int widgetListRequests() const
    {
        int count = 0;
        for (const FakeHttpServer::Request &request : m_http->requests)
            count += request.path == "/api/v1/admin/widgets";
        return count;
    }

    QJsonObject profileJson(bool withWidgets = true) const
    {
        QJsonObject json = hafalohaProfileJson();
        json.insert(u"url"_s, m_cable->url().toString());
        json.insert(u"heartbeat_ms"_s, qint64(ping.count()));
        QJsonObject rest = json.value("rest"_L1).toObject();
        rest.insert(u"base_url"_s, m_http->url().toString());
        if (!withWidgets) {
            rest.remove(u"widgets"_s);
            QJsonObject channels = json.value("channels"_L1).toObject();
            channels.remove(u"widgets"_s);
            json.insert(u"channels"_s, channels);
        }
        json.insert(u"rest"_s, rest);
        return json;
    }

    // Live, subscribed to widgets, and holding the first list.
    void goLive()
    {
        QVERIFY(m_stack->configure(profileJson()));
        m_stack->go();
        QTRY_COMPARE(m_stack->client.realtime().state(), ConnectionState::Live);
        QTRY_COMPARE(m_stack->widgets.sync().snapshotsLoaded(), 1);
    }

    QString idOf(const QJsonObject &row) const { return QString::number(row.value("id"_L1).toInt()); }

private slots:
    void init()
    {
        m_cable = std::make_unique<FakeCableServer>();
        m_cable->pingInterval = ping;
        m_cable->channelClasses.insert(widgetChannel);
        QVERIFY(m_cable->listen());
        m_rails = std::make_unique<RailsWidgets>();
        m_badRow.clear();
        m_http = std::make_unique<FakeHttpServer>();
        m_http->handler = [this](const FakeHttpServer::Request &request) {
            if (request.headers.value("authorization") != "Bearer tok")
                return Response::json(401, R"({"error":"unauthorized"})");
            if (request.path == "/api/v1/admin/orders")
                return Response::json(200, R"({"orders":[]})");
            if (request.path != "/api/v1/admin/widgets")
                return Response::json(404, R"({"error":"not found"})");
            QByteArray body = m_rails->listBody();
            if (!m_badRow.isEmpty())
                body.insert(body.lastIndexOf("]}"), QByteArray(QByteArray(",") + m_badRow));
            return Response::json(200, body);
        };
        QVERIFY(m_http->listen());
        m_stack = std::make_unique<ForeignWidgetStack>();
    }

    void cleanup()
    {
        m_stack.reset();
        m_cable.reset();
        m_http.reset();
        m_rails.reset();
    }

    void theListFillsTheModelReadOnly()
    {
        const QJsonObject booking = m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        const QJsonObject ordering = m_rails->createOrdering(u"Online orders"_s, "15.00");
        goLive();
        QTRY_COMPARE(m_cable->commandCount(u"subscribe"_s, widgetChannel), 1);
        const FakeHttpServer::Request *list = nullptr;
        for (const FakeHttpServer::Request &request : m_http->requests) {
            if (request.path == "/api/v1/admin/widgets")
                list = &request;
        }
        QVERIFY(list);
        QCOMPARE(list->query, QByteArray("restaurant_id=1"));
        QCOMPARE(m_stack->model.rowCount(), 2);
        const WidgetConfig *mapped = m_stack->widget(idOf(ordering));
        QVERIFY(mapped);
        QCOMPARE(mapped->kind, WidgetKind::Ordering);
        QCOMPARE(mapped->name, u"Online orders"_s);
        QCOMPARE(mapped->settings.minimumOrderCents, 1500);
        QCOMPARE(mapped->settings.primaryColor, u"#1d6f42"_s);
        QCOMPARE(m_stack->title(idOf(booking)), u"Book a table"_s);

        // Read-only, in words a manager understands; presence is hearth-server's and not asked for.
        QVERIFY(m_stack->widgets.isAvailable());
        QVERIFY(!m_stack->widgets.canEdit());
        QVERIFY2(m_stack->widgets.readOnlyReason().contains("(Rails)"_L1), qPrintable(m_stack->widgets.readOnlyReason()));
        QVERIFY(m_stack->widgets.readOnlyReason().contains("read-only"_L1));
        QVERIFY(!m_stack->client.realtime().subscribedChannels().contains(u"presence"_s));
        QCOMPARE(m_stack->client.realtime().stats().malformedFrames, 0);
    }

    void broadcastsArriveAndTheHigherVersionWins()
    {
        const QJsonObject booking = m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        const QJsonObject ordering = m_rails->createOrdering(u"Online orders"_s, "15.00");
        goLive();
        const QJsonObject before = m_rails->row(1);
        const QJsonObject after = m_rails->setConfig(1, u"title"_s, u"Reserve your table"_s);
        QCOMPARE(m_cable->broadcast(widgetChannel, u"1"_s, message("widget_updated", after)), 1);
        QTRY_COMPARE(m_stack->title(idOf(booking)), u"Reserve your table"_s);
        const qint64 version = m_stack->widget(idOf(booking))->version;

        // The older state again (Rails may deliver a stale broadcast late): ignored. A newer
        // change of the other widget behind it proves it was processed.
        m_cable->broadcast(widgetChannel, u"1"_s, message("widget_updated", before));
        m_cable->broadcast(widgetChannel, u"1"_s,
                           message("widget_updated", m_rails->setConfig(2, u"paused"_s, true)));
        QTRY_VERIFY(m_stack->widget(idOf(ordering))->settings.paused);
        QCOMPARE(m_stack->title(idOf(booking)), u"Reserve your table"_s);
        QCOMPARE(m_stack->widget(idOf(booking))->version, version);

        // A widget created in the Rails admin arrives whole.
        const QJsonObject created = m_rails->createBooking(u"Patio"_s, u"Book the patio"_s);
        m_cable->broadcast(widgetChannel, u"1"_s, message("widget_created", created));
        QTRY_COMPARE(m_stack->model.rowCount(), 3);
        QCOMPARE(m_stack->title(idOf(created)), u"Book the patio"_s);
        QCOMPARE(m_stack->client.realtime().stats().malformedFrames, 0);
        QCOMPARE(widgetListRequests(), 1); // streamed changes need no list
    }

    void aDestroyRemovesTheWidget()
    {
        m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        const QJsonObject ordering = m_rails->createOrdering(u"Online orders"_s, "15.00");
        goLive();
        QCOMPARE(m_stack->model.rowCount(), 2);
        // Rails broadcasts the destroyed record as it was: its updated_at is the last change's.
        m_cable->broadcast(widgetChannel, u"1"_s, message("widget_destroyed", m_rails->destroy(2)));
        QTRY_COMPARE(m_stack->model.rowCount(), 1);
        QVERIFY(!m_stack->widget(idOf(ordering)));
        QVERIFY(!m_stack->widgets.widget(idOf(ordering)));
    }

    void aMalformedBroadcastIsCountedAndDropped()
    {
        const QJsonObject booking = m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        goLive();
        m_cable->broadcast(widgetChannel, u"1"_s,
                           message("widget_updated", m_rails->setConfig(1, u"brand_color"_s, u"red"_s)));
        m_cable->broadcast(widgetChannel, u"1"_s, message("widget_updated", QJsonObject{{u"id"_s, 1}}));
        QTRY_COMPARE(m_stack->client.realtime().stats().malformedFrames, 2);
        // The page keeps what it had; the link and the next good broadcast are fine.
        QCOMPARE(m_stack->model.rowCount(), 1);
        QCOMPARE(m_stack->widget(idOf(booking))->settings.primaryColor, u"#b5432f"_s);
        m_cable->broadcast(widgetChannel, u"1"_s, message("widget_updated", m_rails->setConfig(1, u"brand_color"_s, u"#222222"_s)));
        QTRY_COMPARE(m_stack->widget(idOf(booking))->settings.primaryColor, u"#222222"_s);
        QCOMPARE(m_stack->client.realtime().state(), ConnectionState::Live);
    }

    void aBadElementOfTheListIsSkipped()
    {
        m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        m_badRow = R"({"id":99,"widget_type":"reservations","label":"","config":{},"updated_at":"2026-11-20T08:00:00Z"})";
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"skipped 1 widgets.*widgets\\[1\\]"_s));
        goLive();
        QCOMPARE(m_stack->model.rowCount(), 1);
        QVERIFY(!m_stack->widget(u"99"_s));
        QVERIFY(m_stack->widgets.sync().snapshotProblem().isEmpty());
    }

    void aReconnectReloadsTheList()
    {
        const QJsonObject booking = m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        goLive();
        m_cable->abortCurrent();
        // While the dashboard is away the Rails admin changes one widget and adds another; no
        // broadcast reaches it.
        m_rails->setConfig(1, u"title"_s, u"Tables tonight"_s);
        const QJsonObject added = m_rails->createOrdering(u"Online orders"_s, "10");
        QTRY_COMPARE(m_cable->connectionCount(), 2);
        QTRY_COMPARE(m_cable->commandCount(u"subscribe"_s, widgetChannel, 2), 1);
        QTRY_COMPARE(m_stack->widgets.sync().snapshotsLoaded(), 2); // no replay: the list again
        QCOMPARE(m_stack->title(idOf(booking)), u"Tables tonight"_s);
        QVERIFY(m_stack->widget(idOf(added)));
        QVERIFY(widgetListRequests() >= 2);
    }

    void theListIsPolledWhileTheCableIsDown()
    {
        const QJsonObject booking = m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        goLive();
        const int listsBefore = widgetListRequests();
        m_cable->close(); // the cable server goes away; REST stays up
        QTRY_VERIFY(m_stack->widgets.polling().isPolling());
        m_rails->setConfig(1, u"title"_s, u"Polled title"_s);
        QTRY_COMPARE(m_stack->title(idOf(booking)), u"Polled title"_s);
        QVERIFY(m_stack->widgets.polling().pollsMade() >= 1);
        QVERIFY(widgetListRequests() > listsBefore);
    }

    void withoutAWidgetsChannelNothingIsAskedFor()
    {
        m_rails->createBooking(u"Table booking"_s, u"Book a table"_s);
        QVERIFY(m_stack->configure(profileJson(false)));
        m_stack->go();
        QTRY_COMPARE(m_stack->client.realtime().state(), ConnectionState::Live);
        // The orders' list came and went: the link has done everything it will do.
        QTRY_VERIFY(!m_http->requests.isEmpty());
        QTRY_VERIFY(!m_stack->client.sync().isSnapshotOwed());
        QVERIFY(!m_stack->widgets.isAvailable());
        QVERIFY2(m_stack->widgets.unavailableReason().contains("not available"_L1),
                 qPrintable(m_stack->widgets.unavailableReason()));
        QVERIFY(m_stack->widgets.unavailableReason().contains("(Rails)"_L1));
        // No subscribe left waiting for an answer that never comes (it would renew the link).
        for (const ChannelStats &channel : m_stack->client.realtime().stats().channels)
            QVERIFY2(channel.state != ChannelStats::State::Subscribing, qPrintable(channel.channel));
        QCOMPARE(m_cable->commandCount(u"subscribe"_s, widgetChannel), 0);
        QCOMPARE(widgetListRequests(), 0);
        QCOMPARE(m_stack->model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestActionCableWidgets)
#include "tst_actioncable_widgets.moc"
