#include "sync/signin.h"

#include "core/logging.h"
#include "realtime/realtimeservice.h"

namespace hearth {

SignIn::SignIn(RestClient *rest, RealtimeService *realtime, QObject *parent)
    : QObject(parent), m_rest(rest), m_realtime(realtime)
{
    connect(m_rest, &RestClient::unauthorized, this, [this] {
        onUnauthorized(tr("Your session has ended. Please sign in again."));
    });
    connect(m_realtime, &RealtimeService::stateChanged, this, [this](ConnectionState state) {
        // The realtime service says why ("Signed out: a manager ended this session …").
        if (state == ConnectionState::SignedOut && isSignedIn())
            onUnauthorized(m_realtime->lastError());
    });
}

void SignIn::signIn(const ServerAddress &address, const QString &username, const QString &password)
{
    const quint64 attempt = ++m_attempt;
    m_address = address;
    m_rest->setBaseUrl(address.httpBase);
    m_rest->setToken({});
    m_rest->login(username, password, this, [this, attempt, address](const ApiResult<Session> &result) {
        if (attempt != m_attempt)
            return;
        if (!result.ok()) {
            qCInfo(lcSync) << "sign-in failed:" << result.error.details;
            emit signInFailed(result.error.message);
            return;
        }
        m_session = *result.value;
        m_username = m_session.username;
        m_rest->setToken(m_session.token);
        m_realtime->setEndpoint(address.webSocketUrl, m_session.token);
        qCInfo(lcSync) << "signed in as" << m_session.username << "at" << m_session.restaurantName;
        emit signedIn(m_session);
    });
}

void SignIn::resume(const ServerAddress &address, const Session &session)
{
    ++m_attempt; // a sign-in still on its way is overtaken
    m_address = address;
    m_session = session;
    m_username = session.username;
    m_rest->setBaseUrl(address.httpBase);
    m_rest->setToken(session.token);
    m_realtime->setEndpoint(address.webSocketUrl, session.token);
    qCInfo(lcSync) << "resumed the session of" << session.username << "at" << session.restaurantName;
    emit signedIn(m_session);
}

void SignIn::signOut(const QString &reason)
{
    ++m_attempt;
    if (!isSignedIn())
        return;
    // Sent with the token still set; nobody waits for the answer (offline, the token simply
    // expires on the server later).
    if (m_rest->speaksHearthApi())
        m_rest->logout(nullptr, [](const ApiResult<QString> &) {});
    m_session = {};
    m_rest->setToken({});
    m_realtime->setEndpoint(m_address.webSocketUrl, QString());
    qCInfo(lcSync) << "signed out by the user";
    emit signedOut(reason);
}

void SignIn::refresh()
{
    if (!isSignedIn() || !m_rest->speaksHearthApi())
        return;
    const QString token = m_session.token;
    m_rest->refreshSession(this, [this, token](const ApiResult<QDateTime> &result) {
        if (m_session.token != token)
            return; // signed out or in again meanwhile
        if (!result.ok()) {
            emit refreshFailed(result.error.message);
            return;
        }
        m_session.expiresAt = *result.value;
        emit sessionRefreshed(m_session);
    });
}

void SignIn::onUnauthorized(const QString &reason)
{
    if (!isSignedIn())
        return;
    m_session = {};
    m_rest->setToken({});
    // The realtime service finds out on its own: the server refuses the old token at the next
    // handshake, and its state then says "Signed out" rather than a misleading "Offline".
    emit signedOut(reason.isEmpty() ? tr("Your session has ended. Please sign in again.") : reason);
}

} // namespace hearth
