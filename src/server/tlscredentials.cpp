#include "server/tlscredentials.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace hearth::server::TlsCredentials {

namespace {

std::optional<QByteArray> readFile(const QString &path, QString *errorMessage)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errorMessage)
            *errorMessage = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.read(1024 * 1024); // certificates are small; a huge file is a mistake
}

} // namespace

std::optional<QSslConfiguration> load(const QString &certificatePath, const QString &keyPath, QString *errorMessage)
{
    const auto fail = [errorMessage](const QString &message) {
        if (errorMessage)
            *errorMessage = message;
        return std::nullopt;
    };
    const std::optional<QByteArray> certificateData = readFile(certificatePath, errorMessage);
    const std::optional<QByteArray> keyData = certificateData ? readFile(keyPath, errorMessage) : std::nullopt;
    if (!keyData)
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificateData, QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return fail(QStringLiteral("%1 holds no PEM certificate").arg(certificatePath));
    if (chain.constFirst().expiryDate() < QDateTime::currentDateTimeUtc())
        return fail(QStringLiteral("the certificate in %1 expired on %2")
                        .arg(certificatePath, chain.constFirst().expiryDate().toString(Qt::ISODate)));
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(*keyData, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return fail(QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyPath));
    // A private key holds its public half (RSA: modulus and exponent; EC: the point), and the
    // certificate's public key ends with it: a key of another certificate does not hold that tail.
    const QSslKey certificateKey = chain.constFirst().publicKey();
    const QByteArray publicTail = certificateKey.toDer().right(32);
    if (certificateKey.algorithm() != key.algorithm() || certificateKey.length() != key.length()
        || publicTail.size() < 32 || !key.toDer().contains(publicTail))
        return fail(QStringLiteral("the key in %1 does not belong to the certificate in %2").arg(keyPath, certificatePath));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients sign in with passwords, not certificates
    return configuration;
}

} // namespace hearth::server::TlsCredentials
