// RealtimeService's defences: unconfirmed and refused subscriptions, the network coming back, a
// computer that slept, frames written while offline, and the stats that report all of it.
#include "fakehearthserver.h"
#include "servicetesthelpers.h"

#include "realtime/networkwatch.h"
#include "realtime/suspenddetector.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

using namespace hearth;
using namespace testing;
using namespace Qt::StringLiterals;

namespace {

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

int subscribesTo(const FakeHearthServer &server, const QString &channel, int connection)
{
    int count = 0;
    for (const FakeHearthServer::Received &entry : server.received) {
        const auto *request = std::get_if<SubscribeRequest>(&entry.message);
        count += request && request->channel == channel && entry.connection == connection ? 1 : 0;
    }
    return count;
}

QString unsubscribeFrame(const QString &channel)
{
    return uR"({"op":"unsubscribe","channel":"%1"})"_s.arg(channel);
}

} // namespace

class TestRealtimeResilience final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeHearthServer> m_server;

private slots:
    void init()
    {
        m_server = std::make_unique<FakeHearthServer>();
        QVERIFY(m_server->listen());
    }

    void cleanup() { m_server.reset(); }

    void anUnconfirmedSubscribeIsSentAgainThenTheLinkRenewed()
    {
        m_server->holdSubscribes = true;
        // The server of the second connection answers as it should.
        connect(m_server.get(), &FakeHearthServer::clientConnected, m_server.get(),
                [this](int connection) { m_server->holdSubscribes = connection < 2; });
        auto service = makeService(m_server->url());
        service->setSubscribePolicy({80ms, 2});
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(m_server->connectionCount(), 2);
        QCOMPARE(subscribesTo(*m_server, u"orders"_s, 1), 3); // the first and two more
        QVERIFY(recorder.errors.constFirst().contains("did not start live \"orders\""_L1));
        QTRY_COMPARE(recorder.snapshots.size(), 1);
        QCOMPARE(service->state(), ConnectionState::Live);
        const RealtimeStats stats = service->stats();
        QVERIFY(stats.recentErrors.constLast().details.contains("3 attempts"_L1));
        QCOMPARE(stats.subscribeResends, 2);
        QCOMPARE(stats.subscribeTimeouts, 1);
        QCOMPARE(stats.reconnects, 1);
        QCOMPARE(stats.channels.size(), 1);
        QCOMPARE(stats.channels.constFirst().state, ChannelStats::State::Subscribed);
    }

    void aSlowConfirmationWithinTheBudgetKeepsTheLink()
    {
        m_server->holdSubscribes = true;
        m_server->publishOrders(2); // history the client has not seen
        auto service = makeService(m_server->url());
        service->setSubscribePolicy({300ms, 2});
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(m_server->heldCount(), 2); // the first subscribe and one resend
        QCOMPARE(service->stats().channels.constFirst().state, ChannelStats::State::Subscribing);
        m_server->holdSubscribes = false;
        m_server->answerHeld(); // two answers to one subscription
        QTRY_COMPARE(recorder.snapshots.size(), 1);
        m_server->publishOrders(3);
        QTRY_COMPARE(recorder.seqs(u"orders"_s), range(3, 5));
        QSignalSpy connections(m_server.get(), &FakeHearthServer::clientConnected);
        QVERIFY(!connections.wait(700)); // an unstopped watch would have renewed the link by now
        QCOMPARE(recorder.snapshots.size(), 1); // the second answer asked for no second snapshot
        QCOMPARE(service->stats().subscribeTimeouts, 0);
        QCOMPARE(service->stats().subscribeResends, 1);
        QCOMPARE(m_server->connectionCount(), 1);
    }

    void theLastSubscriberLeavingWhilePendingUnsubscribesOnceConfirmed()
    {
        m_server->holdSubscribes = true;
        auto service = makeService(m_server->url());
        service->subscribe(u"inventory"_s);
        service->start();
        QTRY_COMPARE(m_server->heldCount(), 1);
        service->unsubscribe(u"inventory"_s);
        QCOMPARE(service->subscriberCount(u"inventory"_s), 0);
        QTest::qWait(100); // nothing may go out before the answer
        QCOMPARE(m_server->unsubscribeCount(u"inventory"_s), 0);
        m_server->answerHeld();
        QTRY_COMPARE(m_server->unsubscribeCount(u"inventory"_s), 1);
        QCOMPARE(service->stats().subscribeTimeouts, 0);
    }

    void subscribingAgainBeforeTheAnswerCancelsTheOwedUnsubscribe()
    {
        m_server->holdSubscribes = true;
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        service->subscribe(u"inventory"_s);
        service->start();
        QTRY_COMPARE(m_server->heldCount(), 1);
        service->unsubscribe(u"inventory"_s);
        service->subscribe(u"inventory"_s);
        QTRY_COMPARE(m_server->heldCount(), 2);
        m_server->holdSubscribes = false;
        m_server->answerHeld();
        QTRY_COMPARE(recorder.snapshots.size(), 1);
        m_server->publish(u"inventory"_s, u"inventory.updated"_s, {{u"id"_s, u"basil"_s}});
        QTRY_COMPARE(recorder.seqs(u"inventory"_s), QList<qint64>{1});
        QCOMPARE(m_server->unsubscribeCount(u"inventory"_s), 0);
    }

    void aRejectedChannelFailsAloneAndIsNotAskedForAgain()
    {
        m_server->rejectedChannels = {u"inventory"_s};
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        QSignalSpy failed(service.get(), &RealtimeService::channelFailed);
        service->subscribe(u"orders"_s);
        service->subscribe(u"inventory"_s);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"server error"_s));
        service->start();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), u"inventory"_s);
        QVERIFY(service->channelError(u"inventory"_s).contains("does not offer live \"inventory\""_L1));
        QVERIFY(recorder.errors.constLast().contains("inventory"_L1));
        QCOMPARE(service->state(), ConnectionState::Live);
        m_server->publishOrders(2);
        QTRY_COMPARE(recorder.seqs(u"orders"_s), range(1, 2));

        RealtimeStats stats = service->stats();
        QCOMPARE(stats.channelsRejected, 1);
        QCOMPARE(stats.channels.size(), 2);
        QCOMPARE(stats.channels.at(1).state, ChannelStats::State::Failed);
        QVERIFY(!stats.channels.at(1).error.isEmpty());

        // A new connection asks for orders again, but not for the refused channel.
        m_server->closeCurrent();
        QTRY_COMPARE(subscribesTo(*m_server, u"orders"_s, 2), 1);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(subscribesTo(*m_server, u"inventory"_s, 2), 0);
        QCOMPARE(subscribesTo(*m_server, u"inventory"_s, 1), 1);

        // A refused channel has nothing to unsubscribe; a new subscriber asks afresh.
        service->unsubscribe(u"inventory"_s);
        m_server->rejectedChannels.clear();
        service->subscribe(u"inventory"_s);
        QTRY_COMPARE(subscribesTo(*m_server, u"inventory"_s, 2), 1);
        QCOMPARE(m_server->unsubscribeCount(u"inventory"_s), 0);
        QTRY_COMPARE(service->stats().channels.at(1).state, ChannelStats::State::Subscribed);
    }

    void newCredentialsAskForARefusedChannelAgain()
    {
        m_server->rejectedChannels = {u"analytics"_s};
        auto service = makeService(m_server->url());
        QSignalSpy failed(service.get(), &RealtimeService::channelFailed);
        service->subscribe(u"analytics"_s);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"server error"_s));
        service->start();
        QTRY_COMPARE(failed.size(), 1);
        m_server->rejectedChannels.clear();
        service->setEndpoint(m_server->url(), u"manager-token"_s); // renews the link at once
        QVERIFY(service->channelError(u"analytics"_s).isEmpty());
        QTRY_COMPARE(m_server->connectionCount(), 2);
        QTRY_COMPARE(subscribesTo(*m_server, u"analytics"_s, 2), 1);
        QTRY_COMPARE(service->stats().channels.constFirst().state, ChannelStats::State::Subscribed);
    }

    void theNetworkComingBackSkipsTheWait()
    {
        const quint16 port = closedPort();
        auto service = makeService(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port)));
        ReconnectPolicy policy = service->reconnectPolicy();
        policy.initialDelay = 60000ms;
        policy.maxDelay = 60000ms;
        service->setReconnectPolicy(policy);
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::WaitingToRetry);

        FakeHearthServer late;
        QVERIFY(late.listen(port));
        NetworkWatch *network = service->networkWatch();
        network->report(QNetworkInformation::Reachability::Disconnected);
        QCOMPARE(service->state(), ConnectionState::WaitingToRetry); // losing it changes nothing
        network->report(QNetworkInformation::Reachability::Online);
        QCOMPARE(service->state(), ConnectionState::Connecting);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(service->stats().networkReturns, 1);
        QCOMPARE(service->stats().reconnects, 1);

        // While live, the network "coming back" is no reason to touch a working link.
        network->report(QNetworkInformation::Reachability::Disconnected);
        network->report(QNetworkInformation::Reachability::Online);
        QCOMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(late.connectionCount(), 1);
    }

    void wakingUpRenewsALiveLinkAtOnce()
    {
        qint64 wall = 1'700'000'000'000;
        qint64 monotonic = 0;
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(recorder.snapshots.size(), 1);
        m_server->publishOrders(2);
        QTRY_COMPARE(recorder.events.size(), 2);

        SuspendDetector *detector = service->suspendDetector();
        QVERIFY(detector->isActive());
        detector->setClocks({[&wall] { return wall; }, [&monotonic] { return monotonic; }});
        m_server->publishOrders(1, false); // happened while asleep
        wall += 6 * 3600 * 1000;
        monotonic += 5000;
        detector->check();
        QCOMPARE(service->state(), ConnectionState::Connecting); // no backoff wait
        QVERIFY(service->lastError().contains("asleep"_L1));
        QTRY_COMPARE(m_server->connectionCount(), 2);
        QTRY_COMPARE(recorder.seqs(u"orders"_s), range(1, 3)); // resumed with since
        QCOMPARE(*m_server->subscribes().at(1).since, (SyncPosition{u"e1"_s, 2}));
        QCOMPARE(service->stats().suspendsDetected, 1);
        QCOMPARE(recorder.snapshots.size(), 1);
        detector->setClocks({});
    }

    void wakingUpWhileWaitingRetriesAtOnceAndStoppedServicesSleepOn()
    {
        const quint16 port = closedPort();
        auto service = makeService(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port)));
        ReconnectPolicy policy = service->reconnectPolicy();
        policy.initialDelay = 60000ms;
        policy.maxDelay = 60000ms;
        service->setReconnectPolicy(policy);
        service->start();
        QTRY_COMPARE(service->state(), ConnectionState::WaitingToRetry);
        FakeHearthServer late;
        QVERIFY(late.listen(port));
        emit service->suspendDetector()->resumed(3600s);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        QCOMPARE(service->stats().suspendsDetected, 1);

        service->stop();
        QVERIFY(!service->suspendDetector()->isActive());
        emit service->suspendDetector()->resumed(3600s);
        QCOMPARE(service->state(), ConnectionState::Offline);
        QCOMPARE(service->stats().suspendsDetected, 1);
    }

    void framesWrittenOfflineAreBoundedAndSentInOrderOnceLive()
    {
        const quint16 port = closedPort();
        auto service = makeService(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port)));
        service->setOutgoingLimits({3, 4096});
        service->subscribe(u"orders"_s);
        Recorder recorder(service.get()); // the 20 ms wait is seen as it starts, not polled for
        service->start();
        QTRY_VERIFY(recorder.states.contains(ConnectionState::WaitingToRetry));
        QVERIFY(service->sendFrame(unsubscribeFrame(u"a"_s)));
        QVERIFY(service->sendFrame(unsubscribeFrame(u"b"_s)));
        QVERIFY(service->sendFrame(unsubscribeFrame(u"c"_s)));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"outgoing buffer full"_s));
        QVERIFY(!service->sendFrame(unsubscribeFrame(u"d"_s)));
        RealtimeStats stats = service->stats();
        QCOMPARE(stats.outgoingQueued, 3);
        QCOMPARE(stats.outgoingOverflows, 1);
        QVERIFY(stats.recentErrors.constLast().details.contains("outgoing buffer full"_L1));

        FakeHearthServer late;
        QVERIFY(late.listen(port));
        service->reconnectNow();
        QTRY_COMPARE(late.received.size(), 4);
        // The subscription first, then the queued frames in the order they were written.
        QVERIFY(std::holds_alternative<SubscribeRequest>(late.received.at(0).message));
        const QStringList expected{u"a"_s, u"b"_s, u"c"_s};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(std::get<UnsubscribeRequest>(late.received.at(i + 1).message).channel, expected.at(i));
        QVERIFY(service->sendFrame(unsubscribeFrame(u"e"_s))); // live: straight out
        QTRY_COMPARE(late.received.size(), 5);
        stats = service->stats();
        QCOMPARE(stats.outgoingQueued, 0);
        QCOMPARE(stats.outgoingSent, 4);
        QCOMPARE(late.unsubscribeCount(u"d"_s), 0);
    }

    void stopDiscardsFramesWrittenForTheSession()
    {
        const quint16 port = closedPort();
        auto service = makeService(QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(port)));
        Recorder recorder(service.get());
        service->start();
        QTRY_VERIFY(recorder.states.contains(ConnectionState::WaitingToRetry));
        QVERIFY(service->sendFrame(unsubscribeFrame(u"a"_s)));
        service->stop();
        QCOMPARE(service->stats().outgoingQueued, 0);
    }

    void statsListRecentErrorsAndTheEventRate()
    {
        auto service = makeService(m_server->url());
        Recorder recorder(service.get());
        service->subscribe(u"orders"_s);
        service->subscribe(u"orders"_s);
        service->start();
        QTRY_COMPARE(recorder.snapshots.size(), 1);
        m_server->publishOrders(50);
        QTRY_COMPARE(recorder.events.size(), 50);
        RealtimeStats stats = service->stats();
        QVERIFY2(stats.eventsPerSecond > 0, qPrintable(QString::number(stats.eventsPerSecond)));
        QVERIFY(stats.eventsPerSecond10s > 0);
        QVERIFY(stats.eventsPerSecond >= stats.eventsPerSecond10s);
        QCOMPARE(stats.channels.size(), 1);
        QCOMPARE(stats.channels.constFirst().subscribers, 2);
        QCOMPARE(stats.channels.constFirst().position, (SyncPosition{u"e1"_s, 50}));
        QVERIFY(stats.recentErrors.isEmpty());

        m_server->closeCurrent();
        QTRY_COMPARE(m_server->connectionCount(), 2);
        m_server->closeCurrent();
        QTRY_COMPARE(m_server->connectionCount(), 3);
        QTRY_COMPARE(service->state(), ConnectionState::Live);
        stats = service->stats();
        QCOMPARE(stats.recentErrors.size(), 1); // the same failure twice: one entry
        QCOMPARE(stats.recentErrors.constFirst().repeats, 2);
        QVERIFY(stats.recentErrors.constFirst().at.isValid());
        QVERIFY(stats.recentErrors.constFirst().message.contains("closed the connection"_L1));
        QVERIFY(service->lastError().isEmpty()); // the status bar is clear; history remains
    }
};

QTEST_GUILESS_MAIN(TestRealtimeResilience)
#include "tst_realtimeresilience.moc"
