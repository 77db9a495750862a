#include "server/idempotentwrites.h"

#include "core/logging.h"
#include "server/httpresponses.h"
#include "server/httpservercompat.h"

#include <QHttpServerRequest>
#include <QJsonDocument>

namespace hearth::server {

namespace {

using Method = QHttpServerRequest::Method;

QString methodName(Method method)
{
    switch (method) {
    case Method::Post: return QStringLiteral("POST");
    case Method::Put: return QStringLiteral("PUT");
    case Method::Patch: return QStringLiteral("PATCH");
    case Method::Delete: return QStringLiteral("DELETE");
    default: break;
    }
    return QStringLiteral("OTHER");
}

} // namespace

namespace IdempotentAnswers {

StoredAnswer answer(Status status, const QJsonObject &body)
{
    return StoredAnswer{int(status), QJsonDocument(body).toJson(QJsonDocument::Compact)};
}

StoredAnswer error(Status status, QLatin1StringView code, const QString &message)
{
    return answer(status, HttpResponses::errorBody(code, message));
}

StoredAnswer badRequest(const QString &message)
{
    return error(Status::BadRequest, QLatin1StringView("bad_request"), message);
}

StoredAnswer validationFailed(const FieldErrors &errors)
{
    QJsonObject fields;
    for (const FieldError &error : errors) {
        const QString previous = fields.value(error.field).toString();
        fields.insert(error.field, previous.isEmpty() ? error.message : previous + u"; " + error.message);
    }
    QJsonObject body = HttpResponses::errorBody(
        QLatin1StringView("validation_failed"),
        fields.size() == 1 ? QStringLiteral("1 field is not valid")
                           : QStringLiteral("%1 fields are not valid").arg(fields.size()));
    QJsonObject error = body.value(QLatin1StringView("error")).toObject();
    error.insert(QStringLiteral("fields"), fields);
    body.insert(QStringLiteral("error"), error);
    return answer(Status::UnprocessableEntity, body);
}

QHttpServerResponse respond(const StoredAnswer &stored, bool replayed)
{
    QHttpServerResponse response(QByteArrayLiteral("application/json"), stored.body, Status(stored.status));
    compat::addResponseHeader(response, QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    if (stored.status >= 200 && stored.status < 300) {
        // A widget or an order in the body: its version is the ETag that the next If-Match quotes.
        const QJsonObject body = QJsonDocument::fromJson(stored.body).object();
        if (body.value(QLatin1StringView("version")).isDouble()) {
            compat::addResponseHeader(response, QByteArrayLiteral("ETag"),
                                      '"' + QByteArray::number(body.value(QLatin1StringView("version")).toInteger()) + '"');
        }
    }
    if (replayed)
        compat::addResponseHeader(response, QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
    return response;
}

std::optional<qint64> parseIfMatch(QByteArray value)
{
    value = value.trimmed();
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    bool ok = false;
    const qint64 version = value.toLongLong(&ok);
    if (!ok || version < 1)
        return std::nullopt;
    return version;
}

} // namespace IdempotentAnswers

std::optional<QHttpServerResponse> IdempotentWrites::answerKnown(const IdempotentRequest &identity,
                                                                const AuthContext &context) const
{
    using namespace IdempotentAnswers;
    const IdempotencyStore::Lookup known = m_store->lookup(identity);
    switch (known.outcome) {
    case IdempotencyStore::Outcome::Replay:
        qCInfo(lcServer).noquote() << "idempotent replay of" << identity.method << identity.path << "for"
                                   << context.username;
        return respond(known.answer, true);
    case IdempotencyStore::Outcome::Reused:
        return respond(error(Status::UnprocessableEntity, QLatin1StringView("idempotency_key_reused"),
                             QStringLiteral("this Idempotency-Key was used for a different request")));
    case IdempotencyStore::Outcome::Error:
        return respond(error(Status::InternalServerError, QLatin1StringView("internal"),
                             QStringLiteral("the idempotency keys could not be read")));
    case IdempotencyStore::Outcome::New: break;
    }
    return std::nullopt;
}

QHttpServerResponse IdempotentWrites::run(const AuthContext &context, const QHttpServerRequest &request,
                                          const Write &write, Key keyPolicy) const
{
    using namespace IdempotentAnswers;
    const QByteArray key = compat::requestHeader(request, QByteArrayLiteral("idempotency-key")).trimmed();
    if (key.isEmpty() && keyPolicy == Key::Optional)
        return respond(write({}));
    if (const QString problem = IdempotencyStore::keyProblem(key); !problem.isEmpty())
        return respond(badRequest(problem));
    // If-Match is part of what the request is: the same body against another version is another change.
    const IdempotentRequest identity{
        context.restaurantId, QString::fromLatin1(key), methodName(request.method()), request.url().path(),
        IdempotencyStore::fingerprint({request.body(), compat::requestHeader(request, QByteArrayLiteral("if-match"))})};
    if (std::optional<QHttpServerResponse> earlier = answerKnown(identity, context))
        return std::move(*earlier);

    IdempotencyStore::Claim claim = IdempotencyStore::Claim::Error;
    const StoredAnswer stored = write([&](const StoredAnswer &answer) {
        claim = m_store->claim(identity, answer);
        return claim == IdempotencyStore::Claim::Stored;
    });
    // Answers that changed nothing (refusals, conflicts) are remembered after the fact; a server
    // failure is not, so that the retry the client will make can succeed.
    if (claim != IdempotencyStore::Claim::Stored && claim != IdempotencyStore::Claim::Taken && stored.status < 500)
        claim = m_store->claim(identity, stored);
    if (claim == IdempotencyStore::Claim::Taken) {
        // The same key reached another instance (or a retry overtook its request) and was applied
        // there first: this change was rolled back, and both clients get that one answer.
        qCInfo(lcServer).noquote() << "Idempotency-Key of" << identity.method << identity.path
                                   << "was applied by a concurrent request";
        if (std::optional<QHttpServerResponse> earlier = answerKnown(identity, context))
            return std::move(*earlier);
        return respond(error(Status::Conflict, QLatin1StringView("conflict"),
                             QStringLiteral("a request with this Idempotency-Key is being applied; retry it")));
    }
    if (claim != IdempotencyStore::Claim::Stored && stored.status < 500)
        qCWarning(lcServer).noquote() << "cannot remember the answer to" << identity.method << identity.path;
    return respond(stored);
}

} // namespace hearth::server
