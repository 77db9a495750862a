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

namespace hearth::bench {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Event `seq` touches order number ((seq - 1) % touched) + 1; its version counts its touches.
QString eventFrame(int seq, int touched)
{
    const int number = (seq - 1) % touched + 1;
    const int version = (seq - 1) / touched + 1;
    const QDateTime created = QDateTime(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC).addSecs(number);
    Order order;
    order.id = QStringLiteral("bench-%1").arg(number);
    order.number = number;
    order.status = version == 1 ? OrderStatus::New : OrderStatus::Preparing;
    order.customerName = QStringLiteral("Guest %1").arg(number);
    order.items = {OrderItem{QStringLiteral("Margherita"), 2, 1150}, OrderItem{QStringLiteral("Lemonade"), 1, 350}};
    order.totalCents = 2650;
    order.createdAt = created;
    order.updatedAt = created.addSecs(version);
    if (version > 1)
        order.acknowledgedAt = created.addSecs(1);
    order.version = version;
    return compact({{QStringLiteral("op"), QStringLiteral("event")},
                    {QStringLiteral("channel"), QStringLiteral("orders")},
                    {QStringLiteral("seq"), seq},
                    {QStringLiteral("type"), version == 1 ? QStringLiteral("order.created") : QStringLiteral("order.status_changed")},
                    {QStringLiteral("data"), OrderCodec::toJson(order)},
                    {QStringLiteral("ts"), toWireTimestamp(order.updatedAt)}});
}

} // namespace

BurstFeeder::BurstFeeder(FeedPlan plan) : m_plan(plan), m_sentAtNs(size_t(plan.events) + 1)
{
    m_frames.reserve(size_t(plan.events));
    for (int seq = 1; seq <= plan.events; ++seq)
        m_frames.push_back(eventFrame(seq, plan.ordersTouched));
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
            m_server->handleConnection(socket);
        }
    });
    connect(m_server, &QWebSocketServer::newConnection, this, &BurstFeeder::onNewConnection);
}

void BurstFeeder::onNewConnection()
{
    QWebSocket *socket = m_server->nextPendingConnection();
    socket->setParent(m_server);
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
    socket->sendTextMessage(compact({{QStringLiteral("op"), QStringLiteral("subscribed")},
                                     {QStringLiteral("channel"), QStringLiteral("orders")},
                                     {QStringLiteral("epoch"), epoch()},
                                     {QStringLiteral("seq"), 0},
                                     {QStringLiteral("recovered"), true}}));
    m_next = 0;
    sendNext(socket);
}

void BurstFeeder::sendNext(QWebSocket *socket)
{
    if (m_plan.eventsPerSecond <= 0) {
        for (; m_next < m_plan.events; ++m_next) {
            m_sentAtNs[size_t(m_next) + 1] = nowNs();
            socket->sendTextMessage(m_frames[size_t(m_next)]);
        }
        socket->flush();
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
        m_sentAtNs[size_t(m_next) + 1] = nowNs();
        socket->sendTextMessage(m_frames[size_t(m_next)]);
        socket->flush();
        ++m_next;
    });
    pacer->start();
}

} // namespace hearth::bench
