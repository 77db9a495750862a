#include "sync/signin.h"

#include "core/logging.h"
#include "realtime/realtimeservice.h"

namespace hearth {

SignIn::SignIn(RestClient *rest, RealtimeService *realtime, QObject *parent)
    : QObject(parent), m_rest(rest), m_realtime(realtime)
{
    connect(m_rest, &RestClient::unauthorized, this, &SignIn::onUnauthorized);
    connect(m_realtime, &RealtimeService::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::SignedOut && isSignedIn())
            onUnauthorized();
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
    m_session = {};
    m_rest->setToken({});
    m_realtime->setEndpoint(m_address.webSocketUrl, QString());
    qCInfo(lcSync) << "signed out by the user";
    emit signedOut(reason);
}

void SignIn::onUnauthorized()
{
    if (!isSignedIn())
        return;
    m_session = {};
    m_rest->setToken({});
    // The realtime service finds out on its own: the server refuses the old token at the next
    // handshake, and its state then says "Signed out" rather than a misleading "Offline".
    emit signedOut(tr("Your session has ended. Please sign in again."));
}

} // namespace hearth
