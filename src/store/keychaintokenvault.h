#pragma once

// The session token in the operating system's keychain (Windows Credential Manager, macOS
// Keychain, the Secret Service or KWallet on Linux) through qtkeychain. Where none is reachable
// (a server without a desktop session, CI) every call fails with a plain sentence; the token is
// then not kept at all — qtkeychain's plain-text fallback stays off.
#include "store/tokenvault.h"

namespace hearth {

class KeychainTokenVault final : public TokenVault
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainTokenVault)

public:
    explicit KeychainTokenVault(const QString &service = QStringLiteral("Hearth"), QObject *parent = nullptr);

    void read(const QString &account) override;
    void write(const QString &account, const QString &token) override;
    void remove(const QString &account) override;

private:
    QString m_service;
};

} // namespace hearth
