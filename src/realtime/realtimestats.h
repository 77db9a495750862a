#pragma once

// Counters behind the diagnostics panel. Plain numbers, cheap to copy; they only ever grow,
// except the gauges marked as such.
#include <QtGlobal>

namespace hearth {

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
};

} // namespace hearth
