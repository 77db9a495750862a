// WidgetsSync on its own: a scripted REST server and a realtime service that is never connected
// (the test plays its signals). Each case is one of issue 13's holes, which this class must not
// have: changes applied at once and again after the replace, a snapshot owed until one lands
// (across a 401 and stop/start), late answers after stop ignored, lagging snapshots reloaded,
// state settled before signals, failures reported.
#include "../api/fakehttpserver.h"

#include "api/restclient.h"
#include "core/widgetcodec.h"
#include "realtime/realtimeservice.h"
#include "sync/widgetssync.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;
using Response = FakeHttpServer::Response;

namespace {

WidgetConfig makeWidget(const QString &id, qint64 version)
{
    WidgetConfig widget;
    widget.id = id;
    widget.kind = WidgetKind::Booking;
    widget.name = id;
    widget.version = version;
    widget.settings = WidgetSettings::defaults(WidgetKind::Booking);
    widget.settings.title = u"v%1"_s.arg(version);
    widget.updatedAt = QDateTime(QDate(2026, 12, 2), QTime(14, 2), Qt::UTC);
    return widget;
}

Response snapshot(const QList<WidgetConfig> &widgets, qint64 seq, const QString &epoch = u"e1"_s)
{
    return Response::json(200, QJsonDocument(QJsonObject{{u"widgets"_s, WidgetCodec::toJsonArray(widgets)},
                                                         {u"epoch"_s, epoch}, {u"seq"_s, seq}})
                                   .toJson(QJsonDocument::Compact));
}

ChannelEvent widgetEvent(const WidgetConfig &widget, qint64 seq)
{
    return ChannelEvent{u"widgets"_s, seq, u"widget.updated"_s, WidgetCodec::toJson(widget), QDateTime::currentDateTimeUtc()};
}

} // namespace

class TestWidgetsSync : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHttpServer>();
        QVERIFY(m_server->listen());
        m_rest = std::make_unique<RestClient>(&m_network);
        m_rest->setBaseUrl(m_server->url());
        m_rest->setToken(u"T"_s);
        m_realtime = std::make_unique<RealtimeService>();
        m_sync = std::make_unique<WidgetsSync>(m_realtime.get(), m_rest.get());
    }
    void cleanup()
    {
        m_sync.reset();
        m_realtime.reset();
        m_rest.reset();
        m_server.reset();
    }

    void streamedChangesApplyAtOnceAndANewBreakSupersedesTheLoad()
    {
        m_server->handler = [](const FakeHttpServer::Request &) { return Response::silence(); };
        QSignalSpy updated(m_sync.get(), &WidgetsSync::widgetsUpdated);
        QSignalSpy replaced(m_sync.get(), &WidgetsSync::widgetsReplaced);
        m_sync->start();
        emit m_realtime->snapshotRequired(u"widgets"_s, SyncPosition{u"e1"_s, 5});
        QVERIFY(m_sync->isLoadingSnapshot());
        emit m_realtime->channelEvents(u"widgets"_s, {widgetEvent(makeWidget(u"a"_s, 4), 6)});
        QCOMPARE(updated.count(), 1); // not held back while the snapshot loads
        QTRY_COMPARE(m_server->requests.size(), 1);

        // The stream breaks again while the load runs: a new request at once, the old answer
        // will be ignored.
        emit m_realtime->snapshotRequired(u"widgets"_s, SyncPosition{u"e1"_s, 6});
        QTRY_COMPARE(m_server->requests.size(), 2);
        QVERIFY(m_sync->isLoadingSnapshot());
    }

    void replaceThenReapplyInOneSettledState()
    {
        m_server->handler = [](const FakeHttpServer::Request &) {
            return snapshot({makeWidget(u"a"_s, 3), makeWidget(u"b"_s, 1)}, 5);
        };
        QList<QString> order;
        connect(m_sync.get(), &WidgetsSync::widgetsReplaced, this, [&] {
            // Take-then-emit: nothing half-done when the first signal leaves.
            QVERIFY(!m_sync->isLoadingSnapshot());
            QVERIFY(!m_sync->isSnapshotOwed());
            order.append(u"replaced"_s);
        });
        connect(m_sync.get(), &WidgetsSync::widgetsUpdated, this, [&](const QList<WidgetConfig> &widgets) {
            order.append(u"updated v%1"_s.arg(widgets.first().version));
        });
        m_sync->start();
        emit m_realtime->snapshotRequired(u"widgets"_s, SyncPosition{u"e1"_s, 5});
        emit m_realtime->channelEvents(u"widgets"_s, {widgetEvent(makeWidget(u"a"_s, 4), 6)});
        connect(m_sync.get(), &WidgetsSync::widgetsReplaced, this, [&](const QList<WidgetConfig> &widgets) {
            // The streamed change is merged into the snapshot: the higher version wins.
            QCOMPARE(widgets.size(), 2);
            for (const WidgetConfig &widget : widgets)
                QCOMPARE(widget.version, widget.id == u"a"_s ? 4 : 1);
        });
        QTRY_COMPARE(order.size(), 2);
        QCOMPARE(order, (QList<QString>{u"updated v4"_s, u"replaced"_s}));
        QCOMPARE(m_realtime->syncPosition(u"widgets"_s), (SyncPosition{u"e1"_s, 5}));
        QCOMPARE(m_sync->snapshotsLoaded(), 1);
    }

    void unauthorizedKeepsTheSnapshotOwed()
    {
        int calls = 0;
        m_server->handler = [&calls](const FakeHttpServer::Request &) {
            return ++calls == 1 ? Response::json(401, R"({"error":{"code":"unauthorized","message":"no"}})")
                                : snapshot({makeWidget(u"a"_s, 1)}, 3);
        };
        QSignalSpy failed(m_sync.get(), &WidgetsSync::snapshotFailed);
        QSignalSpy replaced(m_sync.get(), &WidgetsSync::widgetsReplaced);
        m_sync->start();
        emit m_realtime->snapshotRequired(u"widgets"_s, SyncPosition{u"e1"_s, 3});
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(!m_sync->snapshotProblem().isEmpty());
        QVERIFY(m_sync->isSnapshotOwed());
        QVERIFY(!m_sync->isLoadingSnapshot());
        // Signed in again: start() while started loads the snapshot that was owed.
        m_sync->start();
        QTRY_COMPARE(replaced.count(), 1);
        QVERIFY(!m_sync->isSnapshotOwed());
        QVERIFY(m_sync->snapshotProblem().isEmpty());
    }

    void owedSnapshotLoadsWhenTheLinkIsBack()
    {
        int calls = 0;
        m_server->handler = [&calls](const FakeHttpServer::Request &) {
            return ++calls == 1 ? Response::json(401, R"({"error":{"code":"unauthorized","message":"no"}})")
                                : snapshot({makeWidget(u"a"_s, 1)}, 3);
        };
        QSignalSpy failed(m_sync.get(), &WidgetsSync::snapshotFailed);
        QSignalSpy replaced(m_sync.get(), &WidgetsSync::widgetsReplaced);
        m_sync->start();
        emit m_realtime->snapshotRequired(u"widgets"_s, SyncPosition{u"e1"_s, 3});
        QTRY_COMPARE(failed.count(), 1);
        // Signed in again with the link resuming on its own (no snapshotRequired this time).
        emit m_realtime->stateChanged(ConnectionState::Live);
        QTRY_COMPARE(replaced.count(), 1);
        QVERIFY(!m_sync->isSnapshotOwed());
        m_sync->start(); // a second start while started and settled asks nothing
        QCOMPARE(calls, 2);
    }

    void anAnswerAfterStopIsIgnored()
    {
        m_server->handler = [](const FakeHttpServer::Request &) { return snapshot({makeWidget(u"a"_s, 1)}, 3); };
        QSignalSpy replaced(m_sync.get(), &WidgetsSync::widgetsReplaced);
        m_sync->start();
        emit m_realtime->snapshotRequired(u"widgets"_s, SyncPosition{u"e1"_s, 3});
        QSignalSpy answered(&m_network, &QNetworkAccessManager::finished);
        m_sync->stop(); // before the answer arrives
        QVERIFY(!m_sync->isLoadingSnapshot());
        QTRY_COMPARE(answered.count(), 1);
        QCoreApplication::processEvents(); // the reply's own handlers have run
        QCOMPARE(replaced.count(), 0);
        QVERIFY(!m_sync->isSnapshotOwed()); // stop() forgot everything, the position too
        m_sync->start();
        emit m_realtime->snapshotRequired(u"widgets"_s, SyncPosition{u"e1"_s, 3}); // as a fresh subscribe does
        QTRY_COMPARE(replaced.count(), 1); // a fresh request, not a stuck flag
    }

    void aLaggingSnapshotIsLoadedAgain()
    {
        int calls = 0;
        m_server->handler = [&calls](const FakeHttpServer::Request &) {
            return ++calls == 1 ? snapshot({makeWidget(u"a"_s, 1)}, 8) : snapshot({makeWidget(u"a"_s, 2)}, 10);
        };
        QSignalSpy replaced(m_sync.get(), &WidgetsSync::widgetsReplaced);
        m_sync->start();
        emit m_realtime->snapshotRequired(u"widgets"_s, SyncPosition{u"e1"_s, 10});
        QTRY_COMPARE_WITH_TIMEOUT(replaced.count(), 1, 5000);
        QCOMPARE(calls, 2);
        QCOMPARE(replaced.first().at(1).value<SyncPosition>().seq, 10);
    }

    void failuresAreReportedAndRetried()
    {
        int calls = 0;
        m_server->handler = [&calls](const FakeHttpServer::Request &) {
            return ++calls == 1 ? Response::json(503, R"({"error":{"code":"unavailable","message":"busy"}})")
                                : snapshot({}, 2);
        };
        QSignalSpy failed(m_sync.get(), &WidgetsSync::snapshotFailed);
        QSignalSpy loaded(m_sync.get(), &WidgetsSync::snapshotLoaded);
        m_sync->start();
        emit m_realtime->snapshotRequired(u"widgets"_s, SyncPosition{u"e1"_s, 2});
        QTRY_COMPARE(failed.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
        QVERIFY(m_sync->snapshotProblem().isEmpty());
    }

    void otherChannelsAndBadEventsAreIgnored()
    {
        QSignalSpy updated(m_sync.get(), &WidgetsSync::widgetsUpdated);
        m_sync->start();
        emit m_realtime->channelEvents(u"orders"_s, {widgetEvent(makeWidget(u"a"_s, 1), 1)});
        ChannelEvent broken = widgetEvent(makeWidget(u"b"_s, 1), 2);
        broken.data.remove(u"kind"_s);
        emit m_realtime->channelEvents(u"widgets"_s, {broken, widgetEvent(makeWidget(u"c"_s, 1), 3)});
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.first().first().value<QList<WidgetConfig>>().size(), 1);
    }

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<RestClient> m_rest;
    std::unique_ptr<RealtimeService> m_realtime;
    std::unique_ptr<WidgetsSync> m_sync;
};

QTEST_GUILESS_MAIN(TestWidgetsSync)
#include "tst_widgets_sync.moc"
