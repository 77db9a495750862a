#include "fakecableserver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

// ActiveSupport's JSON encoder escapes these for safe embedding in HTML.
QString railsJson(const QJsonObject &object)
{
    QString text = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    text.replace(u'<', u"\\u003c"_s);
    text.replace(u'>', u"\\u003e"_s);
    text.replace(u'&', u"\\u0026"_s);
    return text;
}

} // namespace

FakeCableServer::FakeCableServer(QObject *parent)
    : QObject(parent), m_server(u"fake-rails"_s, QWebSocketServer::NonSecureMode)
{
    m_server.setSupportedSubprotocols({u"actioncable-v1-json"_s, u"actioncable-unsupported"_s});
    connect(&m_server, &QWebSocketServer::newConnection, this, &FakeCableServer::onNewConnection);
}

FakeCableServer::~FakeCableServer()
{
    close();
}

void FakeCableServer::setSupportedSubprotocols(const QStringList &protocols)
{
    m_server.setSupportedSubprotocols(protocols);
}

bool FakeCableServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void FakeCableServer::close()
{
    m_server.close();
    for (const std::shared_ptr<Connection> &connection : std::as_const(m_connections)) {
        connection->pinger.reset();
        if (connection->socket) {
            connection->socket->disconnect(this);
            connection->socket->abort();
        }
    }
}

QUrl FakeCableServer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1/cable"_s.arg(m_server.serverPort()));
}

int FakeCableServer::openConnectionCount() const
{
    int open = 0;
    for (const std::shared_ptr<Connection> &connection : m_connections)
        open += connection->socket && connection->socket->state() == QAbstractSocket::ConnectedState;
    return open;
}

int FakeCableServer::commandCount(const QString &command, const QString &channelClass, int connection) const
{
    int count = 0;
    for (const Command &entry : commands) {
        const QString channel =
            QJsonDocument::fromJson(entry.identifier.toUtf8()).object().value("channel"_L1).toString();
        if (entry.command == command && channel == channelClass
            && (connection == 0 || entry.connection == connection))
            ++count;
    }
    return count;
}

int FakeCableServer::subscriptionCount() const
{
    return m_connections.isEmpty() ? 0 : int(m_connections.constLast()->subscriptions.size());
}

FakeCableServer::Connection *FakeCableServer::current()
{
    return m_connections.isEmpty() ? nullptr : m_connections.constLast().get();
}

void FakeCableServer::transmit(QWebSocket *socket, const QJsonObject &frame)
{
    if (socket && socket->state() == QAbstractSocket::ConnectedState) {
        socket->sendTextMessage(railsJson(frame));
        sinceLastFrame.start();
    }
}

void FakeCableServer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        auto connection = std::make_shared<Connection>();
        connection->socket = socket;
        m_connections.append(connection);
        const int index = int(m_connections.size());
        const QString token = QUrlQuery(socket->requestUrl()).queryItemValue(u"token"_s, QUrl::FullyDecoded);
        tokens.append(token);
        origins.append(socket->request().rawHeader("Origin"));
        requestUrls.append(socket->requestUrl());
        negotiated.append(socket->subprotocol());
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, index](const QString &text) { onText(index, text); });
        emit clientConnected(index);

        // ActionCable::Connection::Base#handle_open: connect, then welcome, then the heartbeat.
        if (token != validToken) {
            transmit(socket, {{u"type"_s, u"disconnect"_s}, {u"reason"_s, u"unauthorized"_s},
                              {u"reconnect"_s, false}});
            socket->close();
            continue;
        }
        transmit(socket, {{u"type"_s, u"welcome"_s}});
        connection->pinger = std::make_unique<QTimer>();
        connection->pinger->start(pingInterval);
        QObject::connect(connection->pinger.get(), &QTimer::timeout, socket, [this, socket] {
            if (!pinging)
                return;
            transmit(socket, {{u"type"_s, u"ping"_s}, {u"message"_s, QDateTime::currentSecsSinceEpoch()}});
        });
    }
}

void FakeCableServer::onText(int index, const QString &text)
{
    Connection &connection = *m_connections.at(index - 1);
    const QJsonObject data = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString command = data.value("command"_L1).toString();
    const QString identifier = data.value("identifier"_L1).toString();
    Command received{index, command, identifier};
    commands.append(received);
    emit commandReceived(received);

    if (command == "subscribe"_L1) {
        // Subscriptions#add: keyed by the identifier string exactly as sent; a second subscribe
        // with the same string is logged on the server and otherwise ignored.
        if (connection.subscriptions.contains(identifier))
            return;
        const QJsonObject parsed = QJsonDocument::fromJson(identifier.toUtf8()).object();
        const QString channelClass = parsed.value("channel"_L1).toString();
        const QString type = !channelClasses.contains(channelClass) || rejectingClasses.contains(channelClass)
            ? u"reject_subscription"_s
            : u"confirm_subscription"_s;
        if (type == "confirm_subscription"_L1)
            connection.subscriptions.insert(identifier, parsed);
        transmit(connection.socket, {{u"identifier"_s, identifier}, {u"type"_s, type}});
        return;
    }
    if (command == "unsubscribe"_L1) {
        connection.subscriptions.remove(identifier); // no reply, whether it existed or not
        return;
    }
    // "message" commands and anything unreadable: Rails logs and carries on.
}

int FakeCableServer::broadcast(const QString &channelClass, const QString &restaurantId,
                               const QJsonObject &message)
{
    int reached = 0;
    for (const std::shared_ptr<Connection> &connection : std::as_const(m_connections)) {
        if (!connection->socket || connection->socket->state() != QAbstractSocket::ConnectedState)
            continue;
        for (auto it = connection->subscriptions.cbegin(); it != connection->subscriptions.cend(); ++it) {
            if (it->value("channel"_L1).toString() != channelClass
                || it->value("restaurant_id"_L1).toVariant().toString() != restaurantId)
                continue;
            transmit(connection->socket, {{u"identifier"_s, it.key()}, {u"message"_s, message}});
            ++reached;
        }
    }
    return reached;
}

void FakeCableServer::sendToCurrent(const QJsonObject &frame)
{
    if (Connection *connection = current())
        transmit(connection->socket, frame);
}

void FakeCableServer::sendRawToCurrent(const QString &text)
{
    if (Connection *connection = current(); connection && connection->socket)
        connection->socket->sendTextMessage(text);
}

void FakeCableServer::disconnectCurrent(const QString &reason, bool reconnect)
{
    Connection *connection = current();
    if (!connection || !connection->socket)
        return;
    transmit(connection->socket, {{u"type"_s, u"disconnect"_s}, {u"reason"_s, reason},
                                  {u"reconnect"_s, reconnect}});
    connection->pinger.reset();
    connection->socket->close();
}

void FakeCableServer::abortCurrent()
{
    Connection *connection = current();
    if (!connection || !connection->socket)
        return;
    connection->pinger.reset();
    connection->socket->abort();
}
