#include "realtime/networkwatch.h"

#include "core/logging.h"

namespace hearth {

NetworkWatch::NetworkWatch(QObject *parent) : QObject(parent) {}

bool NetworkWatch::start()
{
    if (m_started)
        return m_available;
    m_started = true;
    // The backend is process-wide; loading it again (another service, a test) is harmless.
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcRealtime) << "the system does not report network reachability here;"
                              " reconnects rely on the backoff alone";
        return false;
    }
    QNetworkInformation *information = QNetworkInformation::instance();
    if (!information)
        return false;
    m_available = true;
    m_reachability = information->reachability();
    connect(information, &QNetworkInformation::reachabilityChanged, this, &NetworkWatch::report);
    qCDebug(lcRealtime) << "network reachability from" << information->backendName() << ":"
                        << m_reachability;
    return true;
}

bool NetworkWatch::isReachable(Reachability reachability)
{
    // Site counts: a restaurant's hearth-server often sits on the local network.
    return reachability == Reachability::Online || reachability == Reachability::Site;
}

void NetworkWatch::report(Reachability reachability)
{
    const Reachability previous = std::exchange(m_reachability, reachability);
    if (previous == reachability)
        return;
    qCInfo(lcRealtime) << "network reachability" << previous << "->" << reachability;
    if (isReachable(reachability) && !isReachable(previous))
        emit networkReturned();
}

} // namespace hearth
