#pragma once

// hearth-bench's measurements, each against a baseline taken in the same run on the same
// machine: the raw socket + JSON parse rate versus the whole ingest path (RealtimeService →
// sync → OrdersModel → sort/filter proxy), the longest the event loop stalls during a burst,
// emit → model-applied latency at a steady rate, and memory per live order.
#include <QString>

namespace hearth::bench {

struct ThroughputResult
{
    int events = 0;
    double rawEventsPerSecond = 0;    // baseline: a bare QWebSocket that only parses JSON
    double ingestEventsPerSecond = 0; // the product's path into models and proxies
    double longestStallMs = 0;        // the event loop's longest gap during the ingest burst
    int modelSignals = 0;             // rows inserted / data changed signals the burst cost
};

struct LatencyResult
{
    int events = 0;
    int eventsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

struct MemoryResult
{
    int orders = 0;
    double baselineMb = 0;
    double withOrdersMb = 0;
};

ThroughputResult measureThroughput(int events);
LatencyResult measureLatency(int events, int eventsPerSecond);
MemoryResult measureMemory(int orders);

} // namespace hearth::bench
