#include "server/usercommands.h"

#include "server/accountrepository.h"
#include "server/database.h"
#include "server/migrations.h"
#include "server/passwordhasher.h"
#include "server/servercommandline.h"
#include "server/sessionrepository.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#endif

namespace hearth::server::UserCommands {

namespace {

const QString databaseName = QStringLiteral("database");
const QString roleName = QStringLiteral("role");
const QString displayNameName = QStringLiteral("name");
const QString restaurantName = QStringLiteral("restaurant");
const QString passwordFileName = QStringLiteral("password-file");
const QString iterationsName = QStringLiteral("hash-iterations");

struct Context
{
    const Io &io;
    Database database;
    AccountRepository accounts{&database};
    SessionRepository sessions{&database};

    explicit Context(const Io &streams) : io(streams) {}
    int fail(const QString &message) const
    {
        *io.err << "hearth-server users: " << message << Qt::endl;
        return 1;
    }
};

// The password for add/passwd: from the file, the environment or the terminal (asked twice).
std::optional<QString> newPassword(const QCommandLineParser &parser, const Context &context)
{
    QString password;
    if (parser.isSet(passwordFileName)) {
        const QString path = parser.value(passwordFileName);
        QFile file;
        const bool opened = path == u"-" ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            context.fail(QStringLiteral("cannot read the password file %1").arg(path));
            return std::nullopt;
        }
        password = QString::fromUtf8(file.readLine(4096)).trimmed();
    } else if (qEnvironmentVariableIsSet("HEARTH_USER_PASSWORD")) {
        password = qEnvironmentVariable("HEARTH_USER_PASSWORD");
    } else {
        password = context.io.readSecret ? context.io.readSecret(QStringLiteral("New password: ")) : QString();
        if (password.isEmpty()) {
            context.fail(QStringLiteral("no password: type one at a terminal, or give --password-file (\"-\" reads "
                                        "standard input) or HEARTH_USER_PASSWORD"));
            return std::nullopt;
        }
        if (context.io.readSecret(QStringLiteral("Repeat it: ")) != password) {
            context.fail(QStringLiteral("the two passwords differ; nothing was changed"));
            return std::nullopt;
        }
    }
    if (password.size() < minimumPasswordLength) {
        context.fail(QStringLiteral("the password needs at least %1 characters").arg(minimumPasswordLength));
        return std::nullopt;
    }
    return password;
}

std::optional<User> namedUser(const QCommandLineParser &parser, const Context &context)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        context.fail(QStringLiteral("%1 takes one username").arg(positional.value(0)));
        return std::nullopt;
    }
    std::optional<User> user = context.accounts.userByUsername(positional.at(1));
    if (!user)
        context.fail(QStringLiteral("no user %1").arg(positional.at(1)));
    return user;
}

int list(const QCommandLineParser &parser, Context &context)
{
    const QList<User> users = context.accounts.users(parser.value(restaurantName));
    QTextStream &out = *context.io.out;
    out << qSetFieldWidth(20) << Qt::left << "USERNAME" << qSetFieldWidth(9) << "ROLE" << qSetFieldWidth(12)
        << "RESTAURANT" << qSetFieldWidth(10) << "STATUS" << qSetFieldWidth(0) << "NAME\n";
    for (const User &user : users) {
        out << qSetFieldWidth(20) << user.username << qSetFieldWidth(9) << roleToWire(user.role) << qSetFieldWidth(12)
            << user.restaurantId << qSetFieldWidth(10) << (user.disabled ? "disabled" : "active") << qSetFieldWidth(0)
            << user.displayName << '\n';
    }
    out.flush();
    return 0;
}

int add(const QCommandLineParser &parser, Context &context, int iterations)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return context.fail(QStringLiteral("add takes one username"));
    const QString username = positional.at(1).trimmed();
    if (username.isEmpty() || username.size() > 64 || username.contains(u' '))
        return context.fail(QStringLiteral("a username is 1 to 64 characters without spaces"));
    if (context.accounts.userByUsername(username))
        return context.fail(QStringLiteral("the username %1 is taken").arg(username));
    const std::optional<Role> role = roleFromWire(parser.value(roleName));
    if (!role)
        return context.fail(QStringLiteral("--role: staff or manager"));
    QString restaurant = parser.value(restaurantName);
    const QList<Restaurant> restaurants = context.accounts.restaurants();
    if (restaurant.isEmpty()) {
        if (restaurants.size() != 1)
            return context.fail(QStringLiteral("the database has %1 restaurants: name one with --restaurant").arg(restaurants.size()));
        restaurant = restaurants.constFirst().id;
    } else if (!context.accounts.restaurant(restaurant)) {
        return context.fail(QStringLiteral("no restaurant %1").arg(restaurant));
    }
    const std::optional<QString> password = newPassword(parser, context);
    if (!password)
        return 1;
    const QString displayName = parser.isSet(displayNameName) ? parser.value(displayNameName).trimmed() : username;
    if (!context.accounts.createUser(restaurant, username, displayName, *role, PasswordHasher::hash(*password, iterations)))
        return context.fail(QStringLiteral("cannot add %1").arg(username));
    *context.io.out << "Added " << roleToWire(*role) << ' ' << username << " to restaurant " << restaurant << Qt::endl;
    return 0;
}

int passwd(const QCommandLineParser &parser, Context &context, int iterations)
{
    const std::optional<User> user = namedUser(parser, context);
    if (!user)
        return 1;
    const std::optional<QString> password = newPassword(parser, context);
    if (!password)
        return 1;
    // A new password also ends the sessions signed in with the old one (it may have leaked).
    SqlTransaction transaction(context.database.connection());
    if (!transaction.isActive()
        || !context.accounts.setPasswordHash(user->id, PasswordHasher::hash(*password, iterations))
        || context.sessions.removeAllOf(user->id) < 0 || !transaction.commit())
        return context.fail(QStringLiteral("cannot change the password of %1").arg(user->username));
    *context.io.out << "Changed the password of " << user->username << "; their sessions have ended" << Qt::endl;
    return 0;
}

int setDisabled(const QCommandLineParser &parser, Context &context, bool disabled)
{
    const std::optional<User> user = namedUser(parser, context);
    if (!user)
        return 1;
    SqlTransaction transaction(context.database.connection());
    const int ended = disabled ? context.sessions.removeAllOf(user->id) : 0;
    if (!transaction.isActive() || !context.accounts.setDisabled(user->id, disabled) || ended < 0
        || !transaction.commit())
        return context.fail(QStringLiteral("cannot change %1").arg(user->username));
    if (disabled)
        *context.io.out << "Disabled " << user->username << "; " << ended << " session(s) ended" << Qt::endl;
    else
        *context.io.out << "Enabled " << user->username << Qt::endl;
    return 0;
}

} // namespace

QString summary()
{
    return QStringLiteral(
        "User accounts (run on the server's machine, also while it runs):\n"
        "  hearth-server users list [--restaurant ID]\n"
        "  hearth-server users add USERNAME [--role staff|manager] [--name \"Display name\"] [--restaurant ID]\n"
        "  hearth-server users passwd USERNAME     (also ends the user's sessions)\n"
        "  hearth-server users disable USERNAME    (ends the user's sessions; enable undoes it)\n"
        "Each takes --database PATH. A password is asked for without echo, or read from\n"
        "--password-file PATH (\"-\": standard input) or HEARTH_USER_PASSWORD; it is never printed.\n");
}

int run(const QStringList &arguments, const Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("list, add, passwd, disable or enable"));
    parser.addPositionalArgument(QStringLiteral("username"), QStringLiteral("The account (not for list)."));
    parser.addOptions({
        {databaseName, QStringLiteral("SQLite database file."), QStringLiteral("path"),
         ServerCommandLine::defaultDatabasePath()},
        {roleName, QStringLiteral("add: staff or manager."), QStringLiteral("role"), QStringLiteral("staff")},
        {displayNameName, QStringLiteral("add: the name shown in the dashboard (default: the username)."),
         QStringLiteral("name")},
        {restaurantName, QStringLiteral("The restaurant (needed when the database has several)."), QStringLiteral("id")},
        {passwordFileName, QStringLiteral("Read the password from the first line of this file (\"-\": stdin)."),
         QStringLiteral("path")},
        {iterationsName, QStringLiteral("PBKDF2 work factor of the new hash."), QStringLiteral("count"),
         QString::number(PasswordHasher::defaultIterations)},
    });
    if (!parser.parse(arguments)) {
        *io.err << "hearth-server users: " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *io.out << parser.helpText() << Qt::endl;
        return 0;
    }
    const QString command = parser.positionalArguments().value(0);
    bool ok = false;
    const int iterations = parser.value(iterationsName).toInt(&ok);
    if (!ok || iterations < 1000) {
        *io.err << "hearth-server users: --hash-iterations: expected at least 1000" << Qt::endl;
        return 2;
    }
    static const QStringList commands = {QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("passwd"),
                                         QStringLiteral("disable"), QStringLiteral("enable")};
    if (!commands.contains(command)) {
        *io.err << "hearth-server users: expected one of " << commands.join(QStringLiteral(", ")) << "\n"
                << summary() << Qt::flush;
        return 2;
    }
    Context context(io);
    QString problem;
    if (!context.database.open(parser.value(databaseName), &problem)
        || !Migrations::apply(context.database.connection(), &problem))
        return context.fail(problem);
    if (command == u"list")
        return list(parser, context);
    if (command == u"add")
        return add(parser, context, iterations);
    if (command == u"passwd")
        return passwd(parser, context, iterations);
    return setDisabled(parser, context, command == u"disable");
}

QString readSecretFromTerminal(const QString &prompt)
{
#ifdef Q_OS_UNIX
    if (!::isatty(STDIN_FILENO))
        return {};
    termios saved = {};
    if (::tcgetattr(STDIN_FILENO, &saved) != 0)
        return {};
    termios silent = saved;
    silent.c_lflag &= ~tcflag_t(ECHO);
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    char line[4096] = {};
    const bool read = std::fgets(line, sizeof(line), stdin) != nullptr;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    return read ? QString::fromLocal8Bit(line).chopped(QByteArrayView(line).endsWith('\n') ? 1 : 0) : QString();
#elif defined(Q_OS_WIN)
    HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    if (!GetConsoleMode(input, &mode))
        return {};
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    SetConsoleMode(input, mode & ~DWORD(ENABLE_ECHO_INPUT));
    char line[4096] = {};
    const bool read = std::fgets(line, sizeof(line), stdin) != nullptr;
    SetConsoleMode(input, mode);
    std::fputs("\n", stderr);
    return read ? QString::fromLocal8Bit(line).trimmed() : QString();
#else
    Q_UNUSED(prompt);
    return {};
#endif
}

} // namespace hearth::server::UserCommands
