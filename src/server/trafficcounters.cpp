#include "server/trafficcounters.h"

#include <chrono>

namespace hearth::server {

void TrafficCounters::countEventsSent(const QString &restaurantId, qint64 count, qint64 nowMs)
{
    if (count <= 0)
        return;
    m_total.eventsSent += count;
    Restaurant &restaurant = m_restaurants[restaurantId];
    restaurant.figures.eventsSent += count;
    const qint64 second = nowMs / 1000;
    Bucket &bucket = restaurant.window[size_t(second % rateWindowSeconds)];
    if (bucket.second != second)
        bucket = Bucket{second, 0}; // a bucket left from an older round of the window
    bucket.count += count;
}

void TrafficCounters::countMalformedFrame(const QString &restaurantId)
{
    ++m_total.malformedFrames;
    ++m_restaurants[restaurantId].figures.malformedFrames;
}

void TrafficCounters::countRateLimitedFrame(const QString &restaurantId)
{
    ++m_total.rateLimitedFrames;
    ++m_restaurants[restaurantId].figures.rateLimitedFrames;
}

TrafficCounters::Figures TrafficCounters::of(const QString &restaurantId) const
{
    const auto it = m_restaurants.constFind(restaurantId);
    return it == m_restaurants.cend() ? Figures{} : it->figures;
}

double TrafficCounters::eventsPerSecond(const QString &restaurantId, qint64 nowMs) const
{
    const auto it = m_restaurants.constFind(restaurantId);
    if (it == m_restaurants.cend())
        return 0;
    const qint64 second = nowMs / 1000;
    qint64 sum = 0;
    for (const Bucket &bucket : it->window) {
        if (bucket.second > second - rateWindowSeconds && bucket.second <= second)
            sum += bucket.count;
    }
    return double(sum) / rateWindowSeconds;
}

qint64 TrafficCounters::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace hearth::server
