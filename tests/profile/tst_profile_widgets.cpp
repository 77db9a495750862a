// Widgets through the shipped profiles: a Rails widget row and a Supabase row become validated
// Hearth widgets (settings of the other kind left out, money converted, versions derived), a
// deletion needs only the key, errors name the foreign fields, and a REST list skips and counts
// the elements its mapping cannot read.
#include "foreignwidgets.h"
#include "profilefixtures.h"

#include "api/foreignlists.h"
#include "core/widgetcodec.h"
#include "profile/fieldmapper.h"
#include "profile/hearthschema.h"
#include "profile/profileparser.h"

#include <QtTest>

using namespace hearth;
using namespace profiletest;
using namespace foreignwidgets;
using namespace Qt::StringLiterals;

namespace {

FieldMapper mapperOf(const QString &file)
{
    const Decoded<BackendProfile> profile = ProfileParser::fromJson(shippedProfile(file));
    if (!profile.ok())
        qFatal("shipped profile invalid: %s", qPrintable(profile.errorString()));
    return FieldMapper(profile.value->mapping);
}

const QString hafaloha = u"hafaloha-actioncable.json"_s;
const QString supabase = u"supabase-phoenix.json"_s;

} // namespace

class TestProfileWidgets final : public QObject
{
    Q_OBJECT

private slots:
    void theSettingsSchemaIsTheCodecs()
    {
        QStringList schema;
        for (const HearthSchema::Field &field : HearthSchema::fieldsOf(QString(HearthSchema::widgetSettings)))
            schema.append(QString(field.name));
        QStringList codec = WidgetCodec::settingKeys(WidgetKind::Booking);
        for (const QString &key : WidgetCodec::settingKeys(WidgetKind::Ordering)) {
            if (!codec.contains(key))
                codec.append(key);
        }
        schema.sort();
        codec.sort();
        QCOMPARE(schema, codec);
        QCOMPARE(HearthSchema::entityOfEvent(u"widget.updated"), u"widget"_s);
        QCOMPARE(HearthSchema::entityOfEvent(u"widget.deleted"), u"widget"_s);
    }

    void mapsARailsBookingWidget()
    {
        RailsWidgets rails;
        const QJsonObject row = rails.createBooking(u"Table booking"_s, u"Book a table"_s);
        const Decoded<WidgetConfig> widget = mapperOf(hafaloha).toWidget(row);
        QVERIFY2(widget.ok(), qPrintable(widget.errorString()));
        QCOMPARE(widget.value->id, u"1"_s);                      // a number id becomes text
        QCOMPARE(widget.value->kind, WidgetKind::Booking);       // "reservations" → "booking"
        QCOMPARE(widget.value->name, u"Table booking"_s);        // from "label"
        QVERIFY(!widget.value->archived);                        // absent → the default
        QCOMPARE(widget.value->settings.title, u"Book a table"_s);
        QCOMPARE(widget.value->settings.primaryColor, u"#b5432f"_s); // from config.brand_color
        QCOMPARE(widget.value->settings.greeting, QString());    // absent → the default
        QCOMPARE(widget.value->settings.maxPartySize, 8);        // "8" → 8
        QCOMPARE(widget.value->settings.openingHours.days.at(0).size(), 2);
        QCOMPARE(widget.value->version, rails.lastVersion());    // microseconds of updated_at
    }

    void mapsARailsOrderingWidgetWithMoney()
    {
        RailsWidgets rails;
        const QJsonObject row = rails.createOrdering(u"Online orders"_s, "15.5");
        const Decoded<WidgetConfig> widget = mapperOf(hafaloha).toWidget(row);
        QVERIFY2(widget.ok(), qPrintable(widget.errorString()));
        QCOMPARE(widget.value->kind, WidgetKind::Ordering);
        QCOMPARE(widget.value->settings.minimumOrderCents, 1550);
        QCOMPARE(widget.value->settings.greeting, u"Aloha!"_s);
        // The Hearth JSON holds the ordering settings only: the profile's booking-side
        // defaults (and the Rails app's own keys) are left out.
        const Decoded<QJsonObject> json = mapperOf(hafaloha).toHearthJson(u"widget"_s, row);
        QVERIFY(json.ok());
        const QJsonObject settings = json.value->value("settings"_L1).toObject();
        QCOMPARE(settings.keys().size(), WidgetCodec::settingKeys(WidgetKind::Ordering).size());
    }

    void errorsNameTheForeignFields()
    {
        RailsWidgets rails;
        QJsonObject row = rails.createBooking(u"Table booking"_s, u"Book a table"_s);
        row = rails.setConfig(1, u"brand_color"_s, u"red"_s);
        const Decoded<WidgetConfig> widget = mapperOf(hafaloha).toWidget(row);
        QVERIFY(!widget.ok());
        QVERIFY2(widget.errorString().contains("settings.primary_color (from config.brand_color)"_L1),
                 qPrintable(widget.errorString()));

        row = rails.setConfig(1, u"minimum_order"_s, u"12,50"_s); // a booking widget: not read
        row = rails.setConfig(1, u"brand_color"_s, u"#000000"_s);
        QVERIFY2(mapperOf(hafaloha).toWidget(row).ok(), "the other kind's settings are not Hearth's concern");

        row = rails.createBooking(u"Gift cards"_s, u"Give a meal"_s);
        row.insert(u"widget_type"_s, u"gift_cards"_s);
        const Decoded<WidgetConfig> kind = mapperOf(hafaloha).toWidget(row);
        QVERIFY(!kind.ok());
        QVERIFY2(kind.errorString().contains("kind (from widget_type)"_L1), qPrintable(kind.errorString()));
    }

    void aSupabaseRowIsAlreadyHearthShaped()
    {
        SupabaseWidgets supabaseRows;
        const QJsonObject row = supabaseRows.createBooking(u"6f1c-booking"_s, u"Tables"_s, u"Reserve a table"_s);
        const Decoded<WidgetConfig> widget = mapperOf(supabase).toWidget(row);
        QVERIFY2(widget.ok(), qPrintable(widget.errorString()));
        QCOMPARE(widget.value->id, u"6f1c-booking"_s);
        QCOMPARE(widget.value->settings.maxPartySize, 12);
        QVERIFY(widget.value->version > 1);
    }

    void aDeletionNeedsOnlyTheKey()
    {
        const FieldMapper rails = mapperOf(hafaloha);
        // The whole record as Rails last had it: the deletion is the change after it.
        RailsWidgets rows;
        const QJsonObject row = rows.createBooking(u"Table booking"_s, u"Book a table"_s);
        const Decoded<QJsonObject> whole = rails.eventData(u"widget.deleted"_s, row, u"message.widget"_s);
        QVERIFY2(whole.ok(), qPrintable(whole.errorString()));
        const Decoded<WidgetConfig> deleted = WidgetCodec::deletionFromJson(*whole.value);
        QVERIFY(deleted.ok());
        QCOMPARE(deleted.value->id, u"1"_s);
        QVERIFY(deleted.value->archived);
        QCOMPARE(deleted.value->version, rows.lastVersion() + 1);

        // Supabase's old_record without REPLICA IDENTITY FULL: the key alone, a final deletion.
        const Decoded<QJsonObject> key = mapperOf(supabase).eventData(
            u"widget.deleted"_s, QJsonObject{{u"id"_s, u"6f1c"_s}}, u"payload.data.old_record"_s);
        QVERIFY2(key.ok(), qPrintable(key.errorString()));
        const Decoded<WidgetConfig> keyOnly = WidgetCodec::deletionFromJson(*key.value);
        QVERIFY(keyOnly.ok());
        QCOMPARE(keyOnly.value->version, WidgetCodec::finalVersion);

        // Without even a key there is nothing to delete.
        const Decoded<QJsonObject> nothing = rails.eventData(u"widget.deleted"_s, QJsonObject{{u"label"_s, u"x"_s}},
                                                             u"message.widget"_s);
        QVERIFY(!nothing.ok());
        QVERIFY2(nothing.errorString().contains("message.widget.id"_L1), qPrintable(nothing.errorString()));
    }

    void anUpdateEventIsValidatedWhole()
    {
        RailsWidgets rails;
        QJsonObject row = rails.createBooking(u"Table booking"_s, u"Book a table"_s);
        row = rails.setConfig(1, u"slot_minutes"_s, 45);
        const Decoded<QJsonObject> data = mapperOf(hafaloha).eventData(u"widget.updated"_s, row, u"message.widget"_s);
        QVERIFY(!data.ok());
        QVERIFY2(data.errorString().contains("message.widget.settings.slot_minutes"_L1), qPrintable(data.errorString()));
    }

    void aListSkipsAndCountsWhatItCannotRead()
    {
        RailsWidgets rails;
        rails.createBooking(u"Table booking"_s, u"Book a table"_s);
        rails.createOrdering(u"Online orders"_s, "12.345"); // a third decimal: refused
        rails.createOrdering(u"Lunch orders"_s, "9");
        const Decoded<ForeignLists::WidgetsListing> listing = ForeignLists::decodeWidgets(
            QJsonDocument::fromJson(rails.listBody()), u"widgets"_s, mapperOf(hafaloha));
        QVERIFY2(listing.ok(), qPrintable(listing.errorString()));
        QCOMPARE(listing.value->snapshot.widgets.size(), 2);
        QCOMPARE(listing.value->skipped.count, 1);
        QVERIFY2(describeErrors(listing.value->skipped.first).contains("widgets[1].config.minimum_order"_L1),
                 qPrintable(describeErrors(listing.value->skipped.first)));
        QVERIFY(!listing.value->snapshot.position.isValid()); // no watermark on these backends

        const Decoded<ForeignLists::WidgetsListing> wrong = ForeignLists::decodeWidgets(
            QJsonDocument::fromJson(R"({"data":[]})"), u"widgets"_s, mapperOf(hafaloha));
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.errorString().contains("holds no list of widgets"_L1), qPrintable(wrong.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestProfileWidgets)
#include "tst_profile_widgets.moc"
