// hearth: the back-office dashboard. Wiring only: parse the command line, start the embedded
// demo server when asked, and hand over to the Dashboard.
#include "core/logging.h"
#include "core/serveraddress.h"
#include "server/demoaccounts.h"
#include "server/embeddedserver.h"
#include "models/displaylocale.h"
#include "models/inventorymodel.h"
#include "models/menuavailabilitymodel.h"
#include "models/ordersmodel.h"
#include "api/trustedcertificates.h"
#include "ui/dashboard.h"
#include "ui/inventorypage.h"
#include "ui/apptranslations.h"
#include "ui/mainwindow.h"
#include "ui/singleinstance.h"
#include "ui/startatlogin.h"

#include <QApplication>
#include <QByteArrayView>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QSize>
#include <QItemSelectionModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

struct Options
{
    bool demo = false;
    QString server;
    QString profilePath;
    QString username;
    double simulateRate = 12.0;
    int quitAfterSeconds = 0;
    QString screenshotPath;
    hearth::MainWindow::Page page = hearth::MainWindow::Page::Orders;
    QSize windowSize;
};

void fail(const QString &message)
{
    std::fprintf(stderr, "hearth: %s\n", qUtf8Printable(message));
}

[[noreturn]] void exitWithUsageError(const QString &message)
{
    fail(message);
    std::exit(2);
}

// The options, set up once for both the text-only answer (--help, --version) and the real run.
struct CommandLine
{
    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "Hearth — live orders for the back office."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({demo, server, profile, user, simulate, quitAfter, screenshot, page, size, startAtLogin, lang});
    }

    QCommandLineParser parser;
    const QCommandLineOption demo{QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start a built-in demo server with a simulated service and sign in to it.")};
    const QCommandLineOption server{QStringLiteral("server"),
        QCoreApplication::translate("main", "The server to sign in to."), QStringLiteral("URL")};
    const QCommandLineOption profile{QStringLiteral("profile"),
        QCoreApplication::translate("main", "A backend profile (JSON) describing a Rails, Supabase or Hearth backend."), QStringLiteral("FILE")};
    const QCommandLineOption user{QStringLiteral("user"),
        QCoreApplication::translate("main", "User name to prefill in the sign-in dialog."), QStringLiteral("NAME")};
    const QCommandLineOption simulate{QStringLiteral("simulate"),
        QCoreApplication::translate("main", "With --demo: new orders per minute (default 12)."), QStringLiteral("RATE")};
    const QCommandLineOption quitAfter{QStringLiteral("quit-after"),
        QCoreApplication::translate("main", "Quit after this many seconds (for demos and tests)."), QStringLiteral("SECONDS")};
    const QCommandLineOption screenshot{QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "With --quit-after: save a picture of the window to FILE first."), QStringLiteral("FILE")};
    const QCommandLineOption page{QStringLiteral("page"),
        QCoreApplication::translate("main", "The page to open on: orders (default), widgets, inventory or analytics."), QStringLiteral("PAGE")};
    const QCommandLineOption size{QStringLiteral("size"),
        QCoreApplication::translate("main", "The window's size, e.g. 800x600 (for screenshots)."), QStringLiteral("WxH")};
    const QCommandLineOption startAtLogin{QStringLiteral("start-at-login"),
        QCoreApplication::translate("main", "Open Hearth whenever you sign in to this computer (on), or stop doing so (off)."),
        QStringLiteral("on|off")};
    const QCommandLineOption lang{QStringLiteral("lang"),
        QCoreApplication::translate("main", "The language of the labels, e.g. de or en (default: the system's)."),
        QStringLiteral("LANGUAGE")};
};

// The value of --lang, read before the options are parsed: the options' own help text and the
// usage errors are already in that language.
QString requestedLanguage(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "--lang" && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith("--lang="))
            return QString::fromLocal8Bit(arg.sliced(7).toByteArray());
    }
    return {};
}

// --help, --version and --start-at-login only print text, and must work where there is no display
// (a server, an SSH session): they are answered before any GUI object exists, which would need a
// platform.
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version"
            || arg == "--start-at-login" || arg.startsWith("--start-at-login="))
            return true;
    }
    return false;
}

int changeStartAtLogin(const QString &choice)
{
    if (choice != u"on" && choice != u"off")
        exitWithUsageError(QCoreApplication::translate("main", "--start-at-login is on or off."));
    hearth::StartAtLogin startAtLogin(hearth::StartAtLogin::currentProgram());
    QString error;
    if (!startAtLogin.setEnabled(choice == u"on", &error)) {
        fail(error);
        return 1;
    }
    const QString done = choice == u"on"
        ? QCoreApplication::translate("main", "Hearth will open when you sign in (%1).").arg(startAtLogin.entryPath())
        : QCoreApplication::translate("main", "Hearth will no longer open when you sign in.");
    std::printf("%s\n", qUtf8Printable(done));
    return 0;
}

void answerWithoutWindow(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    hearth::AppTranslations translations;
    translations.install(hearth::AppTranslations::requestedLocale(requestedLanguage(argc, argv)));
    CommandLine commandLine;
    commandLine.parser.process(app); // --help, --version: prints and exits
    if (commandLine.parser.isSet(commandLine.startAtLogin))
        std::exit(changeStartAtLogin(commandLine.parser.value(commandLine.startAtLogin)));
    // Returns only if "-h" or the option's name was another option's value.
}

Options parseOptions(const QApplication &app)
{
    CommandLine commandLine;
    QCommandLineParser &parser = commandLine.parser;
    parser.process(app);

    Options options;
    options.demo = parser.isSet(commandLine.demo);
    options.server = parser.value(commandLine.server);
    options.profilePath = parser.value(commandLine.profile);
    options.username = parser.value(commandLine.user);
    if (parser.isSet(commandLine.simulate)) {
        bool ok = false;
        options.simulateRate = parser.value(commandLine.simulate).toDouble(&ok);
        if (!ok || options.simulateRate < 0)
            exitWithUsageError(QApplication::translate("main", "--simulate needs a number of orders per minute."));
    }
    if (parser.isSet(commandLine.quitAfter)) {
        bool ok = false;
        options.quitAfterSeconds = parser.value(commandLine.quitAfter).toInt(&ok);
        if (!ok || options.quitAfterSeconds <= 0)
            exitWithUsageError(QApplication::translate("main", "--quit-after needs a whole number of seconds."));
    }
    options.screenshotPath = parser.value(commandLine.screenshot);
    if (parser.isSet(commandLine.page)) {
        const QString name = parser.value(commandLine.page).toLower();
        if (name == u"widgets")
            options.page = hearth::MainWindow::Page::Widgets;
        else if (name == u"inventory")
            options.page = hearth::MainWindow::Page::Inventory;
        else if (name == u"analytics")
            options.page = hearth::MainWindow::Page::Analytics;
        else if (name != u"orders")
            exitWithUsageError(QApplication::translate("main", "--page is orders, widgets, inventory or analytics."));
    }
    if (parser.isSet(commandLine.size)) {
        const QStringList parts = parser.value(commandLine.size).split(u'x');
        const int width = parts.value(0).toInt();
        const int height = parts.value(1).toInt();
        if (parts.size() != 2 || width < 200 || height < 200)
            exitWithUsageError(QApplication::translate("main", "--size is a width and a height, like 800x600."));
        options.windowSize = QSize(width, height);
    }
    return options;
}

// The main window, or when it is not up (a sign-in or profile problem) the window that is.
QWidget *windowOnScreen(QWidget *mainWindow)
{
    if (mainWindow->isVisible())
        return mainWindow;
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        if (window->isVisible())
            return window;
    }
    return mainWindow;
}

// A picture of the orders page shows the detail pane with an order in it: the newest, unless
// one is selected already.
void showAnOrderInThePane(hearth::MainWindow *window)
{
    QTableView *view = window->ordersView();
    if (!view->selectionModel()->hasSelection() && view->model()->rowCount() > 0)
        view->selectRow(0);
    const QModelIndexList rows = view->selectionModel()->selectedRows(hearth::OrdersModel::NumberColumn);
    qCInfo(lcUi).noquote() << QStringLiteral("screenshot: %1 orders shown, order %2 in the detail pane")
                                          .arg(view->model()->rowCount())
                                          .arg(rows.isEmpty() ? QStringLiteral("none") : rows.first().data().toString());
}

// A picture of the inventory page shows a low line in the count editor and a dish with its
// weekday chips, unless something is selected already.
void showAnItemInTheEditors(hearth::MainWindow *window)
{
    auto *page = window->findChild<hearth::InventoryPage *>();
    if (!page)
        return;
    QTableView *stock = page->stockView();
    stock->sortByColumn(hearth::InventoryModel::AvailableColumn, Qt::AscendingOrder); // the low ones first
    for (int row = 0; row < stock->model()->rowCount() && !stock->selectionModel()->hasSelection(); ++row) {
        if (stock->model()->index(row, 0).data(hearth::InventoryModel::IsLowRole).toBool())
            stock->selectRow(row);
    }
    QTableView *menu = page->menuView();
    for (int row = 0; row < menu->model()->rowCount() && !menu->selectionModel()->hasSelection(); ++row) {
        if (!menu->model()->index(row, 0).data(hearth::MenuAvailabilityModel::DaysRole).value<QList<int>>().isEmpty())
            menu->selectRow(row);
    }
    qCInfo(lcUi).noquote() << QStringLiteral("screenshot: %1 stock lines, %2 dishes shown")
                                  .arg(stock->model()->rowCount())
                                  .arg(menu->model()->rowCount());
}

QString appDataPath(const QString &subfolder)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + subfolder;
}

// Every demo starts from an empty restaurant (server database and client cache alike), so what
// a newcomer sees is what the simulator does.
QString freshDemoFolder()
{
    QDir dir(appDataPath(QStringLiteral("demo")));
    dir.removeRecursively();
    dir.mkpath(QStringLiteral("."));
    return dir.path();
}

// The window icon from the renditions of resources/icons/hearth.svg compiled in, so it needs no
// SVG plugin and looks the same on every platform and from every installer.
QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(QStringLiteral(":/icons/hearth-%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Hearth"));
    QCoreApplication::setApplicationName(QStringLiteral("Hearth"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEARTH_VERSION));
    if (asksOnlyForText(argc, argv))
        answerWithoutWindow(argc, argv);
    QApplication app(argc, argv);
    // The desktop file's name: Wayland compositors and docks match the window to it (and its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("org.hearth.Hearth"));
    QApplication::setWindowIcon(applicationIcon());
    // The labels follow the system's language (or --lang) where Hearth has a translation, and the
    // numbers beside them follow the labels.
    hearth::AppTranslations translations;
    const QLocale locale = hearth::AppTranslations::requestedLocale(requestedLanguage(argc, argv));
    QLocale::setDefault(hearth::displayLocale(locale, translations.install(locale)));
    const Options options = parseOptions(app);
    // A restaurant whose server has its own CA (or a self-signed certificate) names it here;
    // every other certificate is still verified against the system's authorities.
    if (const QString caFile = qEnvironmentVariable("HEARTH_CA_FILE"); !caFile.isEmpty()) {
        QString error;
        if (!hearth::TrustedCertificates::addFromFile(caFile, &error))
            qCWarning(lcUi).noquote() << "HEARTH_CA_FILE:" << error;
    }

    // One dashboard per user and data folder: launching Hearth again (the desktop icon clicked
    // while its window is behind others) brings the running one to the front instead of opening a
    // second window on the same cache. Demos and timed runs (screenshots, tests) run side by side.
    hearth::SingleInstance singleInstance(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const bool isTimedOrDemo = options.demo || options.quitAfterSeconds > 0;
    if (!isTimedOrDemo && !singleInstance.claim())
        return 0;

    hearth::Dashboard dashboard;
    dashboard.window()->showPage(options.page);
    // The Analytics page exists once a manager has signed in.
    QObject::connect(&dashboard, &hearth::Dashboard::signedIn, &app, [&dashboard, &options] {
        if (options.page == hearth::MainWindow::Page::Analytics)
            dashboard.window()->showPage(options.page);
    });
    if (options.windowSize.isValid())
        dashboard.window()->resize(options.windowSize);
    std::unique_ptr<hearth::server::EmbeddedServer> demoServer;
    if (options.demo) {
        const QString demoFolder = freshDemoFolder();
        dashboard.setCacheDirectory(demoFolder);
        dashboard.setRemembersSession(false);
        hearth::server::ServerOptions serverOptions;
        serverOptions.databasePath = demoFolder + QStringLiteral("/server.sqlite");
        serverOptions.simulateOrdersPerMinute = options.simulateRate;
        serverOptions.seedDemoService = options.simulateRate > 0; // busy from the first second
        // The demo's passwords are printed in the README: a slow hash would protect nothing.
        serverOptions.passwordHashIterations = 1000;
        demoServer = std::make_unique<hearth::server::EmbeddedServer>(serverOptions);
        QString error;
        if (!demoServer->start(&error)) {
            fail(QApplication::translate("main", "the demo server could not start: %1").arg(error));
            return 1;
        }
        QObject::connect(&dashboard, &hearth::Dashboard::signInFailed, &app, [](const QString &message) {
            fail(QApplication::translate("main", "could not sign in to the demo server: %1").arg(message));
            QApplication::exit(1);
        });
        dashboard.signInDirectly(hearth::ServerAddress::fromHttpBase(demoServer->httpUrl()),
                                 QString(hearth::server::DemoAccounts::managerUsername),
                                 QString(hearth::server::DemoAccounts::managerPassword));
    } else if (!options.profilePath.isEmpty()) {
        dashboard.setCacheDirectory(appDataPath(QStringLiteral("cache")));
        // A profile that cannot be used is explained in the sign-in dialog, from where another
        // can be chosen; the log line is for whoever started hearth from a terminal.
        if (QString error; !dashboard.openProfileFile(options.profilePath, &error))
            fail(error);
    } else {
        dashboard.setCacheDirectory(appDataPath(QStringLiteral("cache")));
        dashboard.resumeLastSession(options.server, options.username);
    }

    QObject::connect(&singleInstance, &hearth::SingleInstance::activationRequested, &app, [&dashboard] {
        QWidget *window = windowOnScreen(dashboard.window());
        window->show();
        window->setWindowState(window->windowState() & ~Qt::WindowMinimized);
        window->raise();
        window->activateWindow();
    });

    if (options.quitAfterSeconds > 0) {
        QTimer::singleShot(options.quitAfterSeconds * 1000, &app, [&dashboard, &options] {
            int exitCode = 0;
            if (!options.screenshotPath.isEmpty() && options.page == hearth::MainWindow::Page::Orders)
                showAnOrderInThePane(dashboard.window());
            if (!options.screenshotPath.isEmpty() && options.page == hearth::MainWindow::Page::Inventory)
                showAnItemInTheEditors(dashboard.window());
            if (!options.screenshotPath.isEmpty()
                && !windowOnScreen(dashboard.window())->grab().save(options.screenshotPath)) {
                fail(QApplication::translate("main", "could not write the screenshot to %1").arg(options.screenshotPath));
                exitCode = 1;
            }
            QApplication::exit(exitCode);
        });
    }
    return QApplication::exec();
}
