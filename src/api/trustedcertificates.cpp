#include "api/trustedcertificates.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace hearth::TrustedCertificates {

bool addFromFile(const QString &path, QString *errorMessage)
{
    QFile file(path);
    const QList<QSslCertificate> certificates =
        file.open(QIODevice::ReadOnly) ? QSslCertificate::fromData(file.read(1024 * 1024), QSsl::Pem)
                                       : QList<QSslCertificate>();
    if (certificates.isEmpty()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("no PEM certificate in %1").arg(path);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(certificates);
    QSslConfiguration::setDefaultConfiguration(configuration);
    return true;
}

} // namespace hearth::TrustedCertificates
