#pragma once

// An in-process Hearth protocol server the tests drive frame by frame: it keeps a per-channel
// event log (so subscribe-with-since replays like the real server), records every client frame
// and handshake header, and can misbehave on request.
#include "realtime/servermessage.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QWebSocket>
#include <QWebSocketServer>

#include <optional>

class FakeHearthServer final : public QObject
{
    Q_OBJECT

public:
    struct Received
    {
        int connection = 0;
        hearth::ClientMessage message;
    };

    explicit FakeHearthServer(QObject *parent = nullptr);
    ~FakeHearthServer() override;
    Q_DISABLE_COPY_MOVE(FakeHearthServer)

    bool listen(quint16 port = 0);
    QUrl url() const;

    // Behaviour.
    QString epoch = QStringLiteral("e1");
    int heartbeatMs = 30000;
    bool rejectAsUnauthorized = false;           // error frame + close 1008 instead of welcome
    std::optional<int> closeAfterWelcomeMs;      // drop each connection this long after welcome
    bool holdSubscribes = false;                 // leave subscribes unanswered until answerHeld()
    QSet<QString> rejectedChannels;              // subscribes answered with error bad_request

    // Observation.
    int connectionCount() const { return int(m_sockets.size()); }
    QList<QByteArray> authorizations;            // Authorization header of each handshake
    QList<Received> received;
    QList<hearth::SubscribeRequest> subscribes() const;
    int unsubscribeCount(const QString &channel) const;
    QWebSocket *current() const;

    // The channel log. publish() appends the next seq and delivers it when the current
    // connection is subscribed and `deliver` is set; without delivery it makes a gap.
    hearth::ChannelEvent publish(const QString &channel, const QString &type, const QJsonObject &data,
                                 bool deliver = true);
    void publishOrders(int count, bool deliver = true);
    qint64 head(const QString &channel) const { return m_log.value(channel).size(); }
    // A new database: every log is empty and sequence numbers start over in a new epoch.
    void resetLog(const QString &newEpoch)
    {
        m_log.clear();
        epoch = newEpoch;
    }
    hearth::ChannelEvent logged(const QString &channel, qint64 seq) const;
    // Answers the subscribes held back on the current connection, in order.
    void answerHeld();
    int heldCount() const { return int(m_held.size()); }

    void send(const hearth::ServerMessage &message);
    void sendText(const QString &text);
    void sendBinary(const QByteArray &data);
    void closeCurrent(QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeGoingAway,
                      const QString &reason = {});

signals:
    void clientConnected(int connection);
    void messageReceived(int connection);

private:
    void onNewConnection();
    void onText(int connection, const QString &text);
    void answerSubscribe(int connection, const hearth::SubscribeRequest &request);

    QWebSocketServer m_server;
    QList<QPointer<QWebSocket>> m_sockets;
    QHash<QString, QList<hearth::ChannelEvent>> m_log;
    QSet<QString> m_subscribed; // channels of the current connection
    QList<hearth::SubscribeRequest> m_held;
};
