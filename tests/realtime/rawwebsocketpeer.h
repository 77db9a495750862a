#pragma once

// A hand-rolled WebSocket endpoint on a QTcpServer, for what QWebSocketServer cannot be made to
// do: refuse the handshake with HTTP 401, never finish the handshake, or accept, say welcome and
// then fall silent without answering pings (a stale link).
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

class RawWebSocketPeer final : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Reject401, NeverAnswer, WelcomeThenSilence };

    explicit RawWebSocketPeer(Mode mode, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RawWebSocketPeer)

    bool listen();
    QUrl url() const;
    int connectionCount() const { return m_connections; }
    QByteArray welcomeFrame; // the text sent after the handshake in WelcomeThenSilence mode

signals:
    void clientConnected();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    Mode m_mode;
    QTcpServer m_server;
    int m_connections = 0;
    QList<QPointer<QTcpSocket>> m_sockets;
};
