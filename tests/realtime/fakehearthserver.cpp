#include "fakehearthserver.h"

#include "core/order.h"
#include "core/ordercodec.h"
#include "realtime/hearthprotocol.h"

#include <QTimer>

using namespace hearth;
using namespace Qt::StringLiterals;

FakeHearthServer::FakeHearthServer(QObject *parent)
    : QObject(parent), m_server(u"fake-hearth"_s, QWebSocketServer::NonSecureMode)
{
    connect(&m_server, &QWebSocketServer::newConnection, this, &FakeHearthServer::onNewConnection);
}

FakeHearthServer::~FakeHearthServer()
{
    for (const QPointer<QWebSocket> &socket : std::as_const(m_sockets)) {
        if (socket) {
            socket->disconnect(this);
            socket->abort();
        }
    }
}

bool FakeHearthServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QUrl FakeHearthServer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(m_server.serverPort()));
}

QWebSocket *FakeHearthServer::current() const
{
    return m_sockets.isEmpty() ? nullptr : m_sockets.constLast().data();
}

QList<SubscribeRequest> FakeHearthServer::subscribes() const
{
    QList<SubscribeRequest> result;
    for (const Received &entry : received) {
        if (const auto *request = std::get_if<SubscribeRequest>(&entry.message))
            result.append(*request);
    }
    return result;
}

int FakeHearthServer::unsubscribeCount(const QString &channel) const
{
    int count = 0;
    for (const Received &entry : received) {
        if (const auto *request = std::get_if<UnsubscribeRequest>(&entry.message))
            count += request->channel == channel ? 1 : 0;
    }
    return count;
}

void FakeHearthServer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_sockets.append(socket);
        m_subscribed.clear();
        m_held.clear();
        const int connection = int(m_sockets.size());
        authorizations.append(socket->request().rawHeader("Authorization"));
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, connection](const QString &text) { onText(connection, text); });
        emit clientConnected(connection);

        if (rejectAsUnauthorized) {
            send(ServerError{u"unauthorized"_s, u"token expired"_s, false, {}});
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"unauthorized"_s);
            continue;
        }
        send(WelcomeMessage{u"session-%1"_s.arg(connection), epoch,
                            std::chrono::milliseconds(heartbeatMs),
                            QDateTime::currentDateTimeUtc()});
        if (closeAfterWelcomeMs) {
            QTimer::singleShot(*closeAfterWelcomeMs, socket, [socket] {
                socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"test"_s);
            });
        }
    }
}

void FakeHearthServer::onText(int connection, const QString &text)
{
    const Decoded<ClientMessage> decoded = HearthProtocol::decodeClientFrame(text.toUtf8());
    if (!decoded.ok()) {
        qWarning("fake server: bad client frame: %s", qPrintable(decoded.errorString()));
        return;
    }
    received.append({connection, *decoded.value});
    if (connection == connectionCount()) {
        if (const auto *subscribe = std::get_if<SubscribeRequest>(&*decoded.value))
            answerSubscribe(connection, *subscribe);
        if (const auto *unsubscribe = std::get_if<UnsubscribeRequest>(&*decoded.value)) {
            m_subscribed.remove(unsubscribe->channel);
            send(UnsubscribedMessage{unsubscribe->channel});
        }
    }
    emit messageReceived(connection);
}

void FakeHearthServer::answerHeld()
{
    const bool hold = std::exchange(holdSubscribes, false);
    const QList<SubscribeRequest> held = std::exchange(m_held, {});
    for (const SubscribeRequest &request : held)
        answerSubscribe(connectionCount(), request);
    holdSubscribes = hold;
}

void FakeHearthServer::answerSubscribe(int connection, const SubscribeRequest &request)
{
    Q_UNUSED(connection);
    if (holdSubscribes) {
        m_held.append(request);
        return;
    }
    if (rejectedChannels.contains(request.channel)) {
        send(ServerError{u"bad_request"_s, u"unknown channel \"%1\""_s.arg(request.channel), false,
                         request.channel});
        return;
    }
    const qint64 newest = head(request.channel);
    const bool recovered = request.since && request.since->epoch == epoch
        && request.since->seq <= newest;
    send(SubscribedMessage{request.channel, SyncPosition{epoch, newest}, recovered});
    m_subscribed.insert(request.channel);
    if (recovered) {
        const QList<ChannelEvent> &log = m_log[request.channel];
        for (qint64 seq = request.since->seq + 1; seq <= newest; ++seq)
            send(log.at(seq - 1));
    }
}

ChannelEvent FakeHearthServer::publish(const QString &channel, const QString &type,
                                       const QJsonObject &data, bool deliver)
{
    QList<ChannelEvent> &log = m_log[channel];
    ChannelEvent event{channel, log.size() + 1, type, data, QDateTime::currentDateTimeUtc()};
    log.append(event);
    if (deliver && m_subscribed.contains(channel))
        send(event);
    return event;
}

void FakeHearthServer::publishOrders(int count, bool deliver)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < count; ++i) {
        Order order;
        order.number = int(head(u"orders"_s)) + 1;
        order.id = u"order-%1"_s.arg(order.number);
        order.customerName = u"Guest %1"_s.arg(order.number);
        order.items = {OrderItem{u"Margherita"_s, 2, 1150}};
        order.totalCents = 2300;
        order.createdAt = now;
        order.updatedAt = now;
        publish(u"orders"_s, u"order.created"_s, OrderCodec::toJson(order), deliver);
    }
}

ChannelEvent FakeHearthServer::logged(const QString &channel, qint64 seq) const
{
    return m_log.value(channel).value(seq - 1);
}

void FakeHearthServer::send(const ServerMessage &message)
{
    sendText(HearthProtocol::encodeServerMessage(message));
}

void FakeHearthServer::sendText(const QString &text)
{
    if (QWebSocket *socket = current())
        socket->sendTextMessage(text);
}

void FakeHearthServer::sendBinary(const QByteArray &data)
{
    if (QWebSocket *socket = current())
        socket->sendBinaryMessage(data);
}

void FakeHearthServer::closeCurrent(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    m_subscribed.clear();
    if (QWebSocket *socket = current())
        socket->close(code, reason);
}
