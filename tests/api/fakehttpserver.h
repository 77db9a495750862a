#pragma once

// A tiny HTTP/1.1 responder on 127.0.0.1 for RestClient tests: records each request and answers
// with whatever the test's handler returns (or never answers, to provoke a timeout).
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class FakeHttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;  // as sent, percent-encoding intact
        QByteArray query; // without the '?'
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;

        QJsonObject json() const;
    };

    struct Response
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool neverAnswer = false;

        static Response json(int status, const QByteArray &body) { return {status, body, {}, false}; }
        static Response silence() { return {0, {}, {}, true}; }
    };

    explicit FakeHttpServer(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(FakeHttpServer)

    bool listen();
    QUrl url() const;
    // Answers request number `index` (in `requests`) now; for a handler that returned
    // Response::silence() and a test that decides later. False when that connection is gone.
    bool answer(qsizetype index, const Response &response);

    std::function<Response(const Request &)> handler;
    QList<Request> requests;

signals:
    void requestReceived();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    static void write(QTcpSocket *socket, const Response &response);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_requestSockets; // parallel to `requests`
};
