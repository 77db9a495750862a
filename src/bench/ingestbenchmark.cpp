#include "bench/ingestbenchmark.h"

#include "bench/burstfeeder.h"
#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"
#include "realtime/realtimeservice.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableView>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <utility>

namespace hearth::bench {

namespace {

constexpr int ordersPerFour = 4; // a quarter of the events create orders, the rest update them

// Spins the event loop until `done` holds or the deadline passes; returns whether it held.
template<typename Predicate>
bool runUntil(Predicate done, int timeoutMs = 120000)
{
    QEventLoop loop;
    // Checked every millisecond, not on every turn of the loop: a spinning check would take a
    // core from whatever else is measured (the feeder, a Node peer) on a small machine.
    QTimer check;
    check.setTimerType(Qt::PreciseTimer);
    check.setInterval(1);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    check.start();
    deadline.start(timeoutMs);
    loop.exec();
    return done();
}

// A 1 ms heartbeat on the event loop: its longest gap is the longest the GUI thread went without
// turning it (the UI froze). The thread's CPU time in a gap tells its own work from time it
// waited for a core.
class StallMeter
{
public:
    StallMeter()
    {
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(1);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] { tick(); });
    }

    void start() { m_ticker.start(); }
    void stop() { m_ticker.stop(); }
    double longestGapMs() const { return double(m_longestGapNs) / 1e6; }
    // -1 where the system cannot tell a thread's CPU time.
    double longestGapRunningMs() const { return m_longestGapCpuNs >= 0 ? double(m_longestGapCpuNs) / 1e6 : -1; }
    double longestRunMs() const { return m_longestCpuNs >= 0 ? double(m_longestCpuNs) / 1e6 : -1; }
    // The longest gap since the last call.
    double takeWindowGapMs() { return double(std::exchange(m_windowGapNs, 0)) / 1e6; }

private:
    void tick()
    {
        const qint64 now = nowNs();
        const qint64 cpuNow = threadCpuNs();
        if (m_lastTickNs > 0) {
            const qint64 gap = now - m_lastTickNs;
            const qint64 cpu = cpuNow >= 0 ? cpuNow - m_lastTickCpuNs : -1;
            m_windowGapNs = std::max(m_windowGapNs, gap);
            if (gap > m_longestGapNs) {
                m_longestGapNs = gap;
                m_longestGapCpuNs = cpu;
            }
            m_longestCpuNs = std::max(m_longestCpuNs, cpu);
        }
        m_lastTickNs = now;
        m_lastTickCpuNs = cpuNow;
    }

    QTimer m_ticker;
    qint64 m_lastTickNs = 0;
    qint64 m_lastTickCpuNs = 0;
    qint64 m_windowGapNs = 0;
    qint64 m_longestGapNs = 0;
    qint64 m_longestGapCpuNs = -1;
    qint64 m_longestCpuNs = -1;
};

// A bare QWebSocket on the same feed: `parse` false only counts the frames (what any client
// pays before it can look at one), true parses each with QJsonDocument too.
double bareSocketRate(int events, bool parse)
{
    BurstFeeder feeder({events, std::max(1, events / ordersPerFour), 0});
    if (!feeder.start())
        return 0;
    QWebSocket socket;
    int received = 0;
    QObject::connect(&socket, &QWebSocket::connected, &socket, [&socket] {
        socket.sendTextMessage(QStringLiteral("{\"op\":\"subscribe\",\"channel\":\"orders\"}"));
    });
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString &frame) {
        if (!parse) {
            ++received; // the welcome and the subscribed answer too: counted below
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(frame.toUtf8()).object();
        if (object.value(QStringLiteral("op")).toString() == u"event")
            ++received;
    });
    socket.open(feeder.url());
    const int frames = parse ? events : events + 2;
    if (!runUntil([&] { return received >= frames; }))
        return 0;
    return events / (double(nowNs() - feeder.sentAtNs(1)) / 1e9);
}

// The ingest path as the dashboard wires it, minus REST: the stream resumes from seq 0 of the
// feeder's epoch, so no snapshot is needed.
struct IngestPath
{
    RealtimeService realtime;
    OrdersModel model;
    OrdersFilterProxy proxy;

    explicit IngestPath(const QUrl &url)
    {
        proxy.setSourceModel(&model);
        proxy.setOpenOnly(true);
        QObject::connect(&realtime, &RealtimeService::ordersChanged, &model, &OrdersModel::upsert);
        realtime.setEndpoint(url, QStringLiteral("bench-token"));
        realtime.setSyncPosition(QStringLiteral("orders"), SyncPosition{BurstFeeder::epoch(), 0});
        realtime.subscribe(QStringLiteral("orders"));
    }
};

} // namespace

ThroughputResult measureThroughput(int events)
{
    ThroughputResult result;
    result.events = events;
    result.receiveEventsPerSecond = bareSocketRate(events, false);
    result.rawEventsPerSecond = bareSocketRate(events, true);

    BurstFeeder feeder({events, std::max(1, events / ordersPerFour), 0});
    if (!feeder.start())
        return result;
    IngestPath path(feeder.url());
    QObject::connect(&path.model, &QAbstractItemModel::rowsInserted, [&result] { ++result.modelSignals; });
    QObject::connect(&path.model, &QAbstractItemModel::dataChanged, [&result] { ++result.modelSignals; });

    StallMeter stalls;
    const auto last = [&path, events] {
        const Order *order = path.model.orderAt(path.model.rowCount() - 1);
        return path.realtime.syncPosition(QStringLiteral("orders")).seq >= events && order;
    };
    path.realtime.start();
    stalls.start();
    if (!runUntil(last))
        return result;
    stalls.stop();
    result.ingestEventsPerSecond = events / (double(nowNs() - feeder.sentAtNs(1)) / 1e9);
    result.longestStallMs = stalls.longestGapMs();
    return result;
}

LatencyResult measureLatency(int events, int eventsPerSecond)
{
    LatencyResult result;
    result.events = events;
    result.eventsPerSecond = eventsPerSecond;
    // Every event creates an order whose number is its seq, so the model tells which arrived.
    BurstFeeder feeder({events, events, eventsPerSecond});
    if (!feeder.start())
        return result;
    IngestPath path(feeder.url());
    std::vector<double> latenciesMs;
    latenciesMs.reserve(size_t(events));
    // Connected after the model's slot, so this runs once the batch is applied.
    QObject::connect(&path.realtime, &RealtimeService::ordersChanged, [&](const QList<Order> &orders) {
        const qint64 appliedNs = nowNs();
        for (const Order &order : orders)
            latenciesMs.push_back(double(appliedNs - feeder.sentAtNs(order.number)) / 1e6);
    });
    path.realtime.start();
    if (!runUntil([&] { return int(latenciesMs.size()) >= events; }))
        return result;
    std::sort(latenciesMs.begin(), latenciesMs.end());
    const auto at = [&latenciesMs](double share) {
        return latenciesMs[std::min(latenciesMs.size() - 1, size_t(share * double(latenciesMs.size())))];
    };
    result.p50Ms = at(0.50);
    result.p99Ms = at(0.99);
    result.maxMs = latenciesMs.back();
    return result;
}

namespace {

double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

} // namespace

MemoryResult measureMemory(int orders)
{
    MemoryResult result;
    result.orders = orders;
    result.baselineMb = residentMb();
    OrdersModel model;
    OrdersFilterProxy proxy;
    proxy.setSourceModel(&model);
    QList<Order> batch;
    batch.reserve(1000);
    for (int number = 1; number <= orders; ++number) {
        Order order;
        order.id = QStringLiteral("mem-%1").arg(number);
        order.number = number;
        order.customerName = QStringLiteral("Guest %1").arg(number);
        order.items = {OrderItem{QStringLiteral("Margherita"), 2, 1150}, OrderItem{QStringLiteral("Lemonade"), 1, 350}};
        order.totalCents = 2650;
        order.createdAt = QDateTime(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC).addSecs(number);
        order.updatedAt = order.createdAt;
        batch.append(std::move(order));
        if (batch.size() == 1000) {
            model.upsert(batch);
            batch.clear();
        }
    }
    model.upsert(batch);
    result.withOrdersMb = residentMb();
    return result;
}

BurstResult measureBurstWithView(int events, int orders)
{
    BurstResult result;
    result.events = events;
    result.orders = orders;
    BurstFeeder feeder({events, orders, 0});
    if (!feeder.start())
        return result;
    IngestPath path(feeder.url());
    path.proxy.sort(OrdersModel::StatusColumn); // as the dashboard's orders page
    QTableView view;
    view.setModel(&path.proxy);
    view.resize(1280, 800);
    view.show();

    struct PaintCounter final : QObject
    {
        int paints = 0;
        bool eventFilter(QObject *, QEvent *event) override
        {
            paints += event->type() == QEvent::Paint ? 1 : 0;
            return false;
        }
    } counter;
    view.viewport()->installEventFilter(&counter);

    StallMeter stalls;
    const auto applied = [&path] { return path.realtime.syncPosition(QStringLiteral("orders")).seq; };
    qint64 startNs = 0;
    qint64 lastSampleNs = 0;
    qint64 lastSampleSeq = 0;
    QTimer sampler;
    sampler.setInterval(100);
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        const qint64 now = nowNs();
        const qint64 seq = applied();
        if (startNs == 0 && seq > 0)
            startNs = feeder.sentAtNs(1);
        if (startNs > 0) {
            result.samples.append({double(now - startNs) / 1e6,
                                   double(seq - lastSampleSeq) / (double(now - lastSampleNs) / 1e9),
                                   stalls.takeWindowGapMs()});
        } else {
            stalls.takeWindowGapMs();
        }
        lastSampleNs = now;
        lastSampleSeq = seq;
    });

    int paintsAtEnd = -1;
    const auto done = [&] {
        if (applied() < events)
            return false;
        if (paintsAtEnd < 0) {
            // Then one more paint, so the time includes showing the final rows.
            paintsAtEnd = counter.paints;
            view.viewport()->update();
        }
        return counter.paints > paintsAtEnd;
    };
    path.realtime.start();
    stalls.start();
    sampler.start();
    lastSampleNs = nowNs();
    const bool finished = runUntil(done, 300000);
    const qint64 endNs = nowNs();
    stalls.stop();
    sampler.stop();
    result.complete = finished && path.model.rowCount() == orders;
    result.paints = counter.paints;
    result.linkDrops = path.realtime.stats().inboundOverflows;
    result.eventsPerSecond = applied() / (double(endNs - feeder.sentAtNs(1)) / 1e9);
    result.longestStallMs = stalls.longestGapMs();
    result.longestStallRunningMs = stalls.longestGapRunningMs();
    result.longestRunMs = stalls.longestRunMs();
    return result;
}

ResyncResult measureResync(int events, int ordersBefore)
{
    ResyncResult result;
    result.events = events;
    result.ordersBefore = ordersBefore;
    const int touched = std::max(1, events / ordersPerFour);
    BurstFeeder feeder({events, touched, 0});
    if (!feeder.start())
        return result;
    IngestPath path(feeder.url());
    QList<Order> before;
    for (int number = 1; number <= ordersBefore; ++number) {
        Order order;
        order.id = QStringLiteral("kept-%1").arg(number);
        order.number = 1000000 + number;
        order.customerName = QStringLiteral("Guest %1").arg(number);
        order.items = {OrderItem{QStringLiteral("Margherita"), 2, 1150}};
        order.totalCents = 2300;
        order.createdAt = QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC).addSecs(number % 3600);
        order.updatedAt = order.createdAt;
        before.append(std::move(order));
    }
    path.model.replaceAll(before);
    const qint64 startNs = nowNs();
    path.realtime.start();
    if (!runUntil([&] { return path.realtime.syncPosition(QStringLiteral("orders")).seq >= events; }, 60000))
        return result;
    result.milliseconds = double(nowNs() - startNs) / 1e6;
    // Exact: the kept orders untouched, every replayed order at its last version.
    bool exact = path.model.rowCount() == ordersBefore + touched;
    for (int number = 1; exact && number <= touched; ++number) {
        const Order *order = path.model.orderById(QStringLiteral("bench-%1").arg(number));
        const int expectedVersion = (events - number) / touched + 1;
        exact = order && order->version == expectedVersion
            && order->status == (expectedVersion == 1 ? OrderStatus::New : OrderStatus::Preparing);
    }
    for (int number = 1; exact && number <= ordersBefore; ++number)
        exact = path.model.orderById(QStringLiteral("kept-%1").arg(number)) != nullptr;
    result.exact = exact;
    return result;
}

} // namespace hearth::bench
