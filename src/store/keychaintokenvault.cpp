#include "store/keychaintokenvault.h"

#include <qt6keychain/keychain.h>

namespace hearth {

namespace {

QString problemText(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainTokenVault::tr("This PC has no keychain Hearth can use, so it will ask for the password at every start.");
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return KeychainTokenVault::tr("The keychain did not let Hearth keep the sign-in, so it will ask for the password at the next start.");
    default:
        return KeychainTokenVault::tr("The keychain could not keep the sign-in, so Hearth will ask for the password at the next start.");
    }
}

// Prepares a job that deletes itself and never writes the secret anywhere but the keychain.
template <typename JobType>
JobType *makeJob(const QString &service, const QString &account, QObject *parent)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    return job;
}

} // namespace

KeychainTokenVault::KeychainTokenVault(const QString &service, QObject *parent)
    : TokenVault(parent), m_service(service)
{
}

void KeychainTokenVault::read(const QString &account)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, account, this);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *finished) {
        const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (finished->error() == QKeychain::NoError)
            emit tokenRead(account, readJob->textData());
        else if (finished->error() == QKeychain::EntryNotFound)
            emit tokenRead(account, QString());
        else
            emit failed(account, problemText(finished->error()), finished->errorString());
    });
    job->start();
}

void KeychainTokenVault::write(const QString &account, const QString &token)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, account, this);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            emit written(account);
        else
            emit failed(account, problemText(finished->error()), finished->errorString());
    });
    job->start();
}

void KeychainTokenVault::remove(const QString &account)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, account, this);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound)
            emit removed(account);
        else
            emit failed(account, problemText(finished->error()), finished->errorString());
    });
    job->start();
}

} // namespace hearth
