#pragma once

// `hearth-server users add|passwd|disable|enable|list`: the accounts of a server's database,
// from the machine it runs on (whoever may read the database file may do this anyway). Works
// while the server runs: a disabled user's sessions are deleted, so their next request is 401
// and the server closes their WebSockets within a heartbeat. Passwords come from a prompt
// without echo, a file (--password-file, "-" for stdin) or HEARTH_USER_PASSWORD, and are never
// printed.
#include <QString>
#include <QStringList>

#include <functional>

class QTextStream;

namespace hearth::server::UserCommands {

struct Io
{
    QTextStream *out = nullptr;
    QTextStream *err = nullptr;
    // Asks the person at the terminal for a secret without echoing it; empty when there is no
    // terminal (then a password must come from a file or the environment).
    std::function<QString(const QString &prompt)> readSecret;
};

inline constexpr int minimumPasswordLength = 8;

// `arguments` are the ones after "users" (program name first, as QCommandLineParser wants it).
// The process exit code: 0 done, 1 refused or failed (the reason is on err), 2 usage.
int run(const QStringList &arguments, const Io &io);

// The help text of `hearth-server users --help`, also shown in hearth-server --help.
QString summary();

// A prompt on the controlling terminal with echo off; empty without a terminal.
QString readSecretFromTerminal(const QString &prompt);

} // namespace hearth::server::UserCommands
