// RestClient's widget and presence calls against a scripted HTTP server: the headers of a write
// (If-Match, Idempotency-Key, X-Hearth-Device), a 409's current widget, a 422's per-field errors,
// network and server failures told apart from refusals, and snapshots with their watermark.
#include "fakehttpserver.h"

#include "api/apicodec.h"
#include "api/restclient.h"
#include "core/widgetcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;
using Response = FakeHttpServer::Response;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

WidgetConfig sampleWidget(qint64 version)
{
    WidgetConfig widget;
    widget.id = u"w-1"_s;
    widget.kind = WidgetKind::Booking;
    widget.name = u"Table booking"_s;
    widget.version = version;
    widget.settings = WidgetSettings::defaults(WidgetKind::Booking);
    widget.settings.title = u"Book a table"_s;
    widget.updatedAt = QDateTime(QDate(2026, 12, 2), QTime(14, 2), Qt::UTC);
    widget.updatedBy = WidgetEditor{u"maria"_s, u"Maria Costa"_s, u"Office PC"_s};
    return widget;
}

template<typename T>
struct Outcome
{
    std::optional<ApiResult<T>> result;
    RestClient::Callback<T> callback()
    {
        return [this](const ApiResult<T> &r) { result = r; };
    }
};

} // namespace

class TestRestClientWidgets : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_rest = std::make_unique<RestClient>(&m_network);
        m_rest->setBaseUrl(m_server->url());
        m_rest->setToken(u"T"_s);
    }

    void snapshotAndDelta()
    {
        m_server->handler = [](const FakeHttpServer::Request &) {
            return Response::json(200, json({{u"widgets"_s, WidgetCodec::toJsonArray({sampleWidget(3)})},
                                             {u"epoch"_s, u"e1"_s}, {u"seq"_s, 17}}));
        };
        Outcome<WidgetsSnapshot> snapshot;
        m_rest->fetchWidgets(std::nullopt, this, snapshot.callback());
        QTRY_VERIFY(snapshot.result);
        QVERIFY(snapshot.result->ok());
        QCOMPARE(snapshot.result->value->widgets.size(), 1);
        QCOMPARE(snapshot.result->value->widgets.first(), sampleWidget(3));
        QCOMPARE(snapshot.result->value->position, (SyncPosition{u"e1"_s, 17}));
        QVERIFY(m_server->requests.last().query.isEmpty());

        Outcome<WidgetsSnapshot> delta;
        m_rest->fetchWidgets(12, this, delta.callback());
        QTRY_VERIFY(delta.result);
        QCOMPARE(m_server->requests.last().query, QByteArray("since=12"));
    }

    void updateSendsTheWriteHeaders()
    {
        m_rest->setDeviceName(u"Büro PC\n"_s);
        m_server->handler = [](const FakeHttpServer::Request &) {
            return Response::json(200, json(WidgetCodec::toJson(sampleWidget(8))));
        };
        Outcome<WidgetConfig> saved;
        const QJsonObject body{{u"name"_s, u"Table booking"_s},
                               {u"settings"_s, WidgetCodec::settingsToJson(WidgetKind::Booking, sampleWidget(7).settings)}};
        m_rest->updateWidget(u"w-1"_s, 7, body, u"key-1"_s, this, saved.callback());
        QTRY_VERIFY(saved.result);
        QVERIFY(saved.result->ok());
        QCOMPARE(saved.result->value->version, 8);
        const FakeHttpServer::Request &request = m_server->requests.last();
        QCOMPARE(request.method, QByteArray("PUT"));
        QCOMPARE(request.path, QByteArray("/api/widgets/w-1"));
        QCOMPARE(request.headers.value("if-match"), QByteArray("\"7\""));
        QCOMPARE(request.headers.value("idempotency-key"), QByteArray("key-1"));
        QCOMPARE(request.headers.value("x-hearth-device"), u"Büro PC"_s.toUtf8());
        QCOMPARE(request.json(), body);
    }

    void conflictCarriesTheCurrentWidget()
    {
        m_server->handler = [](const FakeHttpServer::Request &) {
            return Response::json(409, json({{u"error"_s, QJsonObject{{u"code"_s, u"conflict"_s}, {u"message"_s, u"stale"_s}}},
                                             {u"current"_s, WidgetCodec::toJson(sampleWidget(9))}}));
        };
        Outcome<WidgetConfig> saved;
        m_rest->updateWidget(u"w-1"_s, 7, {}, u"key-1"_s, this, saved.callback());
        QTRY_VERIFY(saved.result);
        QCOMPARE(saved.result->error.kind, ApiError::Kind::Conflict);
        QVERIFY(!saved.result->error.isTransient());
        const std::optional<WidgetConfig> current = ApiCodec::conflictCurrentWidget(saved.result->error);
        QVERIFY(current);
        QCOMPARE(*current, sampleWidget(9));
    }

    void validationErrorsByField()
    {
        m_server->handler = [](const FakeHttpServer::Request &) {
            return Response::json(422, json({{u"error"_s, QJsonObject{
                {u"code"_s, u"validation_failed"_s}, {u"message"_s, u"2 settings are not valid"_s},
                {u"fields"_s, QJsonObject{{u"settings.primary_color"_s, u"must be a colour like #1a2b3c"_s},
                                          {u"settings.opening_hours.mon[1]"_s, u"overlaps 12:00–14:30"_s}}}}}}));
        };
        Outcome<WidgetConfig> saved;
        m_rest->updateWidget(u"w-1"_s, 7, {}, u"key-1"_s, this, saved.callback());
        QTRY_VERIFY(saved.result);
        const ApiError &error = saved.result->error;
        QCOMPARE(error.kind, ApiError::Kind::Rejected);
        QCOMPARE(error.code, u"validation_failed"_s);
        QCOMPARE(error.fieldErrors.size(), 2);
        QCOMPARE(error.fieldErrors.value(u"settings.primary_color"_s), u"must be a colour like #1a2b3c"_s);
        QVERIFY(error.message.contains(u"2 settings are not valid"_s));
    }

    void failuresAreToldApart_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("transient");
        QTest::newRow("500") << 500 << true;
        QTest::newRow("503") << 503 << true;
        QTest::newRow("429") << 429 << true;
        QTest::newRow("400") << 400 << false;
        QTest::newRow("403") << 403 << false;
        QTest::newRow("404") << 404 << false;
        QTest::newRow("428") << 428 << false;
    }

    void failuresAreToldApart()
    {
        QFETCH(int, status);
        QFETCH(bool, transient);
        m_server->handler = [status](const FakeHttpServer::Request &) {
            return Response::json(status, json({{u"error"_s, QJsonObject{{u"code"_s, u"x"_s}, {u"message"_s, u"y"_s}}}}));
        };
        Outcome<WidgetConfig> saved;
        m_rest->updateWidget(u"w-1"_s, 7, {}, u"key-1"_s, this, saved.callback());
        QTRY_VERIFY(saved.result);
        QCOMPARE(saved.result->error.isTransient(), transient);
        QCOMPARE(saved.result->error.httpStatus, status);
    }

    void networkErrorIsTransient()
    {
        m_server.reset(); // nothing listens any more
        Outcome<WidgetConfig> saved;
        m_rest->updateWidget(u"w-1"_s, 7, {}, u"key-1"_s, this, saved.callback());
        QTRY_VERIFY(saved.result);
        QCOMPARE(saved.result->error.kind, ApiError::Kind::Network);
        QVERIFY(saved.result->error.isTransient());
    }

    void presenceSnapshot()
    {
        m_server->handler = [](const FakeHttpServer::Request &) {
            const QJsonObject entry{{u"widget_id"_s, u"w-1"_s}, {u"username"_s, u"maria"_s},
                                    {u"display_name"_s, u"Maria Costa"_s}, {u"device"_s, u"Office PC"_s},
                                    {u"state"_s, u"editing"_s}, {u"field"_s, u"title"_s},
                                    {u"since"_s, u"2026-12-02T14:02:00.000Z"_s}, {u"session"_s, u"s-1"_s}};
            return Response::json(200, json({{u"presence"_s, QJsonArray{entry}}, {u"epoch"_s, u"e1"_s}, {u"seq"_s, 4}}));
        };
        Outcome<PresenceSnapshot> presence;
        m_rest->fetchPresence(this, presence.callback());
        QTRY_VERIFY(presence.result);
        QVERIFY2(presence.result->ok(), qPrintable(presence.result->error.details));
        QCOMPARE(presence.result->value->entries.size(), 1);
        const PresenceEntry &entry = presence.result->value->entries.first();
        QCOMPARE(entry.field, u"title"_s);
        QCOMPARE(entry.session, u"s-1"_s);
        QCOMPARE(presence.result->value->position.seq, 4);
    }

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<RestClient> m_rest;
};

QTEST_GUILESS_MAIN(TestRestClientWidgets)
#include "tst_restclient_widgets.moc"
