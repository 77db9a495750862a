#include "server/sessionapi.h"

#include "core/jsonreader.h"
#include "server/authservice.h"
#include "server/httpapi.h"
#include "server/httpresponses.h"
#include "server/sessionrepository.h"
#include "server/websockethub.h"

#include <QHttpServer>
#include <QJsonArray>

namespace hearth::server {

namespace {

using Method = QHttpServerRequest::Method;

QJsonObject sessionBody(const SessionRecord &record, const QByteArray &callerKey)
{
    return QJsonObject{
        {QStringLiteral("id"), AuthService::sessionId(record.tokenHash)},
        {QStringLiteral("username"), record.username},
        {QStringLiteral("display_name"), record.displayName},
        {QStringLiteral("role"), roleToWire(record.role)},
        {QStringLiteral("created_at"), toWireTimestamp(record.createdAt)},
        {QStringLiteral("expires_at"), toWireTimestamp(record.expiresAt)},
        {QStringLiteral("current"), record.tokenHash == callerKey},
    };
}

} // namespace

SessionApi::SessionApi(QHttpServer *server, HttpApi *guard, AuthService *auth, WebSocketHub *hub,
                       IdempotencyStore *idempotency, QObject *parent)
    : QObject(parent), m_guard(guard), m_auth(auth), m_hub(hub), m_writes(idempotency)
{
    server->route(QStringLiteral("/api/logout"), Method::Post, [this](const QHttpServerRequest &request) {
        return m_guard->guarded(request, Role::Staff, [this](const AuthContext &context) {
            m_auth->logout(context);
            m_hub->endSession(context.sessionKey, QStringLiteral("logged out"));
            return HttpResponses::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("signed_out")}});
        });
    });
    server->route(QStringLiteral("/api/session/refresh"), Method::Post, [this](const QHttpServerRequest &request) {
        return m_guard->guarded(request, Role::Staff, [this](const AuthContext &context) {
            const std::optional<QDateTime> expiresAt = m_auth->refresh(context);
            if (!expiresAt)
                return HttpResponses::unauthorized(QStringLiteral("the session has ended"));
            return HttpResponses::json(QJsonObject{{QStringLiteral("expires_at"), toWireTimestamp(*expiresAt)}});
        });
    });
    server->route(QStringLiteral("/api/sessions"), Method::Get, [this](const QHttpServerRequest &request) {
        return m_guard->guarded(request, Role::Manager, [this](const AuthContext &context) {
            QJsonArray sessions;
            const QList<SessionRecord> records = m_auth->sessions(context.restaurantId);
            for (const SessionRecord &record : records)
                sessions.append(sessionBody(record, context.sessionKey));
            return HttpResponses::json(QJsonObject{{QStringLiteral("sessions"), sessions}});
        });
    });
    server->route(QStringLiteral("/api/sessions/<arg>"), Method::Delete,
                  [this](const QString &sessionId, const QHttpServerRequest &request) {
                      return m_guard->guarded(request, Role::Manager, [&, this](const AuthContext &context) {
                          return m_writes.run(
                              context, request,
                              [&, this](const IdempotentWrites::Recorder &) {
                                  // Scoped by the caller's restaurant: another tenant's id is simply unknown.
                                  const std::optional<SessionRecord> revoked =
                                      m_auth->revoke(context.restaurantId, sessionId);
                                  if (!revoked) {
                                      return IdempotentAnswers::error(IdempotentAnswers::Status::NotFound,
                                                                      QLatin1StringView("not_found"),
                                                                      QStringLiteral("no such session"));
                                  }
                                  m_hub->endSession(revoked->tokenHash, QStringLiteral("revoked by a manager"));
                                  return IdempotentAnswers::answer(IdempotentAnswers::Status::Ok,
                                                                   QJsonObject{{QStringLiteral("revoked"), sessionId}});
                              },
                              IdempotentWrites::Key::Optional);
                      });
                  });
}

} // namespace hearth::server
