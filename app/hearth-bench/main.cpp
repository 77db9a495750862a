// hearth-bench: prints the performance figures of DESIGN.md's budget and issue 10's targets, each
// as a ratio against a baseline measured in the same run. Wiring, printing and --json only.
#include "bench/burstplot.h"
#include "bench/coldstart.h"
#include "bench/analyticsbenchmark.h"
#include "bench/ingestbenchmark.h"
#include "bench/peerbenchmark.h"
#include "soakrun.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>

namespace {

using namespace hearth::bench;

double ratioOf(double value, double baseline)
{
    return baseline > 0 ? value / baseline : 0;
}

const char *verdict(bool met)
{
    return met ? "met" : "NOT met";
}

} // namespace

int main(int argc, char *argv[])
{
    // The burst and the cold start show a table; without a display they paint offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress shows as it comes, also into a pipe
    QCoreApplication::setApplicationName(QStringLiteral("hearth-bench"));
    if (app.arguments().value(1) == QLatin1StringView("soak")) { // the server soak (soakrun.h)
        QLoggingCategory::setFilterRules(QStringLiteral("hearth.*.info=false"));
        return hearth::bench::runSoak(app.arguments().mid(1));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Hearth benchmarks: ingest rate against raw sockets and a Node.js peer, the 1 M burst with a "
        "table on screen, latency, memory, cold start, resync and the adapters."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("quick"), QStringLiteral("Small sizes, for a smoke test.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Also write the results to <file> as JSON."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("plot"), QStringLiteral("Write a PNG of the burst to <file>."),
                      QStringLiteral("file")});
    QCommandLineOption child(QStringLiteral("cold-start-child"), QStringLiteral("(internal)"), QStringLiteral("cache"));
    child.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(child);
    parser.addOption({QStringLiteral("only"),
                      QStringLiteral("Run only these measurements (comma-separated): memory, ingest, burst, "
                                     "latency, cold-start, resync, adapters, analytics."),
                      QStringLiteral("names")});
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Keep the client's info logging.")});
    parser.addOption({QStringLiteral("analytics-only"), QStringLiteral("Only the analytics summary benchmark.")});
    parser.addOption({QStringLiteral("analytics-database"),
                      QStringLiteral("Run the analytics benchmark on this postgresql:// database instead of SQLite."),
                      QStringLiteral("url")});
    parser.process(app);
    if (!parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("hearth.*.info=false"));
    QStringList only = parser.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts);
    const auto wants = [&only](const char *name) { return only.isEmpty() || only.contains(QLatin1StringView(name)); };
    bool measured = true;
    if (parser.isSet(child))
        return runColdStartChild(parser.value(child));
    const bool quick = parser.isSet(QStringLiteral("quick"));
    QJsonObject json{{QStringLiteral("quick"), quick}};
    const bool analyticsOnly = parser.isSet(QStringLiteral("analytics-only"));
    if (analyticsOnly)
        only = QStringList{QStringLiteral("analytics")};

    if (wants("memory")) {
        // First, while the heap is fresh: later runs leave freed memory the orders would reuse.
        const MemoryResult memory = measureMemory(quick ? 10000 : 100000);
        const double ordersMb = memory.withOrdersMb - memory.baselineMb;
        std::printf("memory for %d live orders in model + proxy\n", memory.orders);
        std::printf("  RSS %.1f MB before, %.1f MB after: %.1f MB for the orders (target < 150 MB at 100 000: %s)\n",
                    memory.baselineMb, memory.withOrdersMb, ordersMb, verdict(memory.withOrdersMb < 150));
        json.insert(QStringLiteral("memory"), QJsonObject{{QStringLiteral("orders"), memory.orders},
                                                          {QStringLiteral("rss_before_mb"), memory.baselineMb},
                                                          {QStringLiteral("rss_after_mb"), memory.withOrdersMb}});
        measured = measured && memory.withOrdersMb > 0;
    }

    if (wants("ingest")) {
    const int burst = quick ? 5000 : 100000;
        const ThroughputResult throughput = measureThroughput(burst);
        const NodePeerResult node = measureNodePeer(burst);
        const double ofReceive = ratioOf(throughput.ingestEventsPerSecond, throughput.receiveEventsPerSecond);
        const double ofParse = ratioOf(throughput.ingestEventsPerSecond, throughput.rawEventsPerSecond);
        const double ofNode = ratioOf(throughput.ingestEventsPerSecond, node.eventsPerSecond);
        std::printf("ingest burst of %d events (%d orders) over loopback\n", throughput.events, throughput.events / 4);
        std::printf("  raw QWebSocket receive   : %10.0f events/s (baseline)\n", throughput.receiveEventsPerSecond);
        std::printf("  + QJsonDocument parse    : %10.0f events/s\n", throughput.rawEventsPerSecond);
        if (node.available)
            std::printf("  Node ws + JSON.parse+Map : %10.0f events/s (%d orders kept)\n", node.eventsPerSecond, node.orders);
        else
            std::printf("  Node ws + JSON.parse+Map : skipped: %s\n", qPrintable(node.missing));
        std::printf("  into models + proxy      : %10.0f events/s = %.0f %% of raw receive (target >= 40 %%: %s), "
                    "%.0f %% of receive + parse\n",
                    throughput.ingestEventsPerSecond, ofReceive * 100, verdict(ofReceive >= 0.4), ofParse * 100);
        if (node.available)
            std::printf("  against the Node peer    : %10.2f x (target >= 2 x: %s)\n", ofNode, verdict(ofNode >= 2));
        std::printf("  longest event-loop stall : %10.1f ms\n", throughput.longestStallMs);
        std::printf("  model signals for burst  : %10d\n", throughput.modelSignals);
        QJsonObject ingest{{QStringLiteral("events"), throughput.events},
                           {QStringLiteral("raw_receive_per_s"), throughput.receiveEventsPerSecond},
                           {QStringLiteral("raw_parse_per_s"), throughput.rawEventsPerSecond},
                           {QStringLiteral("ingest_per_s"), throughput.ingestEventsPerSecond},
                           {QStringLiteral("ingest_of_raw_receive"), ofReceive},
                           {QStringLiteral("ingest_of_raw_parse"), ofParse},
                           {QStringLiteral("longest_stall_ms"), throughput.longestStallMs},
                           {QStringLiteral("model_signals"), throughput.modelSignals},
                           {QStringLiteral("node_available"), node.available}};
        if (node.available) {
            ingest.insert(QStringLiteral("node_per_s"), node.eventsPerSecond);
            ingest.insert(QStringLiteral("ingest_of_node"), ofNode);
        } else {
            ingest.insert(QStringLiteral("node_missing"), node.missing);
        }
        json.insert(QStringLiteral("ingest"), ingest);
        measured = measured && throughput.ingestEventsPerSecond > 0;
    }

    if (wants("burst")) {
    const int burstEvents = quick ? 10000 : 1000000;
        const int burstOrders = quick ? 1000 : 25000;
        const BurstResult view = measureBurstWithView(burstEvents, burstOrders);
        std::printf("burst of %d events over %d orders, QTableView on the sorted proxy (offscreen)\n",
                    view.events, view.orders);
        std::printf("  %10.0f events/s, %d repaints, complete: %s, links dropped on a full inbound queue: %d\n",
                    view.eventsPerSecond, view.paints, view.complete ? "yes" : "NO", view.linkDrops);
        std::printf("  longest GUI-thread stall: %.1f ms (target < 16 ms: %s)\n", view.longestStallMs,
                    verdict(view.complete && view.longestStallMs < 16));
        if (view.longestRunMs >= 0) {
            std::printf("    the GUI thread ran %.1f ms of it (the rest it waited for a core); its longest run\n"
                        "    of work between two turns of the event loop: %.1f ms\n",
                        view.longestStallRunningMs, view.longestRunMs);
        }
        QJsonArray samples;
        for (const BurstSample &sample : view.samples)
            samples.append(QJsonArray{sample.atMs, sample.eventsPerSecond, sample.longestStallMs});
        json.insert(QStringLiteral("burst_with_view"),
                    QJsonObject{{QStringLiteral("events"), view.events},
                                {QStringLiteral("orders"), view.orders},
                                {QStringLiteral("events_per_s"), view.eventsPerSecond},
                                {QStringLiteral("longest_stall_ms"), view.longestStallMs},
                                {QStringLiteral("longest_stall_running_ms"), view.longestStallRunningMs},
                                {QStringLiteral("longest_run_ms"), view.longestRunMs},
                                {QStringLiteral("complete"), view.complete},
                                {QStringLiteral("paints"), view.paints},
                                {QStringLiteral("link_drops"), view.linkDrops},
                                {QStringLiteral("samples_ms_rate_stall"), samples}});
        if (parser.isSet(QStringLiteral("plot"))) {
            const QString plot = parser.value(QStringLiteral("plot"));
            std::printf("  plot: %s\n", writeBurstPlot(view, plot) ? qPrintable(plot) : "could not be written");
        }
        measured = measured && view.complete;
    }

    if (wants("latency")) {
    const int paced = quick ? 500 : 3000;
        const LatencyResult latency = measureLatency(paced, 1000);
        std::printf("emit -> model-applied latency at %d events/s (%d events)\n", latency.eventsPerSecond, latency.events);
        std::printf("  p50 %.2f ms, p99 %.2f ms (target < 5 ms: %s), max %.2f ms\n", latency.p50Ms, latency.p99Ms,
                    verdict(latency.p99Ms > 0 && latency.p99Ms < 5), latency.maxMs);
        json.insert(QStringLiteral("latency"), QJsonObject{{QStringLiteral("events"), latency.events},
                                                           {QStringLiteral("events_per_s"), latency.eventsPerSecond},
                                                           {QStringLiteral("p50_ms"), latency.p50Ms},
                                                           {QStringLiteral("p99_ms"), latency.p99Ms},
                                                           {QStringLiteral("max_ms"), latency.maxMs}});
        measured = measured && latency.p99Ms > 0;
    }

    if (wants("cold-start")) {
    const ColdStartResult cold = measureColdStart(quick ? 5000 : 50000, QCoreApplication::applicationFilePath());
        std::printf("cold start from a cache of %d orders: process start -> first painted rows\n", cold.orders);
        std::printf("  %.0f ms, %d rows (target < 500 ms: %s)\n", cold.milliseconds, cold.rowsShown,
                    verdict(cold.rowsShown == cold.orders && cold.milliseconds < 500));
        json.insert(QStringLiteral("cold_start"), QJsonObject{{QStringLiteral("orders"), cold.orders},
                                                              {QStringLiteral("rows"), cold.rowsShown},
                                                              {QStringLiteral("ms"), cold.milliseconds}});
        measured = measured && cold.rowsShown > 0;
    }

    if (wants("resync")) {
    const ResyncResult resync = measureResync(quick ? 2000 : 10000, quick ? 1000 : 5000);
        std::printf("resync: %d events missed during an outage, %d other orders held\n", resync.events, resync.ordersBefore);
        std::printf("  %.0f ms to a complete model, exact: %s (target < 1 s: %s)\n", resync.milliseconds,
                    resync.exact ? "yes" : "NO", verdict(resync.exact && resync.milliseconds < 1000));
        json.insert(QStringLiteral("resync"), QJsonObject{{QStringLiteral("events"), resync.events},
                                                          {QStringLiteral("orders_before"), resync.ordersBefore},
                                                          {QStringLiteral("ms"), resync.milliseconds},
                                                          {QStringLiteral("exact"), resync.exact}});
        measured = measured && resync.exact;
    }

    if (wants("adapters")) {
    const AdapterResult adapters = measureAdapters(quick ? 5000 : 100000);
        std::printf("adapters: frame -> typed order in process (%d events each)\n", adapters.events);
        std::printf("  Hearth v1, general decoder (QJsonDocument): %10.0f events/s\n",
                    adapters.hearthGeneralEventsPerSecond);
        std::printf("  Hearth v1 as shipped: %10.0f events/s = %.2f x the general decoder\n",
                    adapters.hearthEventsPerSecond,
                    ratioOf(adapters.hearthEventsPerSecond, adapters.hearthGeneralEventsPerSecond));
        std::printf("  Action Cable: %10.0f events/s = %.2f x Hearth as shipped\n", adapters.actionCableEventsPerSecond,
                    ratioOf(adapters.actionCableEventsPerSecond, adapters.hearthEventsPerSecond));
        std::printf("  Phoenix     : %10.0f events/s = %.2f x Hearth as shipped\n", adapters.phoenixEventsPerSecond,
                    ratioOf(adapters.phoenixEventsPerSecond, adapters.hearthEventsPerSecond));
        json.insert(QStringLiteral("adapters"),
                    QJsonObject{{QStringLiteral("events"), adapters.events},
                                {QStringLiteral("hearth_general_per_s"), adapters.hearthGeneralEventsPerSecond},
                                {QStringLiteral("hearth_per_s"), adapters.hearthEventsPerSecond},
                                {QStringLiteral("actioncable_per_s"), adapters.actionCableEventsPerSecond},
                                {QStringLiteral("phoenix_per_s"), adapters.phoenixEventsPerSecond}});
        measured = measured && adapters.allDecoded;
    }

    if (wants("analytics")) {
        const int analyticsDays = quick ? 3 : 30;
        const AnalyticsSummaryResult analytics =
            measureAnalyticsSummary(6000, analyticsDays, parser.value(QStringLiteral("analytics-database")));
        std::printf("analytics summary over %d days of a busy restaurant (%lld events, %lld minute rows, %s, "
                    "imported in %.1f s)\n",
                    analyticsDays, static_cast<long long>(analytics.events), static_cast<long long>(analytics.rollupRows),
                    qPrintable(analytics.database), analytics.importSeconds);
        std::printf("  month by day, all widgets  : %6.2f ms median (target < 50 ms: %s)\n", analytics.monthByDayMs,
                    verdict(analytics.monthByDayMs > 0 && analytics.monthByDayMs < 50));
        std::printf("  month by hour, one widget  : %6.2f ms median\n", analytics.monthByHourMs);
        std::printf("  two days by minute, all    : %6.2f ms median\n", analytics.dayByMinuteMs);
        std::printf("  slowest single summary     : %6.2f ms\n", analytics.worstMs);
        json.insert(QStringLiteral("analytics_summary"),
                    QJsonObject{{QStringLiteral("days"), analyticsDays},
                                {QStringLiteral("events"), static_cast<double>(analytics.events)},
                                {QStringLiteral("database"), analytics.database},
                                {QStringLiteral("month_by_day_ms"), analytics.monthByDayMs},
                                {QStringLiteral("month_by_hour_ms"), analytics.monthByHourMs},
                                {QStringLiteral("day_by_minute_ms"), analytics.dayByMinuteMs},
                                {QStringLiteral("worst_ms"), analytics.worstMs}});
        measured = measured && analytics.monthByDayMs > 0;
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QFile out(parser.value(QStringLiteral("json")));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || out.write(QJsonDocument(json).toJson()) < 0) {
            std::fprintf(stderr, "hearth-bench: could not write %s\n", qPrintable(out.fileName()));
            return 1;
        }
    }
    // Measured, not met: the exit code says whether every measurement ran, the text what it found.
    return measured ? 0 : 1;
}
