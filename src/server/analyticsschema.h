#pragma once

// Migration 8: where widget analytics live. Raw events are kept compactly (the step as a small
// integer, the guest's anonymous session as a 64-bit hash) for as long as the retention setting
// in `meta` says; the summary reads per-minute and per-hour rollups written in the same
// transaction, so a month of a busy restaurant by day is a few thousand rows to group, not
// hundreds of thousands. Each widget gets
// a public key the website's widget posts its events with.
#include <QSqlDatabase>

namespace hearth::server::AnalyticsSchema {

inline constexpr int defaultRetentionDays = 90;
bool create(QSqlDatabase &database);

} // namespace hearth::server::AnalyticsSchema
