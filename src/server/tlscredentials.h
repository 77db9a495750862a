#pragma once

// The server's certificate and key for HTTPS and WSS (--tls-cert, --tls-key): read from PEM
// files at start and again on SIGHUP (HearthServer::reloadTls), so a renewed certificate
// (certbot, an internal CA) is taken up without a restart. Connections already open keep the
// certificate they were made with.
#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace hearth::server::TlsCredentials {

// A server configuration with the certificate chain (leaf first) and the private key, or
// nothing with the reason in `errorMessage` (missing file, not PEM, key does not fit, expired).
std::optional<QSslConfiguration> load(const QString &certificatePath, const QString &keyPath, QString *errorMessage);

} // namespace hearth::server::TlsCredentials
