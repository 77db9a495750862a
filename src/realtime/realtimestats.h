#pragma once

// Everything the diagnostics panel and `hearthctl` show about the realtime link: counters that
// only ever grow, gauges (marked as such), rates, the channels and the recent errors. Cheap to
// copy; RealtimeService::stats() is the single source.
#include "core/syncposition.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace hearth {

// One entry of the recent-errors list; consecutive repeats of one message share an entry.
struct RecentError
{
    QDateTime at;    // the latest occurrence (UTC)
    QString message; // user-facing, translated
    QString details; // technical, English, of the latest occurrence
    int repeats = 1;
};

struct ChannelStats
{
    enum class State { Idle, Subscribing, Subscribed, Failed };

    QString channel;
    int subscribers = 0;
    State state = State::Idle;
    SyncPosition position; // the last event whose effect the client holds
    QString error;         // user-facing, when Failed
};

struct RealtimeStats
{
    int socketsOpened = 0;         // every connection attempt opens a fresh socket
    int reconnects = 0;            // attempts made after a link was lost or failed
    int openSockets = 0;           // gauge: sockets not yet destroyed (1 while connected, briefly 2)
    int subscriptions = 0;         // gauge: channels with at least one subscriber
    qint64 framesReceived = 0;
    qint64 eventsReceived = 0;     // event frames that decoded, before sequencing
    qint64 eventsDelivered = 0;    // events emitted through channelEvents()
    qint64 bytesReceived = 0;
    qint64 malformedFrames = 0;    // not JSON, not an object, unknown op, bad fields, oversize
    qint64 oversizedFrames = 0;    // the part of malformedFrames that exceeded the size limit
    qint64 invalidPayloads = 0;    // well-formed events whose data failed typed decoding
    qint64 duplicatesDropped = 0;
    qint64 gapsDetected = 0;
    qint64 eventsIgnored = 0;      // events of channels not (or not yet again) subscribed
    qint64 snapshotsRequested = 0;
    qint64 batchesEmitted = 0;     // flushes of the event batcher
    qint64 pingsSent = 0;
    qint64 pongsReceived = 0;
    int staleLinks = 0;            // links given up because nothing arrived for 2 × heartbeat
    int inboundOverflows = 0;      // links dropped because frames arrived faster than applied, for
                                   // longer than the inbound queue holds; resumed from what was applied
    qint64 inboundQueued = 0;      // gauge: received frames waiting to be applied
    qint64 inboundSlices = 0;      // turns of the event loop that applied received frames

    int subscribeResends = 0;      // subscribes sent again because no confirmation came
    int subscribeTimeouts = 0;     // links renewed because a subscribe stayed unconfirmed
    int channelsRejected = 0;      // subscriptions the server refused (forbidden, bad request)
    int suspendsDetected = 0;      // the computer slept; the link was renewed on waking
    int networkReturns = 0;        // immediate retries because the OS reported the network back
    bool networkMonitored = false; // gauge: the OS reports reachability on this platform

    int outgoingQueued = 0;        // gauge: client frames waiting for the link
    qint64 outgoingSent = 0;       // client frames sent (at once or from the queue)
    qint64 outgoingOverflows = 0;  // client frames refused because the queue was full

    double eventsPerSecond = 0;    // gauge: over the last second
    double eventsPerSecond10s = 0; // gauge: over the last ten seconds

    QList<ChannelStats> channels;      // gauge: every wanted channel, in subscription order
    QList<RecentError> recentErrors;   // gauge: the last 20, oldest first
};

} // namespace hearth
