#pragma once

// Turns what a manager types into the sign-in dialog ("bistro.example.com", "http://10.0.0.5:8080")
// into the REST base URL and the WebSocket URL, or into a message that says what is wrong.
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace hearth {

struct ServerAddress
{
    QUrl httpBase;     // e.g. https://bistro.example.com/ — REST paths are resolved against it
    QUrl webSocketUrl; // e.g. wss://bistro.example.com/ws

    // Without a scheme, https is assumed — except for this machine, where http is.
    static std::optional<ServerAddress> parse(const QString &text, QString *errorMessage);
    static ServerAddress fromHttpBase(const QUrl &httpBase);

    // http:// to another machine: a password sent there crosses the network readable by anyone
    // on it. The sign-in warns first (unencryptedWarning) and sends it only when asked again.
    bool isUnencryptedBeyondThisMachine() const;
    QString unencryptedWarning() const;
};

} // namespace hearth

Q_DECLARE_METATYPE(hearth::ServerAddress)
