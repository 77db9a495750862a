#pragma once

// Shared set-up for the RealtimeService tests: a service with fast, deterministic reconnects,
// and a recorder of everything it emits.
#include "realtime/realtimeservice.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace testing {

using namespace std::chrono_literals;

inline std::unique_ptr<hearth::RealtimeService> makeService(const QUrl &url,
                                                            const QString &token = QStringLiteral("tok"))
{
    auto service = std::make_unique<hearth::RealtimeService>();
    service->setEndpoint(url, token);
    hearth::ReconnectPolicy policy;
    policy.initialDelay = 20ms;
    policy.maxDelay = 200ms;
    policy.healthyAfter = 5000ms;
    policy.connectTimeout = 3000ms;
    service->setReconnectPolicy(policy);
    service->setRandomSource([] { return 1.0; }); // always the ceiling: predictable delays
    return service;
}

// Collects the service's signals so tests can assert on what reached "the models".
struct Recorder
{
    explicit Recorder(hearth::RealtimeService *service)
    {
        QObject::connect(service, &hearth::RealtimeService::channelEvents, service,
                         [this](const QString &channel, const QList<hearth::ChannelEvent> &batch) {
                             ++eventBatches;
                             for (const hearth::ChannelEvent &event : batch) {
                                 Q_ASSERT(event.channel == channel);
                                 events.append(event);
                             }
                         });
        QObject::connect(service, &hearth::RealtimeService::ordersChanged, service,
                         [this](const QList<hearth::Order> &batch) {
                             ++orderBatches;
                             orders.append(batch);
                         });
        QObject::connect(service, &hearth::RealtimeService::snapshotRequired, service,
                         [this](const QString &channel, const hearth::SyncPosition &position) {
                             snapshots.append({channel, position});
                         });
        QObject::connect(service, &hearth::RealtimeService::errorOccurred, service,
                         [this](const QString &message) { errors.append(message); });
        QObject::connect(service, &hearth::RealtimeService::stateChanged, service,
                         [this](hearth::ConnectionState state) { states.append(state); });
    }

    QList<qint64> seqs(const QString &channel) const
    {
        QList<qint64> result;
        for (const hearth::ChannelEvent &event : events) {
            if (event.channel == channel)
                result.append(event.seq);
        }
        return result;
    }

    QList<hearth::ChannelEvent> events;
    QList<hearth::Order> orders;
    QList<QPair<QString, hearth::SyncPosition>> snapshots;
    QStringList errors;
    QList<hearth::ConnectionState> states;
    int eventBatches = 0;
    int orderBatches = 0;
};

inline QList<qint64> range(qint64 from, qint64 to)
{
    QList<qint64> result;
    for (qint64 i = from; i <= to; ++i)
        result.append(i);
    return result;
}

} // namespace testing
