#include "soakrun.h"

#include "soakclient.h"
#include "soakwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace hearth::bench {

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct SoakOptions
{
    QString serverBinary;
    QString database; // empty: a SQLite file in a temporary folder
    std::chrono::seconds duration = 30min;
    std::chrono::seconds warmup{-1}; // -1: a fifth of the duration, at most 3 minutes
    std::chrono::seconds sampleEvery{-1}; // -1: about 120 samples, 1 to 10 s apart
    int clients = 200;
    int writers = 20;
    std::chrono::milliseconds writeEvery = 5s; // per writer, on average
    double ordersPerMinute = 120; // 10× a busy night of 12 a minute (the demo's default rate)
    double maxGrowthMb = 64;
};

struct Sample
{
    double seconds = 0; // since all clients were subscribed
    double rssMb = 0;
};

// "90", "90s", "20m", "1h", "500ms" → milliseconds; negative when unreadable.
std::chrono::milliseconds parseMilliseconds(QString text)
{
    text = text.trimmed();
    double unit = 1000;
    if (text.endsWith(QLatin1StringView("ms"))) {
        unit = 1;
        text.chop(2);
    } else if (text.endsWith(u'h') || text.endsWith(u'm') || text.endsWith(u's')) {
        unit = text.endsWith(u'h') ? 3600000 : text.endsWith(u'm') ? 60000 : 1000;
        text.chop(1);
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && value > 0 ? std::chrono::milliseconds(qint64(value * unit)) : std::chrono::milliseconds(-1);
}

std::chrono::seconds parseDuration(const QString &text)
{
    const std::chrono::milliseconds parsed = parseMilliseconds(text);
    return parsed.count() >= 1000 ? std::chrono::duration_cast<std::chrono::seconds>(parsed) : std::chrono::seconds(-1);
}

QString describe(std::chrono::seconds duration)
{
    const qint64 s = duration.count();
    return s % 60 == 0 ? QStringLiteral("%1 min").arg(s / 60) : QStringLiteral("%1 s").arg(s);
}

// The resident set of process `pid` in MB (VmRSS of /proc/PID/status); negative when gone.
double residentMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // readAll: /proc files have no size, so QFile's atEnd() is true from the start.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// CPU seconds (user + system) the process has used, from /proc/PID/stat.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble(); // utime, stime
    return ticks / 100.0; // USER_HZ is 100 on Linux
}

// Least-squares slope in MB per hour.
double slopeMbPerHour(const std::vector<Sample> &samples)
{
    if (samples.size() < 2)
        return 0;
    double meanT = 0, meanR = 0;
    for (const Sample &s : samples) {
        meanT += s.seconds;
        meanR += s.rssMb;
    }
    meanT /= double(samples.size());
    meanR /= double(samples.size());
    double covariance = 0, variance = 0;
    for (const Sample &s : samples) {
        covariance += (s.seconds - meanT) * (s.rssMb - meanR);
        variance += (s.seconds - meanT) * (s.seconds - meanT);
    }
    return variance > 0 ? covariance / variance * 3600 : 0;
}

double meanRss(std::vector<Sample>::const_iterator from, std::vector<Sample>::const_iterator to)
{
    double sum = 0;
    qsizetype count = 0;
    for (auto it = from; it != to; ++it, ++count)
        sum += it->rssMb;
    return count > 0 ? sum / double(count) : 0;
}

bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

QString defaultServerBinary()
{
    // The build tree (build/<preset>/app/hearth-bench → app/hearth-server), then an installation.
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("../hearth-server/hearth-server")),
                                     here.filePath(QStringLiteral("hearth-server"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

std::optional<SoakOptions> readOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "hearth-bench soak: a long simulated service against a hearth-server it starts on 127.0.0.1, "
        "sampling the server's memory."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("server"), QStringLiteral("The hearth-server program (default: the one built next to this)."),
         QStringLiteral("path")},
        {QStringLiteral("database"), QStringLiteral("The server's --database (default: a new SQLite file in a "
                                                    "temporary folder; a postgresql:// URL works too)."),
         QStringLiteral("path|url")},
        {QStringLiteral("duration"), QStringLiteral("How long the service runs (90s, 30m, 1h)."), QStringLiteral("time"),
         QStringLiteral("30m")},
        {QStringLiteral("warmup"), QStringLiteral("Memory before this is not held against the bound "
                                                  "(default: a fifth of the duration, 3 min at most)."),
         QStringLiteral("time")},
        {QStringLiteral("sample-every"), QStringLiteral("RSS sample interval (default: duration/120, 1–10 s)."),
         QStringLiteral("time")},
        {QStringLiteral("clients"), QStringLiteral("WebSocket clients, each on orders, widgets and inventory."),
         QStringLiteral("count"), QStringLiteral("200")},
        {QStringLiteral("writers"), QStringLiteral("How many of the clients also make REST writes."),
         QStringLiteral("count"), QStringLiteral("20")},
        {QStringLiteral("write-every"), QStringLiteral("Mean interval between one writer's requests (5s, 500ms)."),
         QStringLiteral("time"), QStringLiteral("5s")},
        {QStringLiteral("orders-per-minute"), QStringLiteral("The server's --simulate rate (a busy night is 12)."),
         QStringLiteral("rate"), QStringLiteral("120")},
        {QStringLiteral("max-growth-mb"), QStringLiteral("Fail when the RSS at the end exceeds the RSS after the "
                                                         "warm-up by more than this."),
         QStringLiteral("MB"), QStringLiteral("64")},
    });
    parser.process(arguments);

    SoakOptions options;
    options.serverBinary = parser.isSet(QStringLiteral("server")) ? parser.value(QStringLiteral("server"))
                                                                  : defaultServerBinary();
    options.database = parser.value(QStringLiteral("database"));
    options.duration = parseDuration(parser.value(QStringLiteral("duration")));
    if (parser.isSet(QStringLiteral("warmup")))
        options.warmup = parseDuration(parser.value(QStringLiteral("warmup")));
    else
        options.warmup = std::min<std::chrono::seconds>(options.duration / 5, 3min);
    if (parser.isSet(QStringLiteral("sample-every")))
        options.sampleEvery = parseDuration(parser.value(QStringLiteral("sample-every")));
    else
        options.sampleEvery = std::clamp<std::chrono::seconds>(options.duration / 120, 1s, 10s);
    bool ok = true, allOk = true;
    options.clients = parser.value(QStringLiteral("clients")).toInt(&ok);
    allOk &= ok;
    options.writers = parser.value(QStringLiteral("writers")).toInt(&ok);
    allOk &= ok;
    options.writeEvery = parseMilliseconds(parser.value(QStringLiteral("write-every")));
    options.ordersPerMinute = parser.value(QStringLiteral("orders-per-minute")).toDouble(&ok);
    allOk &= ok;
    options.maxGrowthMb = parser.value(QStringLiteral("max-growth-mb")).toDouble(&ok);
    allOk &= ok;
    if (!allOk || options.duration.count() <= 0 || options.warmup.count() < 0 || options.sampleEvery.count() <= 0
        || options.writeEvery.count() <= 0 || options.clients < 1 || options.writers < 0
        || options.writers > options.clients || options.warmup >= options.duration) {
        std::fprintf(stderr, "hearth-bench soak: unusable option (see --help)\n");
        return std::nullopt;
    }
    if (options.serverBinary.isEmpty()) {
        std::fprintf(stderr, "hearth-bench soak: no hearth-server found; give --server\n");
        return std::nullopt;
    }
    return options;
}

// Starts the server and returns its base URL once it listens; empty when it did not.
QUrl startServer(QProcess &server, const SoakOptions &options, const QString &database, const QString &logFile)
{
    const int connections = options.clients + 64; // the writers' REST connections on top
    server.setProgram(options.serverBinary);
    server.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"), database,
                         QStringLiteral("--simulate"), QString::number(options.ordersPerMinute),
                         QStringLiteral("--max-connections"), QString::number(connections + 64),
                         // Every client comes from 127.0.0.1, as all would from behind a load balancer.
                         QStringLiteral("--max-connections-per-address"), QString::number(connections)});
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // One info line per request would make the log the biggest thing the soak measures.
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("hearth.*.info=false"));
    server.setProcessEnvironment(environment);
    server.setStandardErrorFile(logFile);
    server.start();
    if (!server.waitForStarted(10000))
        return {};
    static const QRegularExpression url(QStringLiteral("From this machine: (http://127\\.0\\.0\\.1:\\d+)"));
    QByteArray banner;
    waitUntil(
        [&] {
            banner += server.readAllStandardOutput();
            return url.match(QString::fromUtf8(banner)).hasMatch() || server.state() == QProcess::NotRunning;
        },
        60s);
    const QRegularExpressionMatch match = url.match(QString::fromUtf8(banner));
    return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
}

QByteArray signIn(QNetworkAccessManager *network, const QUrl &base, const QString &username, const QString &password)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/api/login"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(network->post(
        request, QJsonDocument(QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}})
                     .toJson(QJsonDocument::Compact)));
    if (!waitUntil([&] { return reply->isFinished(); }, 60s))
        return {};
    return QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1StringView("token")).toString().toUtf8();
}

} // namespace

int runSoak(const QStringList &arguments)
{
    const std::optional<SoakOptions> maybeOptions = readOptions(arguments);
    if (!maybeOptions)
        return 2;
    const SoakOptions &options = *maybeOptions;

    QTemporaryDir folder;
    const QString database = options.database.isEmpty() ? folder.filePath(QStringLiteral("soak.db")) : options.database;
    const QString logFile = folder.filePath(QStringLiteral("server.log"));
    QProcess server;
    const QUrl base = startServer(server, options, database, logFile);
    if (!base.isValid()) {
        std::fprintf(stderr, "hearth-bench soak: %s did not start\n", qPrintable(options.serverBinary));
        QFile log(logFile);
        if (log.open(QIODevice::ReadOnly))
            std::fprintf(stderr, "%s\n", log.readAll().right(4000).constData());
        return 1;
    }
    const qint64 pid = server.processId();
    const auto stopServer = [&server] {
        server.terminate();
        if (!server.waitForFinished(15000))
            server.kill();
        server.waitForFinished(5000);
    };
    const double rssAtStart = residentMb(pid);
    std::printf("soak: %d clients (%d writing, one request each every %.1f s on average) for %s, "
                "hearth-server pid %lld at %s simulating %.0f orders/min\n",
                options.clients, options.writers, double(options.writeEvery.count()) / 1000,
                qPrintable(describe(options.duration)), pid, qPrintable(base.toString()), options.ordersPerMinute);
    std::fflush(stdout);

    // A few sign-ins shared by many PCs: each one costs the server a second of PBKDF2, and the
    // REST rate limit is per token (5/s), which the writers sharing one stay well under.
    QNetworkAccessManager network;
    std::vector<QByteArray> managerTokens;
    std::vector<QByteArray> staffTokens;
    for (int i = 0; i < 2; ++i) {
        managerTokens.push_back(signIn(&network, base, QStringLiteral("manager"), QStringLiteral("manager-demo")));
        staffTokens.push_back(signIn(&network, base, QStringLiteral("staff"), QStringLiteral("staff-demo")));
    }
    for (const std::vector<QByteArray> *tokens : {&managerTokens, &staffTokens}) {
        if (std::any_of(tokens->begin(), tokens->end(), [](const QByteArray &token) { return token.isEmpty(); })) {
            std::fprintf(stderr, "hearth-bench soak: cannot sign in\n");
            stopServer();
            return 1;
        }
    }

    QUrl webSocketUrl = base;
    webSocketUrl.setScheme(QStringLiteral("ws"));
    webSocketUrl.setPath(QStringLiteral("/ws"));
    std::vector<std::unique_ptr<SoakClient>> clients;
    std::vector<std::unique_ptr<SoakWriter>> writers;
    SoakWriteTally tally;
    for (int i = 0; i < options.clients; ++i) {
        // Every fourth PC is a manager's.
        const bool manager = i % 4 == 0;
        const std::vector<QByteArray> &tokens = manager ? managerTokens : staffTokens;
        clients.push_back(std::make_unique<SoakClient>(webSocketUrl, tokens[std::size_t(i / 4) % tokens.size()]));
        if (i < options.writers) {
            writers.push_back(std::make_unique<SoakWriter>(&network, base, tokens[std::size_t(i / 4) % tokens.size()],
                                                           manager, clients.back().get(), &tally, options.writeEvery,
                                                           quint32(i + 1)));
        }
    }
    // Doors open: PCs come in a few at a time, as after a restart they would.
    for (std::size_t i = 0; i < clients.size(); ++i) {
        clients[i]->start();
        if (i % 20 == 19)
            waitUntil([] { return false; }, 50ms);
    }
    const bool allSubscribed = waitUntil(
        [&] { return std::all_of(clients.begin(), clients.end(), [](const auto &c) { return c->isSubscribed(); }); },
        120s);
    if (!allSubscribed) {
        const auto subscribed = std::count_if(clients.begin(), clients.end(), [](const auto &c) { return c->isSubscribed(); });
        std::fprintf(stderr, "hearth-bench soak: only %lld of %d clients subscribed\n", qint64(subscribed),
                     options.clients);
        stopServer();
        return 1;
    }
    for (const auto &writer : writers)
        writer->start();

    // The service: sample, report progress every minute, until the duration is over.
    std::vector<Sample> samples;
    QElapsedTimer elapsed;
    elapsed.start();
    const double cpuAtStart = cpuSeconds(pid);
    const auto sample = [&] {
        const double rss = residentMb(pid);
        if (rss > 0)
            samples.push_back({double(elapsed.elapsed()) / 1000.0, rss});
    };
    sample();
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, sample);
    sampler.start(options.sampleEvery);
    const auto totalEvents = [&] {
        qint64 events = 0;
        for (const auto &client : clients)
            events += client->counters().events;
        return events;
    };
    qint64 nextReport = 60;
    const bool serverDied = waitUntil(
        [&] {
            if (elapsed.elapsed() / 1000 >= nextReport) {
                std::fprintf(stderr, "  %4lld min: RSS %.1f MB, %lld events delivered, %lld writes\n", nextReport / 60,
                             residentMb(pid), totalEvents(), tally.sent);
                nextReport += 60;
            }
            return server.state() == QProcess::NotRunning;
        },
        options.duration);
    sampler.stop();
    sample();
    const double cpuUsed = cpuSeconds(pid) - cpuAtStart;
    const double seconds = double(elapsed.elapsed()) / 1000.0;

    for (const auto &writer : writers)
        writer->stop();
    // Answers still on their way are counted before the clients go.
    waitUntil([] { return false; }, 2s);
    SoakClientCounters sum;
    for (const auto &client : clients) {
        sum.events += client->counters().events;
        sum.gaps += client->counters().gaps;
        sum.disconnects += client->counters().disconnects;
        sum.errorFrames += client->counters().errorFrames;
        client->stop();
    }
    waitUntil([] { return false; }, 500ms);
    if (!serverDied)
        stopServer();

    // Memory: the warm-up fills caches and the simulator's kitchen; after it, the RSS must stay flat.
    const double warmupSeconds = double(options.warmup.count());
    const auto afterWarmup = std::find_if(samples.cbegin(), samples.cend(),
                                          [&](const Sample &s) { return s.seconds >= warmupSeconds; });
    const std::vector<Sample> steady(afterWarmup, samples.cend());
    double peak = 0;
    for (const Sample &s : samples)
        peak = std::max(peak, s.rssMb);
    // Averages of a few samples, so that one allocation spike does not decide.
    const std::size_t window = std::max<std::size_t>(1, std::min<std::size_t>(5, steady.size() / 10 + 1));
    const double warm = steady.empty() ? 0 : meanRss(steady.cbegin(), steady.cbegin() + qsizetype(window));
    const double end = steady.empty() ? 0 : meanRss(steady.cend() - qsizetype(window), steady.cend());
    const double growth = end - warm;
    const double slope = slopeMbPerHour(steady);

    std::printf("server RSS: %.1f MB after start, %.1f MB with the clients on, %.1f MB after the %s warm-up, "
                "peak %.1f MB, %.1f MB at the end\n",
                rssAtStart, samples.empty() ? 0 : samples.front().rssMb, warm, qPrintable(describe(options.warmup)),
                peak, end);
    std::printf("  growth after the warm-up %+.1f MB (bound %.0f MB), slope %+.2f MB/h over %zu samples every %s\n",
                growth, options.maxGrowthMb, slope, steady.size(), qPrintable(describe(options.sampleEvery)));
    std::printf("  server CPU %.1f s in %.0f s (%.0f %% of one core)\n", cpuUsed, seconds,
                seconds > 0 ? cpuUsed / seconds * 100 : 0);
    std::printf("events delivered: %lld (%.0f/s over all clients); gaps or repeats %lld; dropped links %d; "
                "error frames %d\n",
                sum.events, seconds > 0 ? double(sum.events) / seconds : 0, sum.gaps, sum.disconnects, sum.errorFrames);
    std::printf("REST writes: %lld sent, %lld 2xx, %lld 409/422 (someone was quicker), %lld 429, %lld 5xx, "
                "%lld failed; %lld snapshot reads\n",
                tally.sent, tally.succeeded, tally.conflicts, tally.rateLimited, tally.serverErrors, tally.failed,
                tally.reads);

    for (const QString &failure : std::as_const(tally.failures))
        std::printf("  failed: %s\n", qPrintable(failure));

    QStringList failures;
    if (serverDied)
        failures << QStringLiteral("the server exited during the soak");
    if (steady.size() < 2)
        failures << QStringLiteral("too few memory samples after the warm-up");
    if (growth > options.maxGrowthMb)
        failures << QStringLiteral("the RSS grew by %1 MB after the warm-up").arg(growth, 0, 'f', 1);
    if (sum.gaps > 0)
        failures << QStringLiteral("clients saw %1 gaps or repeats").arg(sum.gaps);
    if (sum.events == 0)
        failures << QStringLiteral("no events were delivered");
    if (sum.disconnects > 0)
        failures << QStringLiteral("%1 links dropped").arg(sum.disconnects);
    if (tally.serverErrors + tally.failed > 0)
        failures << QStringLiteral("%1 requests failed").arg(tally.serverErrors + tally.failed);
    if (options.writers > 0 && tally.succeeded == 0)
        failures << QStringLiteral("no write succeeded");
    if (!failures.isEmpty()) {
        std::printf("FAILED: %s\n", qPrintable(failures.join(QStringLiteral("; "))));
        QFile log(logFile);
        if (log.open(QIODevice::ReadOnly))
            std::fprintf(stderr, "server log (end):\n%s\n", log.readAll().right(4000).constData());
        return 1;
    }
    std::printf("PASSED\n");
    return 0;
}

} // namespace hearth::bench
