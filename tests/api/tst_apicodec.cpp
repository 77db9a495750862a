#include "api/apicodec.h"

#include <QJsonDocument>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestApiCodec final : public QObject
{
    Q_OBJECT

private slots:
    void rejectsBrokenSessions_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("no token")
            << QByteArray(R"({"expires_at":"2026-11-21T02:00:00.000Z","user":{"username":"a","display_name":"","role":"staff"},"restaurant":{"id":"1","name":"B"}})")
            << u"token"_s;
        QTest::newRow("bad expiry")
            << QByteArray(R"({"token":"t","expires_at":"tomorrow","user":{"username":"a","display_name":"","role":"staff"},"restaurant":{"id":"1","name":"B"}})")
            << u"expires_at"_s;
        QTest::newRow("user missing")
            << QByteArray(R"({"token":"t","expires_at":"2026-11-21T02:00:00.000Z","restaurant":{"id":"1","name":"B"}})")
            << u"user"_s;
        QTest::newRow("user empty")
            << QByteArray(R"({"token":"t","expires_at":"2026-11-21T02:00:00.000Z","user":{},"restaurant":{"id":"1","name":"B"}})")
            << u"user"_s;
        QTest::newRow("role number")
            << QByteArray(R"({"token":"t","expires_at":"2026-11-21T02:00:00.000Z","user":{"username":"a","display_name":"","role":1},"restaurant":{"id":"1","name":"B"}})")
            << u"user.role"_s;
        QTest::newRow("restaurant id number")
            << QByteArray(R"({"token":"t","expires_at":"2026-11-21T02:00:00.000Z","user":{"username":"a","display_name":"","role":"staff"},"restaurant":{"id":1,"name":"B"}})")
            << u"restaurant.id"_s;
    }

    void rejectsBrokenSessions()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const Decoded<Session> decoded = ApiCodec::decodeSession(QJsonDocument::fromJson(json).object());
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.errorString().startsWith(field), qPrintable(decoded.errorString()));
    }

    void healthMustBeOkWithAnEpoch()
    {
        QCOMPARE(*ApiCodec::decodeHealth(parse(R"({"status":"ok","epoch":"e1"})")).value, u"e1"_s);
        QVERIFY(!ApiCodec::decodeHealth(parse(R"({"status":"degraded","epoch":"e1"})")).ok());
        QVERIFY(!ApiCodec::decodeHealth(parse(R"({"status":"ok"})")).ok());
    }

    void errorBodiesAreReadLeniently()
    {
        const auto full = ApiCodec::decodeErrorBody(R"({"error":{"code":"conflict","message":"stale"}})");
        QCOMPARE(full.code, u"conflict"_s);
        QCOMPARE(full.message, u"stale"_s);
        const auto garbage = ApiCodec::decodeErrorBody("<html>502 Bad Gateway</html>");
        QVERIFY(garbage.code.isEmpty());
        QVERIFY(garbage.message.isEmpty());
    }

    // Both channels' listings share one reader: the list, the epoch and the watermark, with an
    // element's errors reported under the list's key.
    void listingsReadTheirListEpochAndSeq()
    {
        const auto orders = ApiCodec::decodeOrdersSnapshot(parse(R"({"orders":[],"epoch":"e1","seq":7})"));
        QVERIFY(orders.ok());
        QCOMPARE(orders.value->position, (SyncPosition{u"e1"_s, 7}));
        QVERIFY(orders.value->orders.isEmpty());
        const auto widgets = ApiCodec::decodeWidgetsSnapshot(parse(R"({"widgets":[],"epoch":"e2","seq":3})"));
        QVERIFY(widgets.ok());
        QCOMPARE(widgets.value->position, (SyncPosition{u"e2"_s, 3}));

        const auto badOrder = ApiCodec::decodeOrdersSnapshot(parse(R"({"orders":[{}],"epoch":"e1","seq":7})"));
        QVERIFY(!badOrder.ok());
        QVERIFY2(badOrder.errorString().startsWith(u"orders[0]"_s), qPrintable(badOrder.errorString()));
        const auto badWidget = ApiCodec::decodeWidgetsSnapshot(parse(R"({"widgets":[{"id":5}],"epoch":"e2","seq":3})"));
        QVERIFY(!badWidget.ok());
        QVERIFY2(badWidget.errorString().startsWith(u"widgets[0]"_s), qPrintable(badWidget.errorString()));
        QVERIFY(!ApiCodec::decodeOrdersSnapshot(parse(R"({"orders":[],"seq":7})")).ok());
        QVERIFY(!ApiCodec::decodeWidgetsSnapshot(parse(R"({"widgets":[],"epoch":"e2","seq":-1})")).ok());
        QVERIFY(!ApiCodec::decodeOrdersSnapshot(parse(R"({"widgets":[],"epoch":"e1","seq":1})")).ok());
        QVERIFY(!ApiCodec::decodeWidgetsSnapshot(parse(R"({"orders":[],"epoch":"e1","seq":1})")).ok());
    }
};

QTEST_GUILESS_MAIN(TestApiCodec)
#include "tst_apicodec.moc"
