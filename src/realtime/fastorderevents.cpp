#include "realtime/fastorderevents.h"

#include "core/ordercodec.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <utility>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

namespace {

namespace od = simdjson::ondemand;
using namespace Qt::StringLiterals;

// The general decoder's limits (hearthprotocol.h, ordercodec.cpp), kept in step by the
// differential test: a value it would refuse is left to it, so only the happy path is repeated.
constexpr qint64 exactLimit = qint64(1) << 53; // doubles hold integers exactly up to here
constexpr qint64 maxSeq = exactLimit;
constexpr qint64 maxCents = 100'000'000'00;
constexpr qint64 maxQuantity = 10'000;
constexpr qint64 maxInt32 = std::numeric_limits<qint32>::max();
constexpr qint64 maxVersion = std::numeric_limits<qint64>::max() / 2;
constexpr size_t maxItems = 500;
constexpr qsizetype maxHistoryEntries = OrderCodec::maxHistoryEntries;
constexpr qsizetype maxPhoneLength = 40;
constexpr qsizetype maxAddressLength = 500;
constexpr qsizetype maxTableLength = 40;
constexpr qsizetype maxByLength = 120;
// Deeper than any order needs; deeper unknown values go to the general decoder (and its limit).
constexpr int maxDepth = 32;

bool readInteger(od::value value, qint64 min, qint64 max, qint64 *out)
{
    int64_t number = 0;
    // Exponents and fractions ("1e2", "3.0") are left to the general decoder, which reads
    // numbers as doubles.
    if (value.get_int64().get(number) || number < -exactLimit || number > exactLimit || number < min
        || number > max)
        return false;
    *out = number;
    return true;
}

bool readString(od::value value, std::string_view *out)
{
    return !value.get_string().get(*out);
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Non-empty after trimming, as JsonReader::requiredString asks.
bool readNonEmptyString(od::value value, QString *out)
{
    std::string_view text;
    if (!readString(value, &text))
        return false;
    *out = toQString(text);
    return !out->trimmed().isEmpty();
}

// "null" consumes the value and gives true; anything else is left for the caller to read.
bool isNull(od::value &value, bool *failed)
{
    bool null = false;
    *failed = bool(value.is_null().get(null));
    return !*failed && null;
}

int digits(std::string_view text, size_t at, size_t count)
{
    int number = 0;
    for (size_t i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        number = number * 10 + (c - '0');
    }
    return number;
}

// Only the wire's own form, "2026-11-20T18:01:02.123Z" (or without milliseconds), exactly as
// JsonReader's fast path reads it; any other form is left to the general decoder.
bool readTimestamp(od::value value, QDateTime *out)
{
    std::string_view text;
    if (!readString(value, &text))
        return false;
    if ((text.size() != 20 && text.size() != 24) || text.back() != 'Z' || text[4] != '-' || text[7] != '-'
        || text[10] != 'T' || text[13] != ':' || text[16] != ':' || (text.size() == 24 && text[19] != '.'))
        return false;
    const int milliseconds = text.size() == 24 ? digits(text, 20, 3) : 0;
    const QDate date(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    if (milliseconds < 0 || !date.isValid() || !QTime::isValid(hour, minute, second, milliseconds))
        return false;
    *out = QDateTime(date, QTime(hour, minute, second, milliseconds), Qt::UTC);
    return true;
}

// Every value is read to its end, including those nobody wants: on-demand parsing would
// otherwise let malformed JSON through where the general decoder refuses the frame.
bool skipValue(od::value value, int depth)
{
    if (depth > maxDepth)
        return false;
    od::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case od::json_type::object: {
        od::object object;
        if (value.get_object().get(object))
            return false;
        for (auto field : object) {
            od::field member;
            std::string_view key;
            if (std::move(field).get(member) || member.unescaped_key().get(key) || !skipValue(member.value(), depth + 1))
                return false;
        }
        return true;
    }
    case od::json_type::array: {
        od::array array;
        if (value.get_array().get(array))
            return false;
        for (auto element : array) {
            od::value item;
            if (std::move(element).get(item) || !skipValue(item, depth + 1))
                return false;
        }
        return true;
    }
    case od::json_type::number: {
        double number = 0;
        return !value.get_double().get(number);
    }
    case od::json_type::string: {
        std::string_view text;
        return readString(value, &text);
    }
    case od::json_type::boolean: {
        bool flag = false;
        return !value.get_bool().get(flag);
    }
    case od::json_type::null: {
        bool failed = false;
        return isNull(value, &failed);
    }
    }
    return false;
}

// Marks `bit` seen; false if it already was (a duplicate key: Qt's reading of those decides).
bool firstTime(unsigned *seen, unsigned bit)
{
    if (*seen & bit)
        return false;
    *seen |= bit;
    return true;
}

template<typename Enum, size_t N>
bool readName(od::value value, const std::array<std::pair<std::string_view, Enum>, N> &names, Enum *out)
{
    std::string_view text;
    if (!readString(value, &text))
        return false;
    for (const auto &[name, candidate] : names) {
        if (name == text) {
            *out = candidate;
            return true;
        }
    }
    return false;
}

// As order.cpp's wire names.
constexpr std::array<std::pair<std::string_view, OrderStatus>, 6> statusNames{{
    {"new", OrderStatus::New},
    {"acknowledged", OrderStatus::Acknowledged},
    {"preparing", OrderStatus::Preparing},
    {"ready", OrderStatus::Ready},
    {"completed", OrderStatus::Completed},
    {"cancelled", OrderStatus::Cancelled},
}};
constexpr std::array<std::pair<std::string_view, OrderType>, 3> typeNames{{
    {"pickup", OrderType::Pickup},
    {"delivery", OrderType::Delivery},
    {"dine_in", OrderType::DineIn},
}};

// Absent or null: the value stays as it is (0); otherwise a whole number in range.
bool readOptionalInteger(od::value value, qint64 min, qint64 max, qint64 *out)
{
    bool failed = false;
    if (isNull(value, &failed))
        return true;
    return !failed && readInteger(value, min, max, out);
}

// Null gives an empty string; the length counts UTF-16 code units, as the codec's QString does.
bool readLimitedString(od::value value, qsizetype maxLength, QString *out)
{
    bool failed = false;
    if (isNull(value, &failed))
        return true;
    std::string_view text;
    if (failed || !readString(value, &text))
        return false;
    *out = toQString(text);
    return out->size() <= maxLength;
}

// Null leaves the timestamp invalid (not said).
bool readOptionalTimestamp(od::value value, QDateTime *out)
{
    bool failed = false;
    if (isNull(value, &failed))
        return true;
    return !failed && readTimestamp(value, out);
}

// In every object of the order, a key this decoder does not know sends the frame to the general
// decoder rather than being skipped: a field added to OrderCodec later is then read there
// (slower) instead of silently dropped here.
bool readItem(od::value value, OrderItem *item)
{
    od::object object;
    if (value.get_object().get(object))
        return false;
    enum : unsigned { Name = 1, Quantity = 2, Price = 4 };
    unsigned seen = 0;
    for (auto field : object) {
        od::field member;
        std::string_view key;
        if (std::move(field).get(member) || member.unescaped_key().get(key))
            return false;
        od::value inner = member.value();
        qint64 number = 0;
        if (key == "name") {
            if (!firstTime(&seen, Name) || !readNonEmptyString(inner, &item->name))
                return false;
        } else if (key == "quantity") {
            if (!firstTime(&seen, Quantity) || !readInteger(inner, 1, maxQuantity, &number))
                return false;
            item->quantity = int(number);
        } else if (key == "unit_price_cents") {
            if (!firstTime(&seen, Price) || !readInteger(inner, 0, maxCents, &item->unitPriceCents))
                return false;
        } else {
            return false;
        }
    }
    return seen == (Name | Quantity | Price);
}

bool readItems(od::value value, QList<OrderItem> *items)
{
    od::array array;
    if (value.get_array().get(array))
        return false;
    for (auto element : array) {
        od::value item;
        if (std::move(element).get(item) || size_t(items->size()) >= maxItems)
            return false;
        items->append(OrderItem{});
        if (!readItem(item, &items->last()))
            return false;
    }
    return !items->isEmpty();
}

bool readChange(od::value value, OrderStatusChange *change)
{
    od::object object;
    if (value.get_object().get(object))
        return false;
    enum : unsigned { Status = 1, At = 2, By = 4, Recall = 8 };
    unsigned seen = 0;
    for (auto field : object) {
        od::field member;
        std::string_view key;
        if (std::move(field).get(member) || member.unescaped_key().get(key))
            return false;
        od::value inner = member.value();
        if (key == "status") {
            if (!firstTime(&seen, Status) || !readName(inner, statusNames, &change->status))
                return false;
        } else if (key == "at") {
            if (!firstTime(&seen, At) || !readTimestamp(inner, &change->at))
                return false;
        } else if (key == "by") {
            if (!firstTime(&seen, By) || !readLimitedString(inner, maxByLength, &change->by))
                return false;
        } else if (key == "recall") {
            // null and non-booleans go to the general decoder, which knows what to make of them
            if (!firstTime(&seen, Recall) || inner.get_bool().get(change->recall))
                return false;
        } else {
            return false;
        }
    }
    return (seen & (Status | At)) == (Status | At);
}

// Null is no history; an empty array is an empty one.
bool readHistory(od::value value, QList<OrderStatusChange> *history)
{
    bool failed = false;
    if (isNull(value, &failed))
        return true;
    od::array array;
    if (failed || value.get_array().get(array))
        return false;
    for (auto element : array) {
        od::value change;
        if (std::move(element).get(change) || history->size() >= maxHistoryEntries)
            return false;
        history->append(OrderStatusChange{});
        if (!readChange(change, &history->last()))
            return false;
    }
    return true;
}

struct ChargeField
{
    std::string_view key;
    qint64 OrderCharges::*member;
};
// As ordercodec.cpp's.
constexpr std::array<ChargeField, 5> chargeFields{{
    {"delivery_fee_cents", &OrderCharges::deliveryFeeCents},
    {"service_fee_cents", &OrderCharges::serviceFeeCents},
    {"tip_cents", &OrderCharges::tipCents},
    {"tax_cents", &OrderCharges::taxCents},
    {"discount_cents", &OrderCharges::discountCents},
}};

bool readOrder(od::value value, Order *order)
{
    od::object object;
    if (value.get_object().get(object))
        return false;
    enum : unsigned {
        Id = 1 << 0, Number = 1 << 1, Status = 1 << 2, Type = 1 << 3, Customer = 1 << 4, Items = 1 << 5,
        Notes = 1 << 6, Total = 1 << 7, Created = 1 << 8, Updated = 1 << 9, Acknowledged = 1 << 10,
        Version = 1 << 11, Phone = 1 << 12, Address = 1 << 13, Table = 1 << 14, Promised = 1 << 15,
        History = 1 << 16, FirstCharge = 1 << 17, // and the four bits after it, one per charge
    };
    constexpr unsigned required = Id | Number | Status | Type | Customer | Items | Total | Created | Updated;
    unsigned seen = 0;
    for (auto field : object) {
        od::field member;
        std::string_view key;
        if (std::move(field).get(member) || member.unescaped_key().get(key))
            return false;
        od::value inner = member.value();
        bool failed = false;
        qint64 number = 0;
        std::string_view text;
        if (key == "id") {
            if (!firstTime(&seen, Id) || !readNonEmptyString(inner, &order->id))
                return false;
        } else if (key == "number") {
            if (!firstTime(&seen, Number) || !readInteger(inner, 1, maxInt32, &number))
                return false;
            order->number = int(number);
        } else if (key == "status") {
            if (!firstTime(&seen, Status) || !readName(inner, statusNames, &order->status))
                return false;
        } else if (key == "type") {
            if (!firstTime(&seen, Type) || !readName(inner, typeNames, &order->type))
                return false;
        } else if (key == "customer_name") {
            if (!firstTime(&seen, Customer) || !readString(inner, &text))
                return false;
            order->customerName = toQString(text);
        } else if (key == "items") {
            if (!firstTime(&seen, Items) || !readItems(inner, &order->items))
                return false;
        } else if (key == "notes") {
            if (!firstTime(&seen, Notes))
                return false;
            if (!isNull(inner, &failed)) {
                if (failed || !readString(inner, &text))
                    return false;
                order->notes = toQString(text);
            }
        } else if (key == "total_cents") {
            if (!firstTime(&seen, Total) || !readInteger(inner, 0, maxCents, &order->totalCents))
                return false;
        } else if (key == "created_at") {
            if (!firstTime(&seen, Created) || !readTimestamp(inner, &order->createdAt))
                return false;
        } else if (key == "updated_at") {
            if (!firstTime(&seen, Updated) || !readTimestamp(inner, &order->updatedAt))
                return false;
        } else if (key == "acknowledged_at") {
            if (!firstTime(&seen, Acknowledged) || !readOptionalTimestamp(inner, &order->acknowledgedAt))
                return false;
        } else if (key == "version") {
            if (!firstTime(&seen, Version) || !readOptionalInteger(inner, 1, maxVersion, &order->version))
                return false;
        } else if (key == "customer_phone") {
            if (!firstTime(&seen, Phone) || !readLimitedString(inner, maxPhoneLength, &order->customerPhone))
                return false;
        } else if (key == "delivery_address") {
            if (!firstTime(&seen, Address) || !readLimitedString(inner, maxAddressLength, &order->deliveryAddress))
                return false;
        } else if (key == "table") {
            if (!firstTime(&seen, Table) || !readLimitedString(inner, maxTableLength, &order->table))
                return false;
        } else if (key == "promised_at") {
            if (!firstTime(&seen, Promised) || !readOptionalTimestamp(inner, &order->promisedAt))
                return false;
        } else if (key == "history") {
            if (!firstTime(&seen, History) || !readHistory(inner, &order->history))
                return false;
        } else {
            const auto charge = std::find_if(chargeFields.begin(), chargeFields.end(),
                                             [key](const ChargeField &candidate) { return candidate.key == key; });
            if (charge == chargeFields.end())
                return false; // a key this decoder does not know: the general decoder reads the frame
            const unsigned bit = FirstCharge << unsigned(charge - chargeFields.begin());
            if (!firstTime(&seen, bit) || !readOptionalInteger(inner, 0, maxCents, &(order->charges.*charge->member)))
                return false;
        }
    }
    return (seen & required) == required;
}

} // namespace

struct FastOrderEvents::Parser
{
    od::parser parser;
    std::vector<char> buffer; // the frame, padded as simdjson reads past its end
    // Event types recur ("order.created", "order.status_changed"…): one shared QString each.
    std::array<std::pair<std::string, QString>, 8> types;
    size_t nextType = 0;
    const QString orders = u"orders"_s;

    QString typeName(std::string_view bytes)
    {
        for (const auto &[known, text] : types) {
            if (!text.isNull() && known == bytes)
                return text;
        }
        auto &slot = types[nextType++ % types.size()];
        slot = {std::string(bytes), toQString(bytes)};
        return slot.second;
    }
};

FastOrderEvents::FastOrderEvents() : m_parser(std::make_unique<Parser>()) {}

FastOrderEvents::~FastOrderEvents() = default;

std::optional<ChannelEvent> FastOrderEvents::tryDecode(const QByteArray &utf8, qint64 maxBytes)
{
    const size_t size = size_t(utf8.size());
    if (utf8.isEmpty() || utf8.size() > maxBytes)
        return std::nullopt;
    // Raw control characters are not JSON; whether a parser lets one through inside a string
    // differs, so such frames go to the general decoder.
    const char *bytes = utf8.constData();
    for (size_t i = 0; i < size; ++i) {
        if (static_cast<unsigned char>(bytes[i]) < 0x20 && bytes[i] != ' ')
            return std::nullopt;
    }
    std::vector<char> &buffer = m_parser->buffer;
    if (buffer.size() < size + simdjson::SIMDJSON_PADDING)
        buffer.resize(size + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer.data(), bytes, size);
    std::memset(buffer.data() + size, 0, simdjson::SIMDJSON_PADDING);

    od::document document;
    od::object root;
    if (m_parser->parser.iterate(buffer.data(), size, buffer.size()).get(document)
        || document.get_object().get(root))
        return std::nullopt;

    enum : unsigned { Op = 1, Channel = 2, Seq = 4, Type = 8, Data = 16, Ts = 32 };
    constexpr unsigned required = Op | Channel | Seq | Type | Data | Ts;
    unsigned seen = 0;
    ChannelEvent event;
    Order order;
    for (auto field : root) {
        od::field member;
        std::string_view key;
        if (std::move(field).get(member) || member.unescaped_key().get(key))
            return std::nullopt;
        od::value value = member.value();
        std::string_view text;
        if (key == "op") {
            if (!firstTime(&seen, Op) || !readString(value, &text) || text != "event")
                return std::nullopt;
        } else if (key == "channel") {
            if (!firstTime(&seen, Channel) || !readString(value, &text) || text != "orders")
                return std::nullopt;
            event.channel = m_parser->orders;
        } else if (key == "seq") {
            if (!firstTime(&seen, Seq) || !readInteger(value, 1, maxSeq, &event.seq))
                return std::nullopt;
        } else if (key == "type") {
            // Only order events carry an order (RealtimeService's isOrderEvent).
            if (!firstTime(&seen, Type) || !readString(value, &text) || text.substr(0, 6) != "order.")
                return std::nullopt;
            event.type = m_parser->typeName(text);
        } else if (key == "data") {
            if (!firstTime(&seen, Data) || !readOrder(value, &order))
                return std::nullopt;
        } else if (key == "ts") {
            if (!firstTime(&seen, Ts) || !readTimestamp(value, &event.timestamp))
                return std::nullopt;
        } else if (!skipValue(value, 1)) {
            return std::nullopt;
        }
    }
    // Anything after the object (another value, a stray bracket) fails the general decoder.
    const char *trailing = nullptr;
    if (seen != required || document.current_location().get(trailing) == simdjson::SUCCESS)
        return std::nullopt;
    event.order = std::move(order);
    event.frame = utf8;
    return event;
}

} // namespace hearth
