#include "server/authservice.h"

#include "core/logging.h"
#include "server/sessionrepository.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace hearth::server {

AuthService::AuthService(AccountRepository *accounts, SessionRepository *sessions)
    : m_accounts(accounts), m_sessions(sessions)
{
}

std::optional<LoginResult> AuthService::login(const QString &username, const QString &password)
{
    const LoginAttempt attempt = beginLogin(username);
    return finishLogin(attempt, checkPassword(password, attempt.hashToCheck, attempt.wantedIterations));
}

LoginAttempt AuthService::beginLogin(const QString &username) const
{
    LoginAttempt attempt;
    attempt.user = m_accounts->userByUsername(username);
    attempt.wantedIterations = m_passwordIterations;
    // Spend the same work as a real check so response times do not reveal valid usernames. The
    // decoy never matches (its key is no PBKDF2 output of anything) and costs nothing to make.
    attempt.hashToCheck = attempt.user
        ? attempt.user->passwordHash
        : QStringLiteral("pbkdf2-sha256$%1$ZGVjb3lkZWNveWRlY295ZA$ZGVjb3kta2V5LWRlY295LWtleS1kZWNveS1rZXktMzI")
              .arg(m_passwordIterations);
    return attempt;
}

PasswordCheck AuthService::checkPassword(const QString &password, const QString &hashToCheck, int wantedIterations)
{
    PasswordCheck check;
    check.matches = PasswordHasher::verify(password, hashToCheck);
    // The work factor grows with hardware; a stored hash catches up when its password is known.
    if (check.matches && PasswordHasher::iterationsOf(hashToCheck) < wantedIterations)
        check.newHash = PasswordHasher::hash(password, wantedIterations);
    return check;
}

std::optional<LoginResult> AuthService::finishLogin(const LoginAttempt &attempt, const PasswordCheck &check)
{
    if (!attempt.user) {
        qCInfo(lcServer) << "login failed: unknown user";
        return std::nullopt;
    }
    const User &user = *attempt.user;
    if (!check.matches) {
        qCInfo(lcServer).noquote() << "login failed: wrong password for" << user.username;
        return std::nullopt;
    }
    if (user.disabled) {
        qCInfo(lcServer).noquote() << "login refused: the account" << user.username << "is disabled";
        return std::nullopt;
    }
    const std::optional<Restaurant> restaurant = m_accounts->restaurant(user.restaurantId);
    if (!restaurant)
        return std::nullopt;
    if (!check.newHash.isEmpty()) {
        if (m_accounts->setPasswordHash(user.id, check.newHash))
            qCInfo(lcServer).noquote() << "password hash of" << user.username << "raised to"
                                       << PasswordHasher::iterationsOf(check.newHash) << "iterations";
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_sessions->deleteExpired(now); // sign-ins are rare enough to carry the cleanup
    LoginResult result;
    result.token = newToken();
    result.expiresAt = now.addMSecs(m_tokenLifetime.count());
    if (!m_sessions->create(tokenHash(result.token), user.id, now, result.expiresAt))
        return std::nullopt;
    result.user = user;
    result.restaurant = *restaurant;
    qCInfo(lcServer).noquote() << "signed in:" << user.username << "restaurant" << restaurant->id;
    return result;
}

std::optional<AuthContext> AuthService::authenticate(const QString &token) const
{
    if (token.isEmpty() || token.size() > 256)
        return std::nullopt;
    const QByteArray hash = tokenHash(token);
    std::optional<AuthContext> context = m_sessions->find(hash, QDateTime::currentDateTimeUtc());
    if (context)
        context->sessionKey = hash;
    return context;
}

std::optional<AuthContext> AuthService::authenticateBearer(QByteArrayView authorizationHeader) const
{
    return authenticate(bearerToken(authorizationHeader));
}

std::optional<QDateTime> AuthService::sessionExpiry(const QByteArray &sessionKey) const
{
    const std::optional<AuthContext> context = m_sessions->find(sessionKey, QDateTime::currentDateTimeUtc());
    if (!context)
        return std::nullopt;
    return context->expiresAt;
}

bool AuthService::logout(const AuthContext &context)
{
    const bool removed = m_sessions->remove(context.sessionKey);
    if (removed)
        qCInfo(lcServer).noquote() << "signed out:" << context.username;
    return removed;
}

std::optional<QDateTime> AuthService::refresh(const AuthContext &context)
{
    const std::optional<QDateTime> created = m_sessions->createdAt(context.sessionKey);
    if (!created)
        return std::nullopt;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime wanted = std::min(now.addMSecs(m_tokenLifetime.count()), created->addMSecs(m_maxSessionAge.count()));
    if (wanted <= context.expiresAt)
        return context.expiresAt; // at its maximum age already: it ends when it ends
    if (!m_sessions->setExpiry(context.sessionKey, wanted))
        return std::nullopt;
    return wanted;
}

QList<SessionRecord> AuthService::sessions(const QString &restaurantId) const
{
    return m_sessions->list(restaurantId, QDateTime::currentDateTimeUtc());
}

QString AuthService::sessionId(const QByteArray &sessionKey)
{
    // Derived, so it needs no column of its own; one-way, so it tells nothing about the token.
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("hearth-session-id:" + sessionKey), QCryptographicHash::Sha256).left(12).toHex());
}

std::optional<SessionRecord> AuthService::revoke(const QString &restaurantId, const QString &sessionId)
{
    const QList<SessionRecord> live = sessions(restaurantId);
    for (const SessionRecord &record : live) {
        if (AuthService::sessionId(record.tokenHash) == sessionId && m_sessions->remove(record.tokenHash)) {
            qCInfo(lcServer).noquote() << "session of" << record.username << "revoked";
            return record;
        }
    }
    return std::nullopt;
}

QString AuthService::bearerToken(QByteArrayView authorizationHeader)
{
    const QByteArray header = authorizationHeader.trimmed().toByteArray();
    constexpr QByteArrayView scheme("bearer ");
    if (header.size() <= scheme.size() || !header.left(scheme.size()).toLower().startsWith(scheme))
        return {};
    return QString::fromLatin1(header.mid(scheme.size()).trimmed());
}

QString AuthService::newToken()
{
    quint32 words[8]; // 32 bytes from the OS generator
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words))
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray AuthService::tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace hearth::server
