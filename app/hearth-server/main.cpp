// hearth-server: the reference backend of Hearth. Wiring only; the server is hearth::server.
#include "core/logging.h"
#include "server/database.h"
#include "server/demoaccounts.h"
#include "server/firstrunseeder.h"
#include "server/hearthserver.h"
#include "server/logguard.h"
#include "server/servercommandline.h"
#include "server/terminationsignals.h"
#include "server/usercommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace hearth::server;

namespace {

// Bounds the wait for clients to finish their closing handshakes after a termination signal.
constexpr int shutdownTimeoutMs = 3000;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    LogGuard::install(); // client text in log lines escaped, floods of one kind of line held back
    QCoreApplication::setOrganizationName(QStringLiteral("Hearth"));
    QCoreApplication::setApplicationName(QStringLiteral("hearth-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEARTH_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.value(1) == u"users") {
        return UserCommands::run(arguments.mid(0, 1) + arguments.mid(2),
                                 UserCommands::Io{&out, &err, &UserCommands::readSecretFromTerminal});
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hearth reference backend: REST and WebSocket on one port."));
    // Dispatched above; listed here so that --help (and the man page made from it) names it.
    parser.addPositionalArgument(QStringLiteral("users"),
                                 QStringLiteral("Manage the user accounts of --database, also while the server runs: "
                                                "users list, users add USERNAME [--role staff|manager] [--name NAME], "
                                                "users passwd USERNAME, users disable|enable USERNAME. Passwords are "
                                                "asked for without echo, or read from --password-file or "
                                                "HEARTH_USER_PASSWORD, and never printed. See hearth-server users "
                                                "--help."),
                                 QStringLiteral("[users list|add|passwd|disable|enable ...]"));
    parser.addHelpOption();
    parser.addVersionOption();
    ServerCommandLine::addOptions(&parser);
    parser.process(app);
    const ServerCommandLine::Parsed parsed = ServerCommandLine::read(parser);
    if (!parsed.error.isEmpty()) {
        err << "hearth-server: " << parsed.error << Qt::endl;
        return 1;
    }

    HearthServer server(parsed.options);
    QString error;
    if (!server.start(&error)) {
        err << "hearth-server: " << error << Qt::endl;
        return 1;
    }
    out << "Hearth server " << QCoreApplication::applicationVersion() << " listening on "
        << server.listenDescription() << "\n"
        << "From this machine: " << server.httpUrl().toString() << " (WebSocket " << server.webSocketUrl().toString()
        << ")\n"
        << "Database: "
        << (Database::isPostgresUrl(parsed.options.databasePath)
                ? Database::displayLocation(parsed.options.databasePath)
                : QDir::toNativeSeparators(parsed.options.databasePath))
        << "\n";
    if (!server.usesTls() && !parsed.options.address.isLoopback()) {
        out << "Warning: plain HTTP beyond this machine (--insecure-http): passwords and orders cross the network "
               "unencrypted\n";
    }
    if (parsed.options.seedDemoAccounts) {
        out << "Demo accounts: " << DemoAccounts::staffUsername << " / " << DemoAccounts::staffPassword << " (staff), "
            << DemoAccounts::managerUsername << " / " << DemoAccounts::managerPassword << " (manager)\n";
    }
    if (!server.firstRunPassword().isEmpty()) {
        out << "First start: the manager account " << FirstRunSeeder::adminUsername << " has the password "
            << server.firstRunPassword() << "\n"
            << "It is shown this once and not logged; keep it somewhere safe.\n";
    }
    if (parsed.options.simulateOrdersPerMinute > 0)
        out << "Simulating " << parsed.options.simulateOrdersPerMinute << " orders per minute\n";
    out.flush();

    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::terminationRequested, &server, [&server, &app] {
        qCInfo(lcServer) << "shutting down";
        // Quit once the clients have had their close frames (bounded by the server's drain timeout).
        QObject::connect(&server, &HearthServer::drained, &app, &QCoreApplication::quit, Qt::QueuedConnection);
        server.stop();
        QTimer::singleShot(shutdownTimeoutMs, &app, &QCoreApplication::quit);
    });
    QObject::connect(&termination, &TerminationSignals::reloadRequested, &server, [&server] {
        if (server.usesTls())
            server.reloadTls(); // says in the log what it did
    });
    return app.exec();
}
