#pragma once

// Everything a client of one backend needs for live orders, wired once: REST, the realtime link,
// sign-in, snapshot sync, the polling fallback and order actions. The dashboard, hearthctl and
// the integration tests all build on it, so they behave alike. It holds no model: whoever shows
// the orders connects to sync()'s signals.
#include "api/restclient.h"
#include "realtime/realtimeservice.h"
#include "sync/orderactions.h"
#include "sync/orderssync.h"
#include "sync/pollingfallback.h"
#include "sync/signin.h"

#include <QNetworkAccessManager>
#include <QObject>

namespace hearth {

class OrdersClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersClient)

public:
    explicit OrdersClient(QObject *parent = nullptr);
    ~OrdersClient() override;

    // Subscribes, enables polling and connects (or reconnects after a sign-out). Call once
    // signed in. Signed in as another identity than the one it runs as, it leaves that one first.
    void start();
    void stop();
    // Who the session belongs to: server, restaurant and user (the endpoint, for a token).
    QString identity() const;
    // Started as another identity than the session's (another restaurant, user or server):
    // stops everything of the old one — socket, subscriptions with their positions, a snapshot
    // in flight — so nothing of it reaches the new one. True when it did; whoever shows or
    // stores orders then drops them before start().
    bool leaveOtherIdentity();

    RestClient &rest() { return m_rest; }
    RealtimeService &realtime() { return m_realtime; }
    SignIn &signIn() { return m_signIn; }
    OrdersSync &sync() { return m_sync; }
    PollingFallback &polling() { return m_polling; }
    OrderActions &actions() { return m_actions; }

private:
    QNetworkAccessManager m_network;
    RestClient m_rest;
    RealtimeService m_realtime;
    SignIn m_signIn;
    OrdersSync m_sync;
    PollingFallback m_polling;
    OrderActions m_actions;
    QString m_startedAs; // identity() at the last start(); empty once stopped
};

} // namespace hearth
