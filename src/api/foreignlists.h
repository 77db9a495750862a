#pragma once

// The lists of backends without the Hearth REST API (Rails, Supabase…), as their profile
// describes them: the array at the endpoint's `list` path, each element mapped and validated by
// the profile's field mapper. An element that fails is skipped and counted, so one odd legacy
// order or widget does not blank the whole page; a list whose every element fails is an error,
// because then the mapping is wrong. Such lists carry no watermark: the snapshot's position is
// empty. Orders, widgets and stock lines are read the same way, here.
#include "api/apitypes.h"
#include "core/jsonreader.h"
#include "profile/fieldmapper.h"

#include <QJsonDocument>

namespace hearth::ForeignLists {

struct SkippedElements
{
    int count = 0;
    FieldErrors first; // why the first skipped element was refused, for the log
};

struct OrdersListing
{
    OrdersSnapshot snapshot;
    SkippedElements skipped;
};

struct WidgetsListing
{
    WidgetsSnapshot snapshot;
    SkippedElements skipped;
};

struct InventoryListing
{
    InventorySnapshot snapshot; // stock lines only: profiles map no menu items
    SkippedElements skipped;
};

Decoded<OrdersListing> decodeOrders(const QJsonDocument &body, const QString &listPath,
                                    const FieldMapper &mapper);
Decoded<WidgetsListing> decodeWidgets(const QJsonDocument &body, const QString &listPath,
                                      const FieldMapper &mapper);
Decoded<InventoryListing> decodeInventory(const QJsonDocument &body, const QString &listPath,
                                          const FieldMapper &mapper);

} // namespace hearth::ForeignLists
