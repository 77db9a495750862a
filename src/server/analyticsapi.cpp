#include "server/analyticsapi.h"

#include "core/analyticscodec.h"
#include "core/jsonreader.h"
#include "server/analyticsservice.h"
#include "server/httpapi.h"
#include "server/httpresponses.h"
#include "server/httpservercompat.h"
#include "server/idempotentwrites.h"
#include "server/trafficcounters.h"
#include "server/widgetservice.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QJsonArray>
#include <QUrlQuery>

#include <cstring>

namespace hearth::server {

namespace {

using namespace Qt::StringLiterals;
using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

// A guest's session id is kept only as a hash: enough to follow one visit, nothing to read back.
qint64 sessionHash(const QString &session)
{
    const QByteArray digest = QCryptographicHash::hash(session.toUtf8(), QCryptographicHash::Sha256);
    qint64 value = 0;
    std::memcpy(&value, digest.constData(), sizeof(value));
    return value;
}

// Milliseconds since the Unix epoch as an integer, or an ISO 8601 timestamp.
std::optional<qint64> parseTime(const QString &text)
{
    bool ok = false;
    const qint64 ms = text.toLongLong(&ok);
    if (ok)
        return ms >= 0 ? std::optional<qint64>(ms) : std::nullopt;
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toMSecsSinceEpoch();
}

std::optional<qint64> parseBucket(const QString &text)
{
    if (text == "minute"_L1)
        return 60;
    if (text == "hour"_L1)
        return 3600;
    if (text == "day"_L1)
        return 86400;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (!ok || seconds < 60 || seconds % 60 != 0 || seconds > 366LL * 86400)
        return std::nullopt;
    return seconds;
}

} // namespace

AnalyticsApi::AnalyticsApi(QHttpServer *server, HttpApi *guard, AnalyticsService *analytics,
                           WidgetService *widgets, QObject *parent)
    : QObject(parent), m_guard(guard), m_analytics(analytics), m_widgets(widgets)
{
    server->route(u"/api/analytics/events"_s, Method::Post,
                  [this](const QHttpServerRequest &request) { return postEvents(request); });
    server->route(u"/api/analytics/summary"_s, Method::Get, [this](const QHttpServerRequest &request) {
        return m_guard->guarded(request, Role::Manager,
                                [this, &request](const AuthContext &context) { return summary(context, request); });
    });
    server->route(u"/api/analytics/keys"_s, Method::Get, [this](const QHttpServerRequest &request) {
        return m_guard->guarded(request, Role::Manager, [this](const AuthContext &context) { return keys(context); });
    });
}

QHttpServerResponse AnalyticsApi::postEvents(const QHttpServerRequest &request)
{
    if (!m_analytics->isAccepting())
        return HttpResponses::unavailable(u"the server is stopping"_s);
    QString problem;
    const std::optional<QJsonObject> body = HttpResponses::parseObject(request.body(), &problem);
    if (!body)
        return HttpResponses::badRequest(problem);
    // A browser's sendBeacon cannot set headers: the key may come in the body instead.
    QString key = QString::fromLatin1(compat::requestHeader(request, QByteArrayLiteral("x-hearth-widget-key"))).trimmed();
    if (key.isEmpty())
        key = body->value("key"_L1).toString();
    if (key.isEmpty())
        return HttpResponses::unauthorized(u"a widget key is required (X-Hearth-Widget-Key or \"key\")"_s);
    const std::optional<WidgetKey> owner = m_analytics->repository()->findKey(key);
    if (!owner || !m_widgets->exists(owner->restaurantId, owner->widgetId))
        return HttpResponses::unauthorized(u"the widget key is not known"_s);
    if (const std::optional<qint64> waitMs = m_limiter.admit(key.toUtf8(), TrafficCounters::nowMs())) {
        return HttpResponses::rateLimited(
            u"too many analytics batches from this widget; try again in %1 ms"_s.arg(*waitMs), *waitMs);
    }

    FieldErrors errors;
    JsonReader reader(*body, &errors);
    const QJsonArray events = reader.requiredArray("events"_L1);
    if (errors.isEmpty() && (events.isEmpty() || events.size() > maxBatch))
        reader.fail("events"_L1, u"must hold 1 to %1 events"_s.arg(maxBatch));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<AnalyticsRecord> records;
    records.reserve(events.size());
    bool foreignWidget = false;
    const bool batchReadable = errors.isEmpty();
    for (qsizetype i = 0; batchReadable && i < events.size(); ++i) {
        const QString path = reader.pathOfIndex("events"_L1, i);
        if (!events.at(i).isObject()) {
            errors.append({path, u"must be an object"_s});
            continue;
        }
        const QJsonObject json = events.at(i).toObject();
        JsonReader event(json, &errors, path);
        AnalyticsRecord record;
        record.widgetId = event.requiredString("widget"_L1);
        const QString type = event.requiredString("type"_L1);
        const std::optional<AnalyticsStep> step = analyticsStepFromWire(type);
        if (!type.isEmpty() && !step)
            event.fail("type"_L1, u"must be view, open, booking_started, booking_completed, order_started or "
                                  "order_completed"_s);
        record.step = step.value_or(AnalyticsStep::View);
        const QString session = event.requiredString("session"_L1);
        if (session.size() > maxSessionLength)
            event.fail("session"_L1, u"must be at most %1 characters"_s.arg(maxSessionLength));
        record.session = sessionHash(session);
        const QJsonValue ts = json.value("ts"_L1);
        const std::optional<qint64> tsMs = ts.isDouble() ? std::optional<qint64>(qint64(ts.toDouble()))
                                                         : parseTime(ts.toString());
        if (!tsMs)
            event.fail("ts"_L1, u"must be milliseconds since 1970 or an ISO 8601 timestamp"_s);
        else if (*tsMs < now - maxPastMs || *tsMs > now + maxFutureMs)
            event.fail("ts"_L1, u"must lie within the last 24 hours"_s);
        record.tsMs = tsMs.value_or(0);
        record.valueCents = event.optionalInteger("value_cents"_L1, 0, maxValueCents).value_or(0);
        if (!record.widgetId.isEmpty() && record.widgetId != owner->widgetId)
            foreignWidget = true;
        records.append(record);
    }
    if (!errors.isEmpty())
        return IdempotentAnswers::respond(IdempotentAnswers::validationFailed(errors));
    if (foreignWidget)
        return HttpResponses::forbidden(u"the key belongs to another widget"_s);
    if (!m_analytics->ingest(owner->restaurantId, records))
        return HttpResponses::busy(u"analytics are backed up; try again shortly"_s, 2000);
    return HttpResponses::json(QJsonObject{{u"accepted"_s, records.size()}}, Status::Accepted);
}

QHttpServerResponse AnalyticsApi::summary(const AuthContext &context, const QHttpServerRequest &request) const
{
    const QUrlQuery query = request.query();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto item = [&query](const QString &name) { return query.queryItemValue(name, QUrl::FullyDecoded); };
    std::optional<qint64> to = query.hasQueryItem(u"to"_s) ? parseTime(item(u"to"_s)) : std::optional<qint64>(now);
    if (!to)
        return HttpResponses::badRequest(u"to must be milliseconds since 1970 or an ISO 8601 timestamp"_s);
    std::optional<qint64> from = query.hasQueryItem(u"from"_s) ? parseTime(item(u"from"_s))
                                                              : std::optional<qint64>(*to - 24LL * 3600 * 1000);
    if (!from)
        return HttpResponses::badRequest(u"from must be milliseconds since 1970 or an ISO 8601 timestamp"_s);
    if (*from >= *to)
        return HttpResponses::badRequest(u"from must be before to"_s);
    const std::optional<qint64> bucket =
        query.hasQueryItem(u"bucket"_s) ? parseBucket(item(u"bucket"_s)) : std::optional<qint64>(3600);
    if (!bucket)
        return HttpResponses::badRequest(u"bucket must be minute, hour, day or whole minutes in seconds"_s);
    if ((*to - *from) / (*bucket * 1000) >= maxBuckets)
        return HttpResponses::badRequest(u"at most %1 buckets: choose a wider bucket or a shorter range"_s.arg(maxBuckets));
    const QString widget = item(u"widget"_s);
    if (!widget.isEmpty() && !m_widgets->find(context.restaurantId, widget))
        return HttpResponses::notFound(u"no such widget"_s);
    const std::optional<AnalyticsSummary> summary =
        m_analytics->summary(context.restaurantId, widget, *from, *to, *bucket * 1000);
    if (!summary)
        return HttpResponses::internalError(u"the analytics could not be read"_s);
    return HttpResponses::json(AnalyticsCodec::summaryToJson(*summary));
}

QHttpServerResponse AnalyticsApi::keys(const AuthContext &context) const
{
    const WidgetListing listing = m_widgets->snapshot(context.restaurantId);
    if (!listing.ok)
        return HttpResponses::internalError(u"the widgets could not be read"_s);
    QJsonArray keys;
    for (const WidgetConfig &widget : listing.widgets) {
        const QString key = m_analytics->repository()->ensureKey(context.restaurantId, widget.id);
        if (key.isEmpty())
            return HttpResponses::internalError(u"the widget keys could not be read"_s);
        keys.append(QJsonObject{{u"widget"_s, widget.id}, {u"key"_s, key}});
    }
    return HttpResponses::json(QJsonObject{{u"keys"_s, keys}});
}

} // namespace hearth::server
