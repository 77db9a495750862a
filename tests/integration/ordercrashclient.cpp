// A client process for the order-action crash test: the real client stack, signed in to the
// server the test runs, with the order-action queue file the test names.
//   ordercrashclient queue URL QUEUE ORDER VERSION — queues "acknowledge" for the order as seen at
//       VERSION without sending it, prints "queued" and waits: the test kills it with SIGKILL.
//   ordercrashclient send URL QUEUE                 — sends what the queue holds, prints "sent" and
//       exits 0 once it is empty (exit 1 after 20 s).
#include "core/serveraddress.h"
#include "server/demoaccounts.h"
#include "sync/ordersclient.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace hearth;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    const QString mode = args.at(1);
    const QUrl server(args.at(2));

    OrdersClient orders;
    if (!orders.actions().openQueue(args.at(3)))
        return 5;
    QTimer::singleShot(20000, &app, [&app] { app.exit(1); });
    if (mode == QLatin1StringView("queue")) {
        if (args.size() < 6)
            return 2;
        Order seen;
        seen.id = args.at(4);
        seen.version = args.at(5).toLongLong();
        // Not started: nothing is sent. The action is on disk when acknowledge() returns.
        orders.actions().acknowledge(seen);
        std::fputs("queued\n", stdout);
        std::fflush(stdout);
        return app.exec();
    }
    QObject::connect(&orders.signIn(), &SignIn::signInFailed, &app, [&app] { app.exit(3); });
    QObject::connect(&orders.signIn(), &SignIn::signedIn, &app, [&] {
        auto check = [&app, &orders] {
            if (orders.actions().queuedCount() == 0) {
                std::fputs("sent\n", stdout);
                std::fflush(stdout);
                app.exit(0);
            }
        };
        QObject::connect(&orders.actions(), &OrderActions::queuedCountChanged, &app, check);
        orders.start();
        check();
    });
    orders.signIn().signIn(ServerAddress::fromHttpBase(server), QString(server::DemoAccounts::staffUsername),
                           QString(server::DemoAccounts::staffPassword));
    return app.exec();
}
