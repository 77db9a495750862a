#pragma once

// What staff do to an order — acknowledge, move on, cancel, recall, reopen — made safe on flaky
// Wi-Fi. Every action goes into the durable OrderActionQueue first (committed before the call
// returns) with its own idempotency key and the version the screen showed, then out to the
// server one at a time, in the order staff made them. The network or the server failing (or a
// 5xx) keeps it queued and retried with a capped backoff, and at once when the link is back,
// always with the same key, so the server applies it once. A 409 (the order moved on
// meanwhile) or another refusal drops the action (and the ones queued behind it for the same
// order) and says so; nothing is applied blindly. A 401 pauses sending until start().
#include "api/restclient.h"
#include "core/order.h"
#include "store/orderactionqueue.h"
#include "sync/saveclock.h"

#include <QObject>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace hearth {

class OrderActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderActions)

public:
    using Reply = std::function<void(const ApiResult<Order> &)>;

    explicit OrderActions(RestClient *rest, QObject *parent = nullptr);
    ~OrderActions() override;

    // The queue's file (one per server and restaurant); an empty path keeps it in memory.
    // Actions queued in memory before join the file's, behind them.
    bool openQueue(const QString &path);
    // Signed in as someone else: actions queued in memory were theirs, not this identity's.
    void leaveIdentity();
    const OrderActionQueue &queue() const { return *m_queue; }
    void setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds max);
    // Tests drive time by hand; default: the system clock.
    void setClock(std::unique_ptr<SaveClock> clock);

    // Sending is allowed (signed in); what the queue holds — from a previous run too — goes out.
    void start();
    // Nothing more is sent; an answer still in flight is ignored (its entry keeps its key).
    void stop();
    // The link came back: what waits for the network goes now.
    void retryNow();

    // `order` is the order as the screen shows it: its version is the action's If-Match.
    void acknowledge(const Order &order);
    void moveTo(const Order &order, OrderStatus status);
    void reopen(const Order &order);
    // Undoes the last status change: one still waiting in the queue is simply taken out;
    // otherwise the server is asked to recall it (it allows that for a short while).
    void recall(const Order &order);

    // A request for the order is on its way (its buttons wait).
    bool isBusy(const QString &orderId) const;
    // The order has actions waiting to be sent (offline, retrying): its row says "queued".
    bool isQueued(const QString &orderId) const;
    // The waiting actions, as staff name them ("Acknowledge", "Start preparing").
    QStringList queuedActionNames(const QString &orderId) const;
    // The status the order will have once its queued actions are sent; nothing when a queued
    // recall makes it unknown.
    std::optional<OrderStatus> expectedStatus(const Order &order) const;
    int queuedCount() const { return m_queue->depth(); }
    int requestsSent() const { return m_requestsSent; }

    // "Start preparing", "Cancel order"…: what a move is called on the buttons and in messages.
    static QString actionName(const QueuedOrderAction &action);

signals:
    void orderChanged(const QList<hearth::Order> &orders); // a one-element list: fits OrdersModel::upsert
    // User-facing: what was not done and why. The action is no longer queued.
    void actionFailed(const QString &orderId, const QString &message);
    void busyChanged(const QString &orderId, bool busy);
    // The order's queued actions changed (added, sent, dropped, waiting again).
    void queueChanged(const QString &orderId);
    void queuedCountChanged(int count);
    // The queue's file cannot be written: user-facing.
    void storageProblem(const QString &message);

private:
    void enqueue(const Order &order, QueuedOrderAction::Kind kind, OrderStatus status = OrderStatus::New);
    void setQueue(std::unique_ptr<OrderActionQueue> queue);
    void pump();
    void send(const QueuedOrderAction &action, Reply reply);
    void onReply(qint64 sequence, quint64 generation, const ApiResult<Order> &result);
    // Drops the action and those queued behind it for the same order; says why.
    void drop(const QueuedOrderAction &action, const QString &reason);

    RestClient *m_rest;
    std::unique_ptr<OrderActionQueue> m_queue;
    std::unique_ptr<SaveClock> m_clock;
    std::chrono::milliseconds m_firstRetry{1000};
    std::chrono::milliseconds m_maxRetry{30000};
    bool m_started = false;
    qint64 m_inFlight = 0;     // the sequence of the action on its way; 0: none
    QString m_inFlightOrder;
    int m_failures = 0;        // of the head, in a row
    qint64 m_dueAtMs = -1;     // when the head may be tried again after a failure
    quint64 m_generation = 0;  // bumped by stop() and a new queue: older answers are ignored
    int m_requestsSent = 0;
};

} // namespace hearth
