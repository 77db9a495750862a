#include "realtime/subscriptionregistry.h"

#include <QtTest>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

using Verdict = SubscriptionRegistry::Verdict;
using Link = SubscriptionRegistry::Link;

ChannelEvent makeEvent(const QString &channel, qint64 seq)
{
    return ChannelEvent{channel, seq, u"t"_s, {}, {}};
}

SubscribedMessage subscribed(const QString &channel, const QString &epoch, qint64 seq, bool recovered)
{
    return SubscribedMessage{channel, SyncPosition{epoch, seq}, recovered};
}

} // namespace

class TestSubscriptionRegistry final : public QObject
{
    Q_OBJECT

private slots:
    void refCountsAndDedupes()
    {
        SubscriptionRegistry registry;
        QVERIFY(registry.addRef(u"orders"_s));
        QVERIFY(!registry.addRef(u"orders"_s));
        QVERIFY(registry.addRef(u"inventory"_s));
        QCOMPARE(registry.wantedChannels(), (QStringList{u"orders"_s, u"inventory"_s}));
        QCOMPARE(registry.refCount(u"orders"_s), 2);
        QVERIFY(!registry.release(u"orders"_s));
        QVERIFY(registry.release(u"orders"_s));
        QVERIFY(!registry.release(u"orders"_s)); // once too often: no second unsubscribe
        QCOMPARE(registry.wantedChannels(), QStringList{u"inventory"_s});
    }

    void firstSubscribeNeedsSnapshotThenStreams()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        QVERIFY(!registry.resumePoint(u"orders"_s));
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 1)), Verdict::Ignore); // not subscribed yet
        registry.markPending(u"orders"_s);
        const auto outcome = registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 10, false));
        QVERIFY(outcome.accepted);
        QVERIFY(outcome.snapshotRequired);
        QCOMPARE(outcome.serverPosition, (SyncPosition{u"e1"_s, 10}));
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 10)), Verdict::Duplicate);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 11)), Verdict::Accept);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 11)), Verdict::Duplicate);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 12)), Verdict::Accept);
        QCOMPARE(registry.position(u"orders"_s), (SyncPosition{u"e1"_s, 12}));
    }

    void gapLeavesTheChannelPendingUntilResubscribed()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 3, false));
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 6)), Verdict::Gap);
        QCOMPARE(registry.link(u"orders"_s), Link::Pending);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 7)), Verdict::Ignore);
        QCOMPARE(*registry.resumePoint(u"orders"_s), (SyncPosition{u"e1"_s, 3}));
        const auto outcome = registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 7, true));
        QVERIFY(!outcome.snapshotRequired);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 4)), Verdict::Accept);
    }

    void recoveryFromAnotherEpochOrAheadOfTheServerNeedsSnapshot()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.setPosition(u"orders"_s, SyncPosition{u"old"_s, 50});
        // The server says recovered but is in another epoch: seq numbers do not compare.
        auto outcome = registry.applySubscribed(subscribed(u"orders"_s, u"new"_s, 5, true));
        QVERIFY(outcome.snapshotRequired);
        QCOMPARE(registry.position(u"orders"_s), (SyncPosition{u"new"_s, 5}));

        registry.resetLinks();
        registry.setPosition(u"orders"_s, SyncPosition{u"new"_s, 9});
        // Recovered, same epoch, but the server is behind us: its history was lost.
        outcome = registry.applySubscribed(subscribed(u"orders"_s, u"new"_s, 7, true));
        QVERIFY(outcome.snapshotRequired);
        QCOMPARE(registry.position(u"orders"_s), (SyncPosition{u"new"_s, 7}));
    }

    void snapshotWatermarkMovesForwardOnly()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 10, false));
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 11)), Verdict::Accept);
        QVERIFY(!registry.setPosition(u"orders"_s, SyncPosition{u"e1"_s, 15}));
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 15)), Verdict::Duplicate);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 16)), Verdict::Accept);
        QVERIFY(!registry.setPosition(u"orders"_s, SyncPosition{u"e1"_s, 12}));
        QCOMPARE(registry.position(u"orders"_s).seq, 16);
    }

    void snapshotFromAnotherEpochAsksForResubscribe()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.applySubscribed(subscribed(u"orders"_s, u"e2"_s, 10, false));
        QVERIFY(registry.setPosition(u"orders"_s, SyncPosition{u"e1"_s, 40}));
        QCOMPARE(registry.link(u"orders"_s), Link::Pending);
        QCOMPARE(*registry.resumePoint(u"orders"_s), (SyncPosition{u"e1"_s, 40}));
    }

    void positionBeforeSubscribeIsKeptForTheResume()
    {
        SubscriptionRegistry registry;
        QVERIFY(!registry.setPosition(u"orders"_s, SyncPosition{u"e1"_s, 8}));
        QVERIFY(registry.wantedChannels().isEmpty());
        QVERIFY(registry.addRef(u"orders"_s));
        QCOMPARE(*registry.resumePoint(u"orders"_s), (SyncPosition{u"e1"_s, 8}));
    }

    void releasingForgetsThePosition()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 10, false));
        QVERIFY(registry.release(u"orders"_s));
        QVERIFY(!registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 10, true)).accepted);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 11)), Verdict::Ignore);
        registry.addRef(u"orders"_s);
        QVERIFY(!registry.resumePoint(u"orders"_s));
    }

    void resetLinksKeepsPositions()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 10, false));
        registry.resetLinks();
        QCOMPARE(registry.link(u"orders"_s), Link::Idle);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 11)), Verdict::Ignore);
        QCOMPARE(*registry.resumePoint(u"orders"_s), (SyncPosition{u"e1"_s, 10}));
    }

    void releasingWhilePendingOwesAnUnsubscribeUntilTheAnswer()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.markPending(u"orders"_s);
        QVERIFY(registry.release(u"orders"_s));
        QVERIFY(registry.owesUnsubscribe(u"orders"_s));
        auto outcome = registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 4, false));
        QVERIFY(!outcome.accepted);
        QVERIFY(outcome.unsubscribeNow);
        QVERIFY(!registry.owesUnsubscribe(u"orders"_s));
        // A second answer (to a resend) owes nothing more.
        outcome = registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 4, false));
        QVERIFY(!outcome.unsubscribeNow);
    }

    void releasingAnActiveOrIdleChannelOwesNothing()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 4, false));
        QVERIFY(registry.release(u"orders"_s));
        QVERIFY(!registry.owesUnsubscribe(u"orders"_s));
        registry.addRef(u"inventory"_s);
        QVERIFY(registry.release(u"inventory"_s));
        QVERIFY(!registry.owesUnsubscribe(u"inventory"_s));
    }

    void theOwedUnsubscribeIsVoidWhenWantedAgainOrTheLinkIsGone()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.markPending(u"orders"_s);
        registry.release(u"orders"_s);
        QVERIFY(registry.addRef(u"orders"_s)); // wanted again before the answer
        QVERIFY(!registry.owesUnsubscribe(u"orders"_s));
        QVERIFY(registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 4, false)).accepted);

        registry.addRef(u"inventory"_s);
        registry.markPending(u"inventory"_s);
        registry.release(u"inventory"_s);
        registry.resetLinks();
        QVERIFY(!registry.owesUnsubscribe(u"inventory"_s));

        registry.addRef(u"widgets"_s);
        registry.markPending(u"widgets"_s);
        registry.release(u"widgets"_s);
        QVERIFY(registry.dropOwedUnsubscribe(u"widgets"_s)); // the server refused it anyway
        QVERIFY(!registry.dropOwedUnsubscribe(u"widgets"_s));
    }

    void aSecondAnswerAtOurPositionNeedsNoSnapshot()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.markPending(u"orders"_s);
        QVERIFY(registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 10, false)).snapshotRequired);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 11)), Verdict::Accept);
        QCOMPARE(registry.classify(makeEvent(u"orders"_s, 12)), Verdict::Accept);
        // The answer to the resent subscribe: the server's head is where we are.
        auto outcome = registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 12, false));
        QVERIFY(outcome.accepted);
        QVERIFY(!outcome.snapshotRequired);
        QCOMPARE(registry.position(u"orders"_s), (SyncPosition{u"e1"_s, 12}));
        // Behind or ahead of us without recovery: history is missing either way.
        QVERIFY(registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 14, false)).snapshotRequired);
        registry.setPosition(u"orders"_s, SyncPosition{u"e1"_s, 20});
        QVERIFY(registry.applySubscribed(subscribed(u"orders"_s, u"e1"_s, 15, false)).snapshotRequired);
    }

    void aFailedChannelStaysFailedAcrossLinksUntilCleared()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"orders"_s);
        registry.addRef(u"analytics"_s);
        registry.markPending(u"analytics"_s);
        registry.markFailed(u"analytics"_s, u"not for staff"_s);
        QCOMPARE(registry.link(u"analytics"_s), Link::Failed);
        QCOMPARE(registry.failure(u"analytics"_s), u"not for staff"_s);
        QCOMPARE(registry.classify(makeEvent(u"analytics"_s, 1)), Verdict::Ignore);
        registry.resetLinks();
        QCOMPARE(registry.link(u"analytics"_s), Link::Failed);
        QCOMPARE(registry.channelsToSubscribe(), QStringList{u"orders"_s});
        QCOMPARE(registry.wantedChannels(), (QStringList{u"orders"_s, u"analytics"_s}));

        QCOMPARE(registry.clearFailures(), QStringList{u"analytics"_s});
        QCOMPARE(registry.link(u"analytics"_s), Link::Idle);
        QVERIFY(registry.failure(u"analytics"_s).isEmpty());
        QCOMPARE(registry.channelsToSubscribe(), (QStringList{u"orders"_s, u"analytics"_s}));

        registry.markFailed(u"unknown"_s, u"x"_s); // not wanted: nothing to mark
        QCOMPARE(registry.link(u"unknown"_s), Link::Idle);
    }

    void aFailedChannelIsForgottenWithItsLastSubscriber()
    {
        SubscriptionRegistry registry;
        registry.addRef(u"analytics"_s);
        registry.markFailed(u"analytics"_s, u"no"_s);
        QVERIFY(registry.release(u"analytics"_s));
        QVERIFY(!registry.owesUnsubscribe(u"analytics"_s));
        QVERIFY(registry.addRef(u"analytics"_s));
        QCOMPARE(registry.link(u"analytics"_s), Link::Idle);
        QCOMPARE(registry.channelsToSubscribe(), QStringList{u"analytics"_s});
    }
};

QTEST_GUILESS_MAIN(TestSubscriptionRegistry)
#include "tst_subscriptionregistry.moc"
