#pragma once

// `hearth-bench soak`: a long simulated service against a hearth-server this program starts on
// 127.0.0.1 — the simulator creating orders at 10× a busy night, hundreds of dashboards
// subscribed, some of them writing — sampling the server's resident memory from /proc. It prints
// the memory at the start, after the warm-up, at its peak and at the end, the slope after the
// warm-up, and fails when the memory grew beyond a bound, a client missed an event, or the server
// answered a 5xx (issue 8: "server RSS flat").
#include <QStringList>

namespace hearth::bench {

// `arguments` start with "soak"; returns the process exit code.
int runSoak(const QStringList &arguments);

} // namespace hearth::bench
