// The widget REST API of hearth-server over real HTTP on 127.0.0.1 (docs/protocol.md, "Widgets"):
// optimistic concurrency, idempotent writes, roles, tenancy and per-field validation errors.
#include "testsupport.h"

#include "core/widgetcodec.h"
#include "server/accountrepository.h"
#include "server/demoaccounts.h"
#include "server/eventlog.h"
#include "server/passwordhasher.h"
#include "server/widgetservice.h"

#include <QJsonArray>
#include <QUuid>
#include <QtTest>

using namespace hearth;
using namespace hearth::server;
using namespace hearth::server::testing;

namespace {

QString errorCode(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString();
}

QJsonObject errorFields(const HttpResult &result)
{
    return result.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("fields")).toObject();
}

QByteArray newKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

WidgetConfig decode(const QJsonObject &json)
{
    const Decoded<WidgetConfig> decoded = WidgetCodec::fromJson(json);
    if (!decoded.ok())
        qWarning("widget does not decode: %s", qPrintable(decoded.errorString()));
    return decoded.value.value_or(WidgetConfig{});
}

} // namespace

class TestServerWidgets final : public QObject
{
    Q_OBJECT

private:
    // A write with the headers a client sends; `key` empty: none, `ifMatch` empty: none.
    HttpResult write(const QByteArray &verb, const QString &path, const QJsonObject &body, const QString &token,
                     const QByteArray &key, const QByteArray &ifMatch = {}, const QByteArray &device = "Office PC")
    {
        HttpClient::Headers headers;
        if (!key.isEmpty())
            headers.append({QByteArrayLiteral("Idempotency-Key"), key});
        if (!ifMatch.isEmpty())
            headers.append({QByteArrayLiteral("If-Match"), ifMatch});
        if (!device.isEmpty())
            headers.append({QByteArrayLiteral("X-Hearth-Device"), device});
        return m_http->send(verb, path, body.isEmpty() ? QByteArray() : json(body), token, headers);
    }

    WidgetConfig createWidget(WidgetKind kind, const QString &name)
    {
        const HttpResult created = write("POST", QStringLiteral("/api/widgets"),
                                         {{QStringLiteral("kind"), widgetKindToWire(kind)}, {QStringLiteral("name"), name}},
                                         m_manager, newKey());
        if (created.status != 201)
            qWarning("create answered %d: %s", created.status, created.raw.constData());
        return decode(created.body);
    }

    QJsonObject putBody(const WidgetConfig &widget)
    {
        return QJsonObject{{QStringLiteral("name"), widget.name},
                           {QStringLiteral("settings"), WidgetCodec::settingsToJson(widget.kind, widget.settings)}};
    }

    qint64 widgetsHead() const
    {
        return m_server->eventLog()->headSeq(QString(DemoAccounts::restaurantId), QString(WidgetEvents::channel));
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

    void theDemoRestaurantHasABookingAndAnOrderingWidget()
    {
        const HttpResult listed = m_http->get(QStringLiteral("/api/widgets"), m_staff);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.body.value(QLatin1StringView("epoch")).toString(), m_server->epoch());
        QCOMPARE(listed.body.value(QLatin1StringView("seq")).toInteger(), 2);
        const auto widgets = WidgetCodec::fromJsonArray(listed.body.value(QLatin1StringView("widgets")).toArray());
        QVERIFY2(widgets.ok(), qPrintable(widgets.errorString()));
        QCOMPARE(widgets.value->size(), 2);
        QCOMPARE(widgets.value->at(0).kind, WidgetKind::Booking);
        QCOMPARE(widgets.value->at(1).kind, WidgetKind::Ordering);
        for (const WidgetConfig &widget : *widgets.value) {
            QCOMPARE(widget.version, 1);
            QVERIFY(WidgetCodec::validateSettings(widget.kind, widget.settings).isEmpty());
            QCOMPARE(widget.updatedBy.username, QString(DemoAccounts::managerUsername));
            QVERIFY(widget.settings != WidgetSettings::defaults(widget.kind)); // the bistro's own values
        }
        // A server answer carries every setting of the kind, and only those.
        const QJsonObject settings = listed.body.value(QLatin1StringView("widgets")).toArray().at(1).toObject()
                                         .value(QLatin1StringView("settings")).toObject();
        QCOMPARE(settings.size(), WidgetCodec::settingKeys(WidgetKind::Ordering).size());
    }

    void getAnswersTheWidgetWithItsVersionAsETag()
    {
        const WidgetConfig created = createWidget(WidgetKind::Booking, QStringLiteral("Terrace"));
        const HttpResult got = m_http->get(QStringLiteral("/api/widgets/%1").arg(created.id), m_staff);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.header("ETag"), QByteArray("\"1\""));
        QCOMPARE(decode(got.body), created);
        QCOMPARE(m_http->get(QStringLiteral("/api/widgets/w-nope"), m_staff).status, 404);
    }

    void createTakesTheKindsDefaultsForOmittedSettings()
    {
        const qint64 head = widgetsHead();
        const HttpResult created = write(
            "POST", QStringLiteral("/api/widgets"),
            {{QStringLiteral("kind"), QStringLiteral("ordering")},
             {QStringLiteral("name"), QStringLiteral("Lunch orders")},
             {QStringLiteral("settings"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Lunch to go")},
                                                      {QStringLiteral("minimum_order_cents"), 900}}}},
            m_manager, newKey(), {}, "Till 2");
        QCOMPARE(created.status, 201);
        const WidgetConfig widget = decode(created.body);
        QVERIFY(widget.id.startsWith(QStringLiteral("w-")));
        QCOMPARE(widget.version, 1);
        QCOMPARE(widget.settings.title, QStringLiteral("Lunch to go"));
        QCOMPARE(widget.settings.minimumOrderCents, 900);
        QCOMPARE(widget.settings.buttonText, WidgetSettings::defaults(WidgetKind::Ordering).buttonText);
        QCOMPARE(widget.updatedBy, (WidgetEditor{QString(DemoAccounts::managerUsername),
                                                 QString(DemoAccounts::managerDisplayName), QStringLiteral("Till 2")}));
        QCOMPARE(widgetsHead(), head + 1);
    }

    void updateNeedsTheVersionItStartedFrom()
    {
        WidgetConfig widget = createWidget(WidgetKind::Booking, QStringLiteral("Garden"));
        widget.settings.maxPartySize = 12;
        widget.name = QStringLiteral("Garden tables");
        const QString path = QStringLiteral("/api/widgets/%1").arg(widget.id);

        const HttpResult saved = write("PUT", path, putBody(widget), m_manager, newKey(), "\"1\"");
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.header("ETag"), QByteArray("\"2\""));
        const WidgetConfig after = decode(saved.body);
        QCOMPARE(after.version, 2);
        QCOMPARE(after.settings.maxPartySize, 12);
        QCOMPARE(after.name, QStringLiteral("Garden tables"));
        QCOMPARE(decode(m_http->get(path, m_staff).body), after);

        // The same edit from version 1 again: someone else saved first.
        widget.settings.maxPartySize = 4;
        const HttpResult stale = write("PUT", path, putBody(widget), m_manager, newKey(), "1");
        QCOMPARE(stale.status, 409);
        QCOMPARE(errorCode(stale), QStringLiteral("conflict"));
        QCOMPARE(decode(stale.body.value(QLatin1StringView("current")).toObject()), after);

        const HttpResult unconditional = write("PUT", path, putBody(widget), m_manager, newKey());
        QCOMPARE(unconditional.status, 428);
        QCOMPARE(errorCode(unconditional), QStringLiteral("precondition_required"));
        QCOMPARE(write("PUT", path, putBody(widget), m_manager, newKey(), "\"seven\"").status, 400);
        QCOMPARE(decode(m_http->get(path, m_staff).body).version, 2);
    }

    void aPutThatChangesNothingAnswers200WithoutAnEvent()
    {
        const WidgetConfig widget = createWidget(WidgetKind::Ordering, QStringLiteral("Evening"));
        const qint64 head = widgetsHead();
        const HttpResult same = write("PUT", QStringLiteral("/api/widgets/%1").arg(widget.id), putBody(widget),
                                      m_manager, newKey(), "\"1\"", "Another PC");
        QCOMPARE(same.status, 200);
        QCOMPARE(decode(same.body), widget); // not even updated_by changes
        QCOMPARE(widgetsHead(), head);
    }

    void deleteArchives()
    {
        const WidgetConfig widget = createWidget(WidgetKind::Booking, QStringLiteral("Old booking page"));
        const QString path = QStringLiteral("/api/widgets/%1").arg(widget.id);
        const qint64 before = widgetsHead();

        QCOMPARE(write("DELETE", path, {}, m_manager, newKey(), "\"7\"").status, 409);
        const HttpResult deleted = write("DELETE", path, {}, m_manager, newKey(), "\"1\"");
        QCOMPARE(deleted.status, 200);
        const WidgetConfig archived = decode(deleted.body);
        QVERIFY(archived.archived);
        QCOMPARE(archived.version, 2);
        QCOMPARE(widgetsHead(), before + 1);

        // Gone from the snapshot, present in a delta (so clients remove it), still readable by id.
        const HttpResult snapshot = m_http->get(QStringLiteral("/api/widgets"), m_staff);
        const auto listed = WidgetCodec::fromJsonArray(snapshot.body.value(QLatin1StringView("widgets")).toArray());
        QVERIFY(std::none_of(listed.value->cbegin(), listed.value->cend(),
                             [&](const WidgetConfig &w) { return w.id == widget.id; }));
        const HttpResult delta = m_http->get(QStringLiteral("/api/widgets?since=%1").arg(before), m_staff);
        const auto changed = WidgetCodec::fromJsonArray(delta.body.value(QLatin1StringView("widgets")).toArray());
        QCOMPARE(changed.value->size(), 1);
        QCOMPARE(changed.value->first(), archived);
        QCOMPARE(delta.body.value(QLatin1StringView("seq")).toInteger(), before + 1);
        QVERIFY(decode(m_http->get(path, m_staff).body).archived);

        // Deleting again changes nothing; editing a deleted widget is not possible.
        const HttpResult again = write("DELETE", path, {}, m_manager, newKey());
        QCOMPARE(again.status, 200);
        QCOMPARE(decode(again.body), archived);
        QCOMPARE(widgetsHead(), before + 1);
        QCOMPARE(write("PUT", path, putBody(widget), m_manager, newKey(), "\"2\"").status, 404);
    }

    void sinceMustBeASequenceNumber()
    {
        QCOMPARE(m_http->get(QStringLiteral("/api/widgets?since=-1"), m_staff).status, 400);
        QCOMPARE(m_http->get(QStringLiteral("/api/widgets?since=x"), m_staff).status, 400);
        const HttpResult none = m_http->get(QStringLiteral("/api/widgets?since=%1").arg(widgetsHead()), m_staff);
        QCOMPARE(none.status, 200);
        QVERIFY(none.body.value(QLatin1StringView("widgets")).toArray().isEmpty());
    }

    void aRetriedWriteIsAppliedOnce()
    {
        WidgetConfig widget = createWidget(WidgetKind::Booking, QStringLiteral("Retry"));
        widget.settings.greeting = QStringLiteral("Welcome back!");
        const QString path = QStringLiteral("/api/widgets/%1").arg(widget.id);
        const QByteArray key = newKey();
        const qint64 head = widgetsHead();

        const HttpResult first = write("PUT", path, putBody(widget), m_manager, key, "\"1\"");
        const HttpResult retry = write("PUT", path, putBody(widget), m_manager, key, "\"1\"");
        QCOMPARE(first.status, 200);
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.raw, first.raw);
        QCOMPARE(retry.header("ETag"), first.header("ETag"));
        QCOMPARE(retry.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(decode(m_http->get(path, m_staff).body).version, 2);
        QCOMPARE(widgetsHead(), head + 1);

        // A create, retried: one widget.
        const QByteArray createKey = newKey();
        const QJsonObject draft{{QStringLiteral("kind"), QStringLiteral("booking")},
                                {QStringLiteral("name"), QStringLiteral("Once")}};
        const HttpResult created = write("POST", QStringLiteral("/api/widgets"), draft, m_manager, createKey);
        const HttpResult createdAgain = write("POST", QStringLiteral("/api/widgets"), draft, m_manager, createKey);
        QCOMPARE(created.status, 201);
        QCOMPARE(createdAgain.status, 201);
        QCOMPARE(createdAgain.raw, created.raw);
        QCOMPARE(widgetsHead(), head + 2);

        // A refusal is an answer too: the retry gets the same 409, not a fresh evaluation.
        const QByteArray staleKey = newKey();
        const HttpResult stale = write("PUT", path, putBody(widget), m_manager, staleKey, "\"1\"");
        QCOMPARE(stale.status, 409);
        QCOMPARE(write("PUT", path, putBody(widget), m_manager, staleKey, "\"1\"").raw, stale.raw);
    }

    void aKeyReusedForAnotherRequestIsRefused()
    {
        WidgetConfig widget = createWidget(WidgetKind::Ordering, QStringLiteral("Reuse"));
        const QString path = QStringLiteral("/api/widgets/%1").arg(widget.id);
        const QByteArray key = newKey();
        widget.settings.paused = true;
        QCOMPARE(write("PUT", path, putBody(widget), m_manager, key, "\"1\"").status, 200);
        const qint64 head = widgetsHead();

        widget.settings.paused = false;
        const HttpResult otherBody = write("PUT", path, putBody(widget), m_manager, key, "\"2\"");
        QCOMPARE(otherBody.status, 422);
        QCOMPARE(errorCode(otherBody), QStringLiteral("idempotency_key_reused"));
        const HttpResult otherMethod = write("DELETE", path, {}, m_manager, key, "\"2\"");
        QCOMPARE(errorCode(otherMethod), QStringLiteral("idempotency_key_reused"));
        QCOMPARE(widgetsHead(), head);
        QVERIFY(decode(m_http->get(path, m_staff).body).settings.paused);
    }

    void everyWriteNeedsAnIdempotencyKey()
    {
        const WidgetConfig widget = createWidget(WidgetKind::Booking, QStringLiteral("Keyless"));
        const QString path = QStringLiteral("/api/widgets/%1").arg(widget.id);
        const qint64 head = widgetsHead();
        QCOMPARE(write("POST", QStringLiteral("/api/widgets"),
                       {{QStringLiteral("kind"), QStringLiteral("booking")}, {QStringLiteral("name"), QStringLiteral("x")}},
                       m_manager, {}).status, 400);
        QCOMPARE(write("PUT", path, putBody(widget), m_manager, {}, "\"1\"").status, 400);
        const HttpResult keyless = write("DELETE", path, {}, m_manager, {});
        QCOMPARE(keyless.status, 400);
        QCOMPARE(errorCode(keyless), QStringLiteral("bad_request"));
        QCOMPARE(write("DELETE", path, {}, m_manager, QByteArray(101, 'k')).status, 400);
        QCOMPARE(widgetsHead(), head);
    }

    void staffMayReadButNeverWrite_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<bool>("onWidget");
        QTest::newRow("POST") << QByteArray("POST") << false;
        QTest::newRow("PUT") << QByteArray("PUT") << true;
        QTest::newRow("DELETE") << QByteArray("DELETE") << true;
    }

    void staffMayReadButNeverWrite()
    {
        QFETCH(QByteArray, verb);
        QFETCH(bool, onWidget);
        const WidgetConfig widget = createWidget(WidgetKind::Booking, QStringLiteral("Staff test"));
        const QString path = onWidget ? QStringLiteral("/api/widgets/%1").arg(widget.id) : QStringLiteral("/api/widgets");
        const QJsonObject body = onWidget ? putBody(widget)
                                          : QJsonObject{{QStringLiteral("kind"), QStringLiteral("booking")},
                                                        {QStringLiteral("name"), QStringLiteral("Sneaky")}};
        const qint64 head = widgetsHead();
        const HttpResult refused = write(verb, path, body, m_staff, newKey(), "\"1\"");
        QCOMPARE(refused.status, 403);
        QCOMPARE(errorCode(refused), QStringLiteral("forbidden"));
        QCOMPARE(widgetsHead(), head);
        QCOMPARE(m_http->get(QStringLiteral("/api/widgets/%1").arg(widget.id), m_staff).status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/widgets"), m_staff).status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/widgets"), QStringLiteral("bad-token")).status, 401);
    }

    void invalidSettingsAnswerPerFieldErrors_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("colour") << "primary_color" << QJsonValue(QStringLiteral("blue")) << "settings.primary_color"
                                << "must be a colour like #1a2b3c";
        QTest::newRow("party size") << "max_party_size" << QJsonValue(51) << "settings.max_party_size"
                                    << "must be between 1 and 50 guests";
        QTest::newRow("slot") << "slot_minutes" << QJsonValue(20) << "settings.slot_minutes"
                              << "must be 15, 30 or 60 minutes";
        QTest::newRow("title") << "title" << QJsonValue(QString()) << "settings.title" << "must not be empty";
        QTest::newRow("other kind") << "paused" << QJsonValue(true) << "settings.paused"
                                    << "belongs to ordering widgets, not booking widgets";
        QJsonObject overlapping = WidgetCodec::settingsToJson(WidgetKind::Booking, WidgetSettings::defaults(WidgetKind::Booking))
                                      .value(QLatin1StringView("opening_hours")).toObject();
        overlapping[QStringLiteral("mon")] = QJsonArray{
            QJsonObject{{QStringLiteral("open"), QStringLiteral("12:00")}, {QStringLiteral("close"), QStringLiteral("14:30")}},
            QJsonObject{{QStringLiteral("open"), QStringLiteral("14:00")}, {QStringLiteral("close"), QStringLiteral("22:00")}}};
        QTest::newRow("overlap") << "opening_hours" << QJsonValue(overlapping) << "settings.opening_hours.mon[1]"
                                 << QStringLiteral("overlaps 12:00\u201314:30");
    }

    void invalidSettingsAnswerPerFieldErrors()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const WidgetConfig widget = createWidget(WidgetKind::Booking, QStringLiteral("Validation"));
        QJsonObject body = putBody(widget);
        QJsonObject settings = body.value(QLatin1StringView("settings")).toObject();
        settings[key] = value;
        body[QStringLiteral("settings")] = settings;
        const qint64 head = widgetsHead();

        const HttpResult refused = write("PUT", QStringLiteral("/api/widgets/%1").arg(widget.id), body, m_manager,
                                         newKey(), "\"1\"");
        QCOMPARE(refused.status, 422);
        QCOMPARE(errorCode(refused), QStringLiteral("validation_failed"));
        const QJsonObject fields = errorFields(refused);
        QCOMPARE(fields.keys(), QStringList{path});
        QCOMPARE(fields.value(path).toString(), message);
        QCOMPARE(widgetsHead(), head);
    }

    void everyBadFieldIsReportedAtOnce()
    {
        const HttpResult refused = write(
            "POST", QStringLiteral("/api/widgets"),
            {{QStringLiteral("kind"), QStringLiteral("ordering")},
             {QStringLiteral("name"), QStringLiteral("  ")},
             {QStringLiteral("settings"), QJsonObject{{QStringLiteral("minimum_order_cents"), -1},
                                                      {QStringLiteral("button_text"), QString(41, u'x')},
                                                      {QStringLiteral("font"), QStringLiteral("serif")}}}},
            m_manager, newKey());
        QCOMPARE(refused.status, 422);
        QStringList paths = errorFields(refused).keys();
        paths.sort();
        QCOMPARE(paths, (QStringList{QStringLiteral("name"), QStringLiteral("settings.button_text"),
                                     QStringLiteral("settings.font"), QStringLiteral("settings.minimum_order_cents")}));
        QCOMPARE(refused.body.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message")).toString(),
                 QStringLiteral("4 fields are not valid"));
        QCOMPARE(write("POST", QStringLiteral("/api/widgets"),
                       {{QStringLiteral("kind"), QStringLiteral("survey")}, {QStringLiteral("name"), QStringLiteral("x")}},
                       m_manager, newKey()).status, 422);
        // A PUT must carry every setting of the kind.
        const WidgetConfig widget = createWidget(WidgetKind::Ordering, QStringLiteral("Partial"));
        const HttpResult partial = write("PUT", QStringLiteral("/api/widgets/%1").arg(widget.id),
                                         {{QStringLiteral("settings"), QJsonObject{{QStringLiteral("paused"), true}}}},
                                         m_manager, newKey(), "\"1\"");
        QCOMPARE(partial.status, 422);
        QCOMPARE(errorFields(partial).value(QLatin1StringView("settings.title")).toString(), QStringLiteral("is missing"));
    }

    void anotherRestaurantsWidgetIsInvisible()
    {
        QVERIFY(m_server->accounts()->createRestaurant(QStringLiteral("2"), QStringLiteral("Other Place")));
        QVERIFY(m_server->accounts()->createUser(QStringLiteral("2"), QStringLiteral("boss2"), QStringLiteral("Otto"),
                                                 Role::Manager, PasswordHasher::hash(QStringLiteral("pw"), 1000)));
        const WidgetResult foreign = m_server->widgets()->create(
            QStringLiteral("2"), NewWidget{WidgetKind::Booking, QStringLiteral("Theirs"), WidgetSettings::defaults(WidgetKind::Booking)},
            WidgetEditor{QStringLiteral("boss2"), QStringLiteral("Otto"), {}});
        QVERIFY(foreign.ok());
        const QString path = QStringLiteral("/api/widgets/%1").arg(foreign.widget.id);

        QCOMPARE(m_http->get(path, m_manager).status, 404);
        QCOMPARE(write("PUT", path, putBody(foreign.widget), m_manager, newKey(), "\"1\"").status, 404);
        QCOMPARE(write("DELETE", path, {}, m_manager, newKey()).status, 404);
        const HttpResult ours = m_http->get(QStringLiteral("/api/widgets"), m_manager);
        QVERIFY(!QString::fromUtf8(ours.raw).contains(foreign.widget.id));

        const QString otherToken = m_http->login(QStringLiteral("boss2"), QStringLiteral("pw"));
        const HttpResult theirs = m_http->get(QStringLiteral("/api/widgets"), otherToken);
        QCOMPARE(theirs.body.value(QLatin1StringView("widgets")).toArray().size(), 1);
        QCOMPARE(theirs.body.value(QLatin1StringView("seq")).toInteger(), 1); // their own channel
        // Keys are per restaurant: the same key in another restaurant is another request.
        const QByteArray key = newKey();
        QCOMPARE(write("DELETE", path, {}, otherToken, key).status, 200);
        QCOMPARE(write("POST", QStringLiteral("/api/widgets"),
                       {{QStringLiteral("kind"), QStringLiteral("booking")}, {QStringLiteral("name"), QStringLiteral("Mine")}},
                       m_manager, key).status, 201);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<HearthServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QString m_manager;
    QString m_staff;
};

QTEST_GUILESS_MAIN(TestServerWidgets)
#include "tst_server_widgets.moc"
