#include "sync/ordersclient.h"

namespace hearth {

OrdersClient::OrdersClient(QObject *parent)
    : QObject(parent),
      m_rest(&m_network),
      m_signIn(&m_rest, &m_realtime),
      m_sync(&m_realtime, &m_rest),
      m_polling(&m_realtime, &m_rest),
      m_actions(&m_rest)
{
    // Polled changes take the same path as streamed ones, so a snapshot in flight holds both back.
    connect(&m_polling, &PollingFallback::ordersPolled, &m_sync, &OrdersSync::applyChanges);
    connect(&m_signIn, &SignIn::signedOut, &m_polling, [this] { m_polling.setEnabled(false); });
}

OrdersClient::~OrdersClient()
{
    stop();
}

void OrdersClient::start()
{
    m_sync.start();
    m_polling.setEnabled(true);
    if (m_realtime.state() == ConnectionState::SignedOut)
        m_realtime.reconnectNow(); // signed in again: the new token is in place
    else
        m_realtime.start();
}

void OrdersClient::stop()
{
    m_polling.setEnabled(false);
    m_sync.stop();
    m_realtime.stop();
}

} // namespace hearth
