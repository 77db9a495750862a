#pragma once

// The order lists of backends without the Hearth REST API (Rails, Supabase…), as their profile
// describes them: the array at the endpoint's `list` path, each element mapped and validated by
// the profile's field mapper. An element that fails is skipped and counted, so one odd legacy
// order does not blank the whole dashboard; a list whose every element fails is an error, because
// then the mapping is wrong. Such lists carry no watermark: the snapshot's position is empty.
#include "api/apitypes.h"
#include "core/jsonreader.h"
#include "profile/fieldmapper.h"

#include <QJsonDocument>

namespace hearth::ForeignOrders {

struct Listing
{
    OrdersSnapshot snapshot;
    int skipped = 0;
    FieldErrors firstSkipped; // why the first skipped element was refused, for the log
};

Decoded<Listing> decode(const QJsonDocument &body, const QString &listPath, const FieldMapper &mapper);

} // namespace hearth::ForeignOrders
