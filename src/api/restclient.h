#pragma once

// The Hearth REST API, one typed call per endpoint. Every answer is validated before it reaches
// the caller; every failure arrives as an ApiError a manager can read. No retries here: retry
// policy belongs to the callers (sync layer), who know whether a call is worth repeating.
#include "api/apitypes.h"
#include "core/jsonreader.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
QT_END_NAMESPACE

namespace hearth {

class RestClient final : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(const ApiResult<T> &)>;

    // The network manager is shared with the rest of the application and not owned.
    explicit RestClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RestClient)

    void setBaseUrl(const QUrl &url); // e.g. https://hearth.example.com or http://127.0.0.1:8080
    QUrl baseUrl() const { return m_baseUrl; }
    // Sent as "Authorization: Bearer" on every call but login and health; never logged.
    // login() does not set it: the caller decides where the new session goes.
    void setToken(const QString &token);
    bool hasToken() const { return !m_token.isEmpty(); }
    void setTimeout(std::chrono::milliseconds timeout); // default 10 s without any data moving
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // `context` bounds the callback's lifetime like QObject::connect's context argument: once it
    // is destroyed the callback is not called and the request is aborted. The callback always
    // runs later from the event loop, never inside the call.
    void login(const QString &username, const QString &password, QObject *context,
               Callback<Session> done);
    // A snapshot, or with sinceSeq the orders changed after that seq of the orders channel.
    void fetchOrders(std::optional<qint64> sinceSeq, QObject *context,
                     Callback<OrdersSnapshot> done);
    void acknowledgeOrder(const QString &orderId, QObject *context, Callback<Order> done);
    void setOrderStatus(const QString &orderId, OrderStatus status, QObject *context,
                        Callback<Order> done);
    void checkHealth(QObject *context, Callback<QString> done); // the server's epoch

signals:
    void unauthorized(); // a request that carried a token got 401: the session is over

private:
    struct Request
    {
        QByteArray verb;
        QString path; // percent-encoded, below the base URL's path
        QUrlQuery query;
        std::optional<QJsonObject> body;
        bool authenticated = true;
        bool isLogin = false;
    };

    template<typename T>
    void send(const Request &request, QObject *context, Callback<T> done,
              Decoded<T> (*decode)(const QJsonObject &));
    QNetworkRequest networkRequest(const Request &request) const;
    QNetworkReply *dispatch(const Request &request);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_token;
    std::chrono::milliseconds m_timeout{10000};
};

} // namespace hearth
