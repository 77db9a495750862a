#include "profile/fieldmapper.h"

#include "core/inventorycodec.h"
#include "core/ordercodec.h"
#include "core/widgetcodec.h"
#include "profile/foreignvalues.h"
#include "profile/hearthschema.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;
using HearthSchema::Kind;

// One more than OrderCodec accepts, so the codec still reports the overlong list itself.
constexpr qsizetype maxListElements = 501;
constexpr double exactIntegerLimit = 9007199254740992.0; // 2^53

bool isWholeNumber(const QJsonValue &value)
{
    const double number = value.toDouble();
    return value.isDouble() && std::isfinite(number) && std::trunc(number) == number
        && std::fabs(number) <= exactIntegerLimit;
}

bool isIntegerText(const QString &text)
{
    static const QRegularExpression digits(u"^-?\\d{1,15}$"_s);
    return digits.match(text).hasMatch();
}

QString joinPath(const QString &prefix, const QString &path)
{
    return prefix.isEmpty() ? path : prefix + u'.' + path;
}

// Lossless coercions only: whatever cannot be converted without guessing is passed on unchanged
// and the codec reports it in Hearth's terms.
QJsonValue coerce(const QJsonValue &value, Kind kind, const QString &path, FieldErrors *errors)
{
    switch (kind) {
    case Kind::String:
        if (isWholeNumber(value))
            return QString::number(qint64(value.toDouble()));
        return value;
    case Kind::Integer:
    case Kind::Cents:
    case Kind::Version:
        if (value.isString() && isIntegerText(value.toString().trimmed()))
            return double(value.toString().trimmed().toLongLong());
        return value;
    case Kind::Timestamp:
        if (value.isString()) {
            if (const auto instant = ForeignValues::parseTimestamp(value.toString()))
                return toWireTimestamp(instant->utc);
            errors->append({path, u"\"%1\" is not an ISO 8601 timestamp"_s.arg(value.toString().left(40))});
        }
        return value;
    case Kind::EntityList:
    case Kind::Entity:
    case Kind::Boolean:
    case Kind::Object:
        return value;
    }
    return value;
}

QJsonValue mapValue(const QJsonValue &value, const QHash<QString, QString> &values)
{
    if (values.isEmpty())
        return value;
    QString key;
    if (value.isString())
        key = value.toString();
    else if (isWholeNumber(value)) // Rails integer enums, status codes
        key = QString::number(qint64(value.toDouble()));
    else
        return value;
    const auto it = values.constFind(key);
    return it == values.cend() ? value : QJsonValue(*it);
}

} // namespace

FieldMapper::FieldMapper(QHash<QString, EntityMapping> mapping) : m_mapping(std::move(mapping)) {}

QJsonValue FieldMapper::valueAt(const QJsonObject &object, QStringView path)
{
    if (path.isEmpty())
        return object;
    QJsonValue current = object;
    for (const QStringView step : path.tokenize(u'.')) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(step);
    }
    return current;
}

QString FieldMapper::sourceOf(const QString &entity, const QString &hearthField) const
{
    const FieldRule rule = m_mapping.value(entity).value(hearthField);
    return rule.from.isEmpty() ? hearthField : rule.from;
}

QJsonValue FieldMapper::mapList(const QString &entity, const QJsonValue &value, const QString &path,
                                FieldErrors *errors) const
{
    if (!value.isArray())
        return value; // the codec says "must be an array"
    const QJsonArray foreign = value.toArray();
    QJsonArray mapped;
    for (qsizetype i = 0; i < foreign.size() && i < maxListElements; ++i) {
        const QString elementPath = path + u'[' + QString::number(i) + u']';
        if (!foreign.at(i).isObject()) {
            errors->append({elementPath, u"must be an object"_s});
            continue;
        }
        mapped.append(mapObject(entity, foreign.at(i).toObject(), elementPath, errors));
    }
    return mapped;
}

QJsonObject FieldMapper::mapObject(const QString &entity, const QJsonObject &foreign,
                                   const QString &prefix, FieldErrors *errors, const QStringList &skipped,
                                   const QStringList &nestedSkipped) const
{
    // Runs for every field of every entity a realtime adapter maps: the rule is looked up, not
    // copied, and the field's name is made a QString once.
    static const FieldRule noRule;
    const EntityMapping rules = m_mapping.value(entity);
    QJsonObject out;
    for (const HearthSchema::Field &field : HearthSchema::fieldsOf(entity)) {
        const QString name(field.name);
        if (!skipped.isEmpty() && skipped.contains(name))
            continue;
        const auto rule = rules.constFind(name);
        mapField(field, rule == rules.cend() ? noRule : *rule, foreign, prefix, &out, errors, nestedSkipped);
    }
    return out;
}

void FieldMapper::mapField(const HearthSchema::Field &field, const FieldRule &rule,
                           const QJsonObject &foreign, const QString &prefix, QJsonObject *out,
                           FieldErrors *errors, const QStringList &nestedSkipped) const
{
    const QString name(field.name);
    if (rule.constant) {
        out->insert(name, *rule.constant);
        return;
    }
    const QString from = rule.from.isEmpty() ? name : rule.from;
    const QString path = joinPath(prefix, from);
    QJsonValue value = valueAt(foreign, from);
    if ((value.isUndefined() || value.isNull()) && rule.fallback) {
        out->insert(name, *rule.fallback); // already in Hearth's terms
        return;
    }
    if (value.isUndefined()) {
        // A version is optional on Hearth's wire (it defaults to 1), but one that should have
        // been derived and was not would freeze the entity at version 1: every later update
        // would look like a repeat.
        if (rule.convert == FieldRule::Convert::VersionFromTimestamp)
            errors->append({path, u"is missing; the version is derived from it"_s});
        return; // the codec says "is missing" when the field is required
    }
    if (value.isNull()) {
        out->insert(name, value);
        return;
    }
    if (field.kind == Kind::EntityList) {
        out->insert(name, mapList(QString(field.nested), value, path, errors));
        return;
    }
    if (field.kind == Kind::Entity) {
        // Anything but an object is passed on: the codec says "must be an object".
        if (!value.isObject()) {
            out->insert(name, value);
            return;
        }
        out->insert(name, mapObject(QString(field.nested), value.toObject(), path, errors, nestedSkipped));
        return;
    }
    value = mapValue(value, rule.values);
    QString error;
    switch (rule.convert) {
    case FieldRule::Convert::DecimalToCents:
        if (const auto cents = ForeignValues::decimalToCents(value, &error))
            out->insert(name, double(*cents));
        else
            errors->append({path, error});
        return;
    case FieldRule::Convert::VersionFromTimestamp: {
        const auto instant = value.isString() ? ForeignValues::parseTimestamp(value.toString())
                                              : std::nullopt;
        if (instant && instant->microseconds > 0)
            out->insert(name, double(instant->microseconds));
        else
            errors->append(
                {path, u"must be an ISO 8601 timestamp after 1970 to derive a version from"_s});
        return;
    }
    case FieldRule::Convert::None:
        break;
    }
    out->insert(name, coerce(value, field.kind, path, errors));
}

Decoded<QJsonObject> FieldMapper::map(const QString &entity, const QJsonObject &foreign) const
{
    FieldErrors errors;
    QJsonObject mapped = mapObject(entity, foreign, {}, &errors);
    if (!errors.isEmpty())
        return Decoded<QJsonObject>::failure(std::move(errors));
    return Decoded<QJsonObject>{std::move(mapped), {}};
}

FieldErrors FieldMapper::annotate(const QString &entity, FieldErrors errors) const
{
    static const QRegularExpression head(u"^([^.\\[]+)(?:\\.([^.\\[]+))?"_s);
    for (FieldError &error : errors) {
        const QRegularExpressionMatch match = head.match(error.field);
        const QString field = match.captured(1);
        const QString source = sourceOf(entity, field);
        const HearthSchema::Field *known = HearthSchema::field(entity, field);
        if (known && known->kind == Kind::Entity && match.hasCaptured(2)) {
            // "settings.title (from config.headline)": the nested entity's own rule counts too.
            const QString inner = match.captured(2);
            const QString innerSource = sourceOf(QString(known->nested), inner);
            if (source != field || innerSource != inner)
                error.field = u"%1 (from %2.%3)"_s.arg(error.field, source, innerSource);
            continue;
        }
        if (!field.isEmpty() && source != field)
            error.field = u"%1 (from %2)"_s.arg(error.field, source);
    }
    return errors;
}

Decoded<Order> FieldMapper::toOrder(const QJsonObject &foreign) const
{
    Decoded<QJsonObject> mapped = map(QString(HearthSchema::order), foreign);
    if (!mapped.ok())
        return Decoded<Order>::failure(std::move(mapped.errors));
    Decoded<Order> order = OrderCodec::fromJson(*mapped.value);
    if (!order.ok())
        order.errors = annotate(QString(HearthSchema::order), std::move(order.errors));
    return order;
}

Decoded<InventoryItem> FieldMapper::toInventoryItem(const QJsonObject &foreign) const
{
    Decoded<QJsonObject> mapped = map(QString(HearthSchema::inventoryItem), foreign);
    if (!mapped.ok())
        return Decoded<InventoryItem>::failure(std::move(mapped.errors));
    Decoded<InventoryItem> item = InventoryCodec::fromJson(*mapped.value);
    if (!item.ok())
        item.errors = annotate(QString(HearthSchema::inventoryItem), std::move(item.errors));
    return item;
}

Decoded<WidgetConfig> FieldMapper::toWidget(const QJsonObject &foreign) const
{
    const QString entity(HearthSchema::widget);
    // The settings schema lists both kinds' settings. The other kind's are none of this widget's
    // business: a profile's default for them ("a minimum order of 0" for a booking widget) or
    // a value the backend keeps around must neither reach Hearth nor fail the widget.
    QJsonObject kindOnly;
    FieldErrors kindErrors; // reported by the whole mapping below
    mapField(*HearthSchema::field(entity, u"kind"), m_mapping.value(entity).value(u"kind"_s), foreign, {},
             &kindOnly, &kindErrors);
    QStringList otherKinds;
    if (const auto kind = widgetKindFromWire(kindOnly.value("kind"_L1).toString())) {
        const QStringList own = WidgetCodec::settingKeys(*kind);
        for (const HearthSchema::Field &setting : HearthSchema::fieldsOf(QString(HearthSchema::widgetSettings))) {
            if (!own.contains(QString(setting.name)))
                otherKinds.append(QString(setting.name));
        }
    }
    FieldErrors errors;
    const QJsonObject json = mapObject(entity, foreign, {}, &errors, {}, otherKinds);
    if (!errors.isEmpty())
        return Decoded<WidgetConfig>::failure(std::move(errors));
    Decoded<WidgetConfig> widget = WidgetCodec::fromJson(json);
    if (!widget.ok())
        widget.errors = annotate(QString(HearthSchema::widget), std::move(widget.errors));
    return widget;
}

Decoded<QJsonObject> FieldMapper::widgetDeletion(const QJsonObject &foreign) const
{
    // A deleted record is often only its key (Supabase's old_record without REPLICA IDENTITY
    // FULL), so only the id and, where the backend has one, the version are read.
    const EntityMapping rules = m_mapping.value(QString(HearthSchema::widget));
    FieldErrors errors;
    QJsonObject out;
    for (const QLatin1StringView name : {"id"_L1, "version"_L1}) {
        const HearthSchema::Field *field = HearthSchema::field(QString(HearthSchema::widget), QString(name));
        const FieldRule rule = rules.value(QString(name));
        const QString from = rule.from.isEmpty() ? QString(name) : rule.from;
        const QJsonValue source = valueAt(foreign, from);
        const bool absent = !rule.constant && !rule.fallback && (source.isUndefined() || source.isNull());
        if (absent && name == "version"_L1)
            continue; // no version: the deletion is final (WidgetCodec::deletionFromJson)
        mapField(*field, rule, foreign, {}, &out, &errors);
    }
    if (!errors.isEmpty())
        return Decoded<QJsonObject>::failure(std::move(errors));
    // The record as it was last seen carries the version of its last change (Rails' destroy does
    // not touch updated_at); Hearth's deletion is the change after it.
    const QJsonValue version = out.value("version"_L1);
    if (version.isDouble() && version.toDouble() >= 1 && version.toDouble() < 4503599627370496.0)
        out.insert(u"version"_s, version.toDouble() + 1);
    out.insert(u"archived"_s, true);
    Decoded<WidgetConfig> deletion = WidgetCodec::deletionFromJson(out);
    if (!deletion.ok())
        return Decoded<QJsonObject>::failure(annotate(QString(HearthSchema::widget), std::move(deletion.errors)));
    return Decoded<QJsonObject>{std::move(out), {}};
}

Decoded<QJsonObject> FieldMapper::toHearthJson(const QString &entity, const QJsonObject &foreign) const
{
    if (entity == HearthSchema::widget) {
        Decoded<WidgetConfig> widget = toWidget(foreign);
        if (!widget.ok())
            return Decoded<QJsonObject>::failure(std::move(widget.errors));
        return Decoded<QJsonObject>{WidgetCodec::toJson(*widget.value), {}};
    }
    if (entity == HearthSchema::order) {
        Decoded<Order> order = toOrder(foreign);
        if (!order.ok())
            return Decoded<QJsonObject>::failure(std::move(order.errors));
        return Decoded<QJsonObject>{OrderCodec::toJson(*order.value), {}};
    }
    if (entity == HearthSchema::inventoryItem) {
        Decoded<InventoryItem> item = toInventoryItem(foreign);
        if (!item.ok())
            return Decoded<QJsonObject>::failure(std::move(item.errors));
        return Decoded<QJsonObject>{InventoryCodec::toJson(*item.value), {}};
    }
    return map(entity, foreign);
}

Decoded<QJsonObject> FieldMapper::eventData(const QString &hearthEvent, const QJsonObject &foreign,
                                             const QString &entityPath) const
{
    const QString hearthEntity = HearthSchema::entityOfEvent(hearthEvent);
    if (hearthEntity.isEmpty())
        return Decoded<QJsonObject>{foreign, {}};
    Decoded<QJsonObject> mapped = hearthEvent == "widget.deleted"_L1 ? widgetDeletion(foreign)
                                                                    : toHearthJson(hearthEntity, foreign);
    for (FieldError &error : mapped.errors)
        error.field = entityPath + u'.' + error.field;
    return mapped;
}

Decoded<Order> FieldMapper::eventOrder(const QJsonObject &foreign, const QString &entityPath) const
{
    Decoded<Order> order = toOrder(foreign);
    for (FieldError &error : order.errors)
        error.field = entityPath + u'.' + error.field;
    return order;
}

} // namespace hearth
