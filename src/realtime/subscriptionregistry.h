#pragma once

// Which channels the application wants, how many parts of it want each, and where each channel's
// event stream stands. Pure bookkeeping (no I/O, no timers), so every sequencing rule — duplicate,
// gap, recovery, snapshot — is decided here and unit-tested without a socket.
#include "core/syncposition.h"
#include "realtime/channelevent.h"
#include "realtime/servermessage.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace hearth {

class SubscriptionRegistry
{
public:
    // Where one channel stands on the current connection. Failed outlives connections: the
    // server refused the channel, and asking again with the same credentials is futile.
    enum class Link { Idle, Pending, Active, Failed };
    enum class Verdict { Accept, Duplicate, Gap, Ignore };

    struct Channel
    {
        int refCount = 0;
        SyncPosition position;   // the last event whose effect the client holds
        QString serverEpoch;     // the epoch the server subscribed us in on this connection
        Link link = Link::Idle;
        QString failure;         // user-facing, while Failed
    };

    struct SubscribedOutcome
    {
        bool accepted = false;          // false: the channel is no longer wanted
        bool snapshotRequired = false;
        SyncPosition serverPosition;
        // The last subscriber left while this subscribe was pending: unsubscribe on the wire now.
        bool unsubscribeNow = false;
    };

    // True when this is the first subscriber: the caller then subscribes on the wire.
    bool addRef(const QString &channel);
    // True when the last subscriber left. The channel's position is forgotten too, because
    // whoever re-subscribes later no longer holds that state. The caller unsubscribes on the wire
    // when the channel was Active; when it was Pending the server has not answered yet, so the
    // unsubscribe is owed until the answer comes (see SubscribedOutcome::unsubscribeNow).
    bool release(const QString &channel);

    QStringList wantedChannels() const;   // in the order they were first subscribed
    QStringList channelsToSubscribe() const; // wanted and not Failed
    bool isWanted(const QString &channel) const;
    int refCount(const QString &channel) const;
    SyncPosition position(const QString &channel) const;
    Link link(const QString &channel) const;
    // `since` for a subscribe: the position, when there is a valid one.
    std::optional<SyncPosition> resumePoint(const QString &channel) const;

    void markPending(const QString &channel);
    void markIdle(const QString &channel);
    // The server refused the channel; it is not asked for again until every subscriber left and
    // one came back, or clearFailures() (new credentials). No effect on a channel not wanted.
    void markFailed(const QString &channel, const QString &failure);
    QString failure(const QString &channel) const;
    QStringList clearFailures(); // returns the channels that were Failed
    // An error about a channel whose last subscriber left while its subscribe was pending: the
    // owed unsubscribe is void. True when that was the case.
    bool dropOwedUnsubscribe(const QString &channel);
    bool owesUnsubscribe(const QString &channel) const { return m_owedUnsubscribes.contains(channel); }
    // The connection is gone: nothing is subscribed any more, positions stay for the resume.
    void resetLinks();

    SubscribedOutcome applySubscribed(const SubscribedMessage &message);
    // Decides what to do with one event and, when it is accepted, advances the position. A gap
    // leaves the channel Pending: later events are ignored until the resubscribe is answered.
    Verdict classify(const ChannelEvent &event);
    // A snapshot (or the local cache) holds everything up to `position`. Returns true when the
    // live subscription is in another epoch and must be renewed from the new position.
    bool setPosition(const QString &channel, const SyncPosition &position);

private:
    QHash<QString, Channel> m_channels;
    QStringList m_order;
    QSet<QString> m_owedUnsubscribes; // released while Pending on the current connection
};

} // namespace hearth
