#pragma once

// The measurements against other clients and other protocols: a Node.js `ws` client doing
// JSON.parse and a newest-version-per-id Map on the very frames the ingest burst uses, and the
// Action Cable and Phoenix adapters' decode + field mapping against the Hearth adapter's.
#include <QString>

namespace hearth::bench {

struct NodePeerResult
{
    bool available = false;
    QString missing;             // why it was skipped, for the reader: how to install what is absent
    int events = 0;
    int orders = 0;              // the Map's size at the end: proves it kept one per order
    double eventsPerSecond = 0;
};

// The frames' decode as RealtimeService does it (QString from the socket → UTF-8 → adapter →
// typed order), in process: what each protocol's mapping costs on the hot path.
struct AdapterResult
{
    int events = 0;
    double hearthGeneralEventsPerSecond = 0; // the general decoder: QJsonDocument + JsonReader
    double hearthEventsPerSecond = 0;        // HearthAdapter as shipped (the fast order events)
    double actionCableEventsPerSecond = 0;
    double phoenixEventsPerSecond = 0;
    bool allDecoded = false;     // every frame of every protocol gave an order
};

NodePeerResult measureNodePeer(int events);
AdapterResult measureAdapters(int events);

} // namespace hearth::bench
