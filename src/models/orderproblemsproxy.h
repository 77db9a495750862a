#pragma once

// Marks the orders whose last action failed, on their rows: "New — failed" in the status cell,
// a red row, the reason in the tooltip. Until the action is tried again or the message is read.
#include <QHash>
#include <QIdentityProxyModel>

namespace hearth {

class OrdersModel;

class OrderProblemsProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderProblemsProxy)

public:
    enum Role { ProblemRole = Qt::UserRole + 100 }; // the failure's sentence, or nothing

    explicit OrderProblemsProxy(OrdersModel *orders, QObject *parent = nullptr);
    // What the status cell of such an order says ("New — failed"); the table sizes for it.
    static QString failedStatusText(const QString &status);

    void setProblem(const QString &orderId, const QString &message);
    void clearProblem(const QString &orderId);
    void clearAll();
    QString problem(const QString &orderId) const { return m_problems.value(orderId); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void emitRowChanged(const QString &orderId);

    OrdersModel *m_orders;
    QHash<QString, QString> m_problems; // order id → what failed
};

} // namespace hearth
