#pragma once

// The command line of `hearth-server`: which options exist and how their values become
// ServerOptions. Kept out of main() so that every rule about a value is tested.
#include "server/serveroptions.h"

#include <QString>

class QCommandLineParser;

namespace hearth::server::ServerCommandLine {

struct Parsed
{
    ServerOptions options;
    QString error; // non-empty: the command line is unusable, and this says why
};

// Where the database is when --database is not given.
QString defaultDatabasePath();
// Declares the server's options (not --help and --version, which belong to the program).
void addOptions(QCommandLineParser *parser);
// Reads a parser that has processed the arguments; the first unusable value is reported.
Parsed read(const QCommandLineParser &parser);

} // namespace hearth::server::ServerCommandLine
