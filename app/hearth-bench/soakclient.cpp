#include "soakclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>

namespace hearth::bench {

namespace {

const QString ordersChannel = QStringLiteral("orders");
const QString widgetsChannel = QStringLiteral("widgets");
const QString inventoryChannel = QStringLiteral("inventory");

} // namespace

SoakClient::SoakClient(QUrl webSocketUrl, QByteArray token, QObject *parent)
    : QObject(parent), m_url(std::move(webSocketUrl)), m_token(std::move(token)), m_socket(new QWebSocket)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::connected, this, &SoakClient::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SoakClient::onTextMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &SoakClient::onDisconnected);
}

SoakClient::~SoakClient()
{
    m_running = false;
}

void SoakClient::start()
{
    m_running = true;
    connectSocket();
}

void SoakClient::stop()
{
    m_running = false;
    m_socket->close();
}

qint64 SoakClient::ordersSeq() const
{
    return m_positions.value(ordersChannel).seq;
}

void SoakClient::learn(const QString &channel, const QJsonObject &entity)
{
    QHash<QString, QJsonObject> &known = channel == widgetsChannel ? m_widgets : m_stockLines;
    const QString id = entity.value(QLatin1StringView("id")).toString();
    const auto version = [](const QJsonObject &object) { return object.value(QLatin1StringView("version")).toInteger(); };
    if (!known.contains(id) || version(known.value(id)) < version(entity))
        known.insert(id, entity);
}

void SoakClient::connectSocket()
{
    QNetworkRequest request(m_url);
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_token);
    m_socket->open(request);
}

void SoakClient::onConnected()
{
    m_subscribedChannels = 0;
    for (const QString &channel : {ordersChannel, widgetsChannel, inventoryChannel}) {
        QJsonObject frame{{QStringLiteral("op"), QStringLiteral("subscribe")}, {QStringLiteral("channel"), channel}};
        const Position position = m_positions.value(channel);
        // After a dropped link: resume where this client was, as the dashboard does.
        if (position.seq >= 0) {
            frame.insert(QStringLiteral("since"),
                         QJsonObject{{QStringLiteral("epoch"), position.epoch}, {QStringLiteral("seq"), position.seq}});
        }
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
}

void SoakClient::onTextMessage(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString op = frame.value(QLatin1StringView("op")).toString();
    const QString channel = frame.value(QLatin1StringView("channel")).toString();
    if (op == QLatin1StringView("event")) {
        onEvent(channel, frame.value(QLatin1StringView("seq")).toInteger(), frame.value(QLatin1StringView("data")).toObject());
    } else if (op == QLatin1StringView("subscribed")) {
        Position &position = m_positions[channel];
        const bool recovered = frame.value(QLatin1StringView("recovered")).toBool();
        // A first subscription (or one the server could not resume) starts at the head.
        if (!recovered) {
            position.epoch = frame.value(QLatin1StringView("epoch")).toString();
            position.seq = frame.value(QLatin1StringView("seq")).toInteger();
        }
        if (++m_subscribedChannels == channelCount)
            emit subscribed();
    } else if (op == QLatin1StringView("error")) {
        ++m_counters.errorFrames;
    }
}

void SoakClient::onEvent(const QString &channel, qint64 seq, const QJsonObject &data)
{
    ++m_counters.events;
    Position &position = m_positions[channel];
    if (position.seq >= 0 && seq != position.seq + 1)
        ++m_counters.gaps;
    position.seq = std::max(position.seq, seq);

    const QString id = data.value(QLatin1StringView("id")).toString();
    if (channel == ordersChannel) {
        if (data.value(QLatin1StringView("status")).toString() == QLatin1StringView("new"))
            m_newOrders.insert(id, data.value(QLatin1StringView("version")).toInteger());
        else
            m_newOrders.remove(id);
    } else if (channel == inventoryChannel) {
        if (data.contains(QLatin1StringView("stock")))
            m_stockLines.insert(id, data);
    } else if (channel == widgetsChannel) {
        m_widgets.insert(id, data);
    }
}

void SoakClient::onDisconnected()
{
    if (!m_running)
        return;
    ++m_counters.disconnects;
    QTimer::singleShot(1000, this, [this] {
        if (m_running)
            connectSocket();
    });
}

} // namespace hearth::bench
