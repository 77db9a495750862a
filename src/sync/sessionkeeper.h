#pragma once

// Keeps the signed-in session across restarts: the token in a TokenVault (the OS keychain), the
// rest of the session (who, which restaurant, until when — nothing secret) in QSettings. A start
// with a kept, unexpired session signs in without asking; signing out, or the server ending the
// session, forgets the token. When the vault cannot be used it says so once (problem()) and
// nothing is kept: the token never goes to the settings file.
#include "api/apitypes.h"
#include "core/serveraddress.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace hearth {

class SignIn;
class TokenVault;

class SessionKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionKeeper)

public:
    SessionKeeper(SignIn *signIn, TokenVault *vault, QObject *parent = nullptr);

    // Whether signing in is kept for the next start (the demo's session is not).
    void setEnabled(bool enabled) { m_enabled = enabled; }
    // Tries to take up the session kept for `server` (and `username`, when given): resumed()
    // after SignIn has it, or notResumed() when there is none, it has expired, or the vault
    // cannot say — then the caller asks for the password.
    void resume(const QUrl &server, const QString &username);
    // The session ends here at the user's request; the kept token is forgotten.
    void signOut();
    // Refreshes are never closer than this (tests shorten it; the server decides the lifetime).
    void setMinimumRefreshInterval(std::chrono::milliseconds interval) { m_minimumRefresh = interval; }
    bool isRefreshScheduled() const { return m_refreshTimer.isActive(); }

signals:
    void resumed();
    void notResumed();
    // Once per run, the first time the vault cannot be used: a sentence for the person at the PC.
    void problem(const QString &message);

private:
    void onSignedIn(const Session &session);
    void onSignedOut();
    void onSessionRefreshed(const Session &session);
    void scheduleRefresh(const QDateTime &expiresAt);
    void keepExpiry(const QDateTime &expiresAt);
    void onTokenRead(const QString &account, const QString &token);
    void onVaultFailed(const QString &account, const QString &message, const QString &details);
    static QString accountFor(const QUrl &server, const QString &username);

    SignIn *m_signIn;
    TokenVault *m_vault;
    bool m_enabled = true;
    bool m_problemShown = false;
    QString m_resuming;  // the account being read, until its answer
    QString m_keptAccount; // the account of the session signed in now
    Session m_pending;   // what the settings say about the session being resumed
    ServerAddress m_pendingAddress;
    QTimer m_refreshTimer;
    std::chrono::milliseconds m_minimumRefresh{30000};
};

} // namespace hearth
