#include "core/jsonreader.h"

#include <QtTest>

using namespace hearth;

class TestJsonReader final : public QObject
{
    Q_OBJECT

private slots:
    void timestampsAgreeWithQtsIsoParser_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("wire form") << "2026-11-20T18:01:02.123Z";
        QTest::newRow("no millis") << "2026-11-20T18:01:02Z";
        QTest::newRow("leap day") << "2028-02-29T00:00:00.000Z";
        QTest::newRow("offset") << "2026-11-20T19:01:02.123+01:00";
        QTest::newRow("end of year") << "2026-12-31T23:59:59.999Z";
    }

    void timestampsAgreeWithQtsIsoParser()
    {
        QFETCH(QString, text);
        FieldErrors errors;
        JsonReader reader(QJsonObject{{QStringLiteral("at"), text}}, &errors);
        const QDateTime parsed = reader.requiredTimestamp(QLatin1StringView("at"));
        QVERIFY2(errors.isEmpty(), qPrintable(describeErrors(errors)));
        QCOMPARE(parsed, QDateTime::fromString(text, Qt::ISODateWithMs).toUTC());
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }

    void impossibleTimestampsAreRejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("month 13") << "2026-13-20T18:01:02.123Z";
        QTest::newRow("feb 30") << "2026-02-30T18:01:02.123Z";
        QTest::newRow("hour 24") << "2026-11-20T24:01:02.123Z";
        QTest::newRow("letters") << "2026-11-2OT18:01:02.123Z";
        QTest::newRow("empty") << "";
        QTest::newRow("words") << "tomorrow at six";
    }

    void impossibleTimestampsAreRejected()
    {
        QFETCH(QString, text);
        FieldErrors errors;
        JsonReader reader(QJsonObject{{QStringLiteral("at"), text}}, &errors);
        QVERIFY(!reader.requiredTimestamp(QLatin1StringView("at")).isValid());
        QCOMPARE(errors.size(), 1);
    }

    void wireTimestampsRoundTrip()
    {
        const QDateTime moment(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        QCOMPARE(toWireTimestamp(moment), QStringLiteral("2026-01-02T03:04:05.006Z"));
        QCOMPARE(toWireTimestamp(moment.toOffsetFromUtc(3600)), QStringLiteral("2026-01-02T03:04:05.006Z"));
        QVERIFY(toWireTimestamp(QDateTime()).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
