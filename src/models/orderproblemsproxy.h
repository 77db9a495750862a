#pragma once

// Marks the orders whose last action failed, on their rows: "New — failed" in the status cell,
// a red row, the reason in the tooltip. Until the action is tried again or the message is read.
// And the orders whose actions wait in the offline queue: "Preparing — queued" (the status they
// will have once sent), an amber row, the waiting actions in the tooltip. A failure wins.
#include <QHash>
#include <QIdentityProxyModel>

namespace hearth {

class OrdersModel;

class OrderProblemsProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderProblemsProxy)

public:
    enum Role {
        ProblemRole = Qt::UserRole + 100, // the failure's sentence, or nothing
        QueuedRole,                       // what waits to be sent, or nothing
    };

    explicit OrderProblemsProxy(OrdersModel *orders, QObject *parent = nullptr);
    // What the status cell of such an order says ("New — failed"); the table sizes for it.
    static QString failedStatusText(const QString &status);
    static QString queuedStatusText(const QString &status);

    void setProblem(const QString &orderId, const QString &message);
    void clearProblem(const QString &orderId);
    void clearAll();
    // `expectedStatus`: what the status cell shows (the status once sent); `waiting`: the
    // actions, for the tooltip. An empty `waiting` clears the mark.
    void setQueued(const QString &orderId, const QString &expectedStatus, const QStringList &waiting);
    QString problem(const QString &orderId) const { return m_problems.value(orderId); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void emitRowChanged(const QString &orderId);

    OrdersModel *m_orders;
    struct Queued
    {
        QString expectedStatus;
        QStringList waiting;
    };
    QHash<QString, QString> m_problems; // order id → what failed
    QHash<QString, Queued> m_queued;    // order id → what waits in the offline queue
};

} // namespace hearth
