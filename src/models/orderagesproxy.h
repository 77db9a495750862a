#pragma once

// How long each open order has waited, by the server's clock, in the Received column
// ("7 min · 19:02"), coloured amber and then red past two thresholds (5 and 10 minutes unless
// set; each status may have its own, since a Ready order waiting 5 minutes is later than a New
// one). Refreshes itself while time passes.
#include "core/order.h"

#include <QHash>
#include <QIdentityProxyModel>
#include <QTimer>

#include <chrono>

namespace hearth {

class ServerClock;

class OrderAgesProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderAgesProxy)

public:
    enum Role { AgeSecondsRole = Qt::UserRole + 110 }; // open orders only; never negative

    explicit OrderAgesProxy(const ServerClock *clock, QObject *parent = nullptr);

    // For every status.
    void setThresholds(std::chrono::minutes warning, std::chrono::minutes urgent);
    // For the orders of one status.
    void setThresholds(OrderStatus status, std::chrono::minutes warning, std::chrono::minutes urgent);
    // Re-reads every age now (the timer does this every few seconds).
    void refresh();
    static QString ageText(qint64 seconds);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    qint64 ageSeconds(const QModelIndex &index) const; // -1 for closed orders

    const ServerClock *m_clock;
    struct Thresholds
    {
        std::chrono::minutes warning{5};
        std::chrono::minutes urgent{10};
    };
    Thresholds thresholdsFor(const QModelIndex &index) const;

    Thresholds m_default;
    QHash<int, Thresholds> m_byStatus; // OrderStatus as int
    QTimer m_tick;
};

} // namespace hearth
