#pragma once

// An in-process Rails Action Cable server (PROTOCOLS.md §2) for the tests, behaving as
// ActionCable::Connection::Base and ActionCable::Connection::Subscriptions do: subprotocol
// negotiation, `connect` refusing a bad token with a disconnect frame, welcome, a ping every
// interval, subscriptions keyed by the exact identifier string with a duplicate subscribe ignored
// silently and no reply to unsubscribe, reject_subscription for channels it does not serve or
// that reject the subscriber, broadcasts to matching streams, disconnect frames, and JSON with
// <, > and & escaped as Rails' encoder writes them.
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <chrono>
#include <memory>

class FakeCableServer final : public QObject
{
    Q_OBJECT

public:
    struct Command
    {
        int connection = 0;
        QString command;    // "subscribe", "unsubscribe", "message"
        QString identifier; // exactly as sent
    };

    explicit FakeCableServer(QObject *parent = nullptr);
    ~FakeCableServer() override;
    Q_DISABLE_COPY_MOVE(FakeCableServer)

    // The subprotocols this server speaks, in its order of preference; set before listen().
    void setSupportedSubprotocols(const QStringList &protocols);
    bool listen(quint16 port = 0);
    void close(); // stops listening and drops every connection (a server going away)
    QUrl url() const;
    quint16 port() const { return m_server.serverPort(); }

    // Behaviour.
    std::chrono::milliseconds pingInterval{3000};
    bool pinging = true;                              // false: the server's pinger has died
    QString validToken = QStringLiteral("tok");       // ApplicationCable::Connection#connect
    QSet<QString> channelClasses{QStringLiteral("OrderChannel"), QStringLiteral("InventoryChannel")};
    QSet<QString> rejectingClasses;                   // their #subscribed calls reject

    // Observation.
    int connectionCount() const { return int(m_connections.size()); }
    int openConnectionCount() const;
    QList<Command> commands;
    int commandCount(const QString &command, const QString &channelClass, int connection = 0) const;
    QStringList tokens;      // the ?token= of each handshake
    QList<QByteArray> origins;
    QList<QUrl> requestUrls; // each handshake's address, query included
    QStringList negotiated;  // the subprotocol each connection ended up with
    QElapsedTimer sinceLastFrame; // restarted at every frame sent
    int subscriptionCount() const; // on the current connection

    // What the Rails app does.
    // ActionCable.server.broadcast to every subscription whose identifier names this channel
    // class and restaurant; returns how many subscriptions it reached.
    int broadcast(const QString &channelClass, const QString &restaurantId, const QJsonObject &message);
    void sendToCurrent(const QJsonObject &frame);
    void sendRawToCurrent(const QString &text);
    // Connection#close(reason:, reconnect:): the frame, then the socket closes.
    void disconnectCurrent(const QString &reason, bool reconnect);
    void abortCurrent(); // the TCP connection dies without a close frame

signals:
    void clientConnected(int connection);
    void commandReceived(const FakeCableServer::Command &command);

private:
    struct Connection
    {
        QPointer<QWebSocket> socket;
        std::unique_ptr<QTimer> pinger;
        QHash<QString, QJsonObject> subscriptions; // exact identifier → parsed
    };

    void onNewConnection();
    void onText(int connection, const QString &text);
    void transmit(QWebSocket *socket, const QJsonObject &frame);
    Connection *current();

    QWebSocketServer m_server;
    QList<std::shared_ptr<Connection>> m_connections;
};
