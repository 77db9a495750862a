#pragma once

// What the WebSocket hub has sent and refused, for the whole server and per restaurant, so
// GET /api/stats can answer a manager about their own restaurant only. The per-restaurant
// event rate is kept in one-second buckets over a sliding window: counting costs a hash
// lookup and an add, reading sums ten numbers.
#include <QHash>
#include <QString>

#include <array>

namespace hearth::server {

class TrafficCounters final
{
public:
    static constexpr int rateWindowSeconds = 10;

    struct Figures
    {
        qint64 eventsSent = 0;        // event frames written (live and replayed)
        qint64 malformedFrames = 0;   // client frames rejected as oversized or unreadable
        qint64 rateLimitedFrames = 0; // client frames dropped by the frame rate limit
        qint64 pongsReceived = 0;     // answers to the server's liveness pings
        qint64 slowReadersDropped = 0; // connections closed because their unsent bytes passed the cap
    };

    void countEventsSent(const QString &restaurantId, qint64 count, qint64 nowMs);
    void countMalformedFrame(const QString &restaurantId);
    void countRateLimitedFrame(const QString &restaurantId);
    // Server-wide only: nobody asks for these per restaurant.
    void countPong() { ++m_total.pongsReceived; }
    void countSlowReaderDropped() { ++m_total.slowReadersDropped; }

    const Figures &total() const { return m_total; }
    Figures of(const QString &restaurantId) const;
    // Events sent to the restaurant's connections per second, over the last rateWindowSeconds.
    double eventsPerSecond(const QString &restaurantId, qint64 nowMs) const;

    // The monotonic clock the callers pass in (milliseconds, arbitrary origin).
    static qint64 nowMs();

private:
    struct Bucket
    {
        qint64 second = -1;
        qint64 count = 0;
    };
    struct Restaurant
    {
        Figures figures;
        std::array<Bucket, rateWindowSeconds> window;
    };

    Figures m_total;
    QHash<QString, Restaurant> m_restaurants;
};

} // namespace hearth::server
