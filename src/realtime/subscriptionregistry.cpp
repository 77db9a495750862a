#include "realtime/subscriptionregistry.h"

namespace hearth {

bool SubscriptionRegistry::addRef(const QString &channel)
{
    // Wanted again before the server answered: that answer is welcome after all.
    m_owedUnsubscribes.remove(channel);
    Channel &entry = m_channels[channel];
    if (!m_order.contains(channel))
        m_order.append(channel);
    return ++entry.refCount == 1;
}

bool SubscriptionRegistry::release(const QString &channel)
{
    const auto it = m_channels.find(channel);
    if (it == m_channels.end() || it->refCount == 0)
        return false;
    if (--it->refCount > 0)
        return false;
    if (it->link == Link::Pending)
        m_owedUnsubscribes.insert(channel);
    m_channels.erase(it);
    m_order.removeOne(channel);
    return true;
}

QStringList SubscriptionRegistry::wantedChannels() const
{
    QStringList wanted;
    wanted.reserve(m_order.size());
    for (const QString &channel : m_order) {
        if (isWanted(channel))
            wanted.append(channel);
    }
    return wanted;
}

QStringList SubscriptionRegistry::channelsToSubscribe() const
{
    QStringList channels;
    for (const QString &channel : m_order) {
        const auto it = m_channels.constFind(channel);
        if (it != m_channels.cend() && it->refCount > 0 && it->link != Link::Failed)
            channels.append(channel);
    }
    return channels;
}

bool SubscriptionRegistry::isWanted(const QString &channel) const
{
    return refCount(channel) > 0;
}

int SubscriptionRegistry::refCount(const QString &channel) const
{
    const auto it = m_channels.constFind(channel);
    return it == m_channels.cend() ? 0 : it->refCount;
}

SyncPosition SubscriptionRegistry::position(const QString &channel) const
{
    return m_channels.value(channel).position;
}

SubscriptionRegistry::Link SubscriptionRegistry::link(const QString &channel) const
{
    return m_channels.value(channel).link;
}

std::optional<SyncPosition> SubscriptionRegistry::resumePoint(const QString &channel) const
{
    const SyncPosition current = position(channel);
    if (!current.isValid())
        return std::nullopt;
    return current;
}

void SubscriptionRegistry::markPending(const QString &channel)
{
    const auto it = m_channels.find(channel);
    if (it != m_channels.end())
        it->link = Link::Pending;
}

void SubscriptionRegistry::markIdle(const QString &channel)
{
    const auto it = m_channels.find(channel);
    if (it != m_channels.end())
        it->link = Link::Idle;
}

void SubscriptionRegistry::markFailed(const QString &channel, const QString &failure)
{
    const auto it = m_channels.find(channel);
    if (it == m_channels.end() || it->refCount == 0)
        return;
    it->link = Link::Failed;
    it->failure = failure;
    it->serverEpoch.clear();
}

QString SubscriptionRegistry::failure(const QString &channel) const
{
    return m_channels.value(channel).failure;
}

QStringList SubscriptionRegistry::clearFailures()
{
    QStringList cleared;
    for (auto it = m_channels.begin(); it != m_channels.end(); ++it) {
        if (it->link != Link::Failed)
            continue;
        it->link = Link::Idle;
        it->failure.clear();
        cleared.append(it.key());
    }
    return cleared;
}

bool SubscriptionRegistry::dropOwedUnsubscribe(const QString &channel)
{
    return m_owedUnsubscribes.remove(channel);
}

void SubscriptionRegistry::resetLinks()
{
    m_owedUnsubscribes.clear(); // the server forgot the connection's subscriptions with it
    for (Channel &entry : m_channels) {
        if (entry.link != Link::Failed)
            entry.link = Link::Idle;
        entry.serverEpoch.clear();
    }
}

SubscriptionRegistry::SubscribedOutcome
SubscriptionRegistry::applySubscribed(const SubscribedMessage &message)
{
    const auto it = m_channels.find(message.channel);
    // An answer to a subscribe we no longer want (unsubscribed meanwhile) changes nothing, except
    // that the server now streams it: the unsubscribe that waited for this answer goes out.
    if (it == m_channels.end() || it->refCount == 0) {
        SubscribedOutcome outcome;
        outcome.unsubscribeNow = m_owedUnsubscribes.remove(message.channel);
        return outcome;
    }
    Channel &entry = *it;
    entry.link = Link::Active;
    entry.failure.clear();
    entry.serverEpoch = message.position.epoch;

    const SyncPosition &server = message.position;
    const bool sameEpoch = entry.position.isValid() && entry.position.epoch == server.epoch;
    // A server that claims recovery yet is behind us (its log rolled back without a new epoch)
    // would make every new event look like a duplicate forever: treat it as a lost history.
    // Without recovery the stream continues after the server's newest event; when we already
    // hold exactly that one (the second answer to a subscribe that was sent again because the
    // first answer was slow) nothing is missing and no snapshot is needed.
    const bool recovered = sameEpoch
        && (message.recovered ? server.seq >= entry.position.seq : server.seq == entry.position.seq);
    if (recovered)
        return {true, false, server};
    // The stream continues after the server's newest event; the snapshot the caller loads covers
    // the rest and moves the position to its own watermark through setPosition().
    entry.position = server;
    return {true, true, server};
}

SubscriptionRegistry::Verdict SubscriptionRegistry::classify(const ChannelEvent &event)
{
    const auto it = m_channels.find(event.channel);
    if (it == m_channels.end() || it->refCount == 0 || it->link != Link::Active)
        return Verdict::Ignore;
    // Without sequence numbers there is nothing to order or deduplicate by here: the snapshot
    // taken after every subscribe and the entities' versions keep the models right.
    if (event.seq == ChannelEvent::unsequenced)
        return Verdict::Accept;
    Channel &entry = *it;
    if (event.seq <= entry.position.seq)
        return Verdict::Duplicate;
    if (event.seq > entry.position.seq + 1) {
        entry.link = Link::Pending;
        return Verdict::Gap;
    }
    entry.position.seq = event.seq;
    return Verdict::Accept;
}

bool SubscriptionRegistry::setPosition(const QString &channel, const SyncPosition &position)
{
    if (!position.isValid())
        return false;
    Channel &entry = m_channels[channel]; // a position may arrive (from the cache) before subscribe
    if (!m_order.contains(channel))
        m_order.append(channel);
    if (entry.position.isValid() && entry.position.epoch == position.epoch) {
        // Never move back within an epoch: the events after a snapshot's watermark that were
        // already streamed were delivered, and re-delivering them would only cost time.
        entry.position.seq = std::max(entry.position.seq, position.seq);
        return false;
    }
    entry.position = position;
    if (entry.link == Link::Active && entry.serverEpoch != position.epoch) {
        entry.link = Link::Pending;
        return true;
    }
    return false;
}

} // namespace hearth
