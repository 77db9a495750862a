// hearthctl: the support companion. `check` walks the connection step by step, `watch` prints
// the live events exactly as the dashboard receives them. Wiring only.
#include "core/serveraddress.h"
#include "sync/connectioncheck.h"
#include "sync/ordersclient.h"
#include "sync/watchprinter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

struct Target
{
    hearth::ServerAddress address;
    hearth::ConnectionCheck::Credentials credentials;
};

// Tokens and passwords come from the environment by preference: command lines end up in shell
// histories and process lists.
Target parseTarget(const QCommandLineParser &parser)
{
    QString error;
    const auto address = hearth::ServerAddress::parse(parser.value(QStringLiteral("server")), &error);
    if (!address) {
        err() << "hearthctl: " << error << Qt::endl;
        std::exit(2);
    }
    Target target{*address, {}};
    target.credentials.token = parser.isSet(QStringLiteral("token")) ? parser.value(QStringLiteral("token"))
                                                                      : qEnvironmentVariable("HEARTH_TOKEN");
    target.credentials.username = parser.value(QStringLiteral("user"));
    target.credentials.password = qEnvironmentVariable("HEARTH_PASSWORD");
    return target;
}

int runCheck(const Target &target)
{
    hearth::OrdersClient client;
    hearth::ConnectionCheck check(&client);
    QObject::connect(&check, &hearth::ConnectionCheck::stepFinished, [](const hearth::CheckStep &step) {
        out() << (step.ok ? "PASS " : "FAIL ") << step.name.leftJustified(10) << step.detail << Qt::endl;
        if (!step.ok && !step.hint.isEmpty())
            out() << "     hint: " << step.hint << Qt::endl;
    });
    QObject::connect(&check, &hearth::ConnectionCheck::finished, [](bool passed) {
        out() << (passed ? "All checks passed." : "The check failed.") << Qt::endl;
        QCoreApplication::exit(passed ? 0 : 1);
    });
    check.run(target.address, target.credentials);
    return QCoreApplication::exec();
}

int runWatch(const Target &target, hearth::WatchPrinter::Format format)
{
    hearth::OrdersClient client;
    hearth::WatchPrinter printer(&client, format, &out(), &err());
    hearth::SignIn &signIn = client.signIn();
    QObject::connect(&signIn, &hearth::SignIn::signInFailed, [](const QString &message) {
        err() << "hearthctl: " << message << Qt::endl;
        QCoreApplication::exit(1);
    });
    QObject::connect(&signIn, &hearth::SignIn::signedIn, &client, [&client] { client.start(); });
    QObject::connect(&signIn, &hearth::SignIn::signedOut, [](const QString &reason) {
        err() << "hearthctl: " << reason << Qt::endl;
        QCoreApplication::exit(1);
    });
    if (!target.credentials.username.isEmpty()) {
        signIn.signIn(target.address, target.credentials.username, target.credentials.password);
    } else if (!target.credentials.token.isEmpty()) {
        client.rest().setBaseUrl(target.address.httpBase);
        client.rest().setToken(target.credentials.token);
        client.realtime().setEndpoint(target.address.webSocketUrl, target.credentials.token);
        client.start();
    } else {
        err() << "hearthctl: give --token (or HEARTH_TOKEN), or --user with HEARTH_PASSWORD" << Qt::endl;
        return 2;
    }
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hearthctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEARTH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Hearth support tool.\n\n"
        "  check   test every step from this PC to the server, with a hint for each failure\n"
        "  watch   print live events as the dashboard receives them (state changes on stderr)\n\n"
        "The token may also come from HEARTH_TOKEN, the password for --user from HEARTH_PASSWORD."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("check or watch"));
    parser.addOptions({
        {QStringLiteral("server"), QStringLiteral("The Hearth server, e.g. https://bistro.example.com."), QStringLiteral("URL")},
        {QStringLiteral("token"), QStringLiteral("A session token (prefer HEARTH_TOKEN)."), QStringLiteral("TOKEN")},
        {QStringLiteral("user"), QStringLiteral("Sign in as this user; the password comes from HEARTH_PASSWORD."), QStringLiteral("NAME")},
        {QStringLiteral("json"), QStringLiteral("watch: one JSON object per line.")},
        {{QStringLiteral("v"), QStringLiteral("verbose")}, QStringLiteral("Also print Hearth's own log lines on stderr.")},
    });
    parser.process(app);
    if (!parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("hearth.*.info=false"));

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (positional.size() != 1 || (command != u"check" && command != u"watch")) {
        err() << "hearthctl: say check or watch (see --help)" << Qt::endl;
        return 2;
    }
    if (!parser.isSet(QStringLiteral("server"))) {
        err() << "hearthctl: --server is required" << Qt::endl;
        return 2;
    }
    const Target target = parseTarget(parser);
    if (command == u"check")
        return runCheck(target);
    return runWatch(target, parser.isSet(QStringLiteral("json")) ? hearth::WatchPrinter::Format::Json
                                                                 : hearth::WatchPrinter::Format::Text);
}
