#include "realtime/subscribewatchdog.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestSubscribeWatchdog final : public QObject
{
    Q_OBJECT

private slots:
    void resendsThenExpires()
    {
        SubscribeWatchdog watchdog;
        watchdog.setPolicy({40ms, 2});
        QSignalSpy resends(&watchdog, &SubscribeWatchdog::resendDue);
        QSignalSpy expired(&watchdog, &SubscribeWatchdog::expired);
        QElapsedTimer elapsed;
        elapsed.start();
        watchdog.watch(u"orders"_s);
        QVERIFY(watchdog.isWatching(u"orders"_s));
        QTRY_COMPARE(expired.size(), 1);
        QVERIFY2(elapsed.elapsed() >= 115, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(resends.size(), 2);
        QCOMPARE(resends.at(0), (QVariantList{u"orders"_s, 1}));
        QCOMPARE(resends.at(1), (QVariantList{u"orders"_s, 2}));
        QCOMPARE(expired.at(0).at(0).toString(), u"orders"_s);
        QVERIFY(!watchdog.isWatching(u"orders"_s));
        QVERIFY(!expired.wait(150)); // nothing more once expired
    }

    void aConfirmationStopsTheWatch()
    {
        SubscribeWatchdog watchdog;
        watchdog.setPolicy({40ms, 2});
        QSignalSpy resends(&watchdog, &SubscribeWatchdog::resendDue);
        QSignalSpy expired(&watchdog, &SubscribeWatchdog::expired);
        // The confirmation comes right after the first resend. (Polling for "one resend so far"
        // would race the second, due 40 ms later.)
        int resendsWhenConfirmed = -1;
        connect(&watchdog, &SubscribeWatchdog::resendDue, &watchdog, [&](const QString &channel) {
            if (resendsWhenConfirmed < 0) {
                resendsWhenConfirmed = watchdog.resendsOf(channel);
                watchdog.forget(channel);
            }
        });
        watchdog.watch(u"orders"_s);
        QTRY_COMPARE(resends.size(), 1);
        QCOMPARE(resendsWhenConfirmed, 1);
        QVERIFY(!watchdog.isWatching(u"orders"_s));
        QVERIFY(!expired.wait(200));
        QCOMPARE(resends.size(), 1);
    }

    void channelsAreWatchedIndependently()
    {
        SubscribeWatchdog watchdog;
        watchdog.setPolicy({50ms, 0});
        QSignalSpy expired(&watchdog, &SubscribeWatchdog::expired);
        watchdog.watch(u"orders"_s);
        watchdog.watch(u"inventory"_s);
        watchdog.forget(u"inventory"_s);
        QTRY_COMPARE(expired.size(), 1);
        QCOMPARE(expired.at(0).at(0).toString(), u"orders"_s);
        QVERIFY(!expired.wait(150));
    }

    void aNewWatchStartsAFreshCount()
    {
        SubscribeWatchdog watchdog;
        watchdog.setPolicy({30ms, 1});
        QSignalSpy resends(&watchdog, &SubscribeWatchdog::resendDue);
        QSignalSpy expired(&watchdog, &SubscribeWatchdog::expired);
        // A new subscribe (a gap, say) right after the first resend: the budget is full again.
        // (Polling for the resend would race the expiry 30 ms after it.)
        int resendsAfterRewatch = -1;
        connect(&watchdog, &SubscribeWatchdog::resendDue, &watchdog, [&](const QString &channel) {
            if (resendsAfterRewatch < 0) {
                watchdog.watch(channel);
                resendsAfterRewatch = watchdog.resendsOf(channel);
            }
        });
        watchdog.watch(u"orders"_s);
        QTRY_VERIFY(resendsAfterRewatch >= 0);
        QCOMPARE(resendsAfterRewatch, 0);
        QTRY_COMPARE(expired.size(), 1);
        QCOMPARE(resends.size(), 2);
    }

    void clearStopsEverythingEvenFromAReceiver()
    {
        SubscribeWatchdog watchdog;
        watchdog.setPolicy({30ms, 0});
        QSignalSpy expired(&watchdog, &SubscribeWatchdog::expired);
        // The service renews the link on expiry, which clears every watch: the other channel,
        // due at the same moment, must not be reported after that.
        connect(&watchdog, &SubscribeWatchdog::expired, &watchdog, [&watchdog] { watchdog.clear(); });
        watchdog.watch(u"a"_s);
        watchdog.watch(u"b"_s);
        QTRY_COMPARE(expired.size(), 1);
        QVERIFY(!expired.wait(150));
        QVERIFY(!watchdog.isWatching(u"a"_s));
        QVERIFY(!watchdog.isWatching(u"b"_s));
    }

    void policyIsSanitised()
    {
        SubscribeWatchdog watchdog;
        QCOMPARE(watchdog.policy().confirmTimeout, 10000ms);
        QCOMPARE(watchdog.policy().resends, 2);
        watchdog.setPolicy({-5ms, -1});
        QCOMPARE(watchdog.policy().confirmTimeout, 1ms);
        QCOMPARE(watchdog.policy().resends, 0);
    }
};

QTEST_GUILESS_MAIN(TestSubscribeWatchdog)
#include "tst_subscribewatchdog.moc"
