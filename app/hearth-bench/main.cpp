// hearth-bench: prints the performance figures of DESIGN.md's budget, each as a ratio against a
// baseline measured in the same run. Wiring and printing only.
#include "bench/analyticsbenchmark.h"
#include "bench/ingestbenchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hearth-bench"));
    QLoggingCategory::setFilterRules(QStringLiteral("hearth.*.info=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hearth benchmarks: ingest rate, UI stalls, latency, memory."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("quick"), QStringLiteral("Small sizes, for a smoke test.")});
    parser.addOption({QStringLiteral("analytics-only"), QStringLiteral("Only the analytics summary benchmark.")});
    parser.addOption({QStringLiteral("analytics-database"),
                      QStringLiteral("Run the analytics benchmark on this postgresql:// database instead of SQLite."),
                      QStringLiteral("url")});
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));

    // The analytics summary (issue 11): after the memory figure, which wants a fresh heap.
    const auto measureAnalytics = [&] {
        const int analyticsDays = quick ? 3 : 30;
        const hearth::bench::AnalyticsSummaryResult analytics = hearth::bench::measureAnalyticsSummary(
            6000, analyticsDays, parser.value(QStringLiteral("analytics-database")));
        std::printf("analytics summary over %d days of a busy restaurant (%lld events, %lld minute rows, %s, "
                    "imported in %.1f s)\n",
                    analyticsDays, static_cast<long long>(analytics.events), static_cast<long long>(analytics.rollupRows),
                    qPrintable(analytics.database), analytics.importSeconds);
        std::printf("  month by day, all widgets  : %6.2f ms median (budget < 50 ms)\n", analytics.monthByDayMs);
        std::printf("  month by hour, one widget  : %6.2f ms median\n", analytics.monthByHourMs);
        std::printf("  two days by minute, all    : %6.2f ms median\n", analytics.dayByMinuteMs);
        std::printf("  slowest single summary     : %6.2f ms\n", analytics.worstMs);
        return analytics.monthByDayMs > 0;
    };
    if (parser.isSet(QStringLiteral("analytics-only")))
        return measureAnalytics() ? 0 : 1;

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

    const bool analyticsMeasured = measureAnalytics();
    const bool measured = throughput.ingestEventsPerSecond > 0 && latency.p99Ms > 0 && memory.withOrdersMb > 0
        && analyticsMeasured;
    return measured ? 0 : 1;
}
