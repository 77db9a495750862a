#pragma once

// Certificate authorities trusted beyond the system's: a restaurant's own CA, or the server's
// self-signed certificate (hearthctl --ca-file, HEARTH_CA_FILE for the dashboard). Verification
// stays on; this only adds what it may accept.
#include <QString>

namespace hearth::TrustedCertificates {

// Adds every PEM certificate in `path` to the default TLS configuration of this process (used by
// every later REST request and WebSocket). False, with the reason, when there is none to add.
bool addFromFile(const QString &path, QString *errorMessage);

} // namespace hearth::TrustedCertificates
