#pragma once

// hearth-bench's measurements, each against a baseline taken in the same run on the same
// machine: raw QWebSocket receive and receive + QJsonDocument parse versus the whole ingest path
// (RealtimeService → sync → OrdersModel → sort/filter proxy), the longest the event loop stalls
// during a burst with a table on screen, emit → model-applied latency at a steady rate, memory
// per live order, the resync after an outage, and the adapters' decode + mapping rates.
#include <QList>
#include <QString>

namespace hearth::bench {

struct ThroughputResult
{
    int events = 0;
    double receiveEventsPerSecond = 0; // baseline: a bare QWebSocket that only counts frames
    double rawEventsPerSecond = 0;     // baseline: a bare QWebSocket that parses the JSON too
    double ingestEventsPerSecond = 0;  // the product's path into models and proxies
    double longestStallMs = 0;         // the event loop's longest gap during the ingest burst
    int modelSignals = 0;              // rows inserted / data changed signals the burst cost
};

// One tenth of a second of the burst: how many events were applied in it and the longest the
// GUI thread went without turning its event loop.
struct BurstSample
{
    double atMs = 0;
    double eventsPerSecond = 0;
    double longestStallMs = 0;
};

struct BurstResult
{
    int events = 0;
    int orders = 0;
    double eventsPerSecond = 0;
    double longestStallMs = 0;
    // How long the GUI thread itself ran within that stall (-1: unknown). On a machine with
    // fewer cores than busy threads the rest is time it waited for a core, not work of its own.
    double longestStallRunningMs = -1;
    double longestRunMs = -1; // the most CPU time the GUI thread spent between two turns
    bool complete = false; // every event applied and the table painted since
    int paints = 0;        // viewport paints during the burst: the table did repaint
    int linkDrops = 0;     // inbound queue overflows: the client dropped the link and resumed
    QList<BurstSample> samples;
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

struct ResyncResult
{
    int events = 0;
    int ordersBefore = 0;
    double milliseconds = 0; // start of the reconnect → every missed event applied
    bool exact = false;      // the model then holds exactly the orders and versions expected
};

ThroughputResult measureThroughput(int events);
// `events` over `orders` orders with a QTableView showing the sorted proxy (offscreen).
BurstResult measureBurstWithView(int events, int orders);
LatencyResult measureLatency(int events, int eventsPerSecond);
MemoryResult measureMemory(int orders);
// The link comes back after an outage during which `events` happened; the model already holds
// `ordersBefore` other orders. The wait itself is not slept through: the client's work starts
// when the link is back.
ResyncResult measureResync(int events, int ordersBefore);

} // namespace hearth::bench
