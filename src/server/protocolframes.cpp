#include "server/protocolframes.h"

#include "core/jsonreader.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hearth::server::Frames {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QString welcome(const QString &session, const QString &epoch, int heartbeatMs, const QDateTime &serverTime)
{
    return compact({{QStringLiteral("op"), QStringLiteral("welcome")},
                    {QStringLiteral("session"), session},
                    {QStringLiteral("epoch"), epoch},
                    {QStringLiteral("heartbeat_ms"), heartbeatMs},
                    {QStringLiteral("server_time"), toWireTimestamp(serverTime)}});
}

QString subscribed(const QString &channel, const QString &epoch, qint64 seq, bool recovered)
{
    return compact({{QStringLiteral("op"), QStringLiteral("subscribed")},
                    {QStringLiteral("channel"), channel},
                    {QStringLiteral("epoch"), epoch},
                    {QStringLiteral("seq"), seq},
                    {QStringLiteral("recovered"), recovered}});
}

QString unsubscribed(const QString &channel)
{
    return compact({{QStringLiteral("op"), QStringLiteral("unsubscribed")}, {QStringLiteral("channel"), channel}});
}

QString event(const StoredEvent &event)
{
    // The envelope goes through QJsonDocument (escaping); the stored data is spliced in before
    // the closing brace, which saves a parse and a write per event during a replay.
    QString frame = compact({{QStringLiteral("op"), QStringLiteral("event")},
                             {QStringLiteral("channel"), event.channel},
                             {QStringLiteral("seq"), event.seq},
                             {QStringLiteral("type"), event.type},
                             {QStringLiteral("ts"), toWireTimestamp(event.ts)}});
    frame.chop(1);
    frame += QStringLiteral(",\"data\":") + QString::fromUtf8(event.data.isEmpty() ? QByteArrayLiteral("{}") : event.data)
        + u'}';
    return frame;
}

QString error(QLatin1StringView code, const QString &message, bool reconnect, const QString &channel)
{
    QJsonObject frame{{QStringLiteral("op"), QStringLiteral("error")},
                      {QStringLiteral("code"), QString(code)},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("reconnect"), reconnect}};
    if (!channel.isEmpty())
        frame.insert(QStringLiteral("channel"), channel);
    return compact(frame);
}

QString reconnect(int afterMs)
{
    return compact({{QStringLiteral("op"), QStringLiteral("reconnect")}, {QStringLiteral("after_ms"), afterMs}});
}

} // namespace hearth::server::Frames
