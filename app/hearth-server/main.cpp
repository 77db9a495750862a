// hearth-server: the reference backend of Hearth. Wiring only; the server is hearth::server.
#include "core/logging.h"
#include "server/demoaccounts.h"
#include "server/hearthserver.h"
#include "terminationsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace hearth::server;

namespace {

struct Parsed
{
    ServerOptions options;
    QString error; // non-empty: the command line is unusable
};

Parsed parseArguments(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hearth reference backend: REST and WebSocket on one port."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address to listen on."),
                                    QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port (0: any free port)."),
                                  QStringLiteral("port"), QStringLiteral("8080"));
    const QCommandLineOption database(
        QStringLiteral("database"), QStringLiteral("SQLite database file (created when missing)."),
        QStringLiteral("path"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("hearth.db")));
    const QCommandLineOption simulate(QStringLiteral("simulate"),
                                      QStringLiteral("Simulate a service with RATE new orders per minute."),
                                      QStringLiteral("rate"), QStringLiteral("0"));
    const QCommandLineOption heartbeat(QStringLiteral("heartbeat-ms"),
                                       QStringLiteral("Heartbeat interval announced to clients."),
                                       QStringLiteral("ms"), QStringLiteral("15000"));
    const QCommandLineOption retention(QStringLiteral("retention"),
                                       QStringLiteral("Events kept per channel for replay."),
                                       QStringLiteral("count"), QStringLiteral("100000"));
    parser.addOptions({listen, port, database, simulate, heartbeat, retention});
    parser.process(app);

    Parsed parsed;
    ServerOptions &options = parsed.options;
    bool ok = options.address.setAddress(parser.value(listen));
    if (!ok)
        parsed.error = QStringLiteral("--listen: not an IP address: %1").arg(parser.value(listen));
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        parsed.error = QStringLiteral("--port: expected 0 to 65535");
    options.port = quint16(portNumber);
    options.databasePath = parser.value(database);
    options.simulateOrdersPerMinute = parser.value(simulate).toDouble(&ok);
    if (!ok || options.simulateOrdersPerMinute < 0)
        parsed.error = QStringLiteral("--simulate: expected orders per minute, e.g. 30 or 2.5");
    options.heartbeatMs = parser.value(heartbeat).toInt(&ok);
    if (!ok || options.heartbeatMs < 1000)
        parsed.error = QStringLiteral("--heartbeat-ms: expected at least 1000");
    options.eventRetention = parser.value(retention).toLongLong(&ok);
    if (!ok || options.eventRetention < 1)
        parsed.error = QStringLiteral("--retention: expected at least 1");
    return parsed;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Hearth"));
    QCoreApplication::setApplicationName(QStringLiteral("hearth-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEARTH_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const Parsed parsed = parseArguments(app);
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
        << server.httpUrl().toString() << " (WebSocket " << server.webSocketUrl().toString() << ")\n"
        << "Database: " << QDir::toNativeSeparators(parsed.options.databasePath) << "\n"
        << "Demo accounts: " << DemoAccounts::staffUsername << " / " << DemoAccounts::staffPassword << " (staff), "
        << DemoAccounts::managerUsername << " / " << DemoAccounts::managerPassword << " (manager)\n";
    if (parsed.options.simulateOrdersPerMinute > 0)
        out << "Simulating " << parsed.options.simulateOrdersPerMinute << " orders per minute\n";
    out.flush();

    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::terminationRequested, &server, [&server, &app] {
        qCInfo(lcServer) << "shutting down";
        // Quit once the clients have had their close frames (bounded by the server's drain timeout).
        QObject::connect(&server, &HearthServer::drained, &app, &QCoreApplication::quit, Qt::QueuedConnection);
        server.stop();
        QTimer::singleShot(3000, &app, &QCoreApplication::quit);
    });
    return app.exec();
}
