#include "sync/orderactions.h"

#include "api/restclient.h"
#include "core/logging.h"

namespace hearth {

OrderActions::OrderActions(RestClient *rest, QObject *parent) : QObject(parent), m_rest(rest) {}

void OrderActions::acknowledge(const QString &orderId)
{
    send(orderId, [this, orderId](RestClient::Callback<Order> done) {
        m_rest->acknowledgeOrder(orderId, this, std::move(done));
    });
}

void OrderActions::moveTo(const QString &orderId, OrderStatus status)
{
    send(orderId, [this, orderId, status](RestClient::Callback<Order> done) {
        m_rest->setOrderStatus(orderId, status, this, std::move(done));
    });
}

void OrderActions::send(const QString &orderId,
                        const std::function<void(RestClient::Callback<Order>)> &request)
{
    if (m_inFlight.contains(orderId))
        return;
    m_inFlight.insert(orderId);
    emit busyChanged(orderId, true);
    request([this, orderId](const ApiResult<Order> &result) {
        finish(orderId);
        if (result.ok())
            emit orderChanged({*result.value});
        else
            emit actionFailed(orderId, result.error.message);
    });
}

void OrderActions::finish(const QString &orderId)
{
    m_inFlight.remove(orderId);
    emit busyChanged(orderId, false);
}

} // namespace hearth
