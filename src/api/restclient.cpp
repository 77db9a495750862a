#include "api/restclient.h"

#include "api/apicodec.h"
#include "api/apierrors.h"
#include "api/foreignlists.h"
#include "core/analyticscodec.h"
#include "core/logging.h"
#include "profile/fieldmapper.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace hearth {

namespace {

using namespace Qt::StringLiterals;

struct ReplyOutcome
{
    std::optional<QJsonDocument> body; // set for a 2xx with a JSON body
    ApiError error;
};

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

ReplyOutcome readReply(QNetworkReply *reply, const ApiErrors::Call &call)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A transport failure, or one after a 2xx header (a timeout mid-body): the body is unusable.
    if (status == 0 || (isSuccess(status) && reply->error() != QNetworkReply::NoError))
        return {std::nullopt, ApiErrors::fromNetworkError(reply->error(), reply->errorString(), call)};
    const QByteArray body = reply->readAll();
    if (!isSuccess(status)) {
        ApiCodec::ServerErrorBody errorBody = ApiCodec::decodeErrorBody(body);
        ApiError error = ApiErrors::fromHttpStatus(status, errorBody, reply->rawHeader("Retry-After"), call);
        error.fieldErrors = std::move(errorBody.fields);
        error.body = std::move(errorBody.document);
        return {std::nullopt, std::move(error)};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return {std::nullopt,
                ApiErrors::badResponse(status,
                                       u"not JSON (%1 at offset %2)"_s
                                           .arg(parseError.errorString())
                                           .arg(parseError.offset),
                                       call)};
    }
    return {document, {}};
}

// The Hearth API answers objects; its decoders take one.
template<typename T>
std::function<Decoded<T>(const QJsonDocument &)> objectBody(Decoded<T> (*decode)(const QJsonObject &))
{
    return [decode](const QJsonDocument &document) {
        if (!document.isObject())
            return Decoded<T>::failure({FieldError{QString(), u"not a JSON object"_s}});
        return decode(document.object());
    };
}

// Qt's error texts may quote the URL, and a profile may put the token in its query.
QString withoutToken(QString text, const QString &token)
{
    if (token.isEmpty())
        return text;
    text.replace(token, u"<token>"_s);
    return text.replace(QString::fromLatin1(QUrl::toPercentEncoding(token)), u"<token>"_s);
}

QString pathSegment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

RestClient::RestClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
    Q_ASSERT(m_network);
}

void RestClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
}

void RestClient::setToken(const QString &token)
{
    m_token = token;
}

void RestClient::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void RestClient::setBackendProfile(const BackendProfile &profile)
{
    m_baseUrl = profile.restBaseUrl();
    m_auth = profile.rest.auth;
    m_headers.clear();
    for (const auto &[name, value] : profile.rest.headers)
        m_headers.append({name, profile.expand(QString::fromUtf8(value)).toUtf8()});
    if (profile.rest.hearthApi || !profile.rest.ordersSnapshot) {
        m_lists.reset();
        return;
    }
    m_lists = std::make_shared<const ForeignLists>(
        ForeignLists{profile, std::make_shared<const FieldMapper>(profile.mapping)});
}

void RestClient::login(const QString &username, const QString &password, QObject *context,
                       Callback<Session> done)
{
    Request request{"POST", u"/api/login"_s, {},
                    QJsonObject{{u"username"_s, username}, {u"password"_s, password}}, false, true};
    send<Session>(request, context, std::move(done), objectBody(&ApiCodec::decodeSession));
}

void RestClient::fetchOrders(std::optional<qint64> sinceSeq, QObject *context,
                             Callback<OrdersSnapshot> done, ListPurpose purpose)
{
    if (m_lists) {
        const RestProfile &lists = m_lists->profile.rest;
        fetchForeignList(purpose == ListPurpose::Poll && lists.ordersPoll ? *lists.ordersPoll : *lists.ordersSnapshot,
                         "orders"_L1, context, std::move(done), &hearth::ForeignLists::decodeOrders);
        return;
    }
    Request request{"GET", u"/api/orders"_s, {}, std::nullopt, true, false};
    if (sinceSeq)
        request.query.addQueryItem(u"since"_s, QString::number(*sinceSeq));
    send<OrdersSnapshot>(request, context, std::move(done), objectBody(&ApiCodec::decodeOrdersSnapshot));
}

template<typename Snapshot, typename Listing>
void RestClient::fetchForeignList(const ListEndpoint &endpoint, QLatin1StringView noun, QObject *context,
                                  Callback<Snapshot> done,
                                  Decoded<Listing> (*decodeList)(const QJsonDocument &, const QString &,
                                                                 const FieldMapper &))
{
    const BackendProfile &profile = m_lists->profile;
    Request request{"GET", profile.expand(endpoint.path), {}, std::nullopt, true, false};
    for (const auto &[name, value] : endpoint.query)
        request.query.addQueryItem(name, profile.expand(value));
    send<Snapshot>(
        request, context, std::move(done),
        [lists = m_lists, listPath = endpoint.list, path = request.path, noun, decodeList](const QJsonDocument &body) {
            Decoded<Listing> listing = decodeList(body, listPath, *lists->mapper);
            if (!listing.ok())
                return Decoded<Snapshot>::failure(std::move(listing.errors));
            if (listing.value->skipped.count > 0) {
                qCWarning(lcApi).noquote()
                    << "GET" << path << "skipped" << listing.value->skipped.count << noun
                    << "the profile's mapping cannot read; the first:"
                    << describeErrors(listing.value->skipped.first);
            }
            return Decoded<Snapshot>{std::move(listing.value->snapshot), {}};
        });
}

void RestClient::acknowledgeOrder(const OrderAction &action, QObject *context, Callback<Order> done)
{
    sendOrderAction({"POST", u"/api/orders/%1/acknowledge"_s.arg(pathSegment(action.orderId)), {}, std::nullopt,
                     true, false},
                    action, context, std::move(done));
}

void RestClient::setOrderStatus(const OrderAction &action, OrderStatus status, QObject *context,
                                Callback<Order> done)
{
    sendOrderAction({"PATCH", u"/api/orders/%1"_s.arg(pathSegment(action.orderId)), {},
                     QJsonObject{{u"status"_s, statusToWire(status)}}, true, false},
                    action, context, std::move(done));
}

void RestClient::recallOrder(const OrderAction &action, QObject *context, Callback<Order> done)
{
    sendOrderAction({"POST", u"/api/orders/%1/recall"_s.arg(pathSegment(action.orderId)), {}, std::nullopt, true,
                     false},
                    action, context, std::move(done));
}

void RestClient::reopenOrder(const OrderAction &action, QObject *context, Callback<Order> done)
{
    sendOrderAction({"POST", u"/api/orders/%1/reopen"_s.arg(pathSegment(action.orderId)), {}, std::nullopt, true,
                     false},
                    action, context, std::move(done));
}

void RestClient::sendOrderAction(Request request, const OrderAction &action, QObject *context, Callback<Order> done)
{
    if (m_lists) {
        fail(request, context, std::move(done),
             ApiErrors::notSupportedByBackend({request.verb, request.path, m_baseUrl, false}));
        return;
    }
    if (!action.idempotencyKey.isEmpty())
        request.headers.append({"Idempotency-Key", action.idempotencyKey.toLatin1()});
    if (action.seenVersion)
        request.headers.append({"If-Match", '"' + QByteArray::number(*action.seenVersion) + '"'});
    send<Order>(request, context, std::move(done), objectBody(&ApiCodec::decodeOrder));
}

void RestClient::setDeviceName(const QString &device)
{
    // hearth-server reads the header as UTF-8; line breaks would end the header early.
    QString clean = device.left(100);
    clean.removeIf([](QChar c) { return c.category() == QChar::Other_Control; });
    m_device = clean.trimmed().toUtf8();
}

bool RestClient::refuseWithoutHearthApi(const Request &request, QObject *context,
                                        const std::function<void(const ApiError &)> &fail) const
{
    if (!m_lists)
        return false;
    const ApiError error = ApiErrors::notSupportedByBackend({request.verb, request.path, m_baseUrl, false});
    qCInfo(lcApi).noquote() << request.verb << request.path << "not sent:" << error.details;
    QMetaObject::invokeMethod(context ? context : const_cast<RestClient *>(this),
                              [fail, error] { fail(error); }, Qt::QueuedConnection);
    return true;
}

void RestClient::fetchWidgets(std::optional<qint64> sinceSeq, QObject *context,
                              Callback<WidgetsSnapshot> done, ListPurpose purpose)
{
    if (m_lists && m_lists->profile.rest.widgetsSnapshot) {
        const RestProfile &lists = m_lists->profile.rest;
        fetchForeignList(purpose == ListPurpose::Poll && lists.widgetsPoll ? *lists.widgetsPoll : *lists.widgetsSnapshot,
                         "widgets"_L1, context, std::move(done), &hearth::ForeignLists::decodeWidgets);
        return;
    }
    Request request{"GET", u"/api/widgets"_s, {}, std::nullopt, true, false, {}};
    if (sinceSeq)
        request.query.addQueryItem(u"since"_s, QString::number(*sinceSeq));
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<WidgetsSnapshot>(request, context, std::move(done), objectBody(&ApiCodec::decodeWidgetsSnapshot));
}

void RestClient::fetchWidget(const QString &widgetId, QObject *context, Callback<WidgetConfig> done)
{
    Request request{"GET", u"/api/widgets/%1"_s.arg(pathSegment(widgetId)), {}, std::nullopt, true, false, {}};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<WidgetConfig>(request, context, std::move(done), objectBody(&ApiCodec::decodeWidget));
}

void RestClient::createWidget(WidgetKind kind, const QString &name, const QJsonObject &settings,
                              const QString &idempotencyKey, QObject *context,
                              Callback<WidgetConfig> done)
{
    Request request{"POST", u"/api/widgets"_s, {},
                    QJsonObject{{u"kind"_s, widgetKindToWire(kind)}, {u"name"_s, name}, {u"settings"_s, settings}},
                    true, false, writeHeaders(idempotencyKey, std::nullopt)};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<WidgetConfig>(request, context, std::move(done), objectBody(&ApiCodec::decodeWidget));
}

void RestClient::updateWidget(const QString &widgetId, qint64 ifMatchVersion, const QJsonObject &body,
                              const QString &idempotencyKey, QObject *context,
                              Callback<WidgetConfig> done)
{
    Request request{"PUT", u"/api/widgets/%1"_s.arg(pathSegment(widgetId)), {}, body, true, false,
                    writeHeaders(idempotencyKey, ifMatchVersion)};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<WidgetConfig>(request, context, std::move(done), objectBody(&ApiCodec::decodeWidget));
}

void RestClient::deleteWidget(const QString &widgetId, std::optional<qint64> ifMatchVersion,
                              const QString &idempotencyKey, QObject *context,
                              Callback<WidgetConfig> done)
{
    Request request{"DELETE", u"/api/widgets/%1"_s.arg(pathSegment(widgetId)), {}, std::nullopt, true,
                    false, writeHeaders(idempotencyKey, ifMatchVersion)};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<WidgetConfig>(request, context, std::move(done), objectBody(&ApiCodec::decodeWidget));
}

void RestClient::fetchInventory(std::optional<qint64> sinceSeq, QObject *context, Callback<InventorySnapshot> done)
{
    if (m_lists && m_lists->profile.rest.inventorySnapshot) {
        // A profile's list: the whole list every time (no watermark), stock lines only.
        const RestProfile &lists = m_lists->profile.rest;
        fetchForeignList(sinceSeq && lists.inventoryPoll ? *lists.inventoryPoll : *lists.inventorySnapshot,
                         "inventory items"_L1, context, std::move(done), &hearth::ForeignLists::decodeInventory);
        return;
    }
    Request request{"GET", u"/api/inventory"_s, {}, std::nullopt, true, false, {}};
    if (sinceSeq)
        request.query.addQueryItem(u"since"_s, QString::number(*sinceSeq));
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<InventorySnapshot>(request, context, std::move(done), objectBody(&ApiCodec::decodeInventorySnapshot));
}

void RestClient::adjustInventory(const QString &itemId, qint64 ifMatchVersion, const QJsonObject &body,
                                 const QString &idempotencyKey, QObject *context, Callback<InventoryItem> done)
{
    Request request{"PATCH", u"/api/inventory/%1"_s.arg(pathSegment(itemId)), {}, body, true, false,
                    writeHeaders(idempotencyKey, ifMatchVersion)};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<InventoryItem>(request, context, std::move(done), objectBody(&ApiCodec::decodeInventoryItem));
}

void RestClient::updateMenuItem(const QString &menuItemId, qint64 ifMatchVersion, const QJsonObject &body,
                                const QString &idempotencyKey, QObject *context, Callback<MenuItem> done)
{
    Request request{"PATCH", u"/api/menu/%1"_s.arg(pathSegment(menuItemId)), {}, body, true, false,
                    writeHeaders(idempotencyKey, ifMatchVersion)};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<MenuItem>(request, context, std::move(done), objectBody(&ApiCodec::decodeMenuItem));
}

void RestClient::fetchAnalyticsSummary(const AnalyticsQuery &query, QObject *context,
                                       Callback<AnalyticsSummary> done)
{
    Request request{"GET", u"/api/analytics/summary"_s, {}, std::nullopt, true, false, {}};
    if (!query.widgetId.isEmpty())
        request.query.addQueryItem(u"widget"_s, query.widgetId);
    request.query.addQueryItem(u"from"_s, QString::number(query.fromMs));
    request.query.addQueryItem(u"to"_s, QString::number(query.toMs));
    request.query.addQueryItem(u"bucket"_s, QString::number(query.bucketMs / 1000));
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<AnalyticsSummary>(request, context, std::move(done), objectBody(&AnalyticsCodec::summaryFromJson));
}

void RestClient::fetchKitchen(QObject *context, Callback<KitchenStatus> done)
{
    Request request{"GET", u"/api/kitchen"_s, {}, std::nullopt, true, false, {}};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<KitchenStatus>(request, context, std::move(done), objectBody(&KitchenCodec::statusFromJson));
}

void RestClient::configureKitchen(const QString &widgetId, const QJsonObject &body, QObject *context,
                                  Callback<KitchenWidgetControl> done)
{
    Request request{"PUT", u"/api/kitchen/widgets/%1"_s.arg(pathSegment(widgetId)), {}, body, true, false, {}};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<KitchenWidgetControl>(request, context, std::move(done), objectBody(&KitchenCodec::controlFromJson));
}

void RestClient::fetchPresence(QObject *context, Callback<PresenceSnapshot> done)
{
    Request request{"GET", u"/api/presence"_s, {}, std::nullopt, true, false, {}};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &e) { done({std::nullopt, e}); }))
        return;
    send<PresenceSnapshot>(request, context, std::move(done), objectBody(&ApiCodec::decodePresenceSnapshot));
}

QList<std::pair<QByteArray, QByteArray>> RestClient::writeHeaders(const QString &idempotencyKey,
                                                                  std::optional<qint64> ifMatch) const
{
    QList<std::pair<QByteArray, QByteArray>> headers{{"Idempotency-Key", idempotencyKey.toLatin1()}};
    if (ifMatch)
        headers.append({"If-Match", '"' + QByteArray::number(*ifMatch) + '"'});
    if (!m_device.isEmpty())
        headers.append({"X-Hearth-Device", m_device});
    return headers;
}

void RestClient::checkHealth(QObject *context, Callback<QString> done)
{
    Request request{"GET", u"/api/health"_s, {}, std::nullopt, false, false};
    send<QString>(request, context, std::move(done), objectBody(&ApiCodec::decodeHealth));
}

void RestClient::logout(QObject *context, Callback<QString> done)
{
    Request request{"POST", u"/api/logout"_s, {}, QJsonObject{}, true, false};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &error) { done(ApiResult<QString>{{}, error}); }))
        return;
    send<QString>(request, context, std::move(done), objectBody(&ApiCodec::decodeLogout));
}

void RestClient::refreshSession(QObject *context, Callback<QDateTime> done)
{
    Request request{"POST", u"/api/session/refresh"_s, {}, QJsonObject{}, true, false};
    if (refuseWithoutHearthApi(request, context, [done](const ApiError &error) { done(ApiResult<QDateTime>{{}, error}); }))
        return;
    send<QDateTime>(request, context, std::move(done), objectBody(&ApiCodec::decodeSessionRefresh));
}

void RestClient::fetchServerStats(QObject *context, Callback<QJsonObject> done)
{
    Request request{"GET", u"/api/stats"_s, {}, std::nullopt, true, false};
    send<QJsonObject>(request, context, std::move(done), objectBody(&ApiCodec::decodeServerStats));
}

QNetworkRequest RestClient::networkRequest(const Request &request) const
{
    QUrl url = m_baseUrl;
    QString prefix = m_baseUrl.path(QUrl::FullyEncoded);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + request.path, QUrl::TolerantMode);
    url.setQuery(request.query);
    url.setFragment({});

    QNetworkRequest networkRequest(url);
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Hearth"));
    if (request.body)
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : m_headers)
        networkRequest.setRawHeader(name, value);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (request.authenticated && !m_token.isEmpty())
        m_auth.apply(&networkRequest, m_token);
    networkRequest.setTransferTimeout(int(m_timeout.count()));
    return networkRequest;
}

QNetworkReply *RestClient::dispatch(const Request &request)
{
    const QNetworkRequest networkRequest = this->networkRequest(request);
    const QByteArray payload =
        request.body ? QJsonDocument(*request.body).toJson(QJsonDocument::Compact) : QByteArray();
    if (request.verb == "GET")
        return m_network->get(networkRequest);
    if (request.verb == "POST")
        return m_network->post(networkRequest, payload);
    return m_network->sendCustomRequest(networkRequest, request.verb, payload);
}

template<typename T>
void RestClient::fail(const Request &request, QObject *context, Callback<T> done,
                      const ApiError &error)
{
    qCInfo(lcApi).noquote() << request.verb << request.path << "not sent:" << error.details;
    // Asynchronous like every other answer, so callers need no second code path.
    QMetaObject::invokeMethod(
        context ? context : this,
        [done = std::move(done), error] {
            if (done)
                done(ApiResult<T>{std::nullopt, error});
        },
        Qt::QueuedConnection);
}

template<typename T>
void RestClient::send(const Request &request, QObject *context, Callback<T> done,
                      BodyDecoder<T> decode)
{
    QObject *receiver = context ? context : this;
    const ApiErrors::Call call{request.verb, request.path, m_baseUrl, request.isLogin};
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty()) {
        fail(request, context, std::move(done), ApiErrors::notConfigured(call));
        return;
    }

    QNetworkReply *reply = dispatch(request);
    const bool sentToken = request.authenticated && !m_token.isEmpty();
    QElapsedTimer elapsed;
    elapsed.start();
    // Queued: aborting from inside the context's destructor would run callbacks into it.
    connect(receiver, &QObject::destroyed, reply, &QNetworkReply::abort, Qt::QueuedConnection);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, receiver,
            [self = QPointer<RestClient>(this), reply, call, sentToken, elapsed,
             token = sentToken ? m_token : QString(), done = std::move(done), decode] {
                ReplyOutcome outcome = readReply(reply, call);
                ApiResult<T> result;
                if (outcome.body) {
                    Decoded<T> decoded = decode(*outcome.body);
                    if (decoded.ok()) {
                        result.value = std::move(decoded.value);
                    } else {
                        outcome.error = ApiErrors::badResponse(
                            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                            decoded.errorString(), call);
                    }
                }
                if (result.ok()) {
                    qCDebug(lcApi).noquote() << call.verb << call.path << "ok in"
                                             << elapsed.elapsed() << "ms";
                } else {
                    result.error = std::move(outcome.error);
                    result.error.details = withoutToken(result.error.details, token);
                    qCInfo(lcApi).noquote() << result.error.details << "after" << elapsed.elapsed()
                                            << "ms";
                }
                const bool sessionOver =
                    sentToken && result.error.kind == ApiError::Kind::Unauthorized && !result.ok();
                if (done)
                    done(result);
                if (sessionOver && self)
                    emit self->unauthorized();
            });
}

} // namespace hearth
