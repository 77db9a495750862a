#pragma once

// Keeps the orders fresh over REST while the WebSocket is down: starts when the link has been
// down for a few seconds, fetches deltas since the last known watermark at a jittered interval,
// backs off when the server struggles, and stops the moment the socket is live again. The
// watermark it reaches is handed to the realtime service, so the socket resumes from there.
#include "core/order.h"
#include "realtime/connectionstate.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace hearth {

class RealtimeService;
class RestClient;
struct OrdersSnapshot;
template<typename T> struct ApiResult;

struct PollingPolicy
{
    std::chrono::milliseconds startAfter{3000}; // a blip of a reconnect is not worth a poll
    std::chrono::milliseconds interval{5000};
    double jitter = 0.2;                         // ± share of the interval, so PCs don't poll in step
    std::chrono::milliseconds maxInterval{60000}; // the ceiling while the server keeps failing
};

// The wait before the next poll: the interval doubled per consecutive failure up to the ceiling,
// spread by ± jitter (`random` uniform in [0, 1)). One rule for every channel's poller.
std::chrono::milliseconds pollingDelay(const PollingPolicy &policy, int consecutiveFailures, double random);

class PollingFallback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PollingFallback)

public:
    using RandomSource = std::function<double()>; // uniform in [0, 1)

    PollingFallback(RealtimeService *realtime, RestClient *rest, QObject *parent = nullptr);

    void setPolicy(const PollingPolicy &policy) { m_policy = policy; }
    const PollingPolicy &policy() const { return m_policy; }
    void setRandomSource(RandomSource random) { m_random = std::move(random); }
    const RandomSource &randomSource() const { return m_random; }
    // Only a signed-in dashboard polls; signing out stops it.
    void setEnabled(bool enabled);
    bool isPolling() const { return m_polling; }
    int pollsMade() const { return m_pollsMade; }
    // The latest answered poll, so the status bar says "polling" only while polls work.
    QDateTime lastPollAt() const { return m_lastPollAt; } // invalid before the first answer
    bool lastPollSucceeded() const { return m_lastPollSucceeded; }
    QDateTime lastSuccessAt() const { return m_lastSuccessAt; }

    static QString channelName();

signals:
    void pollingChanged(bool polling);
    void ordersPolled(const QList<hearth::Order> &orders);
    void pollFailed(const QString &message);
    void pollSucceeded();

private:
    void onStateChanged(ConnectionState state);
    void startPolling();
    void stopPolling();
    void poll();
    // deltaEpoch: the epoch the delta was asked against; empty for a whole snapshot.
    void onPolled(const ApiResult<OrdersSnapshot> &result, quint64 generation, const QString &deltaEpoch);
    void scheduleNext();
    std::chrono::milliseconds nextDelay() const;

    RealtimeService *m_realtime;
    RestClient *m_rest;
    PollingPolicy m_policy;
    RandomSource m_random;
    QTimer m_startTimer;
    QTimer m_pollTimer;
    bool m_enabled = false;
    bool m_polling = false;
    bool m_requestInFlight = false;
    bool m_needSnapshot = false;
    quint64 m_generation = 0; // a poll answered after polling stopped must not touch anything
    int m_consecutiveFailures = 0;
    int m_pollsMade = 0;
    QDateTime m_lastPollAt;
    QDateTime m_lastSuccessAt;
    bool m_lastPollSucceeded = false;
};

} // namespace hearth
