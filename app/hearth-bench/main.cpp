// hearth-bench: prints the performance figures of DESIGN.md's budget, each as a ratio against a
// baseline measured in the same run. Wiring and printing only.
#include "bench/ingestbenchmark.h"
#include "soakrun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hearth-bench"));
    if (app.arguments().value(1) == QLatin1StringView("soak")) // the server soak (soakrun.h)
        return hearth::bench::runSoak(app.arguments().mid(1));
    QLoggingCategory::setFilterRules(QStringLiteral("hearth.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hearth benchmarks: ingest rate, UI stalls, latency, memory."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("quick"), QStringLiteral("Small sizes, for a smoke test.")});
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));

    // First, while the heap is fresh: later runs leave freed memory the orders would reuse.
    const hearth::bench::MemoryResult memory = hearth::bench::measureMemory(quick ? 10000 : 100000);
    std::printf("memory for %d live orders in model + proxy\n", memory.orders);
    std::printf("  RSS %.1f MB before, %.1f MB after: %.1f MB for the orders (budget < 150 MB at 100 000)\n",
                memory.baselineMb, memory.withOrdersMb, memory.withOrdersMb - memory.baselineMb);


    const int burst = quick ? 5000 : 100000;
    const hearth::bench::ThroughputResult throughput = hearth::bench::measureThroughput(burst);
    const double ratio = throughput.rawEventsPerSecond > 0
        ? throughput.ingestEventsPerSecond / throughput.rawEventsPerSecond : 0;
    std::printf("ingest burst of %d events over loopback\n", throughput.events);
    std::printf("  raw socket + JSON parse : %10.0f events/s (baseline)\n", throughput.rawEventsPerSecond);
    std::printf("  into models + proxy     : %10.0f events/s = %.0f %% of baseline (budget >= 80 %%)\n",
                throughput.ingestEventsPerSecond, ratio * 100);
    std::printf("  longest event-loop stall: %10.1f ms (budget < 16 ms)\n", throughput.longestStallMs);
    std::printf("  model signals for burst : %10d\n", throughput.modelSignals);

    const int paced = quick ? 500 : 3000;
    const hearth::bench::LatencyResult latency = hearth::bench::measureLatency(paced, 1000);
    std::printf("emit -> model-applied latency at %d events/s (%d events)\n", latency.eventsPerSecond, latency.events);
    std::printf("  p50 %.2f ms, p99 %.2f ms (budget < 5 ms), max %.2f ms\n", latency.p50Ms, latency.p99Ms, latency.maxMs);

    const bool measured = throughput.ingestEventsPerSecond > 0 && latency.p99Ms > 0 && memory.withOrdersMb > 0;
    return measured ? 0 : 1;
}
