// hearthctl: the support companion. `check` walks the connection step by step, `watch` prints
// the live events exactly as the dashboard receives them. Wiring only.
#include "core/serveraddress.h"
#include "profile/profileloader.h"
#include "sync/backendsetup.h"
#include "api/trustedcertificates.h"
#include "sync/connectioncheck.h"
#include "sync/ordersclient.h"
#include "sync/watchprinter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>
#include <optional>

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
    std::optional<hearth::BackendProfile> profile; // set with --profile
};

bool isForeign(const Target &target)
{
    return target.profile && target.profile->protocol != hearth::BackendProtocol::Hearth;
}

// Points the client at a --profile backend; false (with the reason printed) when it cannot.
bool applyProfile(const Target &target, hearth::OrdersClient *client)
{
    if (!target.profile)
        return true;
    QString error;
    if (!hearth::BackendSetup::apply(*target.profile, &client->rest(), &client->realtime(), &error)) {
        err() << "hearthctl: " << error << Qt::endl;
        return false;
    }
    if (isForeign(target))
        hearth::BackendSetup::setToken(*target.profile, target.credentials.token, &client->rest(), &client->realtime());
    return true;
}

// Tokens and passwords come from the environment by preference: command lines end up in shell
// histories and process lists.
Target parseTarget(const QCommandLineParser &parser)
{
    Target target;
    if (parser.isSet(QStringLiteral("profile"))) {
        hearth::ProfileLoader::Failure failure;
        target.profile = hearth::ProfileLoader::loadFile(parser.value(QStringLiteral("profile")), &failure);
        if (!target.profile) {
            err() << "hearthctl: " << failure.message << '\n' << failure.details << Qt::endl;
            std::exit(2);
        }
        target.address = hearth::ServerAddress::fromHttpBase(target.profile->restBaseUrl());
        if (target.profile->protocol == hearth::BackendProtocol::Hearth)
            target.address.webSocketUrl = target.profile->url;
    } else {
        QString error;
        const auto address = hearth::ServerAddress::parse(parser.value(QStringLiteral("server")), &error);
        if (!address) {
            err() << "hearthctl: " << error << Qt::endl;
            std::exit(2);
        }
        target.address = *address;
    }
    target.credentials.token = parser.isSet(QStringLiteral("token")) ? parser.value(QStringLiteral("token"))
                                                                      : qEnvironmentVariable("HEARTH_TOKEN");
    target.credentials.username = parser.value(QStringLiteral("user"));
    target.credentials.password = qEnvironmentVariable("HEARTH_PASSWORD");
    return target;
}

int runCheck(const Target &target)
{
    hearth::OrdersClient client;
    if (!applyProfile(target, &client))
        return 2;
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
    if (isForeign(target))
        check.runForeign(target.profile->url, target.credentials.token);
    else
        check.run(target.address, target.credentials);
    return QCoreApplication::exec();
}

int runWatch(const Target &target, hearth::WatchPrinter::Format format, const QStringList &channels)
{
    hearth::OrdersClient client;
    if (!applyProfile(target, &client))
        return 2;
    hearth::WatchPrinter printer(&client, format, &out(), &err(), channels);
    // Once the client runs (signed in, or at once with a token), every other channel joins it.
    QObject::connect(&client.realtime(), &hearth::RealtimeService::stateChanged, &printer,
                     [&printer, done = false](hearth::ConnectionState state) mutable {
                         if (!done && state == hearth::ConnectionState::Live) {
                             done = true;
                             printer.watchEveryChannel();
                         }
                     });
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
    if (isForeign(target)) {
        client.start(); // the profile's backend has no sign-in: the token went in with the profile
    } else if (!target.credentials.username.isEmpty()) {
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

// One line per figure, for people; `--json` prints the server's answer as it came instead.
void printStats(const QJsonObject &stats)
{
    const auto line = [](const QString &label, const QString &value) {
        out() << label.leftJustified(18) << value << Qt::endl;
    };
    const auto count = [&stats](const char *key) {
        return QString::number(stats.value(QLatin1StringView(key)).toInteger());
    };
    line(QStringLiteral("connections"), count("connections"));
    line(QStringLiteral("subscriptions"), count("subscriptions"));
    line(QStringLiteral("events sent"),
         QStringLiteral("%1 (%2 per second over the last 10 s)")
             .arg(count("events_sent"))
             .arg(stats.value(QLatin1StringView("events_per_second")).toDouble(), 0, 'f', 1));
    line(QStringLiteral("malformed frames"), count("malformed_frames"));
    if (stats.contains(QLatin1StringView("rate_limited_frames")))
        line(QStringLiteral("rate-limited"), count("rate_limited_frames"));
    const qint64 uptime = stats.value(QLatin1StringView("uptime_s")).toInteger();
    line(QStringLiteral("uptime"), QStringLiteral("%1 h %2 min %3 s").arg(uptime / 3600).arg(uptime / 60 % 60).arg(uptime % 60));
    const QJsonObject channels = stats.value(QLatin1StringView("channels")).toObject();
    for (auto it = channels.constBegin(); it != channels.constEnd(); ++it) {
        const QJsonObject channel = it->toObject();
        const qint64 head = channel.value(QLatin1StringView("head_seq")).toInteger();
        const qint64 oldest = channel.value(QLatin1StringView("oldest_seq")).toInteger();
        const QString log = head < oldest ? QStringLiteral("no events yet")
                                          : QStringLiteral("seq %1 to %2 replayable").arg(oldest).arg(head);
        line(QStringLiteral("channel ") + it.key(),
             QStringLiteral("%1, epoch %2").arg(log, channel.value(QLatin1StringView("epoch")).toString()));
    }
}

// Prints the server's own figures; a backend without them says so instead of failing vaguely.
int runStats(const Target &target, bool json)
{
    hearth::OrdersClient client;
    if (!applyProfile(target, &client))
        return 2;
    hearth::RestClient &rest = client.rest();
    rest.setBaseUrl(target.address.httpBase);
    auto fetch = [&rest, json] {
        rest.fetchServerStats(&rest, [json](const hearth::ApiResult<QJsonObject> &result) {
            if (!result.ok()) {
                if (result.error.kind == hearth::ApiError::Kind::NotFound)
                    err() << "hearthctl: this server does not publish stats" << Qt::endl;
                else if (result.error.kind == hearth::ApiError::Kind::Forbidden)
                    err() << "hearthctl: only managers may read the server's stats" << Qt::endl;
                else
                    err() << "hearthctl: " << result.error.message << Qt::endl;
                QCoreApplication::exit(1);
                return;
            }
            const QJsonObject &stats = *result.value;
            if (json)
                out() << QString::fromUtf8(QJsonDocument(stats).toJson(QJsonDocument::Compact)) << Qt::endl;
            else
                printStats(stats);
            QCoreApplication::exit(0);
        });
    };
    if (!target.credentials.username.isEmpty()) {
        rest.login(target.credentials.username, target.credentials.password, &rest,
                   [&rest, fetch](const hearth::ApiResult<hearth::Session> &session) {
                       if (!session.ok()) {
                           err() << "hearthctl: " << session.error.message << Qt::endl;
                           QCoreApplication::exit(1);
                           return;
                       }
                       rest.setToken(session.value->token);
                       fetch();
                   });
    } else if (!target.credentials.token.isEmpty()) {
        rest.setToken(target.credentials.token);
        fetch();
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
        "  watch   print live events of every channel as the dashboard receives them (--channel to pick)\n"
        "  stats   the server's own figures (connections, subscriptions, events, its logs)\n\n"
        "The token may also come from HEARTH_TOKEN, the password for --user from HEARTH_PASSWORD."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("check, watch or stats"));
    parser.addOptions({
        {QStringLiteral("server"), QStringLiteral("The Hearth server, e.g. https://bistro.example.com."), QStringLiteral("URL")},
        {QStringLiteral("profile"), QStringLiteral("A backend profile (JSON) instead of --server: Rails, Supabase or Hearth."), QStringLiteral("FILE")},
        {QStringLiteral("token"), QStringLiteral("A session token (prefer HEARTH_TOKEN)."), QStringLiteral("TOKEN")},
        {QStringLiteral("user"), QStringLiteral("Sign in as this user; the password comes from HEARTH_PASSWORD."), QStringLiteral("NAME")},
        {QStringLiteral("ca-file"), QStringLiteral("Also trust the certificate authority (or self-signed server "
                                                   "certificate) in this PEM file."), QStringLiteral("FILE")},
        {QStringLiteral("json"), QStringLiteral("watch: one JSON object per line.")},
        {QStringLiteral("channel"),
         QStringLiteral("watch: only this channel (orders, inventory, widgets, presence, …); repeat or separate "
                        "with commas. Default: every channel the backend offers."),
         QStringLiteral("NAME")},
        {QStringLiteral("verbose"), QStringLiteral("Also print Hearth's own log lines on stderr.")},
    });
    parser.process(app);
    if (!parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("hearth.*.info=false"));

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (positional.size() != 1 || (command != u"check" && command != u"watch" && command != u"stats")) {
        err() << "hearthctl: say check, watch or stats (see --help)" << Qt::endl;
        return 2;
    }
    if (!parser.isSet(QStringLiteral("server")) && !parser.isSet(QStringLiteral("profile"))) {
        err() << "hearthctl: --server or --profile is required" << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("ca-file"))) {
        QString error;
        if (!hearth::TrustedCertificates::addFromFile(parser.value(QStringLiteral("ca-file")), &error)) {
            err() << "hearthctl: " << error << Qt::endl;
            return 2;
        }
    }
    const Target target = parseTarget(parser);
    // Before anything is sent: a password over plain HTTP to another machine is readable on the way.
    if (!target.credentials.username.isEmpty() && target.address.isUnencryptedBeyondThisMachine())
        err() << "hearthctl: warning: " << target.address.unencryptedWarning() << Qt::endl;
    if (command == u"check")
        return runCheck(target);
    if (command == u"stats")
        return runStats(target, parser.isSet(QStringLiteral("json")));
    QStringList channels;
    for (const QString &value : parser.values(QStringLiteral("channel")))
        channels += value.split(u',', Qt::SkipEmptyParts);
    for (QString &channel : channels)
        channel = channel.trimmed().toLower();
    if (QStringList unknown; !channels.isEmpty()
                             && (hearth::WatchPrinter::channelsFor(channels, &unknown), !unknown.isEmpty())) {
        err() << "hearthctl: unknown channel " << unknown.join(QStringLiteral(", ")) << " (known: "
              << hearth::WatchPrinter::channelsFor({}).join(QStringLiteral(", ")) << ')' << Qt::endl;
        return 2;
    }
    return runWatch(target, parser.isSet(QStringLiteral("json")) ? hearth::WatchPrinter::Format::Json
                                                                 : hearth::WatchPrinter::Format::Text,
                    channels);
}
