#pragma once

// The Hearth REST API, one typed call per endpoint. Every answer is validated before it reaches
// the caller; every failure arrives as an ApiError a manager can read. No retries here: retry
// policy belongs to the callers (sync layer), who know whether a call is worth repeating.
#include "api/apitypes.h"
#include "core/jsonreader.h"
#include "profile/backendprofile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QJsonDocument;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
QT_END_NAMESPACE

namespace hearth {

class FieldMapper;

class RestClient final : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(const ApiResult<T> &)>;
    // Backends without the Hearth API may list orders differently for a snapshot and a poll.
    enum class ListPurpose { Snapshot, Poll };

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
    // Talks to the backend a profile describes: its REST base URL (setBaseUrl() may still change
    // it), how the token travels, fixed headers, and for a backend without the Hearth API the
    // lists orders are loaded from and how their fields map. Such a backend has no watermarks
    // (snapshots come with an empty position) and no order actions (they fail at once, with a
    // message that says so). Without a profile the Hearth API is spoken.
    void setBackendProfile(const BackendProfile &profile);
    bool speaksHearthApi() const { return !m_lists; }

    // `context` bounds the callback's lifetime like QObject::connect's context argument: once it
    // is destroyed the callback is not called and the request is aborted. The callback always
    // runs later from the event loop, never inside the call.
    void login(const QString &username, const QString &password, QObject *context,
               Callback<Session> done);
    // A snapshot, or with sinceSeq the orders changed after that seq of the orders channel.
    // A backend without the Hearth API ignores sinceSeq and answers its whole list (the poll
    // list for ListPurpose::Poll, where its profile has one).
    void fetchOrders(std::optional<qint64> sinceSeq, QObject *context,
                     Callback<OrdersSnapshot> done, ListPurpose purpose = ListPurpose::Snapshot);
    void acknowledgeOrder(const QString &orderId, QObject *context, Callback<Order> done);
    void setOrderStatus(const QString &orderId, OrderStatus status, QObject *context,
                        Callback<Order> done);
    void checkHealth(QObject *context, Callback<QString> done); // the server's epoch
    // GET /api/stats (managers): connections, subscriptions, events sent, the channels' logs.
    void fetchServerStats(QObject *context, Callback<QJsonObject> done);

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
    using BodyDecoder = std::function<Decoded<T>(const QJsonDocument &)>;
    // The lists of a backend without the Hearth API, from its profile.
    struct ForeignLists
    {
        BackendProfile profile;
        std::shared_ptr<const FieldMapper> mapper;
    };

    template<typename T>
    void send(const Request &request, QObject *context, Callback<T> done, BodyDecoder<T> decode);
    template<typename T>
    void fail(const Request &request, QObject *context, Callback<T> done, const ApiError &error);
    void fetchForeignOrders(ListPurpose purpose, QObject *context, Callback<OrdersSnapshot> done);
    QNetworkRequest networkRequest(const Request &request) const;
    QNetworkReply *dispatch(const Request &request);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_token;
    TokenTransport m_auth;                              // Bearer header unless a profile says
    QList<std::pair<QByteArray, QByteArray>> m_headers; // fixed, from a profile
    std::shared_ptr<const ForeignLists> m_lists;        // set for a backend without the Hearth API
    std::chrono::milliseconds m_timeout{10000};
};

} // namespace hearth
