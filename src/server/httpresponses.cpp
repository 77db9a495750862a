#include "server/httpresponses.h"

#include "server/httpservercompat.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace hearth::server::HttpResponses {

QJsonObject errorBody(QLatin1StringView code, const QString &message)
{
    return QJsonObject{{QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("code"), QString(code)},
                                    {QStringLiteral("message"), message}}}};
}

QHttpServerResponse json(const QJsonObject &body, Status status)
{
    QHttpServerResponse response(body, status);
    // Orders change by the second; no proxy or client cache may answer for the server.
    compat::addResponseHeader(response, QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

QHttpServerResponse error(Status status, QLatin1StringView code, const QString &message)
{
    return json(errorBody(code, message), status);
}

QHttpServerResponse badRequest(const QString &message)
{
    return error(Status::BadRequest, QLatin1StringView("bad_request"), message);
}

QHttpServerResponse unauthorized(const QString &message)
{
    QHttpServerResponse response = error(Status::Unauthorized, QLatin1StringView("unauthorized"), message);
    compat::addResponseHeader(response, QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    return response;
}

QHttpServerResponse forbidden(const QString &message)
{
    return error(Status::Forbidden, QLatin1StringView("forbidden"), message);
}

QHttpServerResponse notFound(const QString &message)
{
    return error(Status::NotFound, QLatin1StringView("not_found"), message);
}

QHttpServerResponse invalidTransition(const QString &message)
{
    return error(Status::UnprocessableEntity, QLatin1StringView("invalid_transition"), message);
}

QHttpServerResponse internalError(const QString &message)
{
    return error(Status::InternalServerError, QLatin1StringView("internal"), message);
}

QHttpServerResponse unavailable(const QString &message)
{
    // The protocol has no code of its own for this; "internal" with 503 tells clients to retry.
    return error(Status::ServiceUnavailable, QLatin1StringView("internal"), message);
}

QHttpServerResponse rateLimited(const QString &message, qint64 retryAfterMs)
{
    QHttpServerResponse response = error(Status::TooManyRequests, QLatin1StringView("rate_limited"), message);
    const qint64 seconds = std::max<qint64>(1, (retryAfterMs + 999) / 1000);
    compat::addResponseHeader(response, QByteArrayLiteral("Retry-After"), QByteArray::number(seconds));
    return response;
}

QHttpServerResponse busy(const QString &message, qint64 retryAfterMs)
{
    QHttpServerResponse response = error(Status::ServiceUnavailable, QLatin1StringView("busy"), message);
    const qint64 seconds = std::max<qint64>(1, (retryAfterMs + 999) / 1000);
    compat::addResponseHeader(response, QByteArrayLiteral("Retry-After"), QByteArray::number(seconds));
    return response;
}

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *problem)
{
    if (body.trimmed().isEmpty()) {
        *problem = QStringLiteral("the request body is empty; expected a JSON object");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *problem = QStringLiteral("the request body is not valid JSON: %1 at offset %2")
                       .arg(parseError.errorString())
                       .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *problem = QStringLiteral("the request body must be a JSON object");
        return std::nullopt;
    }
    return document.object();
}

} // namespace hearth::server::HttpResponses
