#include "realtime/networkwatch.h"

#include <QSignalSpy>
#include <QtTest>

using namespace hearth;

using Reachability = QNetworkInformation::Reachability;

class TestNetworkWatch final : public QObject
{
    Q_OBJECT

private slots:
    void reportsOnlyTheWayBack()
    {
        NetworkWatch watch;
        QSignalSpy returned(&watch, &NetworkWatch::networkReturned);
        watch.report(Reachability::Disconnected);
        watch.report(Reachability::Local); // a cable, but no route: not back yet
        QCOMPARE(returned.size(), 0);
        watch.report(Reachability::Online);
        QCOMPARE(returned.size(), 1);
        watch.report(Reachability::Online); // no change, no news
        watch.report(Reachability::Site);   // still reachable
        QCOMPARE(returned.size(), 1);
        watch.report(Reachability::Disconnected);
        watch.report(Reachability::Site); // the back-office server on the LAN is enough
        QCOMPARE(returned.size(), 2);
        QCOMPARE(watch.reachability(), Reachability::Site);
    }

    void startIsSafeWithOrWithoutABackend()
    {
        NetworkWatch watch;
        const bool available = watch.start();
        QCOMPARE(watch.isAvailable(), available);
        QCOMPARE(watch.start(), available); // once only
        QSignalSpy returned(&watch, &NetworkWatch::networkReturned);
        watch.report(Reachability::Disconnected);
        watch.report(Reachability::Online);
        QCOMPARE(returned.size(), 1);
        qInfo("reachability backend here: %s",
              available ? qPrintable(QNetworkInformation::instance()->backendName()) : "none");
    }
};

QTEST_GUILESS_MAIN(TestNetworkWatch)
#include "tst_networkwatch.moc"
