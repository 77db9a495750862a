#include "sync/ordersclient.h"

#include "core/logging.h"

#include <QSignalBlocker>

namespace hearth {

OrdersClient::OrdersClient(QObject *parent)
    : QObject(parent),
      m_rest(&m_network),
      m_signIn(&m_rest, &m_realtime),
      m_sync(&m_realtime, &m_rest),
      m_polling(&m_realtime, &m_rest),
      m_actions(&m_rest)
{
    // Polled changes take the same path as streamed ones, so a snapshot in flight keeps both to merge.
    connect(&m_polling, &PollingFallback::ordersPolled, &m_sync, &OrdersSync::applyChanges);
    connect(&m_signIn, &SignIn::signedOut, &m_polling, [this] { m_polling.setEnabled(false); });
    // Order actions that waited for the network go the moment the link is back.
    connect(&m_realtime, &RealtimeService::stateChanged, &m_actions, [this](ConnectionState state) {
        if (state == ConnectionState::Live)
            m_actions.retryNow();
    });
}

OrdersClient::~OrdersClient()
{
    // Stopping announces state changes (and delivers what the link had batched); during
    // destruction nobody may hear them: a receiver may be half gone already, and a lambda
    // connected without a context object may capture locals that are (ASan: stack-use-after-
    // scope, issue 13). Whoever wants those signals calls stop() first, as the dashboard does.
    const QSignalBlocker blockThis(this);
    const QSignalBlocker blockRest(&m_rest);
    const QSignalBlocker blockRealtime(&m_realtime);
    const QSignalBlocker blockSignIn(&m_signIn);
    const QSignalBlocker blockSync(&m_sync);
    const QSignalBlocker blockPolling(&m_polling);
    const QSignalBlocker blockActions(&m_actions);
    stop();
}

QString OrdersClient::identity() const
{
    if (!m_signIn.isSignedIn())
        return m_realtime.endpoint().toString();
    const Session &session = m_signIn.session();
    return QStringLiteral("%1|%2|%3").arg(m_signIn.address().httpBase.toString(), session.restaurantId,
                                          session.username);
}

bool OrdersClient::leaveOtherIdentity()
{
    if (m_startedAs.isEmpty() || m_startedAs == identity())
        return false;
    qCInfo(lcSync) << "signed in as someone else: leaving the previous session's orders";
    stop();
    m_actions.leaveIdentity();
    return true;
}

void OrdersClient::start()
{
    leaveOtherIdentity();
    m_startedAs = identity();
    m_sync.start();
    m_polling.setEnabled(true);
    m_actions.start();
    if (m_realtime.state() == ConnectionState::SignedOut)
        m_realtime.reconnectNow(); // signed in again: the new token is in place
    else
        m_realtime.start();
}

void OrdersClient::stop()
{
    m_startedAs.clear();
    m_polling.setEnabled(false);
    m_actions.stop();
    m_sync.stop();
    m_realtime.stop();
}

} // namespace hearth
