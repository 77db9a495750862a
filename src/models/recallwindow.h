#pragma once

// When Recall is offered: the server undoes an order's last status change only within 120 s of it
// by its own clock (docs/protocol.md, "Order actions"), so the button greys when that time has
// passed — with no event to say so, hence a one-second look while a window is open (changed()).
// The change is known from the order's history (or, from a backend without one, its latest
// change), or from the click here that has not come back from the server yet. No widgets.
#include "core/order.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

namespace hearth {

class RecallWindow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecallWindow)

public:
    static constexpr int seconds = 120;
    using Clock = std::function<QDateTime()>; // the server's clock, UTC

    explicit RecallWindow(Clock clock, QObject *parent = nullptr);

    // A status change of `orderId` was asked for here, now; it becomes the one Recall undoes.
    void noteChange(const QString &orderId);
    // Recall was asked for `order` here: a recall is not recalled again, neither before its
    // echo arrives (this) nor after (its history step says "recall").
    void noteRecall(const Order &order);
    QString lastChanged() const { return m_lastChanged; }

    // When the order's status last changed, or invalid when it never did.
    QDateTime lastStatusChangeAt(const Order &order) const;
    bool isOpen(const Order &order) const;
    // The page says whether it offers Recall; while it does, changed() comes every second.
    void setOffered(bool offered);

signals:
    void changed();

private:
    Clock m_clock;
    QTimer m_ticker;
    QString m_lastChanged;
    QDateTime m_lastChangedAt;
    QString m_recalledId;
    qint64 m_recalledVersion = 0;
};

} // namespace hearth
