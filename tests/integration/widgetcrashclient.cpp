// A client process for the crash-safety test: the real client stack, signed in to the server the
// test runs, with the outbox file the test names.
//   widgetcrashclient edit URL OUTBOX WIDGET TITLE  — edits the title, prints "edited", and waits
//       forever (the debounce is an hour long): the test kills it with SIGKILL.
//   widgetcrashclient send URL OUTBOX               — sends what the outbox holds, prints "saved"
//       and exits 0 once nothing is unsaved (exit 1 after 20 s).
#include "core/serveraddress.h"
#include "server/demoaccounts.h"
#include "sync/ordersclient.h"
#include "sync/widgetsclient.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace hearth;
using namespace std::chrono_literals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    const QString mode = args.at(1);
    const QUrl server(args.at(2));
    const QString outbox = args.at(3);

    OrdersClient orders;
    WidgetsClient widgets(orders);
    SavePolicy policy;
    policy.quietPeriod = 3600s;
    policy.maxDelay = 3600s;
    widgets.setSavePolicy(policy);
    widgets.setDeviceName(QStringLiteral("Crash PC"));
    widgets.openStore({}, outbox);

    QTimer::singleShot(20000, &app, [&app] { app.exit(1); });
    QObject::connect(&orders.signIn(), &SignIn::signInFailed, &app, [&app] { app.exit(3); });
    QObject::connect(&orders.signIn(), &SignIn::signedIn, &app, [&] {
        orders.start();
        widgets.start();
        if (mode == QLatin1StringView("send")) {
            auto check = [&app, &widgets] {
                if (widgets.unsavedCount() == 0) {
                    std::fputs("saved\n", stdout);
                    std::fflush(stdout);
                    app.exit(0);
                }
            };
            QObject::connect(&widgets, &WidgetsClient::unsavedCountChanged, &app, check);
            check();
        }
    });
    if (mode == QLatin1StringView("edit")) {
        if (args.size() < 6)
            return 2;
        const QString widgetId = args.at(4);
        const QString title = args.at(5);
        QObject::connect(&widgets.sync(), &WidgetsSync::snapshotLoaded, &app, [&, widgetId, title] {
            if (!widgets.edit(widgetId, {{QStringLiteral("title"), title}}))
                app.exit(4);
            // The edit is in the outbox now; the save would follow an hour later.
            std::fputs("edited\n", stdout);
            std::fflush(stdout);
        });
    }
    orders.signIn().signIn(ServerAddress::fromHttpBase(server), QString(server::DemoAccounts::managerUsername),
                           QString(server::DemoAccounts::managerPassword));
    return app.exec();
}
