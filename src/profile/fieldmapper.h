#pragma once

// Turns a foreign backend's JSON object (a Rails order, a Supabase row) into Hearth's wire form
// of the same entity, following the profile's mapping: renames, fixed values, defaults, value
// maps ("pending" → "new"), decimal money to cents, a version derived from a timestamp, nested
// lists. A Hearth field without a rule is copied from the field of the same name. The result is
// then validated by Hearth's own codecs, so a mapped order is exactly as trustworthy as one from
// hearth-server. Shared by the realtime adapters and the REST lists.
#include "core/inventoryitem.h"
#include "core/jsonreader.h"
#include "core/order.h"
#include "core/widgetconfig.h"
#include "profile/backendprofile.h"
#include "profile/hearthschema.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace hearth {

class FieldMapper
{
public:
    explicit FieldMapper(QHash<QString, EntityMapping> mapping = {});

    // The Hearth wire JSON of `entity` ("order", "order_item", "inventory_item"), not validated
    // yet. Errors name the foreign fields ("order_items[1].price: …").
    Decoded<QJsonObject> map(const QString &entity, const QJsonObject &foreign) const;

    // Mapped and validated. Errors of validation name the Hearth field and, where it differs,
    // the foreign field it came from: "customer_name (from contact_name): is missing".
    Decoded<Order> toOrder(const QJsonObject &foreign) const;
    Decoded<InventoryItem> toInventoryItem(const QJsonObject &foreign) const;
    // Settings of the other kind than the widget's are left out (a profile's defaults may name
    // both kinds'); everything else is WidgetCodec's.
    Decoded<WidgetConfig> toWidget(const QJsonObject &foreign) const;
    // The data of a Hearth widget.deleted made from the deleted record: {"id", "archived": true,
    // "version": the record's + 1}, or without a version when the record has none (final).
    Decoded<QJsonObject> widgetDeletion(const QJsonObject &foreign) const;
    // The same for whichever entity `entity` names ("order", "inventory_item", "widget"); the
    // validated Hearth wire JSON.
    Decoded<QJsonObject> toHearthJson(const QString &entity, const QJsonObject &foreign) const;
    // The `data` of a Hearth event of type `hearthEvent` made from a foreign entity: mapped when
    // the event carries one of Hearth's entities, passed through otherwise. Errors are reported
    // under `entityPath` (where the entity sat in the foreign frame).
    Decoded<QJsonObject> eventData(const QString &hearthEvent, const QJsonObject &foreign,
                                   const QString &entityPath) const;

    // The order of an order event, mapped and validated as eventData() would (the same errors,
    // under `entityPath`), without the Hearth JSON in between: the realtime adapters' hot path.
    Decoded<Order> eventOrder(const QJsonObject &foreign, const QString &entityPath) const;

    // The foreign path that fills a Hearth field: "contact_name" for an order's customer_name.
    QString sourceOf(const QString &entity, const QString &hearthField) const;

    // The value at a dotted path ("payload.data.record"); undefined when any step is missing.
    static QJsonValue valueAt(const QJsonObject &object, QStringView path);

private:
    QJsonValue mapList(const QString &entity, const QJsonValue &value, const QString &path,
                       FieldErrors *errors) const;
    // Fields in `skipped` are left out, and those in `nestedSkipped` of a nested entity
    // (Kind::Entity: a widget's settings of the other kind).
    QJsonObject mapObject(const QString &entity, const QJsonObject &foreign, const QString &prefix,
                          FieldErrors *errors, const QStringList &skipped = {},
                          const QStringList &nestedSkipped = {}) const;
    void mapField(const HearthSchema::Field &field, const FieldRule &rule, const QJsonObject &foreign,
                  const QString &prefix, QJsonObject *out, FieldErrors *errors,
                  const QStringList &nestedSkipped = {}) const;
    FieldErrors annotate(const QString &entity, FieldErrors errors) const;

    QHash<QString, EntityMapping> m_mapping;
};

} // namespace hearth
