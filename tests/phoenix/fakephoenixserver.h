#pragma once

// An in-process Phoenix server (PROTOCOLS.md §3) for the tests, behaving as Phoenix.Socket with
// the v2 JSON serializer and Supabase Realtime's channels on top: phx_join answered by a
// phx_reply keyed by the join's ref (ok, or error with a reason), a second join of a topic
// closing the first (phx_close under the old join_ref), heartbeats on topic "phoenix" answered,
// phx_leave answered then closed, broadcasts with null refs, channel crashes (phx_error), and
// postgres_changes payloads shaped as Supabase sends them.
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

class FakePhoenixServer final : public QObject
{
    Q_OBJECT

public:
    struct Join
    {
        int connection = 0;
        QString topic;
        QString joinRef;
        QJsonObject payload;
    };

    explicit FakePhoenixServer(QObject *parent = nullptr);
    ~FakePhoenixServer() override;
    Q_DISABLE_COPY_MOVE(FakePhoenixServer)

    bool listen();
    QUrl url() const; // Supabase's path and query, on 127.0.0.1

    // Behaviour.
    bool answerHeartbeats = true;
    QHash<QString, QString> refusedTopics; // topic → the reason of the join's error reply
    int joinsToIgnore = 0;                 // the next joins get no reply (a server under load)

    // Observation.
    int connectionCount() const { return int(m_connections.size()); }
    QList<Join> joins;
    int joinCount(const QString &topic, int connection = 0) const; // connection 0: any
    int heartbeats = 0;
    struct Push
    {
        QString topic;
        QString event;
        QJsonObject payload;
    };
    QList<Push> pushes; // other events a client pushed to a joined topic (access_token, …)
    int leaves = 0;
    QString currentJoinRef(const QString &topic) const; // on the current connection

    // What Postgres and the server do. Each returns how many joined channels it reached.
    int change(const QString &topic, const QString &table, const QString &type,
               const QJsonObject &record, const QJsonObject &oldRecord = {});
    // The same, tagged with a join_ref of no current join (a frame from an earlier join).
    void changeWithJoinRef(const QString &joinRef, const QString &topic, const QString &type,
                           const QJsonObject &record);
    void crashChannel(const QString &topic); // phx_error; the server forgets the join
    void sendRawToCurrent(const QString &text);
    void abortCurrent(); // the TCP connection dies without a close frame

signals:
    void joined(const FakePhoenixServer::Join &join);

private:
    struct Connection
    {
        QPointer<QWebSocket> socket;
        QHash<QString, QString> joins; // topic → join_ref
    };

    void onNewConnection();
    void onText(int connection, const QString &text);
    Connection *current();
    static void send(QWebSocket *socket, const QJsonValue &joinRef, const QJsonValue &ref,
                     const QString &topic, const QString &event, const QJsonObject &payload);

    QWebSocketServer m_server;
    QList<std::shared_ptr<Connection>> m_connections;
};
