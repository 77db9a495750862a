#include "bench/ingestbenchmark.h"

#include "bench/burstfeeder.h"
#include "models/ordersfilterproxy.h"
#include "models/ordersmodel.h"
#include "realtime/realtimeservice.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>

namespace hearth::bench {

namespace {

constexpr int ordersPerFour = 4; // a quarter of the events create orders, the rest update them

// Spins the event loop until `done` holds or the deadline passes; returns whether it held.
template<typename Predicate>
bool runUntil(Predicate done, int timeoutMs = 120000)
{
    QEventLoop loop;
    QTimer check;
    check.setInterval(0);
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

double rawParseRate(int events)
{
    BurstFeeder feeder({events, std::max(1, events / ordersPerFour), 0});
    if (!feeder.start())
        return 0;
    QWebSocket socket;
    int parsed = 0;
    qint64 firstNs = 0;
    QObject::connect(&socket, &QWebSocket::connected, &socket, [&socket] {
        socket.sendTextMessage(QStringLiteral("{\"op\":\"subscribe\",\"channel\":\"orders\"}"));
    });
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [&](const QString &frame) {
        const QJsonObject object = QJsonDocument::fromJson(frame.toUtf8()).object();
        if (object.value(QStringLiteral("op")).toString() == u"event") {
            if (parsed == 0)
                firstNs = feeder.sentAtNs(1);
            ++parsed;
        }
    });
    socket.open(feeder.url());
    if (!runUntil([&] { return parsed >= events; }))
        return 0;
    return events / (double(nowNs() - firstNs) / 1e9);
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
    result.rawEventsPerSecond = rawParseRate(events);

    BurstFeeder feeder({events, std::max(1, events / ordersPerFour), 0});
    if (!feeder.start())
        return result;
    IngestPath path(feeder.url());
    QObject::connect(&path.model, &QAbstractItemModel::rowsInserted, [&result] { ++result.modelSignals; });
    QObject::connect(&path.model, &QAbstractItemModel::dataChanged, [&result] { ++result.modelSignals; });

    // A 1 ms heartbeat on the event loop: its longest gap is the longest the UI would freeze.
    qint64 lastTickNs = 0;
    qint64 longestGapNs = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = nowNs();
        if (lastTickNs > 0)
            longestGapNs = std::max(longestGapNs, now - lastTickNs);
        lastTickNs = now;
    });

    const auto last = [&path, events] {
        const Order *order = path.model.orderAt(path.model.rowCount() - 1);
        return path.realtime.syncPosition(QStringLiteral("orders")).seq >= events && order;
    };
    path.realtime.start();
    ticker.start();
    if (!runUntil(last))
        return result;
    ticker.stop();
    result.ingestEventsPerSecond = events / (double(nowNs() - feeder.sentAtNs(1)) / 1e9);
    result.longestStallMs = double(longestGapNs) / 1e6;
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

} // namespace hearth::bench
