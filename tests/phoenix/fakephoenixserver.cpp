#include "fakephoenixserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

FakePhoenixServer::FakePhoenixServer(QObject *parent)
    : QObject(parent), m_server(u"fake-phoenix"_s, QWebSocketServer::NonSecureMode)
{
    connect(&m_server, &QWebSocketServer::newConnection, this, &FakePhoenixServer::onNewConnection);
}

FakePhoenixServer::~FakePhoenixServer()
{
    for (const auto &connection : std::as_const(m_connections)) {
        if (connection->socket) {
            connection->socket->disconnect(this);
            connection->socket->abort();
        }
    }
}

bool FakePhoenixServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakePhoenixServer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1/realtime/v1/websocket?apikey=KEY&vsn=2.0.0"_s.arg(m_server.serverPort()));
}

int FakePhoenixServer::joinCount(const QString &topic, int connection) const
{
    int count = 0;
    for (const Join &join : joins)
        count += join.topic == topic && (connection == 0 || join.connection == connection);
    return count;
}

FakePhoenixServer::Connection *FakePhoenixServer::current()
{
    return m_connections.isEmpty() ? nullptr : m_connections.constLast().get();
}

QString FakePhoenixServer::currentJoinRef(const QString &topic) const
{
    return m_connections.isEmpty() ? QString() : m_connections.constLast()->joins.value(topic);
}

void FakePhoenixServer::send(QWebSocket *socket, const QJsonValue &joinRef, const QJsonValue &ref,
                             const QString &topic, const QString &event, const QJsonObject &payload)
{
    if (!socket)
        return;
    const QJsonArray frame{joinRef, ref, topic, event, payload};
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void FakePhoenixServer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        auto connection = std::make_shared<Connection>();
        connection->socket = socket;
        socket->setParent(this);
        m_connections.append(connection);
        const int number = int(m_connections.size());
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, number](const QString &text) { onText(number, text); });
    }
}

void FakePhoenixServer::onText(int number, const QString &text)
{
    Connection &connection = *m_connections.at(number - 1);
    QWebSocket *socket = connection.socket;
    const QJsonArray frame = QJsonDocument::fromJson(text.toUtf8()).array();
    if (frame.size() != 5)
        return; // Phoenix would crash the socket process; the tests never send this
    const QJsonValue joinRef = frame.at(0);
    const QJsonValue ref = frame.at(1);
    const QString topic = frame.at(2).toString();
    const QString event = frame.at(3).toString();
    if (topic == "phoenix"_L1 && event == "heartbeat"_L1) {
        ++heartbeats;
        if (answerHeartbeats)
            send(socket, QJsonValue::Null, ref, topic, u"phx_reply"_s, {{u"status"_s, u"ok"_s}, {u"response"_s, QJsonObject()}});
        return;
    }
    if (event == "phx_join"_L1) {
        const Join join{number, topic, joinRef.toString(), frame.at(4).toObject()};
        joins.append(join);
        if (const QString previous = connection.joins.take(topic); !previous.isEmpty()) {
            // Phoenix.Socket on a duplicate join: the old channel is closed under its join_ref.
            send(socket, previous, previous, topic, u"phx_close"_s, {});
        }
        if (joinsToIgnore > 0) {
            --joinsToIgnore;
            connection.joins.insert(topic, joinRef.toString());
        } else if (refusedTopics.contains(topic)) {
            send(socket, joinRef, ref, topic, u"phx_reply"_s,
                 {{u"status"_s, u"error"_s}, {u"response"_s, QJsonObject{{u"reason"_s, refusedTopics.value(topic)}}}});
        } else {
            connection.joins.insert(topic, joinRef.toString());
            send(socket, joinRef, ref, topic, u"phx_reply"_s,
                 {{u"status"_s, u"ok"_s},
                  {u"response"_s, QJsonObject{{u"postgres_changes"_s, QJsonArray{QJsonObject{{u"id"_s, 37455131}}}}}}});
            send(socket, joinRef, QJsonValue::Null, topic, u"system"_s,
                 {{u"status"_s, u"ok"_s}, {u"extension"_s, u"postgres_changes"_s},
                  {u"message"_s, u"Subscribed to PostgreSQL"_s}});
        }
        emit joined(join);
        return;
    }
    if (event == "phx_leave"_L1) {
        ++leaves;
        connection.joins.remove(topic);
        send(socket, joinRef, ref, topic, u"phx_reply"_s, {{u"status"_s, u"ok"_s}, {u"response"_s, QJsonObject()}});
        send(socket, joinRef, joinRef, topic, u"phx_close"_s, {});
        return;
    }
    // A push to a topic not joined: Phoenix answers with phx_reply error "unmatched topic".
    if (connection.joins.contains(topic)) {
        pushes.append({topic, event, frame.at(4).toObject()}); // Supabase: {:noreply}
        return;
    }
    if (!connection.joins.contains(topic)) {
        send(socket, QJsonValue::Null, ref, topic, u"phx_reply"_s,
             {{u"status"_s, u"error"_s}, {u"response"_s, QJsonObject{{u"reason"_s, u"unmatched topic"_s}}}});
    }
}

namespace {

QJsonObject changePayload(const QString &table, const QString &type, const QJsonObject &record,
                          const QJsonObject &oldRecord)
{
    QJsonObject data{{u"schema"_s, u"public"_s},
                     {u"table"_s, table},
                     {u"commit_timestamp"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                     {u"type"_s, type},
                     {u"columns"_s, QJsonArray()},
                     {u"errors"_s, QJsonValue::Null}};
    if (type != "DELETE"_L1)
        data.insert(u"record"_s, record);
    if (type != "INSERT"_L1)
        data.insert(u"old_record"_s, oldRecord);
    return {{u"data"_s, data}, {u"ids"_s, QJsonArray{37455131}}};
}

} // namespace

int FakePhoenixServer::change(const QString &topic, const QString &table, const QString &type,
                              const QJsonObject &record, const QJsonObject &oldRecord)
{
    int reached = 0;
    for (const auto &connection : std::as_const(m_connections)) {
        const QString joinRef = connection->joins.value(topic);
        if (joinRef.isEmpty() || !connection->socket)
            continue;
        send(connection->socket, joinRef, QJsonValue::Null, topic, u"postgres_changes"_s,
             changePayload(table, type, record, oldRecord));
        ++reached;
    }
    return reached;
}

void FakePhoenixServer::changeWithJoinRef(const QString &joinRef, const QString &topic,
                                          const QString &type, const QJsonObject &record)
{
    if (Connection *connection = current())
        send(connection->socket, joinRef, QJsonValue::Null, topic, u"postgres_changes"_s,
             changePayload(u"orders"_s, type, record, {}));
}

void FakePhoenixServer::crashChannel(const QString &topic)
{
    Connection *connection = current();
    if (!connection)
        return;
    const QString joinRef = connection->joins.take(topic);
    send(connection->socket, joinRef, joinRef, topic, u"phx_error"_s, {});
}

void FakePhoenixServer::sendRawToCurrent(const QString &text)
{
    if (Connection *connection = current(); connection && connection->socket)
        connection->socket->sendTextMessage(text);
}

void FakePhoenixServer::abortCurrent()
{
    if (Connection *connection = current(); connection && connection->socket)
        connection->socket->abort();
}
