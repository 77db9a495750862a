#pragma once

// Where a session token is kept between starts, so a restart signs in without asking again.
// Asynchronous (an OS keychain may ask the user or take a moment); each call answers with one
// signal. Implementations must never fall back to plain settings files: a token is a password.
#include <QObject>

namespace hearth {

class TokenVault : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenVault)

public:
    using QObject::QObject;

    // Answers with tokenRead (an empty token when none is kept) or failed.
    virtual void read(const QString &account) = 0;
    // Answers with written or failed.
    virtual void write(const QString &account, const QString &token) = 0;
    // Answers with removed (also when nothing was kept) or failed.
    virtual void remove(const QString &account) = 0;

signals:
    void tokenRead(const QString &account, const QString &token);
    void written(const QString &account);
    void removed(const QString &account);
    // `message` is for the person at the PC; `details` for the log.
    void failed(const QString &account, const QString &message, const QString &details);
};

} // namespace hearth
