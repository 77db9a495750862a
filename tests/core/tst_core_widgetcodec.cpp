#include "core/widgetcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace hearth;

Q_DECLARE_METATYPE(hearth::WidgetKind)

namespace {

QJsonObject range(const char *open, const char *close)
{
    return QJsonObject{{QStringLiteral("open"), QString::fromLatin1(open)},
                       {QStringLiteral("close"), QString::fromLatin1(close)}};
}

QJsonObject validSettings(WidgetKind kind)
{
    return WidgetCodec::settingsToJson(kind, WidgetSettings::defaults(kind));
}

QJsonObject hoursWith(WidgetKind kind, const QString &day, const QJsonValue &ranges)
{
    QJsonObject hours = validSettings(kind).value(QLatin1StringView("opening_hours")).toObject();
    if (ranges.isUndefined())
        hours.remove(day);
    else
        hours[day] = ranges;
    return hours;
}

QJsonObject validWidgetJson()
{
    return QJsonDocument::fromJson(R"({
        "id": "w-1", "kind": "booking", "name": "Table booking", "version": 7, "archived": false,
        "settings": {
            "enabled": true, "title": "Book a table", "greeting": "We look forward to seeing you!",
            "primary_color": "#b5432f", "button_text": "Book now",
            "opening_hours": {"mon": [{"open": "12:00", "close": "14:30"}, {"open": "18:00", "close": "24:00"}],
                              "tue": [], "wed": [], "thu": [], "fri": [], "sat": [], "sun": []},
            "max_party_size": 8, "lead_time_minutes": 120, "slot_minutes": 30},
        "updated_at": "2026-11-20T18:01:02.123Z",
        "updated_by": {"username": "maria", "display_name": "Maria Costa", "device": "Office PC"}
    })").object();
}

} // namespace

class TestWidgetCodec final : public QObject
{
    Q_OBJECT

private slots:
    void decodesAWidget()
    {
        const Decoded<WidgetConfig> decoded = WidgetCodec::fromJson(validWidgetJson());
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        const WidgetConfig &widget = *decoded.value;
        QCOMPARE(widget.id, QStringLiteral("w-1"));
        QCOMPARE(widget.kind, WidgetKind::Booking);
        QCOMPARE(widget.version, 7);
        QVERIFY(!widget.archived);
        QCOMPARE(widget.settings.openingHours.days[0].size(), 2);
        QCOMPARE(widget.settings.openingHours.days[0].at(1), (OpeningRange{18 * 60, 24 * 60}));
        QVERIFY(widget.settings.openingHours.days[1].isEmpty());
        QCOMPARE(widget.settings.maxPartySize, 8);
        QCOMPARE(widget.updatedBy, (WidgetEditor{QStringLiteral("maria"), QStringLiteral("Maria Costa"),
                                                 QStringLiteral("Office PC")}));
        QCOMPARE(widget.updatedAt, QDateTime(QDate(2026, 11, 20), QTime(18, 1, 2, 123), Qt::UTC));
    }

    void roundTripsBothKinds_data()
    {
        QTest::addColumn<WidgetKind>("kind");
        QTest::newRow("booking") << WidgetKind::Booking;
        QTest::newRow("ordering") << WidgetKind::Ordering;
    }

    void roundTripsBothKinds()
    {
        QFETCH(WidgetKind, kind);
        WidgetConfig widget;
        widget.id = QStringLiteral("w-9");
        widget.kind = kind;
        widget.name = QStringLiteral("Website");
        widget.version = 3;
        widget.archived = true;
        widget.settings = WidgetSettings::defaults(kind);
        widget.settings.greeting = QStringLiteral("Bem-vindo \u00e0 mesa \U0001F37D");
        widget.updatedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
        widget.updatedBy = {QStringLiteral("tom"), QStringLiteral("Tom"), QString()};

        const QJsonObject json = WidgetCodec::toJson(widget);
        const Decoded<WidgetConfig> again = WidgetCodec::fromJson(json);
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QCOMPARE(*again.value, widget);

        const Decoded<QList<WidgetConfig>> list = WidgetCodec::fromJsonArray(WidgetCodec::toJsonArray({widget, widget}));
        QVERIFY(list.ok());
        QCOMPARE(list.value->size(), 2);
    }

    void defaultsAreValidAndCarryOnlyTheKindsKeys_data() { roundTripsBothKinds_data(); }

    void defaultsAreValidAndCarryOnlyTheKindsKeys()
    {
        QFETCH(WidgetKind, kind);
        const WidgetSettings defaults = WidgetSettings::defaults(kind);
        const FieldErrors errors = WidgetCodec::validateSettings(kind, defaults);
        QVERIFY2(errors.isEmpty(), qPrintable(describeErrors(errors)));
        QVERIFY(!defaults.title.isEmpty());
        QVERIFY(!defaults.buttonText.isEmpty());

        const QJsonObject json = WidgetCodec::settingsToJson(kind, defaults);
        QStringList keys = json.keys();
        QStringList expected = WidgetCodec::settingKeys(kind);
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
        QCOMPARE(WidgetCodec::settingKeys(kind).size(), kind == WidgetKind::Booking ? 9 : 10);
        QCOMPARE(*WidgetCodec::settingsFromJson(kind, json).value, defaults);
    }

    void missingSettingsAreErrorsOrTakeTheFallback()
    {
        QJsonObject json = validSettings(WidgetKind::Ordering);
        json.remove(QStringLiteral("paused"));
        json.remove(QStringLiteral("title"));
        const auto strict = WidgetCodec::settingsFromJson(WidgetKind::Ordering, json);
        QVERIFY(!strict.ok());
        QCOMPARE(strict.errors.size(), 2);
        QCOMPARE(strict.errors.at(0).field, QStringLiteral("settings.title"));
        QCOMPARE(strict.errors.at(0).message, QStringLiteral("is missing"));
        QCOMPARE(strict.errors.at(1).field, QStringLiteral("settings.paused"));

        WidgetSettings fallback = WidgetSettings::defaults(WidgetKind::Ordering);
        fallback.paused = true;
        const auto lenient = WidgetCodec::settingsFromJson(WidgetKind::Ordering, QJsonObject{{QStringLiteral("minimum_order_cents"), 900}}, fallback);
        QVERIFY2(lenient.ok(), qPrintable(lenient.errorString()));
        QCOMPARE(lenient.value->minimumOrderCents, 900);
        QVERIFY(lenient.value->paused);
        QCOMPARE(lenient.value->title, fallback.title);
    }

    void rejectsEachInvalidSetting_data()
    {
        QTest::addColumn<WidgetKind>("kind");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the key
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message"); // a part of the expected message

        const auto B = WidgetKind::Booking;
        const auto O = WidgetKind::Ordering;
        const QJsonValue missing(QJsonValue::Undefined);
        const QString hours = QStringLiteral("opening_hours");

        QTest::newRow("enabled not bool") << B << "enabled" << QJsonValue(1) << "settings.enabled" << "true or false";
        QTest::newRow("enabled missing") << O << "enabled" << missing << "settings.enabled" << "is missing";
        QTest::newRow("title empty") << B << "title" << QJsonValue(QStringLiteral("   ")) << "settings.title" << "must not be empty";
        QTest::newRow("title too long") << B << "title" << QJsonValue(QString(81, u'x')) << "settings.title" << "at most 80 characters (it has 81)";
        QTest::newRow("title number") << O << "title" << QJsonValue(5) << "settings.title" << "must be text";
        QTest::newRow("greeting too long") << B << "greeting" << QJsonValue(QString(501, u'g')) << "settings.greeting" << "at most 500";
        QTest::newRow("greeting null") << B << "greeting" << QJsonValue(QJsonValue::Null) << "settings.greeting" << "must be text";
        QTest::newRow("colour name") << B << "primary_color" << QJsonValue(QStringLiteral("red")) << "settings.primary_color" << "colour like #1a2b3c";
        QTest::newRow("colour short") << O << "primary_color" << QJsonValue(QStringLiteral("#abc")) << "settings.primary_color" << "colour";
        QTest::newRow("colour not hex") << O << "primary_color" << QJsonValue(QStringLiteral("#12345g")) << "settings.primary_color" << "colour";
        QTest::newRow("button empty") << B << "button_text" << QJsonValue(QString()) << "settings.button_text" << "must not be empty";
        QTest::newRow("button too long") << O << "button_text" << QJsonValue(QString(41, u'b')) << "settings.button_text" << "at most 40";
        QTest::newRow("party zero") << B << "max_party_size" << QJsonValue(0) << "settings.max_party_size" << "between 1 and 50";
        QTest::newRow("party 51") << B << "max_party_size" << QJsonValue(51) << "settings.max_party_size" << "between 1 and 50";
        QTest::newRow("party fraction") << B << "max_party_size" << QJsonValue(2.5) << "settings.max_party_size" << "whole number";
        QTest::newRow("party text") << B << "max_party_size" << QJsonValue(QStringLiteral("8")) << "settings.max_party_size" << "must be a number";
        QTest::newRow("lead negative") << B << "lead_time_minutes" << QJsonValue(-1) << "settings.lead_time_minutes" << "between 0 and 10080";
        QTest::newRow("lead over a week") << B << "lead_time_minutes" << QJsonValue(10081) << "settings.lead_time_minutes" << "between 0 and 10080";
        QTest::newRow("slot 45") << B << "slot_minutes" << QJsonValue(45) << "settings.slot_minutes" << "15, 30 or 60";
        QTest::newRow("slot missing") << B << "slot_minutes" << missing << "settings.slot_minutes" << "is missing";
        QTest::newRow("minimum negative") << O << "minimum_order_cents" << QJsonValue(-1) << "settings.minimum_order_cents" << "between 0.00 and 1,000,000.00";
        QTest::newRow("minimum huge") << O << "minimum_order_cents" << QJsonValue(100'000'001) << "settings.minimum_order_cents" << "between";
        QTest::newRow("pickup text") << O << "pickup_enabled" << QJsonValue(QStringLiteral("yes")) << "settings.pickup_enabled" << "true or false";
        QTest::newRow("delivery missing") << O << "delivery_enabled" << missing << "settings.delivery_enabled" << "is missing";
        QTest::newRow("paused number") << O << "paused" << QJsonValue(0) << "settings.paused" << "true or false";
        QTest::newRow("hours not object") << B << hours << QJsonValue(QJsonArray()) << "settings.opening_hours" << "each day";
        QTest::newRow("hours missing") << O << hours << missing << "settings.opening_hours" << "is missing";
        QTest::newRow("day missing") << B << hours << QJsonValue(hoursWith(B, QStringLiteral("tue"), missing)) << "settings.opening_hours.tue" << "is missing";
        QTest::newRow("day not list") << B << hours << QJsonValue(hoursWith(B, QStringLiteral("wed"), QStringLiteral("closed"))) << "settings.opening_hours.wed" << "list";
        QTest::newRow("unknown day") << B << hours << [&] { QJsonObject h = hoursWith(B, QStringLiteral("mon"), QJsonArray()); h[QStringLiteral("holiday")] = QJsonArray(); return QJsonValue(h); }() << "settings.opening_hours.holiday" << "not a day";
        QTest::newRow("range not object") << O << hours << QJsonValue(hoursWith(O, QStringLiteral("mon"), QJsonArray{1})) << "settings.opening_hours.mon[0]" << "opening and a closing time";
        QTest::newRow("range without close") << O << hours << QJsonValue(hoursWith(O, QStringLiteral("mon"), QJsonArray{QJsonObject{{QStringLiteral("open"), QStringLiteral("10:00")}}})) << "settings.opening_hours.mon[0]" << "opening and a closing time";
        QTest::newRow("range extra key") << O << hours << QJsonValue(hoursWith(O, QStringLiteral("fri"), QJsonArray{[] { QJsonObject r = range("10:00", "11:00"); r[QStringLiteral("note")] = 1; return r; }()})) << "settings.opening_hours.fri[0]" << "unknown entry";
        QTest::newRow("open bad format") << B << hours << QJsonValue(hoursWith(B, QStringLiteral("sat"), QJsonArray{range("9:30", "12:00")})) << "settings.opening_hours.sat[0]" << "opening time must be a time like";
        QTest::newRow("open at 24:00") << B << hours << QJsonValue(hoursWith(B, QStringLiteral("sat"), QJsonArray{range("24:00", "24:00")})) << "settings.opening_hours.sat[0]" << "opening time";
        QTest::newRow("close 24:30") << B << hours << QJsonValue(hoursWith(B, QStringLiteral("sat"), QJsonArray{range("18:00", "24:30")})) << "settings.opening_hours.sat[0]" << "closing time must be a time like";
        QTest::newRow("close minutes 60") << B << hours << QJsonValue(hoursWith(B, QStringLiteral("sat"), QJsonArray{range("18:00", "21:60")})) << "settings.opening_hours.sat[0]" << "closing time";
        QTest::newRow("closes before opening") << B << hours << QJsonValue(hoursWith(B, QStringLiteral("sun"), QJsonArray{range("18:00", "17:00")})) << "settings.opening_hours.sun[0]" << "closes before it opens";
        QTest::newRow("closes as it opens") << B << hours << QJsonValue(hoursWith(B, QStringLiteral("sun"), QJsonArray{range("18:00", "18:00")})) << "settings.opening_hours.sun[0]" << "same time";
        QTest::newRow("overlap") << B << hours << QJsonValue(hoursWith(B, QStringLiteral("mon"), QJsonArray{range("12:00", "14:30"), range("14:00", "22:30")})) << "settings.opening_hours.mon[1]" << "overlaps 12:00\u201314:30";
        QTest::newRow("overlap contained") << O << hours << QJsonValue(hoursWith(O, QStringLiteral("thu"), QJsonArray{range("18:00", "23:00"), range("11:00", "15:00"), range("19:00", "20:00")})) << "settings.opening_hours.thu[2]" << "overlaps 18:00\u201323:00";
        QTest::newRow("too many ranges") << O << hours << [&] { QJsonArray many; for (int h = 0; h < 13; ++h) many.append(range(qPrintable(QString::asprintf("%02d:00", h)), qPrintable(QString::asprintf("%02d:30", h)))); return QJsonValue(hoursWith(O, QStringLiteral("mon"), many)); }() << "settings.opening_hours.mon" << "more than 12";
        QTest::newRow("booking key on ordering") << O << "max_party_size" << QJsonValue(4) << "settings.max_party_size" << "belongs to booking widgets";
        QTest::newRow("ordering key on booking") << B << "paused" << QJsonValue(false) << "settings.paused" << "belongs to ordering widgets";
        QTest::newRow("unknown key") << B << "font" << QJsonValue(QStringLiteral("serif")) << "settings.font" << "not a known setting";
    }

    void rejectsEachInvalidSetting()
    {
        QFETCH(WidgetKind, kind);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, path);
        QFETCH(QString, message);

        QJsonObject json = validSettings(kind);
        if (value.isUndefined())
            json.remove(key);
        else
            json[key] = value;

        const Decoded<WidgetSettings> decoded = WidgetCodec::settingsFromJson(kind, json);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.errors.size(), 1);
        QCOMPARE(decoded.errors.first().field, path);
        QVERIFY2(decoded.errors.first().message.contains(message), qPrintable(decoded.errors.first().message));
        QCOMPARE(WidgetCodec::settingKeyOfPath(path), key);

        // The whole-widget decoder reports the same path.
        QJsonObject widget = validWidgetJson();
        widget[QStringLiteral("kind")] = widgetKindToWire(kind);
        widget[QStringLiteral("settings")] = json;
        const Decoded<WidgetConfig> whole = WidgetCodec::fromJson(widget);
        QVERIFY(!whole.ok());
        QCOMPARE(whole.errors.size(), 1);
        QCOMPARE(whole.errors.first().field, path);
    }

    void touchingRangesAndMidnightAreFine()
    {
        QJsonObject json = validSettings(WidgetKind::Booking);
        json[QStringLiteral("opening_hours")] = hoursWith(
            WidgetKind::Booking, QStringLiteral("fri"),
            QJsonArray{range("18:00", "24:00"), range("00:00", "02:00"), range("14:30", "18:00")});
        const auto decoded = WidgetCodec::settingsFromJson(WidgetKind::Booking, json);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorString()));
        QCOMPARE(decoded.value->openingHours.days[4].size(), 3);
        QCOMPARE(decoded.value->openingHours.days[4].at(0).closeMinute, 1440);
    }

    void reportsEveryBadSettingOnceAtTheSameTime()
    {
        QJsonObject json = validSettings(WidgetKind::Booking);
        json[QStringLiteral("primary_color")] = QStringLiteral("blue");
        json[QStringLiteral("max_party_size")] = 99;
        json[QStringLiteral("opening_hours")] = hoursWith(
            WidgetKind::Booking, QStringLiteral("mon"),
            QJsonArray{range("12:00", "14:30"), range("13:00", "15:00"), range("16:00", "15:00"), range("12:30", "13:30")});
        json[QStringLiteral("paused")] = true;
        const auto decoded = WidgetCodec::settingsFromJson(WidgetKind::Booking, json);
        QVERIFY(!decoded.ok());
        QStringList paths;
        for (const FieldError &error : decoded.errors)
            paths.append(error.field);
        QCOMPARE(paths, (QStringList{QStringLiteral("settings.primary_color"), QStringLiteral("settings.opening_hours.mon[1]"),
                                     QStringLiteral("settings.opening_hours.mon[2]"), QStringLiteral("settings.opening_hours.mon[3]"),
                                     QStringLiteral("settings.max_party_size"), QStringLiteral("settings.paused")}));
        QCOMPARE(decoded.errors.at(2).message, QStringLiteral("closes before it opens"));
    }

    void validatesTypedSettingsForTheEditor()
    {
        WidgetSettings settings = WidgetSettings::defaults(WidgetKind::Booking);
        settings.maxPartySize = 0;
        settings.openingHours.days[2] = {{600, 700}, {650, 800}};
        // The other kind's fields are not the booking widget's business.
        settings.minimumOrderCents = -5;
        const FieldErrors errors = WidgetCodec::validateSettings(WidgetKind::Booking, settings);
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0).field, QStringLiteral("settings.opening_hours.wed[1]"));
        QCOMPARE(errors.at(0).message, QStringLiteral("overlaps 10:00\u201311:40"));
        QCOMPARE(errors.at(1).field, QStringLiteral("settings.max_party_size"));
    }

    void rejectsBadWidgetFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("path");
        const QJsonValue missing(QJsonValue::Undefined);
        QTest::newRow("id missing") << "id" << missing << "id";
        QTest::newRow("kind unknown") << "kind" << QJsonValue(QStringLiteral("survey")) << "kind";
        QTest::newRow("name empty") << "name" << QJsonValue(QStringLiteral(" ")) << "name";
        QTest::newRow("name too long") << "name" << QJsonValue(QString(81, u'n')) << "name";
        QTest::newRow("version zero") << "version" << QJsonValue(0) << "version";
        QTest::newRow("archived text") << "archived" << QJsonValue(QStringLiteral("no")) << "archived";
        QTest::newRow("settings missing") << "settings" << missing << "settings";
        QTest::newRow("updated_at bad") << "updated_at" << QJsonValue(QStringLiteral("now")) << "updated_at";
        QTest::newRow("updated_by text") << "updated_by" << QJsonValue(QStringLiteral("maria")) << "updated_by";
    }

    void rejectsBadWidgetFields()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, path);
        QJsonObject json = validWidgetJson();
        if (value.isUndefined())
            json.remove(field);
        else
            json[field] = value;
        const auto decoded = WidgetCodec::fromJson(json);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.errors.size(), 1);
        QCOMPARE(decoded.errors.first().field, path);
    }

    void wireHelpers()
    {
        QCOMPARE(minuteFromWire(QStringLiteral("00:00")), std::optional<int>(0));
        QCOMPARE(minuteFromWire(QStringLiteral("24:00")), std::optional<int>(1440));
        QCOMPARE(minuteFromWire(QStringLiteral("23:59")), std::optional<int>(1439));
        QVERIFY(!minuteFromWire(QStringLiteral("24:01")));
        QVERIFY(!minuteFromWire(QStringLiteral("7:30")));
        QVERIFY(!minuteFromWire(QStringLiteral("07-30")));
        QCOMPARE(minuteToWire(570), QStringLiteral("09:30"));
        QCOMPARE(WeeklyHours::dayKey(6), QStringLiteral("sun"));
        QCOMPARE(WeeklyHours::dayFromKey(QStringLiteral("tue")), std::optional<int>(1));
        QCOMPARE(widgetKindFromWire(QStringLiteral("ordering")), std::optional<WidgetKind>(WidgetKind::Ordering));
        QVERIFY(!widgetKindFromWire(QStringLiteral("Booking")));
        QCOMPARE(WidgetCodec::settingKeyOfPath(QStringLiteral("settings.title")), QStringLiteral("title"));
        QCOMPARE(WidgetCodec::settingKeyOfPath(QStringLiteral("name")), QString());
        QVERIFY(WidgetCodec::nameProblem(QStringLiteral("Website")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWidgetCodec)
#include "tst_core_widgetcodec.moc"
