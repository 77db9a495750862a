#pragma once

// The Hearth REST API, one typed call per endpoint. Every answer is validated before it reaches
// the caller; every failure arrives as an ApiError a manager can read. No retries here: retry
// policy belongs to the callers (sync layer), who know whether a call is worth repeating.
#include "api/apitypes.h"
#include "core/analytics.h"
#include "core/kitchenstatus.h"
#include "core/jsonreader.h"
#include "profile/backendprofile.h"

#include <QByteArray>
#include <QDateTime>
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
    // The profile of a backend without the Hearth API; null for hearth-server.
    const BackendProfile *foreignProfile() const { return m_lists ? &m_lists->profile : nullptr; }

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
    // Order actions (docs/protocol.md, "Order actions"), each answered with the order after it.
    // `idempotencyKey` (empty: none) makes a retry the same request, applied once; `seenVersion`
    // (If-Match) is the version the screen showed: a stale action that can no longer apply fails
    // with Kind::Conflict and the current order in ApiCodec::conflictCurrentOrder(error).
    struct OrderAction
    {
        QString orderId;
        QString idempotencyKey = {};
        std::optional<qint64> seenVersion = {};
    };
    void acknowledgeOrder(const OrderAction &action, QObject *context, Callback<Order> done);
    void setOrderStatus(const OrderAction &action, OrderStatus status, QObject *context, Callback<Order> done);
    // Undoes the order's last status change (the server allows it for a short while, once).
    void recallOrder(const OrderAction &action, QObject *context, Callback<Order> done);
    // Takes a completed order back to ready.
    void reopenOrder(const OrderAction &action, QObject *context, Callback<Order> done);
    void checkHealth(QObject *context, Callback<QString> done); // the server's epoch
    // POST /api/logout: the server ends the session of the token set now (its sockets close).
    void logout(QObject *context, Callback<QString> done);
    // POST /api/session/refresh: the session lives on (sliding expiry); the new expiry.
    void refreshSession(QObject *context, Callback<QDateTime> done);

    // Widgets (docs/protocol.md, "Widgets"). Backends without the Hearth API can only be read,
    // through their profile's rest.widgets list (fetchWidgets); every other call, and
    // fetchWidgets without such a list, fails at once with ApiError::Kind::Rejected, code
    // "not_supported".
    // The PC's name as its user calls it, sent with every widget write (X-Hearth-Device), so
    // other dashboards can say "changed by Maria on Office PC".
    void setDeviceName(const QString &device);
    // A snapshot (every widget not archived), or with sinceSeq a delta of the widgets touched
    // after that seq of the widgets channel, archived ones included. A backend without the
    // Hearth API ignores sinceSeq and answers its whole list, as fetchOrders does.
    void fetchWidgets(std::optional<qint64> sinceSeq, QObject *context, Callback<WidgetsSnapshot> done,
                      ListPurpose purpose = ListPurpose::Snapshot);
    void fetchWidget(const QString &widgetId, QObject *context, Callback<WidgetConfig> done);
    // Writes carry an Idempotency-Key: the same key again is answered with the first answer
    // and applied once, so a write whose answer was lost is retried with the same key.
    // `settings` may leave keys out: they take the kind's defaults.
    void createWidget(WidgetKind kind, const QString &name, const QJsonObject &settings,
                      const QString &idempotencyKey, QObject *context, Callback<WidgetConfig> done);
    // `body` is {"name"?, "settings": {every setting of the kind}}; sent with If-Match. A stale
    // version fails with Kind::Conflict and the server's widget in
    // ApiCodec::conflictCurrentWidget(error); invalid settings with Kind::Rejected, code
    // "validation_failed" and error.fieldErrors by path ("settings.title").
    void updateWidget(const QString &widgetId, qint64 ifMatchVersion, const QJsonObject &body,
                      const QString &idempotencyKey, QObject *context, Callback<WidgetConfig> done);
    // Archives the widget; the answer is the widget at its new version, archived.
    void deleteWidget(const QString &widgetId, std::optional<qint64> ifMatchVersion,
                      const QString &idempotencyKey, QObject *context, Callback<WidgetConfig> done);
    // GET /api/inventory: a snapshot of stock lines and menu items, or with sinceSeq those
    // changed after that seq of the inventory channel. A backend without the Hearth API answers
    // its profile's rest.inventory list (stock lines, no menu; its poll list with sinceSeq) or,
    // without one, fails with "not_supported".
    void fetchInventory(std::optional<qint64> sinceSeq, QObject *context, Callback<InventorySnapshot> done);
    // PATCH /api/inventory/{id} with absolute numbers ({"stock"?, "damaged"?, "threshold"?}) and
    // If-Match: a stale version fails with Kind::Conflict (ApiCodec::conflictCurrentInventoryItem),
    // a broken rule with Kind::Rejected, code "validation_failed" and error.fieldErrors.
    void adjustInventory(const QString &itemId, qint64 ifMatchVersion, const QJsonObject &body,
                         const QString &idempotencyKey, QObject *context, Callback<InventoryItem> done);
    // PATCH /api/menu/{id} ({"available"?, "days"?}), as adjustInventory.
    void updateMenuItem(const QString &menuItemId, qint64 ifMatchVersion, const QJsonObject &body,
                        const QString &idempotencyKey, QObject *context, Callback<MenuItem> done);
    // GET /api/presence: who has which widget open now.
    void fetchPresence(QObject *context, Callback<PresenceSnapshot> done);
    // GET /api/analytics/summary (managers): the funnel, revenue and series of `query`, with the
    // analytics channel's watermark. Fails with "not_supported" on a backend without the Hearth API.
    void fetchAnalyticsSummary(const AnalyticsQuery &query, QObject *context, Callback<AnalyticsSummary> done);
    // GET /api/kitchen: the kitchen's load and the ordering widgets' kitchen-load state.
    void fetchKitchen(QObject *context, Callback<KitchenStatus> done);
    // PUT /api/kitchen/widgets/{id} (managers): {"busy_at"?, "pause_at"?, "base_minutes"?, "override"?}.
    void configureKitchen(const QString &widgetId, const QJsonObject &body, QObject *context,
                          Callback<KitchenWidgetControl> done);
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
        QList<std::pair<QByteArray, QByteArray>> headers = {}; // per request: If-Match, keys
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
    // GET one list of a backend without the Hearth API, mapped by `decodeList`
    // (ForeignLists::decodeOrders/decodeWidgets); skipped elements are logged.
    template<typename Snapshot, typename Listing>
    void fetchForeignList(const ListEndpoint &endpoint, QLatin1StringView noun, QObject *context,
                          Callback<Snapshot> done,
                          Decoded<Listing> (*decodeList)(const QJsonDocument &, const QString &,
                                                         const FieldMapper &));
    QNetworkRequest networkRequest(const Request &request) const;
    QList<std::pair<QByteArray, QByteArray>> writeHeaders(const QString &idempotencyKey,
                                                          std::optional<qint64> ifMatch) const;
    void sendOrderAction(Request request, const OrderAction &action, QObject *context, Callback<Order> done);
    // A backend without the Hearth API has no widgets or presence: fails the call (later, like
    // every answer) and returns true.
    bool refuseWithoutHearthApi(const Request &request, QObject *context,
                                const std::function<void(const ApiError &)> &fail) const;
    QNetworkReply *dispatch(const Request &request);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_token;
    TokenTransport m_auth;                              // Bearer header unless a profile says
    QList<std::pair<QByteArray, QByteArray>> m_headers; // fixed, from a profile
    std::shared_ptr<const ForeignLists> m_lists;        // set for a backend without the Hearth API
    std::chrono::milliseconds m_timeout{10000};
    QByteArray m_device; // X-Hearth-Device, UTF-8
};

} // namespace hearth
