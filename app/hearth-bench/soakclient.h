#pragma once

// One back-office PC of the soak: a WebSocket subscribed to the orders, widgets and inventory
// channels, checking that every channel's seqs arrive one by one (a gap or a repeat is a
// failure), and coming back with `since` when the link drops. It also keeps what a writer needs
// to act on: the orders it saw as `new`, the newest version of every stock line and widget.
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

class QWebSocket;

namespace hearth::bench {

struct SoakClientCounters
{
    qint64 events = 0;
    qint64 gaps = 0;        // a seq more than one past the last, or not past it at all
    int disconnects = 0;    // links that dropped while the soak ran
    int errorFrames = 0;    // `error` frames from the server
};

class SoakClient final : public QObject
{
    Q_OBJECT

public:
    SoakClient(QUrl webSocketUrl, QByteArray token, QObject *parent = nullptr);
    ~SoakClient() override;
    SoakClient(const SoakClient &) = delete;
    SoakClient &operator=(const SoakClient &) = delete;

    void start();
    void stop();
    bool isSubscribed() const { return m_subscribedChannels == channelCount; }
    const SoakClientCounters &counters() const { return m_counters; }

    // What a writer sharing this client's eyes acts on (id → version / the whole entity).
    const QHash<QString, qint64> &newOrders() const { return m_newOrders; }
    const QHash<QString, QJsonObject> &stockLines() const { return m_stockLines; }
    const QHash<QString, QJsonObject> &widgets() const { return m_widgets; }
    qint64 ordersSeq() const;
    // A stock line or widget read over REST (a snapshot), kept unless an event already brought a newer one.
    void learn(const QString &channel, const QJsonObject &entity);

signals:
    void subscribed();

private:
    static constexpr int channelCount = 3;
    struct Position
    {
        QString epoch;
        qint64 seq = -1; // -1: not subscribed yet
    };

    void connectSocket();
    void onConnected();
    void onTextMessage(const QString &text);
    void onDisconnected();
    void onEvent(const QString &channel, qint64 seq, const QJsonObject &data);

    QUrl m_url;
    QByteArray m_token;
    QWebSocket *m_socket = nullptr;
    bool m_running = false;
    int m_subscribedChannels = 0;
    QHash<QString, Position> m_positions;
    QHash<QString, qint64> m_newOrders;
    QHash<QString, QJsonObject> m_stockLines;
    QHash<QString, QJsonObject> m_widgets;
    SoakClientCounters m_counters;
};

} // namespace hearth::bench
