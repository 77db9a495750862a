#pragma once

// What staff do to an order from the dashboard: acknowledge it, move it on, cancel it. The
// server's answer is applied at once (the same change also arrives on the stream; the model keeps
// one copy by version), and a refusal is reported in words a manager understands.
#include "api/restclient.h"
#include "core/order.h"

#include <QObject>
#include <QSet>

namespace hearth {

class OrderActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderActions)

public:
    explicit OrderActions(RestClient *rest, QObject *parent = nullptr);

    void acknowledge(const QString &orderId);
    void moveTo(const QString &orderId, OrderStatus status);
    bool isBusy(const QString &orderId) const { return m_inFlight.contains(orderId); }

signals:
    void orderChanged(const QList<hearth::Order> &orders); // a one-element list: fits OrdersModel::upsert
    void actionFailed(const QString &orderId, const QString &message);
    void busyChanged(const QString &orderId, bool busy);

private:
    void send(const QString &orderId, const std::function<void(RestClient::Callback<Order>)> &request);
    void finish(const QString &orderId);

    RestClient *m_rest;
    QSet<QString> m_inFlight; // one action per order at a time: a double click sends one request
};

} // namespace hearth
