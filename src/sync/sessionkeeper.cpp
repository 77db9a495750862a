#include "sync/sessionkeeper.h"

#include "core/logging.h"
#include "store/tokenvault.h"
#include "sync/signin.h"

#include <QSettings>

#include <algorithm>

namespace hearth {

namespace {

// Dashboard reads server, username, restaurantId and restaurantName too (to open the cache).
const QString serverKey = QStringLiteral("lastSession/server");
const QString usernameKey = QStringLiteral("lastSession/username");
const QString displayNameKey = QStringLiteral("lastSession/displayName");
const QString roleKey = QStringLiteral("lastSession/role");
const QString restaurantIdKey = QStringLiteral("lastSession/restaurantId");
const QString restaurantNameKey = QStringLiteral("lastSession/restaurantName");
const QString expiresKey = QStringLiteral("lastSession/expiresAt");
const QString keptKey = QStringLiteral("lastSession/tokenInKeychain"); // whether a token is worth asking for

} // namespace

SessionKeeper::SessionKeeper(SignIn *signIn, TokenVault *vault, QObject *parent)
    : QObject(parent), m_signIn(signIn), m_vault(vault)
{
    connect(signIn, &SignIn::signedIn, this, &SessionKeeper::onSignedIn);
    connect(signIn, &SignIn::signedOut, this, &SessionKeeper::onSignedOut);
    connect(signIn, &SignIn::sessionRefreshed, this, &SessionKeeper::onSessionRefreshed);
    // Offline or the server busy: try again a little later; the session usually has hours left.
    connect(signIn, &SignIn::refreshFailed, this, [this] {
        if (m_signIn->isSignedIn())
            m_refreshTimer.start(std::max(m_minimumRefresh, std::chrono::milliseconds(60000)));
    });
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, m_signIn, &SignIn::refresh);
    connect(vault, &TokenVault::tokenRead, this, &SessionKeeper::onTokenRead);
    connect(vault, &TokenVault::failed, this, &SessionKeeper::onVaultFailed);
}

QString SessionKeeper::accountFor(const QUrl &server, const QString &username)
{
    return QStringLiteral("%1 %2").arg(server.toString(), username);
}

void SessionKeeper::resume(const QUrl &server, const QString &username)
{
    const QSettings settings;
    const QUrl keptServer(settings.value(serverKey).toString());
    const QString keptUser = settings.value(usernameKey).toString();
    const QDateTime expires = settings.value(expiresKey).toDateTime();
    const bool usable = m_enabled && settings.value(keptKey).toBool() && keptServer == server && !keptUser.isEmpty()
        && (username.isEmpty() || username == keptUser)
        && (!expires.isValid() || expires > QDateTime::currentDateTimeUtc());
    if (!usable) {
        emit notResumed();
        return;
    }
    m_pendingAddress = ServerAddress::fromHttpBase(server);
    m_pending = {};
    m_pending.username = keptUser;
    m_pending.displayName = settings.value(displayNameKey).toString();
    m_pending.role = settings.value(roleKey).toString();
    m_pending.restaurantId = settings.value(restaurantIdKey).toString();
    m_pending.restaurantName = settings.value(restaurantNameKey).toString();
    m_pending.expiresAt = expires;
    m_resuming = accountFor(server, keptUser);
    m_vault->read(m_resuming);
}

void SessionKeeper::onTokenRead(const QString &account, const QString &token)
{
    if (account != m_resuming)
        return;
    m_resuming.clear();
    if (token.isEmpty()) {
        QSettings().remove(keptKey);
        emit notResumed();
        return;
    }
    Session session = m_pending;
    session.token = token;
    m_keptAccount = account; // before signedIn comes back: it must not write the token again
    m_signIn->resume(m_pendingAddress, session);
    emit resumed();
}

void SessionKeeper::onVaultFailed(const QString &account, const QString &message, const QString &details)
{
    qCWarning(lcSync) << "keychain:" << details;
    if (account == m_keptAccount)
        QSettings().remove(keptKey); // the token did not get there: the next start asks
    if (!m_problemShown) {
        m_problemShown = true;
        emit problem(message);
    }
    if (account == m_resuming) {
        m_resuming.clear();
        emit notResumed();
    }
}

void SessionKeeper::scheduleRefresh(const QDateTime &expiresAt)
{
    if (!expiresAt.isValid()) {
        m_refreshTimer.stop();
        return;
    }
    const qint64 remainingMs = QDateTime::currentDateTimeUtc().msecsTo(expiresAt);
    const auto halfway = std::chrono::milliseconds(std::clamp<qint64>(remainingMs / 2, 0, 24LL * 3600 * 1000));
    m_refreshTimer.start(std::max(halfway, m_minimumRefresh));
}

void SessionKeeper::keepExpiry(const QDateTime &expiresAt)
{
    if (m_enabled && !m_keptAccount.isEmpty())
        QSettings().setValue(expiresKey, expiresAt);
}

void SessionKeeper::onSessionRefreshed(const Session &session)
{
    qCDebug(lcSync) << "session refreshed until" << session.expiresAt;
    keepExpiry(session.expiresAt);
    scheduleRefresh(session.expiresAt);
}

void SessionKeeper::onSignedIn(const Session &session)
{
    scheduleRefresh(session.expiresAt);
    if (!m_enabled)
        return;
    const QString account = accountFor(m_signIn->address().httpBase, session.username);
    QSettings settings;
    settings.setValue(serverKey, m_signIn->address().httpBase.toString());
    settings.setValue(usernameKey, session.username);
    settings.setValue(restaurantIdKey, session.restaurantId);
    settings.setValue(restaurantNameKey, session.restaurantName);
    settings.setValue(displayNameKey, session.displayName);
    settings.setValue(roleKey, session.role);
    settings.setValue(expiresKey, session.expiresAt);
    if (account == m_keptAccount)
        return; // resumed from the vault: already kept
    if (!m_keptAccount.isEmpty())
        m_vault->remove(m_keptAccount); // another user or server now: the old token is no one's business
    // Marked before the keychain answers, so a quit right after signing in still tries it at
    // the next start (an entry that is not there just means asking); a failure unmarks it.
    settings.setValue(keptKey, true);
    m_keptAccount = account;
    m_vault->write(account, session.token);
}

void SessionKeeper::onSignedOut()
{
    // Signed out by hand or by the server: either way the kept token is worth nothing now.
    m_refreshTimer.stop();
    QSettings().remove(keptKey);
    if (!m_keptAccount.isEmpty())
        m_vault->remove(m_keptAccount);
    m_keptAccount.clear();
}

void SessionKeeper::signOut()
{
    m_signIn->signOut(tr("You have signed out."));
}

} // namespace hearth
