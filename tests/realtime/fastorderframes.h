#pragma once

// Frames for tst_fastorderevents: generated ones that vary every field over valid, doubtful and
// invalid values, frames as a server sends them, and the comparison of the two decoders. Apart
// from the test's .cpp because moc's tokenizer trips over some of these raw string literals.
#include "core/ordercodec.h"
#include "realtime/hearthprotocol.h"
#include "realtime/protocoladapter.h"

#include <QJsonDocument>
#include <QRandomGenerator>

namespace fastorderframes {

using namespace hearth;
using namespace Qt::StringLiterals;


// What a decoded frame means to RealtimeService: the message, and for an order event the order.
struct Outcome
{
    bool ok = false;
    QString errors;
    QString encoded;        // the message re-encoded (for events: envelope + payload)
    bool orderOk = false;
    Order order;
    QString orderErrors;
};

inline Outcome outcomeOf(Decoded<ServerMessage> decoded)
{
    Outcome outcome;
    outcome.ok = decoded.ok();
    outcome.errors = decoded.errorString();
    if (!decoded.ok())
        return outcome;
    if (auto *event = std::get_if<ChannelEvent>(&*decoded.value)) {
        ChannelEvent plain = *event;
        plain.data = event->payload();
        plain.order.reset();
        plain.frame.clear();
        outcome.encoded = HearthProtocol::encodeServerMessage(ServerMessage(plain));
        if (event->order) {
            outcome.orderOk = true;
            outcome.order = *event->order;
        } else {
            Decoded<Order> order = OrderCodec::fromJson(event->data);
            outcome.orderOk = order.ok();
            outcome.orderErrors = order.errorString();
            if (order.ok())
                outcome.order = *order.value;
        }
        return outcome;
    }
    outcome.encoded = HearthProtocol::encodeServerMessage(*decoded.value);
    return outcome;
}

// Empty when both decoders agree; otherwise what differs, for the failure message.
inline QString compareDecoders(HearthAdapter &adapter, const QByteArray &frame, qint64 limit)
{
    const Outcome fast = outcomeOf(adapter.decode(frame, limit));
    const Outcome general = outcomeOf(HearthProtocol::decodeServerFrame(frame, limit));
    if (fast.ok != general.ok || fast.errors != general.errors)
        return u"errors differ: fast \"%1\", general \"%2\""_s.arg(fast.errors, general.errors);
    if (fast.encoded != general.encoded)
        return u"messages differ: fast %1, general %2"_s.arg(fast.encoded, general.encoded);
    if (fast.orderOk != general.orderOk || fast.orderErrors != general.orderErrors)
        return u"order errors differ: \"%1\" / \"%2\""_s.arg(fast.orderErrors, general.orderErrors);
    // Order's operator== and the codec's own encoding: every field it knows, to the millisecond.
    if (fast.order != general.order || fast.order.version != general.order.version)
        return u"orders differ"_s;
    const QByteArray fastJson = QJsonDocument(OrderCodec::toJson(fast.order)).toJson(QJsonDocument::Compact);
    const QByteArray generalJson = QJsonDocument(OrderCodec::toJson(general.order)).toJson(QJsonDocument::Compact);
    if (fastJson != generalJson)
        return u"orders differ: fast %1, general %2"_s.arg(QString::fromUtf8(fastJson), QString::fromUtf8(generalJson));
    return {};
}

// Mostly the first (valid) choice, so that whole frames are often valid too; otherwise any.
inline QByteArray pick(QRandomGenerator &random, const QList<QByteArray> &choices)
{
    if (random.bounded(8) != 0)
        return choices.constFirst();
    return choices.at(int(random.bounded(qsizetype(choices.size()))));
}

// A value for each field: mostly valid, sometimes doubtful, sometimes wrong.
inline QList<std::pair<QByteArray, QByteArray>> orderFields(QRandomGenerator &random)
{
    const QByteArray item = R"({"name":"Margherita","quantity":2,"unit_price_cents":1150})";
    QList<std::pair<QByteArray, QByteArray>> fields{
        {"id", pick(random, {R"("o-1")", R"("o-1")", R"("\u00e9t\u00e9")", R"("  ")", R"("")", "17", "null",
                             R"("\ud83c\udf55")", R"("a\"b")"})},
        {"number", pick(random, {"142", "142", "1", "0", "-3", "2147483647", "2147483648", "1.0", "1e2",
                                 "142.5", R"("142")", "9007199254740993"})},
        {"status", pick(random, {R"("new")", R"("preparing")", R"("cancelled")", R"("NEW")", R"("")", "1"})},
        {"type", pick(random, {R"("pickup")", R"("dine_in")", R"("delivery")", R"("drive")", "null"})},
        {"customer_name", pick(random, {R"("Ana")", R"("")", R"("  ")", "null", "5"})},
        {"items", pick(random, {"[" + item + "]", "[" + item + "," + item + "]", "[]", "{}",
                                R"([{"name":"","quantity":1,"unit_price_cents":1}])",
                                R"([{"name":"x","quantity":0,"unit_price_cents":1}])",
                                R"([{"name":"x","quantity":1,"unit_price_cents":-1}])",
                                R"([{"name":"x","quantity":1,"unit_price_cents":1,"extra":[1,{"a":null}]}])",
                                R"([{"name":"x","quantity":1}])", "[1]",
                                R"([{"name":"x","name":"y","quantity":1,"unit_price_cents":1}])"})},
        {"notes", pick(random, {R"("")", R"("no onions")", "null", "3", "[]"})},
        {"total_cents", pick(random, {"2650", "0", "-1", "10000000000", "10000000001", "2650.0"})},
        {"created_at", pick(random, {R"("2026-11-20T18:01:02.123Z")", R"("2026-11-20T18:01:02Z")",
                                     R"("2026-11-20T18:01:02.123+01:00")", R"("2026-02-30T18:01:02.123Z")",
                                     R"("2026-11-20T25:01:02.123Z")", R"("2026-11-20 18:01:02.123Z")",
                                     R"("yesterday")", "0"})},
        {"updated_at", pick(random, {R"("2026-11-20T18:05:00.000Z")", R"("2026-11-20T18:05:00.000z")"})},
        {"acknowledged_at", pick(random, {"null", R"("2026-11-20T18:02:00.000Z")", R"("")", "1"})},
        {"version", pick(random, {"1", "7", "null", "0", "4611686018427387903", "1.5"})},
    };
    // The optional details (charges, contact, place, promised time, history), each present about
    // half the time, so that frames with all, some and none of them are generated.
    const QByteArray at = R"("at":"2026-11-20T18:01:02.123Z")";
    const QByteArray longBy = "\"" + QByteArray(121, 'b') + "\"";
    QByteArray fullHistory = "[";
    for (int i = 0; i < 100; ++i)
        fullHistory += QByteArray(i ? "," : "") + R"({"status":"new",)" + at + "}";
    const QByteArray tooLongHistory = fullHistory + R"(,{"status":"new",)" + at + "}]";
    fullHistory += "]";
    // Lengths count UTF-16 code units, as QString does: 20 pizzas are 40 units but 80 bytes.
    const QByteArray pizza = R"(\ud83c\udf55)";
    const QList<std::pair<QByteArray, QList<QByteArray>>> optional{
        {"delivery_fee_cents", {"350", "0", "null", "-1", "10000000000", "10000000001", "3.5", "1e2", R"("3")"}},
        {"service_fee_cents", {"120", "0", "null", "-5", "true"}},
        {"tip_cents", {"500", "0", "null", "9007199254740993", "2.0"}},
        {"tax_cents", {"231", "null", "[]"}},
        {"discount_cents", {"200", "0", "null", "-200", "{}"}},
        {"customer_phone", {R"("+49 30 1234567")", R"("")", "null", "49", R"("  ")",
                            "\"" + QByteArray(40, '1') + "\"", "\"" + QByteArray(41, '1') + "\"",
                            "\"" + pizza.repeated(20) + "\"", "\"" + pizza.repeated(20) + "x\"",
                            "\"" + QByteArray("\xc3\xa9").repeated(40) + "\"",
                            "\"" + QByteArray("\xc3\xa9").repeated(41) + "\""}},
        {"delivery_address", {R"("Hauptstr. 5, 10115 Berlin")", R"("")", "null", "[\"x\"]",
                              "\"" + QByteArray(500, 'a') + "\"", "\"" + QByteArray(501, 'a') + "\"",
                              R"("line\nbreak \u00e9")"}},
        {"table", {R"("12")", R"("Terrace 3")", "null", "12", R"("")", "\"" + QByteArray(40, 't') + "\"",
                   "\"" + QByteArray(41, 't') + "\""}},
        {"promised_at", {R"("2026-11-20T18:30:00.000Z")", "null", R"("2026-11-20T18:30:00Z")",
                         R"("2026-11-20T18:30:00.000+01:00")", R"("2026-13-20T18:30:00.000Z")", R"("")", "5"}},
        {"history", {"[{\"status\":\"new\"," + at + "},{\"status\":\"acknowledged\"," + at
                         + R"(,"by":"Sam Staff"}])",
                     "[]", "null", "{}", "3", R"("new")", fullHistory, tooLongHistory,
                     "[{\"status\":\"ready\"," + at + R"(,"by":null}])",
                     "[{\"status\":\"ready\"," + at + R"(,"by":"")" + "}]",
                     "[{\"status\":\"ready\"," + at + ",\"by\":" + longBy + "}]",
                     "[{\"status\":\"ready\"," + at + R"(,"by":7}])",
                     "[{\"status\":\"new\"," + at + R"(,"by":"Sam","recall":true}])",
                     "[{\"status\":\"new\"," + at + R"(,"recall":false}])",
                     "[{\"status\":\"new\"," + at + R"(,"recall":null}])",
                     "[{\"status\":\"new\"," + at + R"(,"recall":"yes"}])",
                     "[{\"status\":\"new\"," + at + R"(,"recall":true,"recall":false}])",
                     "[{\"status\":\"gone\"," + at + "}]",
                     R"([{"status":"new"}])", R"([{"status":"new","at":"noon"}])",
                     R"([{"status":"new","at":"2026-11-20T18:01:02+02:00"}])",
                     R"([{"at":"2026-11-20T18:01:02.123Z"}])", R"([{"status":5,"at":null}])",
                     "[1]", "[null]", "[[]]",
                     "[{\"status\":\"new\"," + at + R"(,"note":"unknown key"}])",
                     "[{\"status\":\"new\",\"status\":\"ready\"," + at + "}]"}},
    };
    for (const auto &[key, choices] : optional) {
        if (random.bounded(2) == 0)
            fields.append({key, pick(random, choices)});
    }
    // Now and then a field missing, an unknown one, or a duplicate.
    const int roll = int(random.bounded(10));
    if (roll == 0)
        fields.removeAt(int(random.bounded(qsizetype(fields.size()))));
    else if (roll == 1)
        fields.append({"extra", pick(random, {"true", "false", "null", R"({"deep":[[[]]]})", "-0.5e-3", "tru"})});
    else if (roll == 2)
        fields.append(fields.at(int(random.bounded(qsizetype(fields.size())))));
    return fields;
}

inline QByteArray objectOf(QRandomGenerator &random, QList<std::pair<QByteArray, QByteArray>> fields)
{
    // Any order of keys, sometimes with whitespace between the tokens.
    for (qsizetype i = fields.size() - 1; i > 0; --i)
        fields.swapItemsAt(i, qsizetype(random.bounded(i + 1)));
    const QByteArray space = random.bounded(4) == 0 ? " \n\t" : "";
    QByteArray text = "{" + space;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            text += "," + space;
        text += "\"" + fields[i].first + "\"" + space + ":" + space + fields[i].second;
    }
    return text + space + "}";
}

inline QByteArray generatedFrame(QRandomGenerator &random)
{
    QList<std::pair<QByteArray, QByteArray>> envelope{
        {"op", pick(random, {R"("event")", R"("event")", R"("event")", R"("subscribed")", "1"})},
        {"channel", pick(random, {R"("orders")", R"("orders")", R"("inventory")", R"("Orders")", R"("")"})},
        {"seq", pick(random, {"12", "1", "0", "9007199254740992", "9007199254740993", "2.5", R"("3")"})},
        {"type", pick(random, {R"("order.created")", R"("order.status_changed")", R"("inventory.updated")",
                               R"("order.")", R"("")"})},
        {"data", objectOf(random, orderFields(random))},
        {"ts", pick(random, {R"("2026-11-20T18:05:00.000Z")", R"("2026-11-20T18:05:00Z")", R"("soon")"})},
    };
    const int roll = int(random.bounded(12));
    if (roll == 0)
        envelope.removeAt(int(random.bounded(qsizetype(envelope.size()))));
    else if (roll == 1)
        envelope.append(envelope.at(int(random.bounded(qsizetype(envelope.size())))));
    QByteArray frame = objectOf(random, envelope);
    if (random.bounded(20) == 0)
        frame += pick(random, {" ", "}", "{}", " x", "\n"});
    return frame;
}

// A frame exactly as hearth-server sends one: the fast path must take it.
inline QByteArray serverFrame(int seq)
{
    Order order;
    order.id = u"o-%1"_s.arg(seq);
    order.number = seq;
    order.status = OrderStatus::Preparing;
    order.type = OrderType::DineIn;
    order.customerName = u"Guest é %1"_s.arg(seq);
    order.items = {OrderItem{u"Margherita"_s, 2, 1150}, OrderItem{u"Lemonade"_s, 1, 350}};
    order.notes = u"no onions, \"extra\" basil"_s;
    order.totalCents = 2650;
    order.createdAt = QDateTime(QDate(2026, 11, 20), QTime(18, 0, 1, 123), Qt::UTC);
    order.updatedAt = order.createdAt.addSecs(seq);
    order.acknowledgedAt = seq % 2 ? order.createdAt.addSecs(1) : QDateTime();
    order.version = seq;
    // The optional details too, as the server writes them once an order has them.
    order.charges = {seq % 3 ? 350 : 0, 120, seq * 10, 231, seq % 4 ? 0 : 200};
    order.customerPhone = seq % 5 ? u"+49 30 %1"_s.arg(seq) : QString();
    order.deliveryAddress = seq % 2 ? u"Hauptstraße %1, 10115 Berlin"_s.arg(seq) : QString();
    order.table = seq % 2 ? QString() : u"Terrace %1"_s.arg(seq);
    order.promisedAt = seq % 3 ? order.createdAt.addSecs(1800) : QDateTime();
    order.history = {{OrderStatus::New, order.createdAt, {}},
                     {OrderStatus::Acknowledged, order.createdAt.addSecs(1), u"Sam Staff 🍕"_s},
                     {OrderStatus::Preparing, order.updatedAt, u"Zoë"_s}};
    if (seq % 7 == 0)
        order.history.clear();
    ChannelEvent event{u"orders"_s, seq, u"order.status_changed"_s, OrderCodec::toJson(order),
                       order.updatedAt, {}, {}};
    return HearthProtocol::encodeServerMessage(ServerMessage(event)).toUtf8();
}

// What a mutation inserts or overwrites with: JSON's own characters, mostly.
inline QByteArray mutationAlphabet()
{
    return R"({}[]:,"\ 0123456789.eE+-truefalsnl/u)";
}

} // namespace fastorderframes
