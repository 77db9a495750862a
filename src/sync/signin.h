#pragma once

// Signs a member of staff in to a server and hands the session to the REST client and the
// realtime service; also notices when the server ends the session (a 401 anywhere).
#include "api/restclient.h"
#include "core/serveraddress.h"

#include <QObject>

namespace hearth {

class RealtimeService;

class SignIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignIn)

public:
    SignIn(RestClient *rest, RealtimeService *realtime, QObject *parent = nullptr);

    void signIn(const ServerAddress &address, const QString &username, const QString &password);
    // Takes up a session kept from an earlier start (its token from the keychain) without asking
    // the server first: a token it no longer accepts ends in signedOut, as any expired session.
    void resume(const ServerAddress &address, const hearth::Session &session);
    // Ends the session at the user's request: the server is told (POST /api/logout, so the
    // token is dead everywhere at once), then signedOut with `reason`.
    void signOut(const QString &reason);
    // Asks the server to extend the session (sliding expiry): sessionRefreshed with the new
    // expiry, or refreshFailed (a 401 ends the session as any other does).
    void refresh();
    bool isSignedIn() const { return !m_session.token.isEmpty(); }
    const Session &session() const { return m_session; }
    const ServerAddress &address() const { return m_address; }
    // The last user who signed in; kept after a sign-out to prefill the dialog.
    const QString &username() const { return m_username; }

signals:
    void signedIn(const hearth::Session &session);
    void signInFailed(const QString &message);
    void signedOut(const QString &reason);
    void sessionRefreshed(const hearth::Session &session);
    void refreshFailed(const QString &message);

private:
    void onUnauthorized(const QString &reason);

    RestClient *m_rest;
    RealtimeService *m_realtime;
    ServerAddress m_address;
    Session m_session;
    QString m_username;
    quint64 m_attempt = 0; // a newer sign-in makes the answer to an older one irrelevant
};

} // namespace hearth
