#pragma once

// The shapes of REST answers (docs/protocol.md): JSON bodies, and errors as
// {"error": {"code", "message"}} with the status that belongs to the code.
#include <QByteArray>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace hearth::server::HttpResponses {

using Status = QHttpServerResponder::StatusCode;

QJsonObject errorBody(QLatin1StringView code, const QString &message);
QHttpServerResponse json(const QJsonObject &body, Status status = Status::Ok);
QHttpServerResponse error(Status status, QLatin1StringView code, const QString &message);

QHttpServerResponse badRequest(const QString &message);
QHttpServerResponse unauthorized(const QString &message);
QHttpServerResponse forbidden(const QString &message);
QHttpServerResponse notFound(const QString &message);
QHttpServerResponse invalidTransition(const QString &message);
QHttpServerResponse internalError(const QString &message);
QHttpServerResponse unavailable(const QString &message);
// 429 with Retry-After in whole seconds (at least 1), as HTTP wants it.
QHttpServerResponse rateLimited(const QString &message, qint64 retryAfterMs);
// 503 `busy` with Retry-After: the server is up but has no room for this now.
QHttpServerResponse busy(const QString &message, qint64 retryAfterMs);

// The body as a JSON object, or nothing with a message that says what is wrong with it.
std::optional<QJsonObject> parseObject(const QByteArray &body, QString *problem);

} // namespace hearth::server::HttpResponses
