#include "bench/burstfeeder.h"

#include "core/ordercodec.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace hearth::bench {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 threadCpuNs()
{
#ifdef Q_OS_UNIX
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
#endif
    return -1;
}

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The bench's orders were created from 2026-11-20T18:00:00Z on, one per second.
constexpr std::time_t firstCreatedAt = 1795197600;

struct Touch
{
    int number = 0;
    int version = 0;
    char created[32] = {};
    char updated[32] = {};
};

void formatTimestamp(std::time_t at, char (&out)[32])
{
    std::tm utc{};
    gmtime_r(&at, &utc);
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S.000Z", &utc);
}

Touch touchOf(int seq, int touched)
{
    Touch touch;
    touch.number = (seq - 1) % touched + 1;
    touch.version = (seq - 1) / touched + 1;
    formatTimestamp(firstCreatedAt + touch.number, touch.created);
    formatTimestamp(firstCreatedAt + touch.number + touch.version, touch.updated);
    return touch;
}

} // namespace

QString eventFrame(int seq, int touched)
{
    const Touch t = touchOf(seq, touched);
    char acknowledged[40] = "null";
    if (t.version > 1) {
        char at[32];
        formatTimestamp(firstCreatedAt + t.number + 1, at);
        std::snprintf(acknowledged, sizeof acknowledged, "\"%s\"", at);
    }
    char frame[1024];
    const int size = std::snprintf(
        frame, sizeof frame,
        "{\"channel\":\"orders\",\"data\":{\"acknowledged_at\":%s,\"created_at\":\"%s\","
        "\"customer_name\":\"Guest %d\",\"id\":\"bench-%d\",\"items\":[{\"name\":\"Margherita\","
        "\"quantity\":2,\"unit_price_cents\":1150},{\"name\":\"Lemonade\",\"quantity\":1,"
        "\"unit_price_cents\":350}],\"notes\":\"\",\"number\":%d,\"status\":\"%s\",\"total_cents\":2650,"
        "\"type\":\"pickup\",\"updated_at\":\"%s\",\"version\":%d},\"op\":\"event\",\"seq\":%d,"
        "\"ts\":\"%s\",\"type\":\"%s\"}",
        acknowledged, t.created, t.number, t.number, t.number, t.version == 1 ? "new" : "preparing",
        t.updated, t.version, seq, t.updated, t.version == 1 ? "order.created" : "order.status_changed");
    return QString::fromLatin1(frame, size);
}

QString actionCableFrame(int seq, int touched)
{
    const Touch t = touchOf(seq, touched);
    char frame[1024];
    const int size = std::snprintf(
        frame, sizeof frame,
        "{\"identifier\":\"{\\\"channel\\\":\\\"OrderChannel\\\",\\\"restaurant_id\\\":\\\"1\\\"}\","
        "\"message\":{\"type\":\"%s\",\"order\":{\"id\":%d,\"order_number\":\"%d\",\"status\":\"%s\","
        "\"order_type\":\"pickup\",\"contact_name\":\"Guest %d\",\"special_instructions\":\"\","
        "\"total\":\"26.50\",\"items\":[{\"name\":\"Margherita\",\"quantity\":2,\"price\":\"11.50\"},"
        "{\"name\":\"Lemonade\",\"quantity\":1,\"price\":\"3.50\"}],\"confirmed_at\":null,"
        "\"created_at\":\"%s\",\"updated_at\":\"%s\"}}}",
        t.version == 1 ? "new_order" : "order_updated", t.number, t.number,
        t.version == 1 ? "pending" : "preparing", t.number, t.created, t.updated);
    return QString::fromLatin1(frame, size);
}

QString phoenixFrame(int seq, int touched)
{
    const Touch t = touchOf(seq, touched);
    char frame[1024];
    const int size = std::snprintf(
        frame, sizeof frame,
        "[\"1\",null,\"realtime:hearth-orders-42\",\"postgres_changes\",{\"data\":{\"columns\":[],"
        "\"commit_timestamp\":\"%s\",\"errors\":null,\"record\":{\"id\":%d,\"restaurant_id\":42,"
        "\"order_number\":\"%d\",\"status\":\"%s\",\"fulfillment\":\"takeaway\","
        "\"customer_name\":\"Guest %d\",\"notes\":null,\"total\":\"26.50\",\"accepted_at\":null,"
        "\"items\":[{\"name\":\"Margherita\",\"quantity\":2,\"unit_price\":11.5},{\"name\":\"Lemonade\","
        "\"quantity\":1,\"unit_price\":3.5}],\"created_at\":\"%s\",\"updated_at\":\"%s\"},"
        "\"schema\":\"public\",\"table\":\"orders\",\"type\":\"%s\"},\"ids\":[37455131]}]",
        t.updated, t.number, t.number, t.version == 1 ? "pending" : "in_kitchen", t.number, t.created,
        t.updated, t.version == 1 ? "INSERT" : "UPDATE");
    return QString::fromLatin1(frame, size);
}

BurstFeeder::BurstFeeder(FeedPlan plan) : m_plan(plan), m_sentAtNs(size_t(plan.events) + 1)
{
    m_thread.setObjectName(QStringLiteral("bench-feeder"));
}

BurstFeeder::~BurstFeeder()
{
    if (m_server)
        QMetaObject::invokeMethod(m_server, [this] {
            delete m_server;
            delete m_listener;
        }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString BurstFeeder::epoch()
{
    return QStringLiteral("bench-epoch");
}

bool BurstFeeder::start()
{
    moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(this, &BurstFeeder::listen, Qt::BlockingQueuedConnection);
    return m_url.isValid();
}

void BurstFeeder::listen()
{
    m_server = new QWebSocketServer(QStringLiteral("hearth-bench"), QWebSocketServer::NonSecureMode);
    // Our own listener, so each socket can turn Nagle's algorithm off before the upgrade: a
    // stream of small frames otherwise waits on delayed ACKs (≈40 ms on Linux).
    m_listener = new QTcpServer;
    if (!m_listener->listen(QHostAddress::LocalHost, 0))
        return;
    m_url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_listener->serverPort()));
    connect(m_listener, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_tcp = socket; // the one subscriber: its write buffer paces the burst
            m_server->handleConnection(socket);
        }
    });
    connect(m_server, &QWebSocketServer::newConnection, this, &BurstFeeder::onNewConnection);
}

void BurstFeeder::onNewConnection()
{
    QWebSocket *socket = m_server->nextPendingConnection();
    socket->setParent(m_server);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &frame) { onTextMessage(socket, frame); });
    socket->sendTextMessage(compact({{QStringLiteral("op"), QStringLiteral("welcome")},
                                     {QStringLiteral("session"), QStringLiteral("bench")},
                                     {QStringLiteral("epoch"), epoch()},
                                     {QStringLiteral("heartbeat_ms"), 60000},
                                     {QStringLiteral("server_time"), toWireTimestamp(QDateTime::currentDateTimeUtc())}}));
}

void BurstFeeder::onTextMessage(QWebSocket *socket, const QString &frame)
{
    const QJsonObject message = QJsonDocument::fromJson(frame.toUtf8()).object();
    if (message.value(QStringLiteral("op")).toString() != u"subscribe")
        return;
    // A client that dropped the link (its inbound queue full) resumes after what it applied, as
    // from hearth-server: the replay continues from there.
    const qint64 since = message.value(QStringLiteral("since")).toObject().value(QStringLiteral("seq")).toInteger();
    m_next = int(std::clamp<qint64>(since, 0, m_plan.events));
    socket->sendTextMessage(compact({{QStringLiteral("op"), QStringLiteral("subscribed")},
                                     {QStringLiteral("channel"), QStringLiteral("orders")},
                                     {QStringLiteral("epoch"), epoch()},
                                     {QStringLiteral("seq"), m_next},
                                     {QStringLiteral("recovered"), true}}));
    sendNext(socket);
}

void BurstFeeder::sendBurst(QWebSocket *socket)
{
    // A few MB ahead of the kernel at most: a million frames queued at once would cost a GB.
    constexpr qint64 aheadBytes = 4 * 1024 * 1024;
    for (; m_next < m_plan.events && (!m_tcp || m_tcp->bytesToWrite() < aheadBytes); ++m_next) {
        const QString frame = eventFrame(m_next + 1, m_plan.ordersTouched);
        m_sentAtNs[size_t(m_next) + 1] = nowNs();
        socket->sendTextMessage(frame);
    }
    socket->flush();
}

void BurstFeeder::sendNext(QWebSocket *socket)
{
    if (m_plan.eventsPerSecond <= 0) {
        sendBurst(socket);
        // Topped up every millisecond: a few MB a millisecond is more than any client takes.
        auto *topUp = new QTimer(socket);
        topUp->setInterval(1);
        connect(topUp, &QTimer::timeout, socket, [this, socket, topUp] {
            if (m_next >= m_plan.events || socket->state() != QAbstractSocket::ConnectedState)
                topUp->stop();
            else
                sendBurst(socket);
        });
        topUp->start();
        return;
    }
    // Paced: one event per tick, so each one's latency is measured on an idle link.
    auto *pacer = new QTimer(socket);
    pacer->setTimerType(Qt::PreciseTimer);
    pacer->setInterval(std::max(1, 1000 / m_plan.eventsPerSecond));
    connect(pacer, &QTimer::timeout, socket, [this, socket, pacer] {
        if (m_next >= m_plan.events) {
            pacer->stop();
            return;
        }
        const QString frame = eventFrame(m_next + 1, m_plan.ordersTouched);
        m_sentAtNs[size_t(m_next) + 1] = nowNs();
        socket->sendTextMessage(frame);
        socket->flush();
        ++m_next;
    });
    pacer->start();
}

} // namespace hearth::bench
