#pragma once

// The analytics wire (docs/protocol.md, "Analytics"): the summary of GET /api/analytics/summary
// and the `analytics.event` frames of the analytics channel. Times are milliseconds since the
// Unix epoch (UTC) as JSON integers: buckets are arithmetic on them on both sides.
#include "core/analytics.h"
#include "core/jsonreader.h"

#include <QJsonObject>

namespace hearth::AnalyticsCodec {

inline constexpr QLatin1StringView channel{"analytics"};
inline constexpr QLatin1StringView tickType{"analytics.event"};

QJsonObject countsToJson(const AnalyticsCounts &counts);
Decoded<AnalyticsCounts> countsFromJson(const QJsonObject &json);

QJsonObject summaryToJson(const AnalyticsSummary &summary);
Decoded<AnalyticsSummary> summaryFromJson(const QJsonObject &json);

QJsonObject tickToJson(const AnalyticsTick &tick);
Decoded<AnalyticsTick> tickFromJson(const QJsonObject &json);

} // namespace hearth::AnalyticsCodec
