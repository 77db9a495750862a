// The `widgets` and `presence` channels of hearth-server over real WebSockets on 127.0.0.1
// (docs/protocol.md, "Widgets" and "Presence"): events with seq, replay after a reconnect,
// presence joins, typing, leaving, closing and expiry.
#include "testsupport.h"

#include "core/widgetcodec.h"
#include "server/demoaccounts.h"
#include "server/presenceregistry.h"
#include "server/widgetservice.h"

#include <QJsonArray>
#include <QUuid>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

QString op(const QJsonObject &frame)
{
    return frame.value(QLatin1StringView("op")).toString();
}

qint64 seqOf(const QJsonObject &frame)
{
    return frame.value(QLatin1StringView("seq")).toInteger();
}

QJsonObject dataOf(const QJsonObject &frame)
{
    return frame.value(QLatin1StringView("data")).toObject();
}

QJsonArray editorsOf(const QJsonObject &frame)
{
    return dataOf(frame).value(QLatin1StringView("editors")).toArray();
}

QJsonObject presenceFrame(const QString &widgetId, const QString &state, const QJsonValue &field,
                          const QString &device = QStringLiteral("Office PC"))
{
    return QJsonObject{{QStringLiteral("op"), QStringLiteral("presence")},
                       {QStringLiteral("widget_id"), widgetId},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("field"), field},
                       {QStringLiteral("device"), device}};
}

// A signed-in connection that has read its welcome.
struct Peer
{
    WsClient ws;
    QString session;

    bool open(const QUrl &url, const QString &token)
    {
        if (!ws.open(url, token))
            return false;
        const QJsonObject welcome = ws.next();
        session = welcome.value(QLatin1StringView("session")).toString();
        return op(welcome) == u"welcome" && !session.isEmpty();
    }
};

} // namespace

class TestServerWidgetSync final : public QObject
{
    Q_OBJECT

private:
    HttpResult put(const WidgetConfig &widget, qint64 ifMatch)
    {
        const QJsonObject body{{QStringLiteral("name"), widget.name},
                               {QStringLiteral("settings"), WidgetCodec::settingsToJson(widget.kind, widget.settings)}};
        return m_http->send("PUT", QStringLiteral("/api/widgets/%1").arg(widget.id), json(body), m_manager,
                            {{"Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)},
                             {"If-Match", QByteArray::number(ifMatch)},
                             {"X-Hearth-Device", "Bar tablet"}});
    }

    QList<WidgetConfig> demoWidgets()
    {
        const HttpResult listed = m_http->get(QStringLiteral("/api/widgets"), m_manager);
        return WidgetCodec::fromJsonArray(listed.body.value(QLatin1StringView("widgets")).toArray()).value.value_or(QList<WidgetConfig>{});
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<HearthServer>(testOptions(m_dir, QStringLiteral("%1.db").arg(++m_run)));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server->httpUrl());
        m_manager = m_http->login(QString(DemoAccounts::managerUsername), QString(DemoAccounts::managerPassword));
        m_staff = m_http->login(QString(DemoAccounts::staffUsername), QString(DemoAccounts::staffPassword));
        QVERIFY(!m_manager.isEmpty() && !m_staff.isEmpty());
        m_widgets = demoWidgets();
        QCOMPARE(m_widgets.size(), 2);
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void widgetChangesArriveAsEventsAndReplayAfterAReconnect()
    {
        Peer staff;
        QVERIFY(staff.open(m_server->webSocketUrl(), m_staff));
        const QJsonObject subscribed = staff.ws.subscribe(QStringLiteral("widgets"));
        QCOMPARE(subscribed.value(QLatin1StringView("epoch")).toString(), m_server->epoch());
        QCOMPARE(seqOf(subscribed), 2); // the two demo widgets' widget.created

        WidgetConfig booking = m_widgets.at(0);
        booking.settings.maxPartySize = 6;
        QCOMPARE(put(booking, 1).status, 200);
        const QJsonObject updated = staff.ws.nextOp(QStringLiteral("event"));
        QCOMPARE(updated.value(QLatin1StringView("channel")).toString(), QStringLiteral("widgets"));
        QCOMPARE(updated.value(QLatin1StringView("type")).toString(), QStringLiteral("widget.updated"));
        QCOMPARE(seqOf(updated), 3);
        const WidgetConfig sent = *WidgetCodec::fromJson(dataOf(updated)).value;
        QCOMPARE(sent.version, 2);
        QCOMPARE(sent.settings.maxPartySize, 6);
        QCOMPARE(sent.updatedBy, (WidgetEditor{QString(DemoAccounts::managerUsername),
                                               QString(DemoAccounts::managerDisplayName), QStringLiteral("Bar tablet")}));

        // Offline while two more changes happen; back with `since`: both, in order, then live.
        staff.ws.socket()->close();
        QVERIFY(staff.ws.waitForDisconnected());
        booking.settings.slotMinutes = 15;
        QCOMPARE(put(booking, 2).status, 200);
        QCOMPARE(m_http->send("DELETE", QStringLiteral("/api/widgets/%1").arg(m_widgets.at(1).id), {}, m_manager,
                              {{"Idempotency-Key", "delete-ordering-1"}}).status, 200);

        Peer again;
        QVERIFY(again.open(m_server->webSocketUrl(), m_staff));
        const QJsonObject resumed = again.ws.subscribe(QStringLiteral("widgets"), m_server->epoch(), 3);
        QVERIFY(resumed.value(QLatin1StringView("recovered")).toBool());
        QCOMPARE(seqOf(resumed), 5);
        const QJsonObject fourth = again.ws.nextOp(QStringLiteral("event"));
        const QJsonObject fifth = again.ws.nextOp(QStringLiteral("event"));
        QCOMPARE(seqOf(fourth), 4);
        QCOMPARE(fourth.value(QLatin1StringView("type")).toString(), QStringLiteral("widget.updated"));
        QCOMPARE(dataOf(fourth).value(QLatin1StringView("settings")).toObject().value(QLatin1StringView("slot_minutes")).toInt(), 15);
        QCOMPARE(seqOf(fifth), 5);
        QCOMPARE(fifth.value(QLatin1StringView("type")).toString(), QStringLiteral("widget.deleted"));
        QVERIFY(dataOf(fifth).value(QLatin1StringView("archived")).toBool());

        booking.settings.greeting = QStringLiteral("Live again");
        QCOMPARE(put(booking, 3).status, 200);
        QCOMPARE(seqOf(again.ws.nextOp(QStringLiteral("event"))), 6);
    }

    void presenceTracksJoinTypingAndLeave()
    {
        const QString widgetId = m_widgets.at(1).id;
        Peer maria;
        Peer sam;
        QVERIFY(maria.open(m_server->webSocketUrl(), m_manager));
        QVERIFY(sam.open(m_server->webSocketUrl(), m_staff));
        const QJsonObject subscribed = sam.ws.subscribe(QStringLiteral("presence"));
        QCOMPARE(seqOf(subscribed), 0);
        const QString presenceEpoch = subscribed.value(QLatin1StringView("epoch")).toString();
        QVERIFY(!presenceEpoch.isEmpty());
        QVERIFY(presenceEpoch != m_server->epoch()); // its own log, in memory
        QVERIFY(!maria.ws.subscribe(QStringLiteral("presence")).isEmpty());

        maria.ws.send(presenceFrame(widgetId, QStringLiteral("viewing"), QJsonValue::Null));
        const QJsonObject joined = sam.ws.nextOp(QStringLiteral("event"));
        QCOMPARE(joined.value(QLatin1StringView("type")).toString(), QStringLiteral("presence.changed"));
        QCOMPARE(seqOf(joined), 1);
        QCOMPARE(dataOf(joined).value(QLatin1StringView("widget_id")).toString(), widgetId);
        QCOMPARE(editorsOf(joined).size(), 1);
        const QJsonObject entry = editorsOf(joined).at(0).toObject();
        QCOMPARE(entry.value(QLatin1StringView("username")).toString(), QString(DemoAccounts::managerUsername));
        QCOMPARE(entry.value(QLatin1StringView("display_name")).toString(), QString(DemoAccounts::managerDisplayName));
        QCOMPARE(entry.value(QLatin1StringView("device")).toString(), QStringLiteral("Office PC"));
        QCOMPARE(entry.value(QLatin1StringView("session")).toString(), maria.session);
        QCOMPARE(entry.value(QLatin1StringView("state")).toString(), QStringLiteral("viewing"));
        QVERIFY(entry.value(QLatin1StringView("field")).isNull());
        QVERIFY(entry.value(QLatin1StringView("since")).isString());
        QCOMPARE(seqOf(maria.ws.nextOp(QStringLiteral("event"))), 1); // the editor sees itself too

        maria.ws.send(presenceFrame(widgetId, QStringLiteral("editing"), QStringLiteral("title")));
        const QJsonObject typing = sam.ws.nextOp(QStringLiteral("event"));
        QCOMPARE(seqOf(typing), 2);
        QCOMPARE(editorsOf(typing).at(0).toObject().value(QLatin1StringView("state")).toString(), QStringLiteral("editing"));
        QCOMPARE(editorsOf(typing).at(0).toObject().value(QLatin1StringView("field")).toString(), QStringLiteral("title"));

        // A repeat keeps the entry alive and is no news.
        maria.ws.send(presenceFrame(widgetId, QStringLiteral("editing"), QStringLiteral("title")));
        sam.ws.send(presenceFrame(widgetId, QStringLiteral("viewing"), QJsonValue::Null, QStringLiteral("Kitchen")));
        const QJsonObject both = sam.ws.nextOp(QStringLiteral("event"));
        QCOMPARE(seqOf(both), 3);
        QCOMPARE(editorsOf(both).size(), 2);

        const HttpResult snapshot = m_http->get(QStringLiteral("/api/presence"), m_staff);
        QCOMPARE(snapshot.status, 200);
        QCOMPARE(snapshot.body.value(QLatin1StringView("presence")).toArray().size(), 2);
        QCOMPARE(snapshot.body.value(QLatin1StringView("epoch")).toString(), presenceEpoch);
        QCOMPARE(snapshot.body.value(QLatin1StringView("seq")).toInteger(), 3);

        maria.ws.send(presenceFrame(widgetId, QStringLiteral("left"), QJsonValue::Null));
        const QJsonObject left = sam.ws.nextOp(QStringLiteral("event"));
        QCOMPARE(seqOf(left), 4);
        QCOMPARE(editorsOf(left).size(), 1);
        QCOMPARE(editorsOf(left).at(0).toObject().value(QLatin1StringView("session")).toString(), sam.session);

        // A client that missed events resumes within the server's lifetime.
        Peer late;
        QVERIFY(late.open(m_server->webSocketUrl(), m_staff));
        const QJsonObject resumed = late.ws.subscribe(QStringLiteral("presence"), presenceEpoch, 2);
        QVERIFY(resumed.value(QLatin1StringView("recovered")).toBool());
        QCOMPARE(seqOf(late.ws.nextOp(QStringLiteral("event"))), 3);
        QCOMPARE(seqOf(late.ws.nextOp(QStringLiteral("event"))), 4);
        QVERIFY(!late.ws.subscribe(QStringLiteral("presence"), m_server->epoch(), 2)
                     .value(QLatin1StringView("recovered")).toBool());
    }

    void closingAConnectionRemovesItsPresence()
    {
        const QString widgetId = m_widgets.at(0).id;
        Peer watcher;
        QVERIFY(watcher.open(m_server->webSocketUrl(), m_staff));
        QVERIFY(!watcher.ws.subscribe(QStringLiteral("presence")).isEmpty());
        {
            Peer leaving;
            QVERIFY(leaving.open(m_server->webSocketUrl(), m_manager));
            leaving.ws.send(presenceFrame(widgetId, QStringLiteral("editing"), QStringLiteral("opening_hours")));
            leaving.ws.send(presenceFrame(m_widgets.at(1).id, QStringLiteral("viewing"), QJsonValue::Null));
            QCOMPARE(editorsOf(watcher.ws.nextOp(QStringLiteral("event"))).size(), 1);
            QCOMPARE(editorsOf(watcher.ws.nextOp(QStringLiteral("event"))).size(), 1);
            QCOMPARE(m_server->presence()->entryCount(QString(DemoAccounts::restaurantId)), 2);
        } // the socket is aborted: no "left", no close frame

        const QJsonObject first = watcher.ws.nextOp(QStringLiteral("event"));
        const QJsonObject second = watcher.ws.nextOp(QStringLiteral("event"));
        QVERIFY(editorsOf(first).isEmpty());
        QVERIFY(editorsOf(second).isEmpty());
        QCOMPARE(m_server->presence()->entryCount(QString(DemoAccounts::restaurantId)), 0);
        QVERIFY(m_http->get(QStringLiteral("/api/presence"), m_staff).body.value(QLatin1StringView("presence")).toArray().isEmpty());
    }

    void aPresenceNotRepeatedExpires()
    {
        m_server->presence()->setTimeoutMs(300);
        const QString widgetId = m_widgets.at(0).id;
        Peer quiet;
        Peer chatty;
        QVERIFY(quiet.open(m_server->webSocketUrl(), m_manager));
        QVERIFY(chatty.open(m_server->webSocketUrl(), m_staff));
        QVERIFY(!chatty.ws.subscribe(QStringLiteral("presence")).isEmpty());
        quiet.ws.send(presenceFrame(widgetId, QStringLiteral("viewing"), QJsonValue::Null));
        QCOMPARE(editorsOf(chatty.ws.nextOp(QStringLiteral("event"))).size(), 1);

        // The vanished client's entry goes by itself; its connection is still open.
        const QJsonObject expired = chatty.ws.nextOp(QStringLiteral("event"), 10000);
        QVERIFY(!expired.isEmpty());
        QVERIFY(editorsOf(expired).isEmpty());
        QVERIFY(quiet.ws.isConnected());
        QCOMPARE(m_server->presence()->entryCount(QString(DemoAccounts::restaurantId)), 0);
    }

    void badPresenceFramesAreRefusedAndCounted_data()
    {
        QTest::addColumn<QJsonObject>("frame");
        const QString widget = QStringLiteral("{first}");
        QTest::newRow("no widget") << QJsonObject{{QStringLiteral("op"), QStringLiteral("presence")},
                                                   {QStringLiteral("state"), QStringLiteral("viewing")}};
        QTest::newRow("bad state") << presenceFrame(widget, QStringLiteral("dancing"), QJsonValue::Null);
        QTest::newRow("field number") << presenceFrame(widget, QStringLiteral("editing"), 5);
        QTest::newRow("device too long") << presenceFrame(widget, QStringLiteral("viewing"), QJsonValue::Null, QString(81, u'd'));
        QTest::newRow("unknown widget") << presenceFrame(QStringLiteral("w-nope"), QStringLiteral("viewing"), QJsonValue::Null);
    }

    void badPresenceFramesAreRefusedAndCounted()
    {
        QFETCH(QJsonObject, frame);
        if (frame.value(QLatin1StringView("widget_id")).toString() == u"{first}")
            frame[QStringLiteral("widget_id")] = m_widgets.at(0).id;
        Peer client;
        QVERIFY(client.open(m_server->webSocketUrl(), m_manager));
        const qint64 malformed = m_server->stats().malformedFrames;
        client.ws.send(frame);
        const QJsonObject error = client.ws.nextOp(QStringLiteral("error"));
        QCOMPARE(error.value(QLatin1StringView("code")).toString(), QStringLiteral("bad_request"));
        QCOMPARE(error.value(QLatin1StringView("channel")).toString(), QStringLiteral("presence"));
        QVERIFY(!error.value(QLatin1StringView("reconnect")).toBool());
        QCOMPARE(m_server->stats().malformedFrames, malformed + 1);
        QCOMPARE(m_server->presence()->entryCount(QString(DemoAccounts::restaurantId)), 0);
        // The connection stays usable.
        QVERIFY(!client.ws.subscribe(QStringLiteral("widgets")).isEmpty());
    }

    void statsListTheNewChannels()
    {
        const HttpResult stats = m_http->get(QStringLiteral("/api/stats"), m_manager);
        const QJsonObject channels = stats.body.value(QLatin1StringView("channels")).toObject();
        QCOMPARE(channels.keys(), (QStringList{QStringLiteral("analytics"), QStringLiteral("inventory"), QStringLiteral("orders"),
                                               QStringLiteral("presence"),
                                               QStringLiteral("widgets")}));
        QCOMPARE(channels.value(QLatin1StringView("widgets")).toObject().value(QLatin1StringView("head_seq")).toInteger(), 2);
        QCOMPARE(channels.value(QLatin1StringView("presence")).toObject().value(QLatin1StringView("epoch")).toString(),
                 m_server->presence()->epoch());
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_manager;
    QString m_staff;
    QList<WidgetConfig> m_widgets;
};

QTEST_GUILESS_MAIN(TestServerWidgetSync)
#include "tst_server_widgetsync.moc"
