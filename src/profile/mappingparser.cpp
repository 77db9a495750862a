// The "mapping" section of a backend profile: how each Hearth field is filled from a foreign
// object. Checked against HearthSchema, so a rule for a field Hearth does not have, or a
// conversion that cannot apply to a field, is reported with its key.
#include "profile/hearthschema.h"
#include "profile/profilereader.h"

#include <QJsonArray>

namespace hearth::ProfileParsing {

namespace {

using namespace Qt::StringLiterals;
using HearthSchema::Kind;

std::optional<FieldRule::Convert> convertFromName(QStringView name)
{
    if (name == u"none")
        return FieldRule::Convert::None;
    if (name == u"decimal_to_cents")
        return FieldRule::Convert::DecimalToCents;
    if (name == u"version_from_timestamp")
        return FieldRule::Convert::VersionFromTimestamp;
    return std::nullopt;
}

void readValueMap(ProfileReader &reader, const HearthSchema::Field &field, FieldRule *rule)
{
    const std::optional<QJsonObject> values = reader.object(u"values"_s, Need::Optional);
    if (!values)
        return;
    if (field.kind != Kind::String) {
        reader.fail(u"values"_s, u"only applies to text fields like status, type and kind"_s);
        return;
    }
    for (auto it = values->begin(); it != values->end(); ++it) {
        if (!it.value().isString()) {
            reader.fail(u"values."_s + it.key(), u"must be a string"_s);
            continue;
        }
        rule->values.insert(it.key(), it.value().toString());
    }
}

void readConvert(ProfileReader &reader, const HearthSchema::Field &field, FieldRule *rule)
{
    const std::optional<QString> name = reader.string(u"convert"_s, Need::Optional);
    if (!name)
        return;
    const std::optional<FieldRule::Convert> convert = convertFromName(*name);
    if (!convert) {
        reader.fail(u"convert"_s, u"unknown conversion \"%1\" (known: decimal_to_cents, "
                                  u"version_from_timestamp, none)"_s.arg(name->left(40)));
        return;
    }
    if (*convert == FieldRule::Convert::DecimalToCents && field.kind != Kind::Cents) {
        reader.fail(u"convert"_s, u"decimal_to_cents only applies to money fields (total_cents, "
                                  u"unit_price_cents, minimum_order_cents)"_s);
        return;
    }
    if (*convert == FieldRule::Convert::VersionFromTimestamp && field.kind != Kind::Version) {
        reader.fail(u"convert"_s, u"version_from_timestamp only applies to version"_s);
        return;
    }
    rule->convert = *convert;
}

std::optional<FieldRule> readRule(const QJsonValue &value, const QString &path,
                                  const HearthSchema::Field &field, FieldErrors *errors)
{
    FieldRule rule;
    if (value.isString()) {
        rule.from = value.toString();
        if (!isValidDottedPath(rule.from)) {
            errors->append({path, u"must name a field of the backend's data, like \"contact_name\" "
                                  u"or \"customer.name\""_s});
            return std::nullopt;
        }
        return rule;
    }
    if (!value.isObject()) {
        errors->append({path, u"must be a field name or an object with \"from\""_s});
        return std::nullopt;
    }
    const qsizetype errorsBefore = errors->size();
    ProfileReader reader(value.toObject(), path, errors);
    if (const auto from = reader.string(u"from"_s, Need::Optional)) {
        if (isValidDottedPath(*from))
            rule.from = *from;
        else
            reader.fail(u"from"_s, u"must name a field of the backend's data"_s);
    }
    const QJsonValue constant = reader.value(u"value"_s);
    if (!constant.isUndefined()) {
        rule.constant = constant;
        if (reader.has(u"from"_s) || reader.has(u"default"_s) || reader.has(u"convert"_s))
            reader.fail(u"value"_s, u"is a fixed value: it cannot be combined with from, default "
                                    u"or convert"_s);
    }
    const QJsonValue fallback = reader.value(u"default"_s);
    if (!fallback.isUndefined())
        rule.fallback = fallback;
    if (field.kind == Kind::EntityList) {
        reader.rejectKey(u"convert"_s, u"does not apply to a list; map its elements under "
                                       u"mapping.%1"_s.arg(QString(field.nested)));
        reader.rejectKey(u"values"_s, u"does not apply to a list"_s);
    } else if (field.kind == Kind::Entity) {
        reader.rejectKey(u"convert"_s, u"does not apply to an object; map its fields under "
                                       u"mapping.%1"_s.arg(QString(field.nested)));
        reader.rejectKey(u"values"_s, u"does not apply to an object; map its fields under "
                                      u"mapping.%1"_s.arg(QString(field.nested)));
    } else if (field.kind == Kind::Object) {
        reader.rejectKey(u"convert"_s, u"does not apply to an object; it is taken as it is"_s);
        reader.rejectKey(u"values"_s, u"does not apply to an object; it is taken as it is"_s);
    } else {
        readConvert(reader, field, &rule);
        readValueMap(reader, field, &rule);
    }
    reader.rejectUnknownKeys();
    if (errors->size() != errorsBefore)
        return std::nullopt;
    return rule;
}

} // namespace

QHash<QString, EntityMapping> parseMapping(ProfileReader &parent, FieldErrors *errors)
{
    QHash<QString, EntityMapping> mapping;
    const std::optional<QJsonObject> section = parent.object(u"mapping"_s, Need::Optional);
    if (!section)
        return mapping;
    for (auto entity = section->begin(); entity != section->end(); ++entity) {
        const QString entityPath = parent.pathOf(u"mapping"_s) + u'.' + entity.key();
        const QList<HearthSchema::Field> &fields = HearthSchema::fieldsOf(entity.key());
        if (fields.isEmpty()) {
            errors->append({entityPath, u"is not a Hearth entity (known: %1)"_s.arg(
                                            HearthSchema::entityNames().join(u", "))});
            continue;
        }
        if (!entity.value().isObject()) {
            errors->append({entityPath, u"must be an object"_s});
            continue;
        }
        EntityMapping rules;
        const QJsonObject object = entity.value().toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString path = entityPath + u'.' + it.key();
            const HearthSchema::Field *field = HearthSchema::field(entity.key(), it.key());
            if (!field) {
                QStringList names;
                for (const HearthSchema::Field &known : fields)
                    names.append(QString(known.name));
                errors->append({path, u"is not a field of a Hearth %1 (fields: %2)"_s.arg(
                                          entity.key(), names.join(u", "))});
                continue;
            }
            if (std::optional<FieldRule> rule = readRule(it.value(), path, *field, errors))
                rules.insert(it.key(), std::move(*rule));
        }
        mapping.insert(entity.key(), std::move(rules));
    }
    return mapping;
}

} // namespace hearth::ProfileParsing
