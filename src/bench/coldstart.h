#pragma once

// Cold start: from a new process to the first painted rows of the orders table, filled from a
// local cache (the dashboard starts from its cache, then resyncs). The bench writes the cache,
// then starts itself again as the child that loads and paints, and reads when it painted.
#include <QString>

namespace hearth::bench {

struct ColdStartResult
{
    int orders = 0;
    int rowsShown = 0;       // rows the child's model held at its first paint
    double milliseconds = 0; // exec of the child → its first paint done
};

// `executable` is this program; the child runs it with --cold-start-child <cache file>.
ColdStartResult measureColdStart(int orders, const QString &executable);
// The child's side: loads the cache, shows the table, prints "<now ns> <rows>" after the first
// paint and returns the exit code.
int runColdStartChild(const QString &cachePath);

} // namespace hearth::bench
