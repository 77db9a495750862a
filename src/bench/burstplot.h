#pragma once

// A PNG of the 1 M burst: events applied per second (top) and the GUI thread's longest stall
// (bottom, with the 16 ms budget) over time, one point per tenth of a second.
#include "bench/ingestbenchmark.h"

#include <QString>

namespace hearth::bench {

bool writeBurstPlot(const BurstResult &burst, const QString &path);

} // namespace hearth::bench
