#include "server/servercommandline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace hearth::server::ServerCommandLine {

namespace {

const QString listenName = QStringLiteral("listen");
const QString portName = QStringLiteral("port");
const QString databaseName = QStringLiteral("database");
const QString simulateName = QStringLiteral("simulate");
const QString heartbeatName = QStringLiteral("heartbeat-ms");
const QString retentionName = QStringLiteral("retention");
const QString analyticsRetentionName = QStringLiteral("analytics-retention-days");
const QString noDemoSeedName = QStringLiteral("no-demo-seed");
const QString demoName = QStringLiteral("demo");
const QString adminPasswordFileName = QStringLiteral("admin-password-file");
const QString restaurantNameName = QStringLiteral("restaurant-name");
const QString tlsCertName = QStringLiteral("tls-cert");
const QString tlsKeyName = QStringLiteral("tls-key");
const QString insecureHttpName = QStringLiteral("insecure-http");
const QString maxConnectionsName = QStringLiteral("max-connections");
const QString maxPerAddressName = QStringLiteral("max-connections-per-address");

} // namespace

QString defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("hearth.db"));
}

void addOptions(QCommandLineParser *parser)
{
    const QString defaultDatabase = defaultDatabasePath();
    parser->addOptions({
        {listenName, QStringLiteral("Address to listen on."), QStringLiteral("address"), QStringLiteral("127.0.0.1")},
        {portName, QStringLiteral("TCP port (0: any free port)."), QStringLiteral("port"), QStringLiteral("8080")},
        {databaseName,
         QStringLiteral("SQLite database file (created when missing), or a PostgreSQL database shared by several "
                        "instances: postgresql://user@host:port/database (password from PGPASSWORD or ~/.pgpass)."),
         QStringLiteral("path|url"), defaultDatabase},
        {simulateName, QStringLiteral("Simulate a service with RATE new orders per minute."), QStringLiteral("rate"),
         QStringLiteral("0")},
        {heartbeatName, QStringLiteral("Heartbeat interval announced to clients."), QStringLiteral("ms"),
         QStringLiteral("15000")},
        {retentionName, QStringLiteral("Events kept per channel for replay."), QStringLiteral("count"),
         QStringLiteral("100000")},
        {analyticsRetentionName,
         QStringLiteral("Days of website analytics kept (1 to 3650); stored in the database, so later starts "
                        "without it keep the value (a new database keeps 90)."),
         QStringLiteral("days")},
        {noDemoSeedName, QStringLiteral("With --simulate: start an empty restaurant from scratch instead of "
                                        "one whose service is already under way.")},
        {demoName, QStringLiteral("A new database gets the demo restaurant and its published accounts "
                                  "(implied by --simulate; loopback only).")},
        {adminPasswordFileName, QStringLiteral("A new database's first manager, admin, gets the password in this "
                                               "file (else HEARTH_ADMIN_PASSWORD, else a random one printed once)."),
         QStringLiteral("path")},
        {restaurantNameName, QStringLiteral("A new database's restaurant name."), QStringLiteral("name"),
         QStringLiteral("My restaurant")},
        {tlsCertName, QStringLiteral("Serve HTTPS and WSS with this PEM certificate (its chain after it). Read again "
                                     "on SIGHUP."),
         QStringLiteral("path")},
        {tlsKeyName, QStringLiteral("The PEM private key of --tls-cert (unencrypted; keep it readable by the "
                                    "server only)."),
         QStringLiteral("path")},
        {insecureHttpName, QStringLiteral("Allow plain HTTP on an address other than loopback (passwords and "
                                          "orders then cross the network readable by anyone on it).")},
        {maxConnectionsName, QStringLiteral("Open connections (HTTP and WebSocket) of this instance; 503 beyond."),
         QStringLiteral("count"), QStringLiteral("512")},
        // Behind a load balancer or a reverse proxy every client comes from its address.
        {maxPerAddressName, QStringLiteral("Open connections of one client address (a proxy in front of the "
                                           "server is one address: raise it there); 503 beyond."),
         QStringLiteral("count"), QStringLiteral("64")},
    });
}

Parsed read(const QCommandLineParser &parser)
{
    Parsed parsed;
    ServerOptions &options = parsed.options;
    QStringList errors;
    if (!options.address.setAddress(parser.value(listenName)))
        errors.append(QStringLiteral("--listen: not an IP address: %1").arg(parser.value(listenName)));
    bool ok = false;
    const uint portNumber = parser.value(portName).toUInt(&ok);
    if (!ok || portNumber > 65535)
        errors.append(QStringLiteral("--port: expected 0 to 65535"));
    options.port = quint16(portNumber);
    options.databasePath = parser.value(databaseName);
    if (options.databasePath.isEmpty())
        errors.append(QStringLiteral("--database: expected a file path or a postgresql:// URL"));
    options.simulateOrdersPerMinute = parser.value(simulateName).toDouble(&ok);
    if (!ok || !(options.simulateOrdersPerMinute >= 0))
        errors.append(QStringLiteral("--simulate: expected orders per minute, e.g. 30 or 2.5"));
    // A simulated service looks real from the first minute; an empty database only gets the
    // seed once (see DemoService), so restarts continue the evening instead of repeating it.
    options.seedDemoService = options.simulateOrdersPerMinute > 0 && !parser.isSet(noDemoSeedName);
    options.seedDemoAccounts = parser.isSet(demoName) || options.simulateOrdersPerMinute > 0;
    options.restaurantName = parser.value(restaurantNameName).trimmed();
    if (options.restaurantName.isEmpty())
        errors.append(QStringLiteral("--restaurant-name: expected a name"));
    if (parser.isSet(adminPasswordFileName)) {
        QFile file(parser.value(adminPasswordFileName));
        if (file.open(QIODevice::ReadOnly))
            options.adminPassword = QString::fromUtf8(file.readLine(4096)).trimmed();
        if (options.adminPassword.isEmpty())
            errors.append(QStringLiteral("--admin-password-file: cannot read a password from %1").arg(file.fileName()));
    } else {
        options.adminPassword = qEnvironmentVariable("HEARTH_ADMIN_PASSWORD");
    }
    options.tlsCertificatePath = parser.value(tlsCertName);
    options.tlsKeyPath = parser.value(tlsKeyName);
    if (options.tlsCertificatePath.isEmpty() != options.tlsKeyPath.isEmpty())
        errors.append(QStringLiteral("--tls-cert and --tls-key go together"));
    options.allowInsecureHttp = parser.isSet(insecureHttpName);
    options.heartbeatMs = parser.value(heartbeatName).toInt(&ok);
    if (!ok || options.heartbeatMs < 1000)
        errors.append(QStringLiteral("--heartbeat-ms: expected at least 1000"));
    options.eventRetention = parser.value(retentionName).toLongLong(&ok);
    if (!ok || options.eventRetention < 1)
        errors.append(QStringLiteral("--retention: expected at least 1"));
    if (parser.isSet(analyticsRetentionName)) {
        options.analyticsRetentionDays = parser.value(analyticsRetentionName).toInt(&ok);
        if (!ok || options.analyticsRetentionDays < 1 || options.analyticsRetentionDays > 3650)
            errors.append(QStringLiteral("--analytics-retention-days: expected 1 to 3650"));
    }
    options.maxConnections = parser.value(maxConnectionsName).toInt(&ok);
    if (!ok || options.maxConnections < 1)
        errors.append(QStringLiteral("--max-connections: expected at least 1"));
    options.maxConnectionsPerAddress = parser.value(maxPerAddressName).toInt(&ok);
    if (!ok || options.maxConnectionsPerAddress < 1 || options.maxConnectionsPerAddress > options.maxConnections)
        errors.append(QStringLiteral("--max-connections-per-address: expected 1 to --max-connections"));
    parsed.error = errors.value(0);
    return parsed;
}

} // namespace hearth::server::ServerCommandLine
