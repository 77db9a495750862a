// RealtimeService against a fake server: subscriptions, sequencing, batching, bad frames.
#include "fakehearthserver.h"
#include "servicetesthelpers.h"

#include "realtime/hearthprotocol.h"

#include <QtTest>

using namespace hearth;
using namespace testing;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestRealtimeStream final : public QObject
{
    Q_OBJECT

private:
    // Starts the service with `channels` subscribed and waits until each has its snapshot cue.
    void startLive(RealtimeService *service, Recorder *recorder, const QStringList &channels)
    {
        for (const QString &channel : channels)
            service->subscribe(channel);
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QTRY_COMPARE(recorder->snapshots.size(), channels.size());
    }

    std::unique_ptr<FakeHearthServer> m_server;

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHearthServer>();
        QVERIFY(m_server->listen());
    }

    void cleanup() { m_server.reset(); }

    void connectsWithTheBearerTokenAndGoesLive()
    {
        auto service = makeService(m_server->url(), u"s3cret"_s);
        Recorder recorder(service.get());
        service->start();
        QCOMPARE(service->state(), ConnectionState::Connecting);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(m_server->authorizations, QList<QByteArray>{"Bearer s3cret"});
        QCOMPARE(recorder.states, (QList<ConnectionState>{ConnectionState::Connecting,
                                                         ConnectionState::Live}));
        QCOMPARE(service->serverEpoch(), u"e1"_s);
        QCOMPARE(service->stats().socketsOpened, 1);
        QCOMPARE(service->stats().openSockets, 1);
        QVERIFY(service->lastError().isEmpty());
    }

    void subscribesOnceAndStreamsOrdersInSeqOrder()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s); // a second part of the app: no second subscription
        startLive(service.get(), &recorder, {u"orders"_s});
        QCOMPARE(service->subscriberCount(u"orders"_s), 2);
        QCOMPARE(m_server->subscribes().size(), 1);
        QVERIFY(!m_server->subscribes().constFirst().since);
        QCOMPARE(recorder.snapshots.constFirst().first, u"orders"_s);
        QCOMPARE(recorder.snapshots.constFirst().second, (SyncPosition{u"e1"_s, 0}));

        m_server->publishOrders(300);
        QTRY_COMPARE(recorder.orders.size(), 300);
        QCOMPARE(recorder.seqs(u"orders"_s), range(1, 300));
        QCOMPARE(recorder.orders.constFirst().id, u"order-1"_s);
        QCOMPARE(recorder.orders.constLast().id, u"order-300"_s);
        QCOMPARE(service->syncPosition(u"orders"_s), (SyncPosition{u"e1"_s, 300}));
        QVERIFY(service->lastEventAt().isValid());
        const RealtimeStats stats = service->stats();
        QCOMPARE(stats.eventsReceived, 300);
        QCOMPARE(stats.eventsDelivered, 300);
        QCOMPARE(stats.subscriptions, 1);
        QCOMPARE(stats.malformedFrames, 0);
    }

    void aBurstBecomesAHandfulOfSignals()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        startLive(service.get(), &recorder, {u"orders"_s});
        m_server->publishOrders(10000);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.orders.size(), 10000, 20000);
        QCOMPARE(recorder.seqs(u"orders"_s), range(1, 10000));
        const qint64 slices = service->stats().inboundSlices;
        qInfo("10 000 events arrived in %d channelEvents and %d ordersChanged signals, in %lld slices",
              recorder.eventBatches, recorder.orderBatches, slices);
        // One batch per turn of the event loop that applied frames, whatever the turns' length
        // (shorter on a loaded machine, where the models' share of a turn grows).
        QVERIFY2(recorder.eventBatches <= slices, "events must be coalesced per event-loop turn");
        QVERIFY2(recorder.eventBatches <= 1000, "a burst must not become a signal per few events");
        QCOMPARE(recorder.orderBatches, recorder.eventBatches);
    }

    void aFullInboundQueueDropsTheLinkAndResumesWithoutLosingAnEvent()
    {
        auto service = makeService(m_server->url());
        service->setInboundLimits({50, 1 << 20}); // far less than one read of the burst below
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(recorder.snapshots.size(), 1);

        m_server->publishOrders(400);
        QVERIFY(m_server->current()->flush()); // one read's worth waits in the socket
        QTRY_VERIFY_WITH_TIMEOUT(service->stats().inboundOverflows >= 1, 10000);
        // Each link applies what it took in, then resumes from there: every event exactly once.
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 400, 20000);
        QCOMPARE(recorder.seqs(u"orders"_s), range(1, 400));
        const RealtimeStats stats = service->stats();
        QVERIFY(stats.socketsOpened >= 2);
        QCOMPARE(stats.duplicatesDropped, 0);
        QCOMPARE(recorder.snapshots.size(), 1); // resumed by replay, not a new snapshot
        QVERIFY(stats.recentErrors.constLast().details.contains("inbound queue full"_L1));
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(service->stats().inboundQueued, 0);
    }

    void anOverflowedQueueIsStillAppliedInSlices()
    {
        // One frame per slice: whatever is applied in one call shows up as one large batch.
        auto service = makeService(m_server->url());
        service->setInboundLimits({50, 1 << 20});
        service->setInboundSliceBudget(0ms);
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(recorder.snapshots.size(), 1);

        qsizetype largestBatch = 0;
        int overflowsAtLargest = -1;
        QObject watcher;
        connect(service.get(), &RealtimeService::channelEvents, &watcher,
                [&](const QString &, const QList<ChannelEvent> &events) {
                    if (events.size() > largestBatch) {
                        largestBatch = events.size();
                        overflowsAtLargest = service->stats().inboundOverflows;
                    }
                });
        m_server->publishOrders(400);
        QVERIFY(m_server->current()->flush());
        QTRY_VERIFY_WITH_TIMEOUT(service->stats().inboundOverflows >= 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 400, 20000);
        QCOMPARE(recorder.seqs(u"orders"_s), range(1, 400));
        // The ~50 frames waiting at the overflow went out a few at a time, not in one drain.
        QVERIFY2(largestBatch <= 5, qPrintable(u"a batch of %1 events (overflows so far: %2)"_s.arg(largestBatch)
                                                   .arg(overflowsAtLargest)));
        QCOMPARE(service->stats().duplicatesDropped, 0);
        QCOMPARE(recorder.snapshots.size(), 1);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
    }

    void aLinkThatFilledTheQueueCountsAsHealthyForTheBackoff()
    {
        // It delivered a whole queue's worth of events: falling behind is not a failing server,
        // so the retry after it is a first attempt, and repeated overflows never exhaust retries.
        auto service = makeService(m_server->url());
        service->setInboundLimits({50, 1 << 20});
        service->setReconnectPolicy({10ms, 60000ms, std::chrono::hours(1), 3, 15000ms});
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(recorder.snapshots.size(), 1);

        int largestAttempt = 0;
        QObject watcher;
        connect(service.get(), &RealtimeService::stateChanged, &watcher, [&](ConnectionState state) {
            if (state == ConnectionState::WaitingToRetry)
                largestAttempt = std::max(largestAttempt, service->retryAttempt());
        });
        m_server->publishOrders(400);
        QVERIFY(m_server->current()->flush());
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 400, 20000);
        QVERIFY2(service->stats().inboundOverflows >= 4, qPrintable(QString::number(service->stats().inboundOverflows)));
        QCOMPARE(largestAttempt, 1);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
    }

    void stopLeavesNoReceivedFramesBehind()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(recorder.snapshots.size(), 1);

        // Stopped from the first batch's receiver, while most of the burst still waits.
        qint64 queuedAtStop = -1;
        qint64 queuedAfterStop = -1;
        QObject watcher;
        connect(service.get(), &RealtimeService::channelEvents, &watcher, [&] {
            if (queuedAtStop < 0) {
                queuedAtStop = service->stats().inboundQueued;
                service->stop();
                queuedAfterStop = service->stats().inboundQueued;
            }
        });
        m_server->publishOrders(3000);
        QVERIFY(m_server->current()->flush());
        QTRY_VERIFY(queuedAtStop >= 0);
        QVERIFY2(queuedAtStop > 0, "the burst was applied in one slice: nothing to clear");
        QCOMPARE(queuedAfterStop, 0);
    }

    void dropsDuplicates()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        startLive(service.get(), &recorder, {u"orders"_s});
        m_server->publishOrders(3);
        QTRY_COMPARE(recorder.events.size(), 3);
        m_server->send(m_server->logged(u"orders"_s, 2));
        m_server->send(m_server->logged(u"orders"_s, 3));
        m_server->send(m_server->logged(u"orders"_s, 1));
        m_server->publishOrders(1);
        QTRY_COMPARE(recorder.events.size(), 4);
        QCOMPARE(recorder.seqs(u"orders"_s), range(1, 4));
        QCOMPARE(service->stats().duplicatesDropped, 3);
        QCOMPARE(service->stats().gapsDetected, 0);
    }

    void aGapResubscribesWithSinceAndReplays()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        startLive(service.get(), &recorder, {u"orders"_s});
        m_server->publishOrders(2);
        QTRY_COMPARE(recorder.events.size(), 2);
        m_server->publishOrders(2, false); // seq 3 and 4 never reach the client
        m_server->publishOrders(1);        // seq 5 reveals the gap
        QTRY_COMPARE(recorder.events.size(), 5);
        QCOMPARE(recorder.seqs(u"orders"_s), range(1, 5));
        QCOMPARE(service->stats().gapsDetected, 1);
        const QList<SubscribeRequest> subscribes = m_server->subscribes();
        QCOMPARE(subscribes.size(), 2);
        QCOMPARE(*subscribes.at(1).since, (SyncPosition{u"e1"_s, 2}));
        QCOMPARE(recorder.snapshots.size(), 1); // recovered: no snapshot needed
    }

    void unrecoverableHistoryAsksForASnapshotAndKeepsStreaming()
    {
        m_server->publishOrders(3); // the server is at seq 3 of epoch e1
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        service->setSyncPosition(u"orders"_s, SyncPosition{u"old-epoch"_s, 10}); // from the cache
        startLive(service.get(), &recorder, {u"orders"_s});
        QCOMPARE(*m_server->subscribes().constFirst().since, (SyncPosition{u"old-epoch"_s, 10}));
        QCOMPARE(recorder.snapshots.constFirst().second, (SyncPosition{u"e1"_s, 3}));
        QCOMPARE(service->stats().snapshotsRequested, 1);

        m_server->publishOrders(2);
        QTRY_COMPARE(recorder.seqs(u"orders"_s), range(4, 5));
        // The snapshot the sync layer loaded already holds seq 6 and 7.
        service->setSyncPosition(u"orders"_s, SyncPosition{u"e1"_s, 7});
        m_server->publishOrders(3);
        QTRY_COMPARE(recorder.seqs(u"orders"_s), (QList<qint64>{4, 5, 8}));
        QCOMPARE(service->stats().duplicatesDropped, 2);
    }

    void refCountedSubscriptions()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        startLive(service.get(), &recorder, {});
        service->subscribe(u"inventory"_s);
        service->subscribe(u"inventory"_s);
        QCOMPARE(service->subscriberCount(u"inventory"_s), 2);
        QTRY_COMPARE(m_server->subscribes().size(), 1);

        service->unsubscribe(u"inventory"_s); // one subscriber left: nothing on the wire
        service->subscribe(u"widgets"_s);     // a marker: frames arrive in order
        QTRY_COMPARE(m_server->subscribes().size(), 2);
        QCOMPARE(m_server->unsubscribeCount(u"inventory"_s), 0);

        service->unsubscribe(u"inventory"_s); // the last one: exactly one unsubscribe
        QTRY_COMPARE(m_server->unsubscribeCount(u"inventory"_s), 1);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"without a subscription"_s));
        service->unsubscribe(u"inventory"_s); // once too often: ignored
        service->subscribe(u"analytics"_s);
        QTRY_COMPARE(m_server->subscribes().size(), 3);
        QCOMPARE(m_server->unsubscribeCount(u"inventory"_s), 1);
        QCOMPARE(service->subscribedChannels(), (QStringList{u"widgets"_s, u"analytics"_s}));
        QCOMPARE(service->stats().subscriptions, 2);
    }

    void eventsOfOtherChannelsReachOnlyChannelEvents()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        startLive(service.get(), &recorder, {u"orders"_s, u"inventory"_s});
        m_server->publish(u"inventory"_s, u"inventory.low_stock"_s, {{u"item"_s, u"basil"_s}});
        m_server->publishOrders(1);
        QTRY_COMPARE(recorder.events.size(), 2);
        QCOMPARE(recorder.orders.size(), 1);
        QCOMPARE(recorder.seqs(u"inventory"_s), QList<qint64>{1});
        QCOMPARE(recorder.events.constFirst().data.value("item"_L1).toString(), u"basil"_s);
    }

    void malformedFramesAreDroppedAndCounted()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        startLive(service.get(), &recorder, {u"orders"_s});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropped"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropped"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropped"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropped"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropped"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropped"_s));
        m_server->sendText(u"this is not json"_s);
        m_server->sendText(u"[1,2,3]"_s);
        m_server->sendText(uR"({"op":"bogus"})"_s);
        m_server->sendText(uR"({"op":"event","channel":"orders","seq":-1,"type":"order.created","data":{},"ts":"2026-01-01T00:00:00.000Z"})"_s);
        m_server->sendBinary(QByteArray("\x00\x01", 2));
        // A well-formed event whose order is broken: dropped, but its seq still counts.
        m_server->publish(u"orders"_s, u"order.created"_s, {{u"id"_s, 5}});
        m_server->publishOrders(1);
        QTRY_COMPARE(recorder.orders.size(), 1);
        QCOMPARE(recorder.orders.constFirst().id, u"order-2"_s);
        QCOMPARE(recorder.seqs(u"orders"_s), QList<qint64>{2});
        const RealtimeStats stats = service->stats();
        QCOMPARE(stats.malformedFrames, 5);
        QCOMPARE(stats.invalidPayloads, 1);
        QCOMPARE(stats.gapsDetected, 0);
        QCOMPARE(service->state(), ConnectionState::Live);
    }

    void framesLargerThanOneSocketReadArriveWhole()
    {
        // The kernel holds at most half a MiB for the client's socket (so one read cannot stall
        // the GUI); frames up to the 1 MiB limit span several reads and must still arrive intact.
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        startLive(service.get(), &recorder, {u"orders"_s});
        for (int seq = 1; seq <= 3; ++seq) {
            m_server->send(ChannelEvent{u"orders"_s, seq, u"note"_s,
                                        QJsonObject{{u"blob"_s, QString(900'000, QChar(u'a' + seq))}},
                                        QDateTime::currentDateTimeUtc()});
        }
        m_server->send(ChannelEvent{u"orders"_s, 4, u"note"_s, QJsonObject{{u"blob"_s, u"small"_s}},
                                    QDateTime::currentDateTimeUtc()}); // right behind them
        QTRY_COMPARE_WITH_TIMEOUT(recorder.events.size(), 4, 20000);
        for (int seq = 1; seq <= 3; ++seq) {
            const ChannelEvent &note = recorder.events.at(seq - 1);
            QCOMPARE(note.seq, qint64(seq));
            QCOMPARE(note.payload().value("blob"_L1).toString(), QString(900'000, QChar(u'a' + seq)));
        }
        QCOMPARE(recorder.events.at(3).payload().value("blob"_L1).toString(), u"small"_s);
        QCOMPARE(recorder.seqs(u"orders"_s), range(1, 4));
        QCOMPARE(service->stats().malformedFrames, 0);
        QCOMPARE(service->state(), ConnectionState::Live);
    }

    void oversizedFramesAreDroppedAndCounted()
    {
        auto service = makeService(m_server->url());
        service->setMaxFrameBytes(4096);
        Recorder recorder(service.get());
        startLive(service.get(), &recorder, {u"orders"_s});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"limit is 4096"_s));
        // Not in the server's log: dropping it must not create a gap with the real seq 1.
        m_server->send(ChannelEvent{u"orders"_s, 1, u"note"_s,
                                    QJsonObject{{u"blob"_s, QString(8000, u'x')}},
                                    QDateTime::currentDateTimeUtc()});
        m_server->publishOrders(1);
        QTRY_COMPARE(recorder.events.size(), 1);
        QCOMPARE(recorder.events.constFirst().type, u"order.created"_s);
        const RealtimeStats stats = service->stats();
        QCOMPARE(stats.oversizedFrames, 1);
        QCOMPARE(stats.malformedFrames, 1);
        QVERIFY(stats.bytesReceived > 8000);
        QCOMPARE(service->state(), ConnectionState::Live);
    }

    void aForbiddenChannelIsReportedWithoutDroppingTheLink()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        startLive(service.get(), &recorder, {u"orders"_s});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"server error"_s));
        m_server->send(ServerError{u"forbidden"_s, u"staff cannot read analytics"_s, true,
                                   u"analytics"_s});
        QTRY_COMPARE(recorder.errors.size(), 1);
        QVERIFY(recorder.errors.constFirst().contains("analytics"_L1));
        QCOMPARE(service->state(), ConnectionState::Live);
    }
};

QTEST_GUILESS_MAIN(TestRealtimeStream)
#include "tst_realtimestream.moc"
