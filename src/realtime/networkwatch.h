#pragma once

// Tells the realtime link when the operating system reports the network back, so a dashboard
// whose Wi-Fi returns reconnects at once instead of sitting out a backoff of up to 30 s. Uses
// QNetworkInformation where the platform has a backend; where it has none, nothing is reported
// and the backoff alone brings the link back.
#include <QNetworkInformation>
#include <QObject>

namespace hearth {

class NetworkWatch final : public QObject
{
    Q_OBJECT

public:
    using Reachability = QNetworkInformation::Reachability;

    explicit NetworkWatch(QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(NetworkWatch)

    // Loads the platform's reachability backend the first time; false where there is none.
    bool start();
    bool isAvailable() const { return m_available; }
    Reachability reachability() const { return m_reachability; }

    // What the backend reports; public so that tests can play the operating system.
    void report(Reachability reachability);

signals:
    // The network went from unreachable (or unknown) to reachable.
    void networkReturned();

private:
    static bool isReachable(Reachability reachability);

    bool m_started = false;
    bool m_available = false;
    Reachability m_reachability = Reachability::Unknown;
};

} // namespace hearth
